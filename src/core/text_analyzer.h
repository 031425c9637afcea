// The one path text takes to become search terms, for clauses and questions alike: normalize,
// segment, and add the bigram recall layer. Keeping both sides on this path is what lets a
// question match a clause at all.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/segmenter.h"
#include "core/text_normalizer.h"

namespace dutydesk {

class Lexicon;

struct AnalyzerSettings {
  bool domainWords = true;  // keep trade words whole instead of ICU's pieces
  bool subwords = true;     // index a kept word's ICU pieces too, so a part still matches
  bool bigrams = true;      // index Han bigrams and single characters as a low-weight layer

  // Recorded in the index: a searcher must analyse questions exactly as the index was built.
  std::string describe() const;
};

struct AnalyzedText {
  NormalizedText normalized;
  std::vector<Token> words;       // text order; for indexing a kept word's subwords follow it
  std::vector<Token> bigrams;     // overlapping pairs of Han characters
  std::vector<Token> characters;  // single Han characters, for one-character query words
};

// Not thread-safe (it owns ICU objects); one per thread. The Lexicon is shared.
class TextAnalyzer {
 public:
  TextAnalyzer(const Lexicon& lexicon, AnalyzerSettings settings);

  // Clause text: words, the subwords of kept words, bigrams and characters.
  AnalyzedText forIndex(std::string_view text);
  // Questions and the fields a query weighs (names, headings): whole words only, so that a
  // field matches a name, not a part of one.
  AnalyzedText forQuery(std::string_view text);

  const Lexicon& lexicon() const { return lexicon_; }
  const AnalyzerSettings& settings() const { return settings_; }

 private:
  AnalyzedText analyze(std::string_view text, bool subwords);

  const Lexicon& lexicon_;
  AnalyzerSettings settings_;
  TextNormalizer normalizer_;
  Segmenter segmenter_;
};

}  // namespace dutydesk
