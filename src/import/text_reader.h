// Plain-text manuals: decoded with ICU from UTF-8, UTF-16 (with a byte-order mark) or GB18030,
// the usual encoding of Chinese text saved on Windows; then one paragraph a line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "import/source_paragraph.h"

namespace dutydesk {

struct DecodedText {
  std::string text;      // UTF-8 without byte-order mark
  std::string encoding;  // "UTF-8", "UTF-16LE", "GB18030", …
  bool guessed = false;  // no byte-order mark said so
};

// Throws ImportError when the bytes are binary or in none of the encodings above.
DecodedText decodeText(std::string_view bytes);

// Every non-empty line is a paragraph, numbered by its line in the file.
std::vector<SourceParagraph> readTextLines(std::string_view text);

}  // namespace dutydesk
