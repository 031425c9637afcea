// makeSnippet and escapeHtml: clause text made safe for HTML with the matched words in <mark>,
// marks found on the normalized text and mapped back to what the manual wrote, whole-word
// marks for Latin and digit terms, and long texts cut around the first mark.
#include "core/snippet.h"

#include <doctest/doctest.h>

#include <initializer_list>
#include <string>

using namespace dutydesk;

namespace {

// MatchTerms hold normalized words (snippet.h): the query's words go through the normalizer,
// as the Searcher's do.
MatchTerms termsOf(TextNormalizer& normalizer, std::initializer_list<std::string_view> words,
                   std::initializer_list<std::string_view> bigrams = {}) {
  MatchTerms terms;
  for (std::string_view word : words) terms.words.insert(normalizer.normalize(word).text);
  for (std::string_view bigram : bigrams) terms.bigrams.insert(normalizer.normalize(bigram).text);
  return terms;
}

std::string snippet(std::string_view text, std::initializer_list<std::string_view> words,
                    std::initializer_list<std::string_view> bigrams = {},
                    size_t maxCodePoints = 160) {
  TextNormalizer normalizer;
  return makeSnippet(text, termsOf(normalizer, words, bigrams), normalizer, maxCodePoints);
}

}  // namespace

TEST_CASE("escapeHtml escapes the five special characters and nothing else") {
  CHECK(escapeHtml("<a href=\"x\">'&'</a>") ==
        "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  CHECK(escapeHtml("电梯困人时,立即通知维保单位。") == "电梯困人时,立即通知维保单位。");
  CHECK(escapeHtml("&amp;") == "&amp;amp;");
  CHECK(escapeHtml("") == "");
}

TEST_CASE("matched words are wrapped in <mark>") {
  CHECK(snippet("电梯困人时，立即通知维保单位。", {"电梯"}) ==
        "<mark>电梯</mark>困人时，立即通知维保单位。");
  CHECK(snippet("电梯困人时，立即通知维保单位。", {"电梯", "维保单位"}) ==
        "<mark>电梯</mark>困人时，立即通知<mark>维保单位</mark>。");
  // every occurrence
  CHECK(snippet("保安巡逻，保安登记", {"保安"}) == "<mark>保安</mark>巡逻，<mark>保安</mark>登记");
  // bigrams mark too
  CHECK(snippet("业主报修后回访", {}, {"回访"}) == "业主报修后<mark>回访</mark>");
  CHECK(snippet("没有匹配的条款", {"电梯"}) == "没有匹配的条款");
  CHECK(snippet("没有匹配的条款", {}) == "没有匹配的条款");
}

TEST_CASE("overlapping and adjacent marks merge into one") {
  CHECK(snippet("电梯困人", {"电梯", "困人"}) == "<mark>电梯困人</mark>");
  CHECK(snippet("电梯困人", {"电梯"}, {"梯困"}) == "<mark>电梯困</mark>人");
  CHECK(snippet("电梯困人", {"电梯困人", "梯困"}) == "<mark>电梯困人</mark>");
}

TEST_CASE("clause text is escaped: markup in a clause stays text") {
  CHECK(snippet("<script>alert('x')</script> & \"电梯\"", {"电梯"}) ==
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;<mark>电梯</mark>&quot;");
  // A term that is part of the markup is marked inside the escaped text, never as markup.
  CHECK(snippet("<script>", {"script"}) == "&lt;<mark>script</mark>&gt;");
  CHECK(snippet("<b>报修</b>", {"报修"}) == "&lt;b&gt;<mark>报修</mark>&lt;/b&gt;");
  // A term with a special character is found in the text and escaped inside the mark.
  CHECK(snippet("a <b 时报警", {"<b"}) == "a <mark>&lt;b</mark> 时报警");
}

TEST_CASE("marks are found through normalization and cover the original characters") {
  SUBCASE("a Simplified word marks Traditional text") {
    CHECK(snippet("電梯困人時，立即通知維保單位。", {"电梯", "维保"}) ==
          "<mark>電梯</mark>困人時，立即通知<mark>維保</mark>單位。");
  }
  SUBCASE("a Traditional query word marks Simplified text") {
    CHECK(snippet("电梯困人时", {"電梯"}) == "<mark>电梯</mark>困人时");
    CHECK(snippet("业主报修", {"業主"}) == "<mark>业主</mark>报修");
  }
  SUBCASE("full-width digits and letters") {
    CHECK(snippet("拨打１１９报警", {"119"}) == "拨打<mark>１１９</mark>报警");
    CHECK(snippet("刷ＩＣ卡", {"ic"}) == "刷<mark>ＩＣ</mark>卡");
    CHECK(snippet("拨打119", {"１１９"}) == "拨打<mark>119</mark>");
  }
  SUBCASE("case") {
    CHECK(snippet("IC卡和ABC", {"ic", "abc"}) == "<mark>IC</mark>卡和<mark>ABC</mark>");
  }
  SUBCASE("a character that normalizes to several") {
    CHECK(snippet("面积100㎡以上", {"100m2"}) == "面积<mark>100㎡</mark>以上");
  }
  SUBCASE("an invisible character inside a word stays inside its mark") {
    CHECK(snippet("电\u200B梯故障", {"电梯"}) == "<mark>电\u200B梯</mark>故障");
  }
}

TEST_CASE("a Latin or digit term marks whole words only") {
  CHECK(snippet("拨打119或１１９，不是1190", {"119"}) ==
        "拨打<mark>119</mark>或<mark>１１９</mark>，不是1190");
  CHECK(snippet("刷卡 ic 或 ic卡,不是 pic", {"ic"}) ==
        "刷卡 <mark>ic</mark> 或 <mark>ic</mark>卡,不是 pic");
  CHECK(snippet("温度高于30℃时", {"30"}) == "温度高于<mark>30</mark>℃时");
  CHECK(snippet("a30b", {"30"}) == "a30b");
  // Han terms have no such limit: 电梯 inside a longer word is marked.
  CHECK(snippet("观光电梯", {"电梯"}) == "观光<mark>电梯</mark>");
}

TEST_CASE("a long text is cut around its first mark") {
  const std::string longText = "一二三四五六七八九十一二三四五六七八九十电梯一二三四五六七八九十";
  // A quarter of the budget before the mark, then the rest.
  CHECK(snippet(longText, {"电梯"}, {}, 10) == "…九十<mark>电梯</mark>一二三四五六…");
  CHECK(snippet("电梯一二三四五六七八九十一二三四五六七八九十", {"电梯"}, {}, 10) ==
        "<mark>电梯</mark>一二三四五六七八…");
  // No mark: the beginning.
  CHECK(snippet(longText, {"报修"}, {}, 10) == "一二三四五六七八九十…");
  // Short enough: whole, without "…".
  CHECK(snippet("一二三四五六七八九十", {"五六"}, {}, 10) == "一二三四<mark>五六</mark>七八九十");
  // A mark the cut goes through is cut with it.
  CHECK(snippet("一二三四五六七八九十电梯", {"九十电梯"}, {}, 4) == "…八<mark>九十电</mark>…");
}
