#include "core/lexicon.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "core/lexicon_data.h"
#include "core/pinyin.h"
#include "core/utf8.h"

namespace dutydesk {

namespace {

// The words of a list file: whitespace-separated, '#' to the end of the line is a comment.
std::vector<std::vector<std::string>> readLines(std::string_view text) {
  std::vector<std::vector<std::string>> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    line = line.substr(0, line.find('#'));
    std::vector<std::string> words;
    size_t pos = 0;
    while (pos < line.size()) {
      while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t' || line[pos] == '\r'))
        ++pos;
      size_t wordEnd = pos;
      while (wordEnd < line.size() && line[wordEnd] != ' ' && line[wordEnd] != '\t' &&
             line[wordEnd] != '\r') {
        ++wordEnd;
      }
      if (wordEnd > pos) words.emplace_back(line.substr(pos, wordEnd - pos));
      pos = wordEnd;
    }
    if (!words.empty()) lines.push_back(std::move(words));
    start = end + 1;
  }
  return lines;
}

size_t codePoints(std::string_view word) {
  size_t count = 0;
  for (size_t pos = 0; pos < word.size(); ++count) utf8::decode(word, pos);
  return count;
}

// FNV-1a: a stable fingerprint of the lists, not a security measure.
std::string fingerprint(std::initializer_list<std::string_view> texts) {
  uint64_t hash = 1469598103934665603ull;
  for (std::string_view text : texts) {
    for (unsigned char c : text) {
      hash ^= c;
      hash *= 1099511628211ull;
    }
    hash ^= 0xff;
    hash *= 1099511628211ull;
  }
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
  return buffer;
}

Intent parseIntent(const std::string& name) {
  if (name == "who") return Intent::kWho;
  if (name == "duties") return Intent::kDuties;
  if (name == "superior") return Intent::kSuperior;
  if (name == "subordinate") return Intent::kSubordinate;
  if (name == "alternative") return Intent::kAlternative;
  if (name == "oversee") return Intent::kOversee;
  if (name == "handover") return Intent::kHandOver;
  if (name == "amount") return Intent::kAmount;
  throw std::invalid_argument("intents list: unknown kind '" + name + "'");
}

// The list a word maps to, or an empty one.
const std::vector<std::string>& wordsFor(
    const std::unordered_map<std::string, std::vector<std::string>>& lists, std::string_view word) {
  static const std::vector<std::string> kNone;
  const auto it = lists.find(std::string(word));
  return it == lists.end() ? kNone : it->second;
}

}  // namespace

void addUnique(std::vector<std::string>& list, const std::string& word) {
  if (std::find(list.begin(), list.end(), word) == list.end()) list.push_back(word);
}

const Lexicon& Lexicon::builtIn() {
  static const Lexicon lexicon(lexicon_data::kDomainWords, lexicon_data::kSynonyms,
                               lexicon_data::kExpansions, lexicon_data::kStopWords,
                               lexicon_data::kIntents);
  return lexicon;
}

Lexicon::Lexicon(std::string_view domainWords, std::string_view synonyms,
                 std::string_view expansions, std::string_view stopWords, std::string_view intents)
    : version_(fingerprint({domainWords, synonyms, expansions, stopWords, intents})) {
  for (const auto& line : readLines(domainWords)) {
    for (const std::string& word : line) addDictionaryWord(word);
  }
  for (const auto& group : readLines(synonyms)) {
    for (const std::string& word : group) {
      addDictionaryWord(word);
      for (const std::string& other : group) {
        if (other == word) continue;
        addUnique(alternatives_[word], other);
        addUnique(synonyms_[word], other);
      }
    }
  }
  for (const auto& line : readLines(expansions)) {
    const auto arrow = std::find(line.begin(), line.end(), "=>");
    for (auto from = line.begin(); from != arrow; ++from) {
      addDictionaryWord(*from);
      for (auto to = arrow == line.end() ? arrow : arrow + 1; to != line.end(); ++to) {
        addDictionaryWord(*to);
        addUnique(alternatives_[*from], *to);
      }
    }
  }
  for (const auto& line : readLines(stopWords)) {
    for (const std::string& word : line) {
      stopWords_.insert(word);
      addDictionaryWord(word);
    }
  }
  for (const auto& line : readLines(intents)) {
    if (line.size() < 3 || line[1] != "=") {
      throw std::invalid_argument("intents list: a line must read 'kind = words'");
    }
    const Intent intent = parseIntent(line[0]);
    for (auto word = line.begin() + 2; word != line.end(); ++word) {
      addDictionaryWord(*word);
      intents_[*word].push_back(intent);
    }
  }
  for (const std::string& word : dictionary_) {
    if (word.size() < 6 || stopWords_.contains(word) || intents_.contains(word)) continue;
    if (std::string key = pinyinKey(word); !key.empty()) bySound_[std::move(key)].push_back(word);
  }
  for (auto& [key, words] : bySound_) std::sort(words.begin(), words.end());
}

std::vector<std::string> Lexicon::wordsOf(Intent intent) const {
  std::vector<std::string> words;
  for (const auto& [word, intents] : intents_) {
    if (std::find(intents.begin(), intents.end(), intent) != intents.end()) words.push_back(word);
  }
  std::sort(words.begin(), words.end());
  return words;
}

std::vector<Intent> Lexicon::intentsOf(std::string_view word) const {
  const auto it = intents_.find(std::string(word));
  return it == intents_.end() ? std::vector<Intent>{} : it->second;
}

const std::vector<std::string>& Lexicon::alternativesOf(std::string_view word) const {
  return wordsFor(alternatives_, word);
}

const std::vector<std::string>& Lexicon::wordsSounding(std::string_view key) const {
  return wordsFor(bySound_, key);
}

const std::vector<std::string>& Lexicon::synonymsOf(std::string_view word) const {
  return wordsFor(synonyms_, word);
}

void Lexicon::addDictionaryWord(const std::string& word) {
  if (codePoints(word) < 2) return;  // a single character needs no keeping whole
  dictionary_.insert(word);
  longestWord_ = std::max(longestWord_, codePoints(word));
}

}  // namespace dutydesk
