// Small UTF-8 helpers used where ICU would be heavier than the job.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace dutydesk::utf8 {

// The 1-based line of the first byte sequence that is not valid UTF-8, or nullopt if the
// whole text is valid.
std::optional<int> firstInvalidLine(std::string_view text);

bool isValid(std::string_view text);

// Decodes the code point starting at text[pos] and advances pos. Requires valid UTF-8.
char32_t decode(std::string_view text, size_t& pos);

void append(std::string& out, char32_t cp);

// Removes a leading byte-order mark.
std::string_view stripBom(std::string_view text);

// Strips ASCII and ideographic (U+3000) white space from both ends.
std::string trim(std::string_view text);

}  // namespace dutydesk::utf8
