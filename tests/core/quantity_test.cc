// statesQuantity: digits, and Chinese numerals with the units duty manuals count in.
#include "core/quantity.h"

#include <doctest/doctest.h>

#include <string>

using namespace dutydesk;

TEST_CASE("a clause states an amount by a digit or a numeral with its unit") {
  const struct {
    std::string text;
    bool states;
  } cases[] = {
      {"每月巡检一次灭火器。", true},
      {"接报后30分钟内到场。", true},
      {"半小时内回复业主。", true},
      {"每天两次清扫大堂。", true},
      {"至少三名秩序维护员在岗。", true},
      {"每周五组织例会。", false},  // 五 names a day here, not an amount
      {"负责一楼大堂的保洁。", false},
      {"统一着装，文明用语。", false},
      {"", false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(statesQuantity(c.text) == c.states);
  }
}
