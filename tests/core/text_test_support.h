// Shared by the text-analysis tests: tokens and intents as one string each, so that doctest
// prints the whole of what was found when an expectation fails.
#pragma once

#include <string>
#include <vector>

#include "core/lexicon.h"
#include "core/segmenter.h"

namespace dutydesk::testing {

// "text@begin-end" for each token, joined by spaces; a token that is not Han ends with '~'.
inline std::string show(const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& token : tokens) {
    if (!out.empty()) out += ' ';
    out += token.text + "@" + std::to_string(token.begin) + "-" + std::to_string(token.end);
    if (!token.han) out += '~';
  }
  return out;
}

// The tokens' texts, joined by spaces.
inline std::string words(const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& token : tokens) {
    if (!out.empty()) out += ' ';
    out += token.text;
  }
  return out;
}

// The kinds as intents.txt names them, joined by spaces.
inline std::string names(const std::vector<Intent>& intents) {
  static const char* const kNames[] = {"who",         "duties",  "superior", "subordinate",
                                       "alternative", "oversee", "handover", "amount"};
  std::string out;
  for (Intent intent : intents) {
    if (!out.empty()) out += ' ';
    out += kNames[static_cast<int>(intent)];
  }
  return out;
}

}  // namespace dutydesk::testing
