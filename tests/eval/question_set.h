// The evaluation questions (tests/eval/questions.tsv): read by the validation test and by
// the quality benchmark.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace dutydesk::eval {

struct EvalQuestion {
  std::string id;
  std::string category;
  std::string manual;
  std::string question;
  std::vector<std::string> positions;  // acceptable canonical names; empty: a general clause
  std::vector<std::string> clauses;    // acceptable addresses; empty: answered by reporting lines
  int line = 0;
};

// Reads a question file with the header `id category manual question positions clauses`.
// Throws std::runtime_error naming FILE:LINE for a malformed line.
std::vector<EvalQuestion> loadQuestions(const std::filesystem::path& file);

}  // namespace dutydesk::eval
