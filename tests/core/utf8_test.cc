#include "core/utf8.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>

namespace utf8 = dutydesk::utf8;

TEST_CASE("firstInvalidLine gives the line of the first byte that is not UTF-8") {
  const struct {
    std::string text;
    std::optional<int> line;
  } cases[] = {
      {"", std::nullopt},
      {"# 第一章 总则\n\n中文、English、１２３\n", std::nullopt},
      {"\xF0\x9F\x98\x80 emoji", std::nullopt},
      {"# 标题\n\n\xB9\xDC\xC0\xED\n", 3},  // GBK 管理
      {"第一行\n第二行\xE4\xB8\n", 2},      // a truncated sequence
      {"\xC0\xAF", 1},                      // overlong '/'
      {"ok\n\xED\xA0\x80", 2},              // a UTF-16 surrogate
      {"ok\n\n\n\xF4\x90\x80\x80", 4},      // past U+10FFFF
      {"\x80 lone continuation", 1},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(utf8::firstInvalidLine(c.text) == c.line);
    CHECK(utf8::isValid(c.text) == !c.line.has_value());
  }
}

TEST_CASE("a byte-order mark is stripped once, and only at the start") {
  CHECK(utf8::stripBom("\xEF\xBB\xBF# 标题") == "# 标题");
  CHECK(utf8::stripBom("# 标题") == "# 标题");
  CHECK(utf8::stripBom("# \xEF\xBB\xBF标题") == "# \xEF\xBB\xBF标题");
}

TEST_CASE("trim strips ASCII and ideographic white space") {
  CHECK(utf8::trim("  客服主管\t") == "客服主管");
  CHECK(utf8::trim("　客服主管　 ") == "客服主管");
  CHECK(utf8::trim("客服 主管") == "客服 主管");
  CHECK(utf8::trim(" \r\n　") == "");
}

TEST_CASE("decode and append round-trip code points of every length") {
  const std::string text = "a\xC3\xA9中\xF0\x9F\x98\x80";
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) utf8::append(out, utf8::decode(text, pos));
  CHECK(out == text);
  pos = 0;
  CHECK(utf8::decode("中", pos) == U'中');
  CHECK(pos == 3);
}
