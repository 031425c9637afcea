#include "core/text_normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <stdexcept>

#include "core/utf8.h"

namespace dutydesk {

std::pair<size_t, size_t> NormalizedText::sourceRange(size_t begin, size_t end) const {
  // A range that ends inside the output of one source character (⑩ became 10) takes all of it.
  size_t next = end;
  while (next > begin && next < text.size() && sourceOffset[next] == sourceOffset[next - 1]) {
    ++next;
  }
  return {sourceOffset[begin], sourceOffset[next]};
}

TextNormalizer::TextNormalizer() {
  UErrorCode status = U_ZERO_ERROR;
  toSimplified_.reset(
      icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !toSimplified_) {
    throw std::runtime_error(std::string("ICU has no Traditional-Simplified transliterator: ") +
                             u_errorName(status));
  }
}

TextNormalizer::~TextNormalizer() = default;

const std::string& TextNormalizer::mapCodePoint(char32_t cp) {
  const auto found = cache_.find(cp);
  if (found != cache_.end()) return found->second;
  std::string mapped;
  if (cp == 0x00AD || (cp >= 0x200B && cp <= 0x200F) || cp == 0xFEFF || cp == 0x2060 ||
      cp == 0x061C || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
    // Soft hyphen, zero-width characters, direction marks and bidi embeddings (text pasted from
    // Word or a web page carries them): invisible, never searched for.
  } else if (u_isspace(static_cast<UChar32>(cp)) || u_iscntrl(static_cast<UChar32>(cp))) {
    mapped.push_back(' ');
  } else {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString text(static_cast<UChar32>(cp));
    text = icu::Normalizer2::getNFKCInstance(status)->normalize(text, status);
    text.foldCase();
    toSimplified_->transliterate(text);
    if (U_FAILURE(status)) text = icu::UnicodeString(static_cast<UChar32>(cp));
    text.toUTF8String(mapped);
  }
  return cache_.emplace(cp, std::move(mapped)).first->second;
}

NormalizedText TextNormalizer::normalize(std::string_view text) {
  NormalizedText out;
  out.text.reserve(text.size());
  out.sourceOffset.reserve(text.size() + 1);
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    const char32_t cp = utf8::decode(text, pos);
    if (cp < 0x80) {
      // ASCII: fold case here; the cache would cost more than it saves.
      char c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c < 0x20 || c == 0x7f) c = ' ';
      out.text += c;
      out.sourceOffset.push_back(start);
      continue;
    }
    const std::string& mapped = mapCodePoint(cp);
    out.text += mapped;
    out.sourceOffset.insert(out.sourceOffset.end(), mapped.size(), start);
  }
  out.sourceOffset.push_back(text.size());
  return out;
}

}  // namespace dutydesk
