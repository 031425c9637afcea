// The question sets refer only to what their manuals contain: the development set to the
// shipped manuals, the held-out sets to their own manuals (tests/eval/heldout/).
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <set>

#include "core/content_loader.h"
#include "question_set.h"

using namespace dutydesk;

namespace {

void checkQuestionSet(const std::filesystem::path& content, const std::filesystem::path& file,
                      size_t atLeast) {
  const Library library = loadLibrary({content});
  REQUIRE_FALSE(library.diagnostics.hasErrors());
  const auto questions = eval::loadQuestions(file);
  CHECK(questions.size() >= atLeast);

  const std::set<std::string> categories = {"direct",   "paraphrase", "colloquial", "traditional",
                                            "position", "dispute",    "emergency"};
  std::map<std::string, int> perCategory;
  std::set<std::string> ids;
  for (const auto& q : questions) {
    CAPTURE(q.line);
    CAPTURE(q.question);
    CHECK(ids.insert(q.id).second);
    CHECK(categories.contains(q.category));
    ++perCategory[q.category];
    const Manual* manual = library.find(q.manual);
    REQUIRE_MESSAGE(manual, "unknown manual " << q.manual);
    for (const std::string& name : q.positions) {
      bool known = false;
      for (const Manual& m : library.manuals) {
        const Position* position = m.findPosition(name);
        known = known || (position && position->canonical() == name);
      }
      CHECK_MESSAGE(known, "not a canonical position name: " << name);
    }
    for (const eval::ClauseRef& ref : q.clauses) {
      const Manual* holder = library.find(ref.manual);
      CHECK_MESSAGE((holder && holder->findClause(ref.address)),
                    "no clause " << ref.address << " in " << ref.manual);
    }
    CHECK_MESSAGE(!(q.positions.empty() && q.clauses.empty()), "a question needs an answer");
  }
  // Categories in similar shares: none under half of an even split.
  for (const std::string& category : categories) {
    CAPTURE(category);
    CHECK(perCategory[category] * 2 * categories.size() >= questions.size());
  }
}

}  // namespace

TEST_CASE("every development question names existing manuals, positions and clauses") {
  const std::filesystem::path source = DUTYDESK_SOURCE_DIR;
  checkQuestionSet(source / "content", source / "tests/eval/questions.tsv", 200);
}

TEST_CASE("every held-out question names existing manuals, positions and clauses") {
  const std::filesystem::path heldout =
      std::filesystem::path(DUTYDESK_SOURCE_DIR) / "tests/eval/heldout";
  checkQuestionSet(heldout, heldout / "xiezilou.tsv", 70);
  checkQuestionSet(heldout, heldout / "chanyeyuan.tsv", 70);
  checkQuestionSet(heldout, heldout / "shangchang.tsv", 70);
}

TEST_CASE("a clause of another manual is written MANUAL:ADDRESS") {
  const std::filesystem::path file =
      std::filesystem::temp_directory_path() / "dutydesk-question-set-test.tsv";
  {
    std::ofstream out(file);
    out << "id\tcategory\tmanual\tquestion\tpositions\tclauses\n"
        << "q1\tdirect\twuye\t谁来修？\t维修工\t4.2.2.1|yingji:6.4.1.1\n";
  }
  const auto questions = eval::loadQuestions(file);
  std::filesystem::remove(file);
  REQUIRE(questions.size() == 1);
  const eval::EvalQuestion& q = questions.front();
  CHECK(q.acceptsClause("wuye", "4.2.2.1"));
  CHECK(q.acceptsClause("yingji", "6.4.1.1"));
  CHECK_FALSE(q.acceptsClause("yingji", "4.2.2.1"));
  CHECK_FALSE(q.acceptsClause("wuye", "6.4.1.1"));
  CHECK(q.acceptsPosition("维修工"));
  CHECK_FALSE(q.acceptsPosition("电工"));
}
