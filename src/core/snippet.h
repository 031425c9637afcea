// Clause text made safe for HTML, with the words a question matched wrapped in <mark>.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

#include "core/text_normalizer.h"

namespace dutydesk {

struct MatchTerms {
  std::unordered_set<std::string> words;    // normalized words, synonyms included
  std::unordered_set<std::string> bigrams;  // normalized Han bigrams
};

std::string escapeHtml(std::string_view text);

// Escapes `text` and marks every occurrence of one of `terms` in its normalized form. Marks
// are found on the normalized text and mapped back, so a Traditional or full-width query still
// marks the clause. A Latin or digit term marks whole words only. Texts longer than
// `maxCodePoints` are cut around the first mark with "…".
std::string makeSnippet(std::string_view text, const MatchTerms& terms, TextNormalizer& normalizer,
                        size_t maxCodePoints = 160);

}  // namespace dutydesk
