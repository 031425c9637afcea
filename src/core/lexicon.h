// The word lists the text analysis relies on: trade words to keep whole, synonyms, event
// expansions and question words. Immutable once built; shared by every thread.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace dutydesk {

enum class Intent {
  kWho,
  kDuties,
  kSuperior,
  kSubordinate,
  kAlternative,
  kOversee,
  kHandOver,
  kAmount
};

// Appends `word` to a word list unless it is there already: alternatives keep their order
// (synonyms before expansions) and appear once.
void addUnique(std::vector<std::string>& list, const std::string& word);

class Lexicon {
 public:
  // The lists shipped in src/core/lexicon/, compiled into the program.
  static const Lexicon& builtIn();

  // Builds a lexicon from list texts in the format of the shipped files (for tests).
  Lexicon(std::string_view domainWords, std::string_view synonyms, std::string_view expansions,
          std::string_view stopWords, std::string_view intents);

  // Words the segmenter keeps whole: the trade words and every word of the other lists.
  bool isDictionaryWord(std::string_view word) const { return dictionary_.contains(word); }
  size_t longestWordCodePoints() const { return longestWord_; }

  bool isStopWord(std::string_view word) const { return stopWords_.contains(std::string(word)); }

  // Other words a query word should also find: its synonyms, then the terms it expands to.
  // Empty when it has none.
  const std::vector<std::string>& alternativesOf(std::string_view word) const;

  // The other words of `word`'s synonym groups (not its expansions).
  const std::vector<std::string>& synonymsOf(std::string_view word) const;

  // The listed words of two or more characters that sound like `key` (pinyinKey), sorted;
  // empty when none. Stop words and question words are left out.
  const std::vector<std::string>& wordsSounding(std::string_view key) const;

  // The kinds of question a word signals ("谁" → who); empty for most words.
  std::vector<Intent> intentsOf(std::string_view word) const;
  // All words that signal `intent`.
  std::vector<std::string> wordsOf(Intent intent) const;

  // Changes whenever any list changes: recorded in the index, which depends on the lists.
  const std::string& version() const { return version_; }

 private:
  void addDictionaryWord(const std::string& word);

  // Looked up with string_view for every candidate of the segmenter's longest match: no copies.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> dictionary_;
  std::unordered_set<std::string> stopWords_;
  std::unordered_map<std::string, std::vector<std::string>> alternatives_;
  std::unordered_map<std::string, std::vector<std::string>> synonyms_;
  std::unordered_map<std::string, std::vector<Intent>> intents_;
  std::unordered_map<std::string, std::vector<std::string>> bySound_;  // pinyinKey → words
  size_t longestWord_ = 0;
  std::string version_;
};

}  // namespace dutydesk
