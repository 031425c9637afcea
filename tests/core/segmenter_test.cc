// Segmenter: ICU word breaking of Han text, the Lexicon's trade words kept whole by forward
// longest match (with ICU's pieces of them as subwords), letter and digit runs as their own
// tokens, and the byte offsets of every token in the normalized text.
#include "core/segmenter.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/lexicon.h"
#include "text_test_support.h"

using namespace dutydesk;
using dutydesk::testing::show;
using dutydesk::testing::words;

namespace {

const SegmenterOptions kWhole{.domainWords = true, .subwords = false};
const SegmenterOptions kWithSubwords{.domainWords = true, .subwords = true};
const SegmenterOptions kIcuOnly{.domainWords = false, .subwords = false};

// A lexicon of only the given trade words.
Lexicon tradeWords(std::string_view words) {
  return Lexicon(words, "", "", "", "");
}

}  // namespace

TEST_CASE("ICU breaks Han text into words") {
  const Lexicon empty = tradeWords("");
  Segmenter segmenter(empty);
  CHECK(show(segmenter.segment("客服专员负责接待业主", kWhole)) ==
        "客@0-3 服@3-6 专员@6-12 负责@12-18 接待@18-24 业主@24-30");
  CHECK(show(segmenter.segment("保洁员打扫楼道", kWhole)) ==
        "保@0-3 洁@3-6 员@6-9 打扫@9-15 楼@15-18 道@18-21");
}

