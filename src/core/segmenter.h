// Splits normalized text into words: ICU's dictionary word breaking for Chinese, repaired with
// the trade words of the Lexicon, and letter/digit runs for everything else.
#pragma once

#include <unicode/uversion.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace dutydesk {

class Lexicon;

struct Token {
  std::string text;
  size_t begin = 0;  // byte range in the normalized text
  size_t end = 0;
  bool han = false;  // Chinese characters (a Han run or part of one)
};

struct SegmenterOptions {
  bool domainWords = true;  // keep the Lexicon's words whole (longest match first)
  bool subwords = false;    // also emit ICU's pieces of every kept word (for indexing)
};

// Holds an ICU BreakIterator: not thread-safe; use one per thread.
class Segmenter {
 public:
  explicit Segmenter(const Lexicon& lexicon);
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  // Words in text order; a kept word's subwords follow it. Punctuation and spaces are dropped.
  std::vector<Token> segment(std::string_view normalized, SegmenterOptions options);

  // The maximal runs of Han characters, for the bigram layer.
  static std::vector<Token> hanRuns(std::string_view normalized);

 private:
  void breakWithIcu(std::string_view text, size_t offset, std::vector<Token>& out);
  void segmentHan(std::string_view text, size_t offset, SegmenterOptions options,
                  std::vector<Token>& out);

  const Lexicon& lexicon_;
  std::unique_ptr<icu::BreakIterator> words_;
};

bool isHan(char32_t cp);

}  // namespace dutydesk
