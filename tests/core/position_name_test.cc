#include "core/position_name.h"

#include <doctest/doctest.h>

#include "manual_test_support.h"

using dutydesk::parsePositionName;
using dutydesk::splitNameList;
using dutydesk::testing::join;

TEST_CASE("a position title gives its names (/ or ／) and a trailing bracketed note") {
  const struct {
    std::string title;
    std::string names;  // canonical first, joined by |
    std::string note;
  } cases[] = {
      {"客服主管", "客服主管", ""},
      {"客服专员/前台接待", "客服专员|前台接待", ""},
      {"客服专员／前台接待", "客服专员|前台接待", ""},
      {"客服专员 / 前台接待", "客服专员|前台接待", ""},
      {"保洁员/保洁工/清洁工", "保洁员|保洁工|清洁工", ""},
      {"部门主管(如客服主管、工程主管)", "部门主管", "如客服主管、工程主管"},
      {"部门主管（如客服主管、工程主管）", "部门主管", "如客服主管、工程主管"},
      {"部门主管 （各部门通用）", "部门主管", "各部门通用"},
      {"部门主管(各部门通用）", "部门主管", "各部门通用"},  // mixed widths, as authors type
      {"客服专员/前台接待（兼收银）", "客服专员|前台接待", "兼收银"},
      {"（仅有括号）", "（仅有括号）", ""},        // a title that is all note keeps it as the name
      {"班长(白班)/领班", "班长(白班)|领班", ""},  // the note must be trailing
  };
  for (const auto& c : cases) {
    CAPTURE(c.title);
    const auto parsed = parsePositionName(c.title);
    CHECK(join(parsed.names, "|") == c.names);
    CHECK(parsed.note == c.note);
  }
}

TEST_CASE("a reporting-line value splits on 、 , and ，") {
  const struct {
    std::string value;
    std::string names;
  } cases[] = {
      {"物业经理", "物业经理"},
      {"客服专员、前台接待", "客服专员|前台接待"},
      {"客服专员,前台接待", "客服专员|前台接待"},
      {"客服专员，前台接待", "客服专员|前台接待"},
      {"客服专员、 装修管理员 ，社区文化专员,客户关系专员",
       "客服专员|装修管理员|社区文化专员|客户关系专员"},
      {"客服专员、、前台接待、", "客服专员|前台接待"},
      {"", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.value);
    CHECK(join(splitNameList(c.value), "|") == c.names);
  }
}
