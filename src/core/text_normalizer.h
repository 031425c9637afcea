// Puts text in the one form that indexing and queries share: NFKC (full-width → half-width),
// case folding, Traditional → Simplified, invisible characters dropped, white space unified.
#pragma once

#include <unicode/uversion.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

U_NAMESPACE_BEGIN
class Transliterator;
U_NAMESPACE_END

namespace dutydesk {

struct NormalizedText {
  std::string text;
  // For each byte of `text` (plus one past the end), the byte offset in the original text of
  // the character it came from: how highlights find their way back to what the user wrote.
  std::vector<size_t> sourceOffset;

  // The original byte range [begin, end) that produced text[begin, end).
  std::pair<size_t, size_t> sourceRange(size_t begin, size_t end) const;
};

// Works character by character, so every output character maps back to its source. Holds
// ICU objects and a cache: not thread-safe; use one per thread.
class TextNormalizer {
 public:
  TextNormalizer();
  ~TextNormalizer();
  TextNormalizer(const TextNormalizer&) = delete;
  TextNormalizer& operator=(const TextNormalizer&) = delete;

  // Requires valid UTF-8.
  NormalizedText normalize(std::string_view text);

 private:
  const std::string& mapCodePoint(char32_t cp);

  std::unique_ptr<icu::Transliterator> toSimplified_;
  std::unordered_map<char32_t, std::string> cache_;
};

}  // namespace dutydesk