TEST_CASE("the Lexicon's trade words are kept whole") {
  Segmenter segmenter(Lexicon::builtIn());
  const struct {
    std::string text;
    std::string whole;    // trade words kept
    std::string icuOnly;  // domainWords off: ICU alone
  } cases[] = {
      {"业主报修", "业主@0-6 报修@6-12", "业主@0-6 报@6-9 修@9-12"},
      {"保洁", "保洁@0-6", "保@0-3 洁@3-6"},
      // longest match: 保洁员, not 保洁 and 员
      {"保洁员打扫楼道", "保洁员@0-9 打扫@9-15 楼道@15-21",
       "保@0-3 洁@3-6 员@6-9 打扫@9-15 楼@15-18 道@18-21"},
      // 维修工单, not the misleading 维修工 and 单
      {"维修工单", "维修工单@0-12", "维修@0-6 工@6-9 单@9-12"},
      {"客服专员负责接待业主", "客服专员@0-12 负责@12-18 接待@18-24 业主@24-30",
       "客@0-3 服@3-6 专员@6-12 负责@12-18 接待@18-24 业主@24-30"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(show(segmenter.segment(c.text, kWhole)) == c.whole);
    CHECK(show(segmenter.segment(c.text, kIcuOnly)) == c.icuOnly);
  }
}

TEST_CASE("forward longest match: the longest word at each place, left to right") {
  SUBCASE("the longest of nested words wins") {
    const Lexicon lexicon = tradeWords("物业 物业经理 物业经理助理");
    Segmenter segmenter(lexicon);
    CHECK(show(segmenter.segment("物业经理助理", kWhole)) == "物业经理助理@0-18");
    CHECK(show(segmenter.segment("物业经理", kWhole)) == "物业经理@0-12");
  }
  SUBCASE("greedy from the left: 物业经理 takes the place of 经理助理") {
    const Lexicon lexicon = tradeWords("物业经理 经理助理");
    Segmenter segmenter(lexicon);
    CHECK(show(segmenter.segment("物业经理助理", kWhole)) == "物业经理@0-12 助理@12-18");
  }
  SUBCASE("the stretches between trade words go to ICU, with their offsets") {
    const Lexicon lexicon = tradeWords("报修");
    Segmenter segmenter(lexicon);
    CHECK(show(segmenter.segment("业主报修电梯", kWhole)) == "业主@0-6 报修@6-12 电梯@12-18");
    CHECK(show(segmenter.segment("保洁报修", kWhole)) == "保@0-3 洁@3-6 报修@6-12");
  }
  SUBCASE("a one-character list word is not kept") {
    const Lexicon lexicon = tradeWords("洁");
    Segmenter segmenter(lexicon);
    CHECK(lexicon.longestWordCodePoints() == 0);
    CHECK(show(segmenter.segment("保洁", kWhole)) == "保@0-3 洁@3-6");
  }
}

TEST_CASE("subwords: ICU's pieces follow a kept word") {
  Segmenter segmenter(Lexicon::builtIn());
  CHECK(show(segmenter.segment("业主报修", kWithSubwords)) == "业主@0-6 报修@6-12 报@6-9 修@9-12");
  CHECK(show(segmenter.segment("保洁员打扫楼道", kWithSubwords)) ==
        "保洁员@0-9 保@0-3 洁@3-6 员@6-9 打扫@9-15 楼道@15-21 楼@15-18 道@18-21");
  CHECK(show(segmenter.segment("维修工单", kWithSubwords)) ==
        "维修工单@0-12 维修@0-6 工@6-9 单@9-12");
  // A kept word ICU already keeps whole (业主, 打扫) has no subwords.
  CHECK(show(segmenter.segment("业主", kWithSubwords)) == "业主@0-6");

  // Without the trade words there is nothing kept, so nothing to split.
  const SegmenterOptions icuWithSubwords{.domainWords = false, .subwords = true};
  CHECK(show(segmenter.segment("业主报修", icuWithSubwords)) == "业主@0-6 报@6-9 修@9-12");
}

TEST_CASE("letter and digit runs are tokens of their own") {
  const Lexicon lexicon = tradeWords("报警");
  Segmenter segmenter(lexicon);
  const struct {
    std::string text;
    std::string tokens;
  } cases[] = {
      {"打119报警", "打@0-3 119@3-6~ 报警@6-12"},
      {"ic卡", "ic@0-2~ 卡@2-5"},
      {"abc123def", "abc123def@0-9~"},
      {"b2层", "b2@0-2~ 层@2-5"},
      {"火警 119", "火警@0-6 119@7-10~"},
      {"wi fi", "wi@0-2~ fi@3-5~"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(show(segmenter.segment(c.text, kWhole)) == c.tokens);
  }
}

TEST_CASE("punctuation and spaces are dropped; offsets count their bytes") {
  Segmenter segmenter(Lexicon::builtIn());
  CHECK(show(segmenter.segment("报修,保洁.", kWhole)) == "报修@0-6 保洁@7-13");
  CHECK(show(segmenter.segment("  报修!", kWhole)) == "报修@2-8");
  CHECK(show(segmenter.segment("报修，保洁。", kWhole)) == "报修@0-6 保洁@9-15");
  CHECK(segmenter.segment("", kWhole).empty());
  CHECK(segmenter.segment(" ,.!?()", kWhole).empty());
}

TEST_CASE("offsets locate each token's text") {
  Segmenter segmenter(Lexicon::builtIn());
  const std::string text = "着火了,打119!业主报修";
  const std::vector<Token> tokens = segmenter.segment(text, kWithSubwords);
  REQUIRE_FALSE(tokens.empty());
  CHECK(words(tokens) == "着火了 着火 了 打 119 业主 报修 报 修");
  for (const Token& token : tokens) {
    CAPTURE(token.text);
    CHECK(text.substr(token.begin, token.end - token.begin) == token.text);
  }
}

TEST_CASE("hanRuns gives the maximal runs of Han characters") {
  CHECK(show(Segmenter::hanRuns("a电梯b保洁员")) == "电梯@1-7 保洁员@8-17");
  CHECK(show(Segmenter::hanRuns("火警 119 报修")) == "火警@0-6 报修@11-17");
  CHECK(show(Segmenter::hanRuns("电梯,坏了")) == "电梯@0-6 坏了@7-13");
  CHECK(Segmenter::hanRuns("abc 119").empty());
}

TEST_CASE("isHan: the CJK ideographs, not kana, Latin or digits") {
  CHECK(isHan(U'电'));
  CHECK(isHan(U'\u4E00'));
  CHECK(isHan(U'\u9FA5'));
  CHECK(isHan(U'\u3400'));      // CJK extension A
  CHECK(isHan(U'\U00020000'));  // CJK extension B
  CHECK(isHan(U'〇'));
  CHECK_FALSE(isHan(U'a'));
  CHECK_FALSE(isHan(U'1'));
  CHECK_FALSE(isHan(U'あ'));
  CHECK_FALSE(isHan(U'ア'));
  CHECK_FALSE(isHan(U'，'));
  CHECK_FALSE(isHan(U'한'));
}
