#include "core/chinese_numeral.h"

#include <doctest/doctest.h>

using dutydesk::parseChineseNumeral;

TEST_CASE("Chinese numerals as chapter numbers use them") {
  const struct {
    const char* text;
    std::optional<int> value;
  } cases[] = {
      {"一", 1},
      {"九", 9},
      {"十", 10},
      {"十二", 12},
      {"二十", 20},
      {"二十九", 29},
      {"一百", 100},
      {"一百零五", 105},
      {"两百", 200},
      {"", std::nullopt},
      {"二三", std::nullopt},
      {"章", std::nullopt},
      {"3", std::nullopt},
      {"十十", std::nullopt},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(parseChineseNumeral(c.text) == c.value);
  }
}
