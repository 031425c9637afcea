#include "core/heading.h"

#include "core/chinese_numeral.h"
#include "core/utf8.h"

namespace dutydesk {

namespace {

bool isAsciiDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// A chapter's Arabic number loses its leading zeros ("第03章" is chapter 3), because its
// sections are numbered from the value, not the spelling.
std::string canonicalArabic(std::string_view digits) {
  while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
  return std::string(digits);
}

}  // namespace

std::optional<HeadingText> parseChapterHeading(std::string_view text) {
  const std::string trimmed = utf8::trim(text);
  constexpr std::string_view kPrefix = "第";
  constexpr std::string_view kSuffix = "章";
  std::string_view rest = trimmed;
  if (rest.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  rest.remove_prefix(kPrefix.size());
  const size_t end = rest.find(kSuffix);
  if (end == std::string_view::npos || end == 0) return std::nullopt;
  const std::string_view numeral = rest.substr(0, end);
  HeadingText heading;
  if (isAsciiDigits(numeral)) {
    heading.number = canonicalArabic(numeral);
  } else if (const auto value = parseChineseNumeral(numeral)) {
    heading.number = std::to_string(*value);
  } else {
    return std::nullopt;
  }
  if (heading.number == "0") return std::nullopt;
  heading.label = std::string(kPrefix) + std::string(numeral) + std::string(kSuffix);
  heading.title = utf8::trim(rest.substr(end + kSuffix.size()));
  return heading;
}

std::optional<HeadingText> parseNumberedHeading(std::string_view text) {
  const std::string trimmed = utf8::trim(text);
  size_t end = 0;
  while (end < trimmed.size() &&
         ((trimmed[end] >= '0' && trimmed[end] <= '9') || trimmed[end] == '.')) {
    ++end;
  }
  std::string_view number = std::string_view(trimmed).substr(0, end);
  if (!number.empty() && number.back() == '.') number.remove_suffix(1);
  if (number.empty() || number.front() == '.') return std::nullopt;
  if (number.find("..") != std::string_view::npos) return std::nullopt;
  HeadingText heading;
  heading.number = std::string(number);  // verbatim: it is the address people cite
  heading.label = heading.number;
  heading.title = utf8::trim(std::string_view(trimmed).substr(end));
  return heading;
}

bool isChildNumber(std::string_view number, std::string_view parent) {
  if (number.size() <= parent.size() + 1) return false;
  if (number.substr(0, parent.size()) != parent || number[parent.size()] != '.') return false;
  return isAsciiDigits(number.substr(parent.size() + 1));
}

}  // namespace dutydesk
