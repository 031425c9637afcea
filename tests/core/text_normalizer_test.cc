// TextNormalizer: the one form indexing and queries share (NFKC, case folding, Traditional →
// Simplified, invisible characters dropped, white space unified), and the map from every
// normalized byte back to the original text that highlights rely on.
#include "core/text_normalizer.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace dutydesk;

namespace {

std::string normalized(std::string_view text) {
  TextNormalizer normalizer;
  return normalizer.normalize(text).text;
}

// sourceRange(begin, end) as "from-to".
std::string range(const NormalizedText& out, size_t begin, size_t end) {
  const auto [from, to] = out.sourceRange(begin, end);
  return std::to_string(from) + "-" + std::to_string(to);
}

}  // namespace

TEST_CASE("NFKC turns full-width letters, digits and punctuation into half-width") {
  const struct {
    std::string text;
    std::string normalized;
  } cases[] = {
      {"ＡＢＣ１２３", "abc123"},
      {"火警１１９！", "火警119!"},
      {"（保安）", "(保安)"},
      {"？，：；", "?,:;"},
      {"①", "1"},
      {"㎡", "m2"},
      {"Ⅻ", "xii"},
      {"ﬁ", "fi"},
      {"电梯", "电梯"},  // already in the shared form
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(normalized(c.text) == c.normalized);
  }
}

TEST_CASE("case is folded, in ASCII and beyond") {
  CHECK(normalized("ABC Def") == "abc def");
  CHECK(normalized("Ｍｉｘｅｄ Ｃａｓｅ") == "mixed case");
  CHECK(normalized("ÀÉ") == "àé");
  CHECK(normalized("Straße") == "strasse");
  CHECK(normalized("ΣΑΣ") == "σασ");
  CHECK(normalized("IC卡") == "ic卡");
}

TEST_CASE("Traditional characters become Simplified") {
  const struct {
    std::string text;
    std::string normalized;
  } cases[] = {
      {"電梯", "电梯"},
      {"業主", "业主"},
      {"誰負責催繳物業費？", "谁负责催缴物业费?"},
      {"維修單", "维修单"},
      {"萬", "万"},
      {"电梯业主", "电梯业主"},  // Simplified stays as it is
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(normalized(c.text) == c.normalized);
  }
}

TEST_CASE("zero-width and other invisible characters are dropped") {
  const struct {
    std::string text;
    std::string normalized;
  } cases[] = {
      {"电\u200B梯", "电梯"},        // zero-width space
      {"电\u200C梯", "电梯"},        // zero-width non-joiner
      {"电\u200D梯", "电梯"},        // zero-width joiner
      {"电\u200E梯\u200F", "电梯"},  // left-to-right and right-to-left marks
      {"电\u2060梯", "电梯"},        // word joiner
      {"\uFEFF报修", "报修"},        // a byte-order mark inside the text
      {"保\u00AD洁", "保洁"},        // soft hyphen
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(normalized(c.text) == c.normalized);
  }
}

// The invisible bidi controls (U+061C, the embeddings and overrides U+202A–U+202E, the
// isolates U+2066–U+2069) are not control characters to drop as space: text pasted from Word
// or a web page carries U+202A/U+202C, and "电 梯" would lose the word 电梯.
TEST_CASE("invisible bidi controls are dropped like the direction marks") {
  const std::string controls[] = {"\u061C", "\u202A", "\u202B", "\u202C", "\u202D",
                                  "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"};
  for (const std::string& control : controls) {
    CAPTURE(control);
    CHECK(normalized("电" + control + "梯") == "电梯");
  }
}

TEST_CASE("white space and control characters become one space each") {
  const struct {
    std::string text;
    std::string normalized;
  } cases[] = {
      {"a\tb\nc\rd", "a b c d"},
      {"火警\u3000119", "火警 119"},  // ideographic space
      {"a\u00A0b", "a b"},            // no-break space
      {"a\u0085b", "a b"},            // next line (C1 control)
      {"a\x01"
       "b\x7f"
       "c",
       "a b c"},
      {"a  b", "a  b"},  // not collapsed: one space per character keeps the offsets simple
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(normalized(c.text) == c.normalized);
  }
}

