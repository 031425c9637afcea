// Lexicon: the word lists built from list texts in the format of src/core/lexicon/*.txt —
// trade words, two-way synonyms, one-way expansions (=>), stop words and question intents —
// its version fingerprint, and the built-in lists compiled into the program.
#include "core/lexicon.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "text_test_support.h"

using namespace dutydesk;
using dutydesk::testing::names;

namespace {

const char* const kDomainWords =
    "# Trade words: one or more a line, '#' starts a comment.\n"
    "报修 保洁\n"
    "\n"
    "物业经理助理  # a comment after a word\n"
    "单\n";
const char* const kSynonyms =
    "# groups\n"
    "保安 秩序维护员 安保\n"
    "冒烟 烟雾\n";
const char* const kExpansions =
    "# words => terms\n"
    "着火 冒烟 => 火灾\n"
    "坏了 => 维修 报修\n";
const char* const kStopWords = "的 了 谁\n是 还是\n";
const char* const kIntents =
    "# kind = words\n"
    "who = 谁 找谁 谁管\n"
    "superior = 上级 谁管\n"
    "alternative = 还是\n";

Lexicon sample() {
  return Lexicon(kDomainWords, kSynonyms, kExpansions, kStopWords, kIntents);
}

using Words = std::vector<std::string>;

}  // namespace

TEST_CASE("the dictionary: trade words and every word of the other lists, two characters up") {
  const Lexicon lexicon = sample();
  for (const char* word : {"报修", "保洁", "物业经理助理", "保安", "秩序维护员", "安保", "着火",
                           "冒烟", "火灾", "维修", "还是", "找谁", "谁管", "上级"}) {
    CAPTURE(word);
    CHECK(lexicon.isDictionaryWord(word));
  }
  // One character needs no keeping whole; comments and kind names are no words.
  for (const char* word : {"单", "谁", "的", "#", "comment", "a", "who", "=", "=>", "电梯"}) {
    CAPTURE(word);
    CHECK_FALSE(lexicon.isDictionaryWord(word));
  }
  CHECK(lexicon.longestWordCodePoints() == 6);  // 物业经理助理
}

TEST_CASE("synonyms go both ways") {
  const Lexicon lexicon = sample();
  CHECK(lexicon.synonymsOf("保安") == Words{"秩序维护员", "安保"});
  CHECK(lexicon.synonymsOf("秩序维护员") == Words{"保安", "安保"});
  CHECK(lexicon.synonymsOf("安保") == Words{"保安", "秩序维护员"});
  CHECK(lexicon.alternativesOf("秩序维护员") == Words{"保安", "安保"});
  CHECK(lexicon.synonymsOf("报修").empty());
  CHECK(lexicon.alternativesOf("报修").empty());
  CHECK(lexicon.synonymsOf("不在表里").empty());
}

TEST_CASE("expansions go one way, and come after synonyms") {
  const Lexicon lexicon = sample();
  CHECK(lexicon.alternativesOf("着火") == Words{"火灾"});
  CHECK(lexicon.alternativesOf("坏了") == Words{"维修", "报修"});
  // 火灾 must not find every clause that says 冒烟.
  CHECK(lexicon.alternativesOf("火灾").empty());
  CHECK(lexicon.alternativesOf("维修").empty());
  // 冒烟 has a synonym and an expansion: synonyms first; synonymsOf has no expansions.
  CHECK(lexicon.alternativesOf("冒烟") == Words{"烟雾", "火灾"});
  CHECK(lexicon.synonymsOf("冒烟") == Words{"烟雾"});
  CHECK(lexicon.synonymsOf("着火").empty());
  // The synonym of an expanding word does not expand by it.
  CHECK(lexicon.alternativesOf("烟雾") == Words{"冒烟"});
}

TEST_CASE("a word in two groups gets the alternatives of both, once each") {
  const Lexicon lexicon("", "维修 修理\n维修 检修 修理\n", "维修 => 报修\n", "", "");
  CHECK(lexicon.synonymsOf("维修") == Words{"修理", "检修"});
  CHECK(lexicon.alternativesOf("维修") == Words{"修理", "检修", "报修"});
  CHECK(lexicon.synonymsOf("检修") == Words{"维修", "修理"});
}

TEST_CASE("listed words are found by how they sound; stop words and question words are not") {
  const Lexicon lexicon = sample();
  CHECK(lexicon.wordsSounding("bao xiu") == Words{"报修"});
  CHECK(lexicon.wordsSounding("huo zai") == Words{"火灾"});
  CHECK(lexicon.wordsSounding("zhao shui").empty());  // 找谁: a question word
  CHECK(lexicon.wordsSounding("hai shi").empty());    // 还是: a stop word
  CHECK(lexicon.wordsSounding("no such key").empty());
}

TEST_CASE("stop words") {
  const Lexicon lexicon = sample();
  for (const char* word : {"的", "了", "谁", "是", "还是"}) {
    CAPTURE(word);
    CHECK(lexicon.isStopWord(word));
  }
  for (const char* word : {"报修", "保安", "找谁", "上级", ""}) {
    CAPTURE(word);
    CHECK_FALSE(lexicon.isStopWord(word));
  }
}

TEST_CASE("intents by kind") {
  const Lexicon lexicon = sample();
  CHECK(names(lexicon.intentsOf("谁")) == "who");
  CHECK(names(lexicon.intentsOf("上级")) == "superior");
  CHECK(names(lexicon.intentsOf("还是")) == "alternative");
  // A word on two lines signals both kinds, in list order.
  CHECK(names(lexicon.intentsOf("谁管")) == "who superior");
  CHECK(lexicon.intentsOf("报修").empty());
  CHECK(lexicon.intentsOf("保安").empty());
}

