#include "core/quantity.h"

#include "core/utf8.h"

namespace dutydesk {

namespace {

bool isNumeral(char32_t c) {
  constexpr std::u32string_view kNumerals = U"一二两三四五六七八九十百千万半";
  return kNumerals.find(c) != std::u32string_view::npos;
}

// What a number counts in a duty manual: time, frequency, people, money, size.
bool isUnit(char32_t c) {
  constexpr std::u32string_view kUnits = U"秒分小时天日周月年季次遍个名人位元块倍层米度点趟批";
  return kUnits.find(c) != std::u32string_view::npos;
}

}  // namespace

bool statesQuantity(std::string_view text) {
  char32_t previous = 0;
  for (size_t at = 0; at < text.size();) {
    const char32_t c = utf8::decode(text, at);
    if (c >= U'0' && c <= U'9') return true;
    if (isNumeral(previous) && isUnit(c)) return true;
    previous = c;
  }
  return false;
}

}  // namespace dutydesk
