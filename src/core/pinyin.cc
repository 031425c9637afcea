#include "core/pinyin.h"

#include "core/pinyin_table.h"
#include "core/utf8.h"

namespace dutydesk {

std::string pinyinKey(std::string_view word) {
  std::string key;
  for (size_t at = 0; at < word.size();) {
    const char32_t cp = utf8::decode(word, at);
    if (cp < pinyin_table::kFirst || cp > pinyin_table::kLast) return {};
    const char* syllable =
        pinyin_table::kSyllables[pinyin_table::kSyllableOf[cp - pinyin_table::kFirst]];
    if (*syllable == '\0') return {};
    if (!key.empty()) key += ' ';
    key += syllable;
  }
  return key;
}

}  // namespace dutydesk
