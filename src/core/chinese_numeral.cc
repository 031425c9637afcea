#include "core/chinese_numeral.h"

#include "core/utf8.h"

namespace dutydesk {

namespace {

std::optional<int> digitValue(char32_t cp) {
  switch (cp) {
    case U'〇':
    case U'零':
      return 0;
    case U'一':
      return 1;
    case U'二':
    case U'两':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return std::nullopt;
  }
}

std::optional<int> unitValue(char32_t cp) {
  switch (cp) {
    case U'十':
      return 10;
    case U'百':
      return 100;
    case U'千':
      return 1000;
    default:
      return std::nullopt;
  }
}

}  // namespace

std::optional<int> parseChineseNumeral(std::string_view text) {
  if (text.empty() || !utf8::isValid(text)) return std::nullopt;
  int total = 0;
  int pending = -1;  // a digit not yet multiplied by a unit; -1 when none
  int lastUnit = 10000;
  size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = utf8::decode(text, pos);
    if (const auto digit = digitValue(cp)) {
      if (pending > 0) return std::nullopt;  // two digits in a row ("二三") is no numeral
      pending = *digit;
    } else if (const auto unit = unitValue(cp)) {
      if (*unit >= lastUnit) return std::nullopt;
      total += (pending < 0 ? 1 : pending) * *unit;  // "十二": a bare 十 means one ten
      if (pending == 0) return std::nullopt;
      pending = -1;
      lastUnit = *unit;
    } else {
      return std::nullopt;
    }
  }
  if (pending > 0) total += pending;
  if (total == 0 && pending != 0) return std::nullopt;
  return total;
}

}  // namespace dutydesk
