#include "core/snippet.h"

#include <algorithm>
#include <vector>

#include "core/utf8.h"

namespace dutydesk {

std::string escapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

using Range = std::pair<size_t, size_t>;

bool isAsciiWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::vector<Range> merged(std::vector<Range> ranges) {
  std::sort(ranges.begin(), ranges.end());
  std::vector<Range> out;
  for (const Range& range : ranges) {
    if (!out.empty() && range.first <= out.back().second) {
      out.back().second = std::max(out.back().second, range.second);
    } else {
      out.push_back(range);
    }
  }
  return out;
}

// Byte offset `count` code points before or after `from` (clamped to the text).
size_t stepBack(std::string_view text, size_t from, size_t count) {
  while (from > 0 && count > 0) {
    --from;
    while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
    --count;
  }
  return from;
}

size_t stepForward(std::string_view text, size_t from, size_t count) {
  while (from < text.size() && count > 0) {
    utf8::decode(text, from);
    --count;
  }
  return from;
}

}  // namespace

std::string makeSnippet(std::string_view text, const MatchTerms& terms, TextNormalizer& normalizer,
                        size_t maxCodePoints) {
  // Plain substring search on the normalized text: a hit list is a dozen short clauses, and
  // segmenting each again (ICU) cost more than the search itself.
  const NormalizedText normalized = normalizer.normalize(text);
  const std::string& haystack = normalized.text;
  std::vector<Range> ranges;
  const auto mark = [&](const std::string& term) {
    if (term.empty()) return;
    const bool latin = static_cast<unsigned char>(term.front()) < 0x80;
    for (size_t at = haystack.find(term); at != std::string::npos;
         at = haystack.find(term, at + 1)) {
      const size_t end = at + term.size();
      if (latin && ((at > 0 && isAsciiWordChar(haystack[at - 1])) ||
                    (end < haystack.size() && isAsciiWordChar(haystack[end])))) {
        continue;
      }
      ranges.push_back(normalized.sourceRange(at, end));
    }
  };
  for (const std::string& word : terms.words) mark(word);
  for (const std::string& bigram : terms.bigrams) mark(bigram);
  ranges = merged(std::move(ranges));

  size_t begin = 0;
  size_t end = text.size();
  if (stepForward(text, 0, maxCodePoints) < text.size()) {
    const size_t anchor = ranges.empty() ? 0 : ranges.front().first;
    begin = stepBack(text, anchor, maxCodePoints / 4);
    end = stepForward(text, begin, maxCodePoints);
  }
  std::string out;
  if (begin > 0) out += "…";
  size_t at = begin;
  for (const Range& range : ranges) {
    if (range.second <= begin || range.first >= end) continue;
    const size_t from = std::max(range.first, begin);
    const size_t to = std::min(range.second, end);
    out += escapeHtml(text.substr(at, from - at));
    out += "<mark>";
    out += escapeHtml(text.substr(from, to - from));
    out += "</mark>";
    at = to;
  }
  out += escapeHtml(text.substr(at, end - at));
  if (end < text.size()) out += "…";
  return out;
}

}  // namespace dutydesk
