// The evaluation questions (tests/eval/questions.tsv): read by the validation test and by
// the quality benchmark.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace dutydesk::eval {

// A clause that answers a question. Usually in the question's own manual; a clause of another
// manual that says the same duty (the emergency manual repeats some daily duties) is written
// `MANUAL:ADDRESS` in the question file.
struct ClauseRef {
  std::string manual;
  std::string address;
  bool operator==(const ClauseRef&) const = default;
};

struct EvalQuestion {
  std::string id;
  std::string category;
  std::string manual;
  std::string question;
  std::vector<std::string> positions;  // acceptable canonical names; empty: a general clause
  std::vector<ClauseRef> clauses;      // acceptable clauses; empty: answered by reporting lines
  int line = 0;

  bool acceptsPosition(const std::string& canonical) const;
  bool acceptsClause(const std::string& manualId, const std::string& address) const;
};

// Reads a question file with the header `id category manual question positions clauses`.
// Throws std::runtime_error naming FILE:LINE for a malformed line.
std::vector<EvalQuestion> loadQuestions(const std::filesystem::path& file);

}  // namespace dutydesk::eval
