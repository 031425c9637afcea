// TextAnalyzer: the one path from text to search terms for clauses (forIndex) and questions
// (forQuery): normalization, words (with subwords for the index only), Han bigrams and single
// characters, each layer switchable through AnalyzerSettings, and the settings' description.
#include "core/text_analyzer.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/lexicon.h"
#include "text_test_support.h"

using namespace dutydesk;
using dutydesk::testing::show;
using dutydesk::testing::words;

TEST_CASE("forIndex adds the subwords of kept words; forQuery keeps words whole") {
  TextAnalyzer analyzer(Lexicon::builtIn(), {});
  const struct {
    std::string text;
    std::string index;
    std::string query;
  } cases[] = {
      {"业主报修", "业主 报修 报 修", "业主 报修"},
      {"保洁员打扫楼道", "保洁员 保 洁 员 打扫 楼道 楼 道", "保洁员 打扫 楼道"},
      {"客服专员负责接待业主", "客服专员 客 服 专员 负责 接待 业主", "客服专员 负责 接待 业主"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(words(analyzer.forIndex(c.text).words) == c.index);
    CHECK(words(analyzer.forQuery(c.text).words) == c.query);
  }
}

TEST_CASE("the text is normalized first; offsets are in the normalized text") {
  TextAnalyzer analyzer(Lexicon::builtIn(), {});
  const AnalyzedText out = analyzer.forQuery("業主報修，撥打１１９");
  CHECK(out.normalized.text == "业主报修,拨打119");
  CHECK(show(out.words) == "业主@0-6 报修@6-12 拨@13-16 打@16-19 119@19-22~");
  // Back to the original bytes through the normalized text's map.
  const Token& number = out.words.back();
  const auto [from, to] = out.normalized.sourceRange(number.begin, number.end);
  CHECK(from == 21);
  CHECK(to == 30);
}

TEST_CASE("bigrams and single characters of every Han run") {
  TextAnalyzer analyzer(Lexicon::builtIn(), {});
  SUBCASE("one run") {
    const AnalyzedText out = analyzer.forQuery("业主报修");
    CHECK(show(out.bigrams) == "业主@0-6 主报@3-9 报修@6-12");
    CHECK(show(out.characters) == "业@0-3 主@3-6 报@6-9 修@9-12");
  }
  SUBCASE("no bigram across a space, digits or punctuation") {
    const AnalyzedText out = analyzer.forIndex("电梯 119 报修,保洁");
    CHECK(show(out.bigrams) == "电梯@0-6 报修@11-17 保洁@18-24");
    CHECK(show(out.characters) == "电@0-3 梯@3-6 报@11-14 修@14-17 保@18-21 洁@21-24");
  }
  SUBCASE("a single Han character has no bigram, only its character") {
    const AnalyzedText out = analyzer.forQuery("a梯b");
    CHECK(out.bigrams.empty());
    CHECK(show(out.characters) == "梯@1-4");
  }
  SUBCASE("no Han at all") {
    const AnalyzedText out = analyzer.forIndex("abc 119");
    CHECK(words(out.words) == "abc 119");
    CHECK(out.bigrams.empty());
    CHECK(out.characters.empty());
  }
  SUBCASE("the same layers for index and query") {
    const AnalyzedText index = analyzer.forIndex("保洁员打扫楼道");
    const AnalyzedText query = analyzer.forQuery("保洁员打扫楼道");
    CHECK(show(index.bigrams) == "保洁@0-6 洁员@3-9 员打@6-12 打扫@9-15 扫楼@12-18 楼道@15-21");
    CHECK(show(query.bigrams) == show(index.bigrams));
    CHECK(show(query.characters) == show(index.characters));
  }
}

TEST_CASE("settings switch the layers off") {
  const Lexicon& lexicon = Lexicon::builtIn();
  SUBCASE("domainWords off: ICU's words only, so nothing has subwords") {
    TextAnalyzer analyzer(lexicon, {.domainWords = false});
    CHECK(words(analyzer.forIndex("业主报修").words) == "业主 报 修");
    CHECK(words(analyzer.forQuery("业主报修").words) == "业主 报 修");
  }
  SUBCASE("subwords off: the index keeps words whole too") {
    TextAnalyzer analyzer(lexicon, {.subwords = false});
    CHECK(words(analyzer.forIndex("业主报修").words) == "业主 报修");
    CHECK(words(analyzer.forIndex("保洁员").words) == "保洁员");
  }
  SUBCASE("bigrams off: neither bigrams nor characters, words unchanged") {
    TextAnalyzer analyzer(lexicon, {.bigrams = false});
    const AnalyzedText out = analyzer.forIndex("业主报修");
    CHECK(words(out.words) == "业主 报修 报 修");
    CHECK(out.bigrams.empty());
    CHECK(out.characters.empty());
    CHECK(out.normalized.text == "业主报修");
  }
}

TEST_CASE("describe() records every setting, for the index") {
  CHECK(AnalyzerSettings{}.describe() == "nfkc+casefold+t2s;domain=1;subwords=1;ngrams=1");
  CHECK(AnalyzerSettings{.domainWords = false}.describe() ==
        "nfkc+casefold+t2s;domain=0;subwords=1;ngrams=1");
  CHECK(AnalyzerSettings{.subwords = false}.describe() ==
        "nfkc+casefold+t2s;domain=1;subwords=0;ngrams=1");
  CHECK(AnalyzerSettings{.bigrams = false}.describe() ==
        "nfkc+casefold+t2s;domain=1;subwords=1;ngrams=0");
  CHECK(AnalyzerSettings{false, false, false}.describe() ==
        "nfkc+casefold+t2s;domain=0;subwords=0;ngrams=0");
}

TEST_CASE("the analyzer gives back its lexicon and settings") {
  const Lexicon lexicon("报修", "", "", "", "");
  TextAnalyzer analyzer(lexicon, {.bigrams = false});
  CHECK(&analyzer.lexicon() == &lexicon);
  CHECK(analyzer.settings().describe() == "nfkc+casefold+t2s;domain=1;subwords=1;ngrams=0");
  // The analyzer's own lexicon is the one it segments with.
  CHECK(words(analyzer.forQuery("保洁报修").words) == "保 洁 报修");
}
