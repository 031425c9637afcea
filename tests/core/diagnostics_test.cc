#include "core/diagnostics.h"

#include <doctest/doctest.h>

#include "manual_test_support.h"

using dutydesk::Diagnostic;
using dutydesk::Diagnostics;
using dutydesk::Severity;

TEST_CASE("Diagnostic::format is FILE:LINE: error|warning: message") {
  CHECK(Diagnostic{"wuye/03-客服.md", 12, Severity::kError, "编号重复"}.format() ==
        "wuye/03-客服.md:12: error: 编号重复");
  CHECK(Diagnostic{"index.md", 3, Severity::kWarning, "小节是空的"}.format() ==
        "index.md:3: warning: 小节是空的");
  CHECK(Diagnostic{"content", 0, Severity::kError, "不是文件夹"}.format() ==
        "content:0: error: 不是文件夹");
}

TEST_CASE("diagnostics sort by file in byte order, then line, stable for equal places") {
  Diagnostics diagnostics;
  diagnostics.warning("b/index.md", 2, "w1");
  diagnostics.error("a/02-乙.md", 10, "e1");
  diagnostics.warning("a/02-乙.md", 9, "w2");
  diagnostics.error("a/02-乙.md", 10, "e2");
  diagnostics.warning("a/10-丙.md", 1, "w3");
  diagnostics.error("a/index.md", 1, "e3");
  diagnostics.error("B/index.md", 1, "e4");  // 'B' < 'a' in byte order
  CHECK(dutydesk::testing::formatted(diagnostics) ==
        "B/index.md:1: error: e4\n"
        "a/02-乙.md:9: warning: w2\n"
        "a/02-乙.md:10: error: e1\n"
        "a/02-乙.md:10: error: e2\n"
        "a/10-丙.md:1: warning: w3\n"
        "a/index.md:1: error: e3\n"
        "b/index.md:2: warning: w1");
  CHECK(diagnostics.errorCount() == 4);
  CHECK(diagnostics.warningCount() == 3);
  CHECK(diagnostics.hasErrors());
  CHECK(diagnostics.all().front().message == "w1");  // all() keeps the order of reporting
}
