// The generated pinyin table (pinyin_table_generator): the toneless reading of each character
// from kFirst to kLast, as an index into kSyllables ("" where ICU gives none).
#pragma once

namespace dutydesk::pinyin_table {

extern const char32_t kFirst;
extern const char32_t kLast;
extern const char* const kSyllables[];
extern const unsigned short kSyllableOf[];

}  // namespace dutydesk::pinyin_table
