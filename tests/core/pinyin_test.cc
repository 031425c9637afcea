// pinyinKey: the toneless readings of a word's characters, from the table generated from ICU.
#include "core/pinyin.h"

#include <doctest/doctest.h>

using namespace dutydesk;

TEST_CASE("a word's key is the toneless reading of each character") {
  CHECK(pinyinKey("催缴") == "cui jiao");
  CHECK(pinyinKey("物业费") == "wu ye fei");
  CHECK(pinyinKey("绿化") == "lu hua");  // ü is written u: the input methods type it as v or u
}

TEST_CASE("the slips of a pinyin input method have the same key as the word meant") {
  CHECK(pinyinKey("催交") == pinyinKey("催缴"));
  CHECK(pinyinKey("水相") == pinyinKey("水箱"));
  CHECK(pinyinKey("监空") == pinyinKey("监控"));
  CHECK(pinyinKey("保洁") != pinyinKey("保安"));
}

TEST_CASE("text that is not all ideographs has no key") {
  CHECK(pinyinKey("").empty());
  CHECK(pinyinKey("A座").empty());
  CHECK(pinyinKey("3号").empty());
  CHECK(pinyinKey("，").empty());
  CHECK(pinyinKey("ㄅ").empty());
}
