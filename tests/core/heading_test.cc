#include "core/heading.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>

using dutydesk::isChildNumber;
using dutydesk::parseChapterHeading;
using dutydesk::parseNumberedHeading;

namespace {

// "number|label|title", or "-" when the text is not a heading of that kind.
std::string show(const std::optional<dutydesk::HeadingText>& heading) {
  if (!heading) return "-";
  return heading->number + "|" + heading->label + "|" + heading->title;
}

}  // namespace

TEST_CASE("chapter headings: 第 + Chinese or Arabic numeral + 章, space optional") {
  const struct {
    std::string text;
    std::string parsed;
  } cases[] = {
      {"第三章 客户服务部岗位职责", "3|第三章|客户服务部岗位职责"},
      {"第三章客户服务部岗位职责", "3|第三章|客户服务部岗位职责"},
      {"第十二章 附则", "12|第十二章|附则"},
      {"第二十九章 附则", "29|第二十九章|附则"},
      {"第3章 电梯困人", "3|第3章|电梯困人"},
      {"第3章电梯困人", "3|第3章|电梯困人"},
      {"第03章 总则", "3|第03章|总则"},  // the number loses its zeros; the label keeps them
      {"第12章 附则", "12|第12章|附则"},
      {"  第一章　总则  ", "1|第一章|总则"},     // ASCII and ideographic spaces are trimmed
      {"第一章 规章制度", "1|第一章|规章制度"},  // 章 in the title is not the number's 章
      {"第一章", "1|第一章|"},
      {"总则", "-"},
      {"第章 总则", "-"},
      {"第零章 总则", "-"},
      {"第0章 总则", "-"},
      {"第三节 总则", "-"},
      {"第三 总则", "-"},
      {"第3a章 总则", "-"},
      {"3 总则", "-"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(show(parseChapterHeading(c.text)) == c.parsed);
  }
}

TEST_CASE("section and subsection headings: a dotted number kept verbatim, space optional") {
  const struct {
    std::string text;
    std::string parsed;
  } cases[] = {
      {"3.1 客服主管", "3.1|3.1|客服主管"},
      {"3.1客服主管", "3.1|3.1|客服主管"},
      {"3.1.2 主要职责", "3.1.2|3.1.2|主要职责"},
      {"3.1.2主要职责", "3.1.2|3.1.2|主要职责"},
      {"3.1. 客服主管", "3.1|3.1|客服主管"},  // a trailing dot is not part of the number
      {"3.10 档案管理员", "3.10|3.10|档案管理员"},
      {"03.1 客服主管", "03.1|03.1|客服主管"},  // verbatim: the address people cite
      {"3.1　客服主管", "3.1|3.1|客服主管"},
      {"3.1", "3.1|3.1|"},
      {"客服主管", "-"},
      {".1 客服主管", "-"},
      {"3..1 客服主管", "-"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(show(parseNumberedHeading(c.text)) == c.parsed);
  }
}

TEST_CASE("a child number is its parent's number and one more component") {
  const struct {
    std::string number;
    std::string parent;
    bool child;
  } cases[] = {
      {"3.1", "3", true},   {"3.12", "3", true}, {"3.1.2", "3.1", true}, {"3.1.12", "3.1", true},
      {"31.1", "3", false}, {"4.1", "3", false}, {"3.1.2", "3", false},  {"3.2.1", "3.1", false},
      {"3", "3", false},    {"3.", "3", false},  {"3.1a", "3", false},   {"3.11.1", "3.1", false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.number);
    CAPTURE(c.parent);
    CHECK(isChildNumber(c.number, c.parent) == c.child);
  }
}