TEST_CASE("wordsOf lists the words of one intent, sorted") {
  const Lexicon lexicon = sample();
  Words who{"谁", "找谁", "谁管"};
  std::sort(who.begin(), who.end());
  CHECK(lexicon.wordsOf(Intent::kWho) == who);
  Words superior{"上级", "谁管"};
  std::sort(superior.begin(), superior.end());
  CHECK(lexicon.wordsOf(Intent::kSuperior) == superior);
  CHECK(lexicon.wordsOf(Intent::kAlternative) == Words{"还是"});
  CHECK(lexicon.wordsOf(Intent::kDuties).empty());
}

TEST_CASE("every intent kind of the list format is read") {
  const Lexicon lexicon("", "", "", "",
                        "who = 谁\nduties = 做什么\nsuperior = 上级\nsubordinate = 下级\n"
                        "alternative = 还是\noversee = 督导\nhandover = 交给\n");
  CHECK(lexicon.wordsOf(Intent::kWho) == Words{"谁"});
  CHECK(lexicon.wordsOf(Intent::kDuties) == Words{"做什么"});
  CHECK(lexicon.wordsOf(Intent::kSuperior) == Words{"上级"});
  CHECK(lexicon.wordsOf(Intent::kSubordinate) == Words{"下级"});
  CHECK(lexicon.wordsOf(Intent::kAlternative) == Words{"还是"});
  CHECK(lexicon.wordsOf(Intent::kOversee) == Words{"督导"});
  CHECK(lexicon.wordsOf(Intent::kHandOver) == Words{"交给"});
}

TEST_CASE("a malformed intents line is rejected") {
  const auto build = [](const char* intents) { return Lexicon("", "", "", "", intents); };
  const char* const malformed[] = {
      "who 谁 找谁\n",  // no '='
      "who =\n",        // no words
      "who=谁\n",       // '=' must stand apart
      "谁 = who\n",     // the kind first
  };
  for (const char* intents : malformed) {
    CAPTURE(intents);
    CHECK_THROWS_AS(build(intents), std::invalid_argument);
  }
  CHECK_THROWS_WITH_AS(build("who 谁\n"), "intents list: a line must read 'kind = words'",
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(build("boss = 老板\n"), "intents list: unknown kind 'boss'",
                       std::invalid_argument);
  // Comments and blank lines are not lines to read.
  CHECK_NOTHROW(build("# who = 谁\n\n   \nwho = 谁 # 谁 asks who\n"));
}

TEST_CASE("tabs and Windows line ends separate words too") {
  const Lexicon lexicon("报修\t保洁\r\n物业费\r\n", "保安\t安保\r\n", "", "", "");
  CHECK(lexicon.isDictionaryWord("报修"));
  CHECK(lexicon.isDictionaryWord("保洁"));
  CHECK(lexicon.isDictionaryWord("物业费"));
  CHECK_FALSE(lexicon.isDictionaryWord("物业费\r"));
  CHECK(lexicon.synonymsOf("保安") == Words{"安保"});
}

TEST_CASE("version() changes whenever a list changes") {
  const std::string base = sample().version();
  CHECK(base.size() == 16);
  CHECK(base.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(sample().version() == base);  // the same lists, the same version

  const std::string changed[] = {
      Lexicon("报修 保洁 电梯\n", kSynonyms, kExpansions, kStopWords, kIntents).version(),
      Lexicon(kDomainWords, "保安 安保\n", kExpansions, kStopWords, kIntents).version(),
      Lexicon(kDomainWords, kSynonyms, "着火 => 火灾\n", kStopWords, kIntents).version(),
      Lexicon(kDomainWords, kSynonyms, kExpansions, "的\n", kIntents).version(),
      Lexicon(kDomainWords, kSynonyms, kExpansions, kStopWords, "who = 谁\n").version(),
  };
  for (const std::string& version : changed) CHECK(version != base);
  // The same word in another list is another lexicon.
  CHECK(Lexicon("报修", "", "", "", "").version() != Lexicon("", "报修", "", "", "").version());
  CHECK(Lexicon("报修", "", "", "", "").version() != Lexicon("", "", "", "报修", "").version());
}

TEST_CASE("the built-in lists load") {
  const Lexicon& lexicon = Lexicon::builtIn();
  CHECK(&Lexicon::builtIn() == &lexicon);  // built once
  CHECK(lexicon.version().size() == 16);
  CHECK(lexicon.isDictionaryWord("报修"));
  CHECK(lexicon.isDictionaryWord("保洁"));
  CHECK(lexicon.isDictionaryWord("物业经理助理"));
  CHECK(lexicon.longestWordCodePoints() >= 6);
  const auto& guards = lexicon.synonymsOf("保安");
  CHECK(std::find(guards.begin(), guards.end(), "秩序维护员") != guards.end());
  const auto& fire = lexicon.alternativesOf("着火");
  CHECK(std::find(fire.begin(), fire.end(), "火灾") != fire.end());
  CHECK(lexicon.alternativesOf("火灾").empty());
  CHECK(lexicon.isStopWord("的"));
  CHECK_FALSE(lexicon.isStopWord("报修"));
  const auto who = lexicon.intentsOf("谁");
  CHECK(std::find(who.begin(), who.end(), Intent::kWho) != who.end());
  CHECK(names(lexicon.intentsOf("上级")) == "superior");
  CHECK(names(lexicon.intentsOf("还是")) == "alternative");
  CHECK(names(lexicon.intentsOf("做什么")) == "duties");
  const auto handover = lexicon.wordsOf(Intent::kHandOver);
  CHECK(std::find(handover.begin(), handover.end(), "交给") != handover.end());
}