TEST_CASE("sourceOffset maps every normalized byte to its source character") {
  TextNormalizer normalizer;
  const struct {
    std::string text;
    std::vector<size_t> sourceOffset;
  } cases[] = {
      {"", {0}},
      {"aB", {0, 1, 2}},
      // same length: each Simplified byte points at the Traditional character
      {"電梯", {0, 0, 0, 3, 3, 3, 6}},
      // shorter: three-byte full-width characters become one byte each
      {"ＡＢ", {0, 3, 6}},
      // longer: one character becomes several
      {"Ⅻ", {0, 0, 0, 3}},
      // a dropped character leaves a gap in the offsets
      {"a\u200Bb", {0, 4, 5}},
      {"电 ＡＢ", {0, 0, 0, 3, 4, 7, 10}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const NormalizedText out = normalizer.normalize(c.text);
    CHECK(out.sourceOffset.size() == out.text.size() + 1);
    CHECK(out.sourceOffset == c.sourceOffset);
  }
}

TEST_CASE("sourceRange gives the original bytes behind a normalized range") {
  TextNormalizer normalizer;

  SUBCASE("Traditional characters and full-width letters") {
    const std::string text = "電梯ＡＢ";
    const NormalizedText out = normalizer.normalize(text);
    REQUIRE(out.text == "电梯ab");
    CHECK(range(out, 0, 6) == "0-6");   // 电梯 ← 電梯
    CHECK(range(out, 3, 6) == "3-6");   // 梯 ← 梯
    CHECK(range(out, 6, 8) == "6-12");  // ab ← ＡＢ
    CHECK(range(out, 7, 8) == "9-12");  // b ← Ｂ
    CHECK(range(out, 0, 8) == "0-12");  // all of it
    CHECK(text.substr(6, 6) == "ＡＢ");
  }

  SUBCASE("a character whose normalized form is longer: the whole character") {
    const std::string text = "面积100㎡";
    const NormalizedText out = normalizer.normalize(text);
    REQUIRE(out.text == "面积100m2");
    CHECK(range(out, 9, 11) == "9-12");  // m2 ← ㎡
    CHECK(range(out, 9, 10) == "9-12");  // m alone still takes all of ㎡
    CHECK(range(out, 10, 11) == "9-12");
    CHECK(range(out, 6, 11) == "6-12");  // 100m2
    CHECK(range(out, 0, 6) == "0-6");
  }

  SUBCASE("a character whose normalized form is shorter") {
    const std::string text = "拨打１１９";
    const NormalizedText out = normalizer.normalize(text);
    REQUIRE(out.text == "拨打119");
    CHECK(range(out, 6, 9) == "6-15");
    CHECK(range(out, 7, 8) == "9-12");
    CHECK(text.substr(6, 9) == "１１９");
  }

  SUBCASE("a dropped character before the range is left out") {
    const NormalizedText out = normalizer.normalize("a\u200Bb");
    REQUIRE(out.text == "ab");
    CHECK(range(out, 1, 2) == "4-5");
  }
}

// A range that starts in an earlier character and ends in the middle of one that normalized
// to several ("⑩" → "10") covers that whole character: text[0, 4) = "第1" comes from "第⑩".
TEST_CASE("sourceRange ending inside an expanded character takes all of it") {
  TextNormalizer normalizer;
  const NormalizedText out = normalizer.normalize("第⑩条");
  REQUIRE(out.text == "第10条");
  CHECK(range(out, 0, 4) == "0-6");
}

TEST_CASE("the normalizer is reusable: its cache gives the same answers") {
  TextNormalizer normalizer;
  const NormalizedText first = normalizer.normalize("電梯ＡＢ業主");
  const NormalizedText second = normalizer.normalize("電梯ＡＢ業主");
  CHECK(first.text == "电梯ab业主");
  CHECK(second.text == first.text);
  CHECK(second.sourceOffset == first.sourceOffset);
}
