// How Word writes a list counter in each number format (w:numFmt), so that an automatic label
// reads exactly as it does on screen: 3 → "三" (chineseCounting), "３" (decimalFullWidth), "③".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dutydesk {

// The text for `value` in `format`; nullopt for a format this importer does not know.
std::optional<std::string> formatListNumber(int value, std::string_view format);

// Word's chineseCounting: 一 … 十, 十一, 二十一; digit by digit from one hundred on.
std::string chineseCounting(int value);

}  // namespace dutydesk
