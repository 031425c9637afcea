#include "question_set.h"

#include <algorithm>
#include <fstream>
#include <stdexcept>

namespace dutydesk::eval {

namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    const size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return parts;
}

std::vector<std::string> alternatives(const std::string& field) {
  std::vector<std::string> values;
  if (field.empty()) return values;
  for (std::string& value : split(field, '|')) {
    if (!value.empty()) values.push_back(std::move(value));
  }
  return values;
}

std::vector<ClauseRef> clauseRefs(const std::string& field, const std::string& manual) {
  std::vector<ClauseRef> refs;
  for (const std::string& value : alternatives(field)) {
    const size_t colon = value.find(':');
    if (colon == std::string::npos) {
      refs.push_back({manual, value});
    } else {
      refs.push_back({value.substr(0, colon), value.substr(colon + 1)});
    }
  }
  return refs;
}

}  // namespace

bool EvalQuestion::acceptsPosition(const std::string& canonical) const {
  return std::find(positions.begin(), positions.end(), canonical) != positions.end();
}

bool EvalQuestion::acceptsClause(const std::string& manualId, const std::string& address) const {
  return std::find(clauses.begin(), clauses.end(), ClauseRef{manualId, address}) != clauses.end();
}

std::vector<EvalQuestion> loadQuestions(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error(file.string() + ": cannot open");
  std::vector<EvalQuestion> questions;
  std::string line;
  int number = 0;
  const auto fail = [&](const std::string& why) {
    throw std::runtime_error(file.string() + ":" + std::to_string(number) + ": " + why);
  };
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (number == 1) {
      if (line != "id\tcategory\tmanual\tquestion\tpositions\tclauses") {
        fail("the header must be: id category manual question positions clauses (tab-separated)");
      }
      continue;
    }
    if (line.empty()) continue;
    const std::vector<std::string> fields = split(line, '\t');
    if (fields.size() != 6)
      fail("expected 6 tab-separated fields, found " + std::to_string(fields.size()));
    if (fields[0].empty() || fields[1].empty() || fields[2].empty() || fields[3].empty()) {
      fail("id, category, manual and question must not be empty");
    }
    questions.push_back({fields[0], fields[1], fields[2], fields[3], alternatives(fields[4]),
                         clauseRefs(fields[5], fields[2]), number});
  }
  return questions;
}

}  // namespace dutydesk::eval
