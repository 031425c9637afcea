// The question sets refer only to what their manuals contain: the development set and the blind
// spoken and emergency sets to the shipped manuals, the held-out sets to their own manuals
// (tests/eval/heldout/).
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <set>

#include "core/content_loader.h"
#include "core/utf8.h"
#include "question_set.h"

using namespace dutydesk;

namespace {

const std::set<std::string> kAllCategories = {"direct",   "paraphrase", "colloquial", "traditional",
                                              "position", "dispute",    "emergency"};

// `categories`: those the set is made of, each in a similar share.
void checkQuestionSet(const std::filesystem::path& content, const std::filesystem::path& file,
                      size_t atLeast, const std::set<std::string>& categories = kAllCategories) {
  const Library library = loadLibrary({content});
  REQUIRE_FALSE(library.diagnostics.hasErrors());
  const auto questions = eval::loadQuestions(file);
  CHECK(questions.size() >= atLeast);

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

// The pooled relevance judgments (tests/eval/judgments/): every clause judged yes is accepted
// by its question, none judged no is.
void checkJudgments(const std::filesystem::path& questionFile,
                    const std::filesystem::path& judgmentFile) {
  std::map<std::string, eval::EvalQuestion> byId;
  for (auto& q : eval::loadQuestions(questionFile)) byId.emplace(q.id, std::move(q));
  std::ifstream in(judgmentFile);
  REQUIRE(in);
  std::string line;
  std::getline(in, line);
  CHECK(line == "id\tclause\tverdict\treason");
  int judged = 0;
  while (std::getline(in, line)) {
    CAPTURE(line);
    const size_t a = line.find('\t'), b = line.find('\t', a + 1), c = line.find('\t', b + 1);
    REQUIRE(c != std::string::npos);
    const auto q = byId.find(line.substr(0, a));
    REQUIRE(q != byId.end());
    const std::string clause = line.substr(a + 1, b - a - 1);
    const size_t colon = clause.find(':');
    REQUIRE(colon != std::string::npos);
    const bool accepted =
        q->second.acceptsClause(clause.substr(0, colon), clause.substr(colon + 1));
    const std::string verdict = line.substr(b + 1, c - b - 1);
    REQUIRE((verdict == "yes" || verdict == "no"));
    CHECK(accepted == (verdict == "yes"));
    ++judged;
  }
  CHECK(judged > 100);
}

}  // namespace

TEST_CASE("every development question names existing manuals, positions and clauses") {
  const std::filesystem::path source = DUTYDESK_SOURCE_DIR;
  checkQuestionSet(source / "content", source / "tests/eval/questions.tsv", 200);
}

// tests/eval/typo.tsv: development questions with one word mistyped as a pinyin input method
// would (水箱 → 水相), each answered exactly as its original.
TEST_CASE("every question of the typo set is a development question with one word mistyped") {
  const std::filesystem::path source = DUTYDESK_SOURCE_DIR;
  checkQuestionSet(source / "content", source / "tests/eval/typo.tsv", 100,
                   {"direct", "paraphrase", "colloquial", "position", "dispute", "emergency"});
  std::map<std::string, eval::EvalQuestion> originals;
  for (auto& q : eval::loadQuestions(source / "tests/eval/questions.tsv")) originals[q.id] = q;
  for (const auto& typo : eval::loadQuestions(source / "tests/eval/typo.tsv")) {
    CAPTURE(typo.id);
    REQUIRE(typo.id.ends_with("t"));
    const auto original = originals.find(typo.id.substr(0, typo.id.size() - 1));
    REQUIRE(original != originals.end());
    const eval::EvalQuestion& q = original->second;
    CHECK(typo.category == q.category);
    CHECK(typo.manual == q.manual);
    CHECK(typo.positions == q.positions);
    CHECK(typo.clauses.size() == q.clauses.size());
    // The same length and at most two characters changed: a slip, not a rewording.
    REQUIRE(typo.question.size() == q.question.size());
    int changed = 0;
    for (size_t at = 0, typoAt = 0; at < q.question.size();) {
      changed += utf8::decode(q.question, at) != utf8::decode(typo.question, typoAt);
    }
    CHECK(changed >= 1);
    CHECK(changed <= 2);
  }
}

TEST_CASE("every question of the blind sets names existing manuals, positions and clauses") {
  const std::filesystem::path source = DUTYDESK_SOURCE_DIR;
  for (const char* set : {"spoken.tsv", "spoken2.tsv", "spoken3.tsv", "spoken4.tsv"}) {
    CAPTURE(set);
    checkQuestionSet(source / "content", source / "tests/eval" / set, 90,
                     {"colloquial", "emergency"});
  }
  for (const char* set : {"emergency2.tsv", "emergency3.tsv"}) {
    CAPTURE(set);
    checkQuestionSet(source / "content", source / "tests/eval" / set, 60, {"emergency"});
  }
}

TEST_CASE("every held-out question names existing manuals, positions and clauses") {
  const std::filesystem::path heldout =
      std::filesystem::path(DUTYDESK_SOURCE_DIR) / "tests/eval/heldout";
  checkQuestionSet(heldout, heldout / "xiezilou.tsv", 70);
  checkQuestionSet(heldout, heldout / "chanyeyuan.tsv", 70);
  checkQuestionSet(heldout, heldout / "shangchang.tsv", 70);
  checkQuestionSet(heldout, heldout / "yiyuan.tsv", 70);
}

TEST_CASE("the question sets agree with their pooled relevance judgments") {
  const std::filesystem::path eval = std::filesystem::path(DUTYDESK_SOURCE_DIR) / "tests/eval";
  checkJudgments(eval / "questions.tsv", eval / "judgments/questions.tsv");
  for (const char* set : {"spoken.tsv", "spoken2.tsv", "spoken3.tsv", "spoken4.tsv",
                          "emergency2.tsv", "emergency3.tsv"}) {
    CAPTURE(set);
    checkJudgments(eval / set, eval / "judgments" / set);
  }
  for (const char* set : {"chanyeyuan", "xiezilou", "shangchang", "yiyuan"}) {
    CAPTURE(set);
    checkJudgments(eval / "heldout" / (std::string(set) + ".tsv"),
                   eval / "judgments" / (std::string(set) + ".tsv"));
  }
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
