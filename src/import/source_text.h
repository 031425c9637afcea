// Cleaning the text that readers take from a source file before anything is decided from it.
#pragma once

#include <string>
#include <string_view>

namespace dutydesk {

// Drops invisible characters (soft hyphens, zero-width spaces, byte-order marks, controls and
// symbol-font private-use glyphs), turns tabs and no-break spaces into spaces, collapses runs of
// spaces and trims every line. Lines stay separated by '\n'; empty lines go.
std::string cleanSourceText(std::string_view text);

// Removes every ASCII and ideographic space: "目　录" → "目录".
std::string withoutSpaces(std::string_view text);

}  // namespace dutydesk
