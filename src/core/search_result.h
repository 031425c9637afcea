// What a search returns (interface.md "Search result"). Points into the snapshot it came from,
// which it keeps alive.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/index_snapshot.h"
#include "core/manual.h"

namespace dutydesk {

struct Hit {
  const Manual* manual = nullptr;
  const Clause* clause = nullptr;
  double score = 0;     // 0..1, Xapian's percentage of the best possible match
  std::string snippet;  // clause text, HTML-escaped, matched words in <mark>
};

struct Answer {
  const Manual* manual = nullptr;
  const Position* position = nullptr;
  std::vector<const Clause*> clauses;  // the supporting clauses, best first
  double score = 0;                    // 0..1
  // Set when the answer comes from a reporting line ("客服专员的上级是谁"): the relation
  // ("直接上级" or "直接下级") and the position it was asked about.
  std::string relation;
  std::string relationOf;
};

// Characters of the question that together sound like a word and were searched as that word
// too: a slip of a pinyin input method (水相 for 水箱).
struct SoundAlike {
  std::string typed;               // as the question has it
  std::vector<std::string> words;  // the words it sounds like
};

// A chapter about an event that the question names (第九章 高空坠物), and the section of it
// that no position owns and that sums up how the event is handled (9.1 处置要点): where a
// reader in the middle of the event should look beyond the one step asked about.
struct NamedEvent {
  const Manual* manual = nullptr;
  const Chapter* chapter = nullptr;
  const Section* keyPoints = nullptr;
};

struct SearchResult {
  std::shared_ptr<const IndexSnapshot> snapshot;
  std::string query;
  std::vector<Answer> answers;
  std::vector<Hit> hits;
  size_t total = 0;  // matching clauses (Xapian's estimate for large result sets)
  // How many positions, the first answer's included, have answers scoring close enough to the
  // first that it may not be the one: 1 when the first stands out (or the question lists
  // positions rather than ranks them), 0 when there are no answers.
  size_t contenders = 0;
  std::vector<SoundAlike> soundAlikes;
  std::vector<NamedEvent> events;  // in manual order; only chapters with such a section
};

struct SearchRequest {
  std::string query;
  std::optional<std::string> manual;  // restrict to one manual
  size_t limit = 10;                  // hits
  size_t answerLimit = 5;
};

}  // namespace dutydesk
