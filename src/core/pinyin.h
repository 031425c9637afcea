// How a word sounds: its toneless pinyin, one syllable per character. People type Chinese on
// phones with pinyin input methods and often take the wrong candidate (催交 for 催缴, 保结 for
// 保洁): a word the index lacks can be matched by the words that sound the same.
#pragma once

#include <string>
#include <string_view>

namespace dutydesk {

// The readings of the characters of `word`, joined by spaces ("cui jiao"); empty when a
// character is not a CJK ideograph with a known reading. Polyphonic characters get one
// reading (ICU's first), the same for every word, so homophones still meet. Requires UTF-8.
std::string pinyinKey(std::string_view word);

// The reading of one character as a number, equal for characters that sound the same; 0 for a
// character that is not a CJK ideograph with a known reading. For comparing text to a word by
// sound without building strings.
unsigned short syllableOf(char32_t cp);

}  // namespace dutydesk
