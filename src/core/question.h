// What a question asks: its content words with their alternatives, the positions it names,
// and the kind of answer it wants. Pure analysis; the Searcher turns it into a Xapian query.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/lexicon.h"
#include "core/text_analyzer.h"

namespace dutydesk {

struct QueryWord {
  std::string text;
  std::vector<std::string> alternatives;  // synonyms and expansions, from the Lexicon
  std::vector<std::string> bigrams;       // Han bigrams of the word itself
  bool singleHan = false;                 // one Han character: matched by the character layer
  // Its Han characters that are not stop words: what is left to match when the index knows
  // neither the word nor its bigrams (ICU keeps 漏了, 响了, 打不开 as single words).
  std::vector<std::string> characters;
  bool positionName = false;  // part of a position the question names
  bool namesAsker = false;    // says who the asker is (我是前台): not what they ask about
  bool place = false;         // followed by 里: where something is, not what
  bool soundAlike = false;  // what an unknown word of the question sounds like (老树 → 老鼠)
  size_t begin = 0;         // byte range in the question's normalized text
  size_t end = 0;
};

struct Question {
  AnalyzedText analyzed;
  std::vector<QueryWord> words;        // content words, in question order
  std::vector<std::string> positions;  // canonical names the question mentions
  // The position the asker says they are (我是弱电, 我在监控室), and whether the question asks
  // about the asker's own work (我接下来报给谁, 得多快交) rather than someone else's (谁来打).
  std::optional<std::string> asker;
  bool asksOwnWork = false;
  std::vector<Intent> intents;

  bool has(Intent intent) const;
};

// The names every served position answers to, normalized, mapped to canonical names; longest
// names first, so that a search for names finds 弱电工 before 电工.
struct PositionNames {
  struct Entry {
    std::string name;  // normalized
    std::string canonical;
    bool leads = false;  // has 直接下级: a supervisor, not the person who does the work
  };
  std::vector<Entry> entries;
};

struct PositionMention {
  std::string canonical;
  size_t at;   // byte offset of its first mention
  size_t end;  // and of the byte after it
};

// The positions named in `normalized` text, by any of their names or synonyms, longest names
// first so that 弱电工 is not also read as 电工.
std::vector<PositionMention> mentionedPositions(const std::string& normalized,
                                                const PositionNames& names);

// Analyses `text`. `names` lets it recognise positions by any of their names or by a
// synonym of one (保安 → 秩序维护员).
Question analyzeQuestion(std::string_view text, TextAnalyzer& analyzer, const PositionNames& names);

}  // namespace dutydesk
