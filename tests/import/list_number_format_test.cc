#include "import/list_number_format.h"

#include <doctest/doctest.h>

namespace dutydesk {

TEST_CASE("list numbers are written as Word writes each number format") {
  const struct {
    int value;
    const char* format;
    const char* text;
  } cases[] = {
      {7, "decimal", "7"},
      {7, "decimalZero", "07"},
      {12, "decimalFullWidth", "１２"},
      {3, "decimalEnclosedCircle", "③"},
      {3, "decimalEnclosedParen", "⑶"},
      {3, "decimalEnclosedFullstop", "⒊"},
      {1, "chineseCounting", "一"},
      {10, "chineseCounting", "十"},
      {11, "chineseCounting", "十一"},
      {20, "chineseCounting", "二十"},
      {99, "chineseCounting", "九十九"},
      {100, "chineseCounting", "一〇〇"},
      {10, "chineseCountingThousand", "十"},
      {15, "chineseCountingThousand", "十五"},
      {100, "chineseCountingThousand", "一百"},
      {101, "chineseCountingThousand", "一百〇一"},
      {110, "chineseCountingThousand", "一百一十"},
      {1010, "chineseCountingThousand", "一千〇一十"},
      {10, "chineseLegalSimplified", "壹拾"},
      {23, "chineseLegalSimplified", "贰拾叁"},
      {10, "ideographDigital", "一〇"},
      {305, "ideographDigital", "三〇五"},
      {3, "ideographTraditional", "丙"},
      {2, "ideographZodiac", "丑"},
      {28, "lowerLetter", "bb"},
      {4, "upperRoman", "IV"},
      {5, "none", ""},
  };
  for (const auto& c : cases) {
    INFO("format: " << c.format);
    CAPTURE(c.value);
    CHECK(formatListNumber(c.value, c.format) == std::optional<std::string>(c.text));
  }
  CHECK_FALSE(formatListNumber(3, "hebrew2").has_value());
}

}  // namespace dutydesk
