#include "core/pinyin.h"

#include "core/pinyin_table.h"
#include "core/utf8.h"

namespace dutydesk {

unsigned short syllableOf(char32_t cp) {
  if (cp < pinyin_table::kFirst || cp > pinyin_table::kLast) return 0;
  return pinyin_table::kSyllableOf[cp - pinyin_table::kFirst];
}

std::string pinyinKey(std::string_view word) {
  std::string key;
  for (size_t at = 0; at < word.size();) {
    const unsigned short id = syllableOf(utf8::decode(word, at));
    if (id == 0) return {};  // index 0 is "": no reading
    const char* syllable = pinyin_table::kSyllables[id];
    if (!key.empty()) key += ' ';
    key += syllable;
  }
  return key;
}

}  // namespace dutydesk
