#include "import/source_text.h"

#include "core/utf8.h"

namespace dutydesk {

namespace {

bool invisible(char32_t cp) {
  return cp == U'\u00AD' || cp == U'\u200B' || cp == U'\u200C' || cp == U'\u200D' ||
         cp == U'\u2060' || cp == U'\uFEFF' || (cp < 0x20 && cp != U'\n' && cp != U'\t') ||
         cp == 0x7F || (cp >= 0xF000 && cp <= 0xF0FF);
}

bool space(char32_t cp) {
  return cp == U' ' || cp == U'\t' || cp == U'\u00A0';
}

}  // namespace

std::string cleanSourceText(std::string_view text) {
  std::string out;
  std::string line;
  bool pendingSpace = false;
  auto endLine = [&] {
    const std::string trimmed = utf8::trim(line);
    if (!trimmed.empty()) {
      if (!out.empty()) out += '\n';
      out += trimmed;
    }
    line.clear();
    pendingSpace = false;
  };
  size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = utf8::decode(text, pos);
    if (cp == U'\n' || cp == U'\r') {
      endLine();
      continue;
    }
    if (invisible(cp)) continue;
    if (space(cp)) {
      pendingSpace = true;
      continue;
    }
    if (pendingSpace && !line.empty()) line += ' ';
    pendingSpace = false;
    utf8::append(line, cp);
  }
  endLine();
  return out;
}

std::string withoutSpaces(std::string_view text) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = utf8::decode(text, pos);
    if (cp == U' ' || cp == U'\u3000' || cp == U'\t' || cp == U'\u00A0') continue;
    utf8::append(out, cp);
  }
  return out;
}

}  // namespace dutydesk
