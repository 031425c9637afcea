// Chinese numerals as chapter numbers are written: 一 … 九十九, 一百 …, 〇/零, 两.
#pragma once

#include <optional>
#include <string_view>

namespace dutydesk {

// The value of a whole Chinese numeral below 10000 ("二十九" → 29, "十" → 10, "一百零五" → 105),
// or nullopt when the text is not one.
std::optional<int> parseChineseNumeral(std::string_view text);

}  // namespace dutydesk
