#include "core/position_name.h"

#include "core/utf8.h"

namespace dutydesk {

namespace {

// Splits on any of the separators, trimming each part and dropping empty ones.
std::vector<std::string> splitOn(std::string_view text,
                                 std::initializer_list<std::string_view> separators) {
  std::vector<std::string> parts;
  size_t start = 0;
  size_t pos = 0;
  const auto flush = [&](size_t end) {
    std::string part = utf8::trim(text.substr(start, end - start));
    if (!part.empty()) parts.push_back(std::move(part));
  };
  while (pos < text.size()) {
    bool matched = false;
    for (std::string_view separator : separators) {
      if (text.substr(pos, separator.size()) == separator) {
        flush(pos);
        pos += separator.size();
        start = pos;
        matched = true;
        break;
      }
    }
    if (!matched) ++pos;
  }
  flush(text.size());
  return parts;
}

bool endsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

PositionName parsePositionName(std::string_view title) {
  PositionName result;
  std::string text = utf8::trim(title);
  // A note is a trailing bracketed part; half- and full-width brackets may be mixed by authors.
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"(", ")"},
                             {"（", "）"},
                             {"(", "）"},
                             {"（", ")"}}) {
    if (!endsWith(text, close)) continue;
    const size_t at = text.rfind(open);
    if (at == std::string::npos || at == 0) continue;
    result.note = utf8::trim(std::string_view(text).substr(
        at + open.size(), text.size() - close.size() - at - open.size()));
    text = utf8::trim(std::string_view(text).substr(0, at));
    break;
  }
  result.names = splitOn(text, {"/", "／"});
  if (result.names.empty()) result.names.push_back(text);
  return result;
}

std::vector<std::string> splitNameList(std::string_view value) {
  return splitOn(value, {"、", ",", "，"});
}

}  // namespace dutydesk
