// Answer quality on the development questions: dutydesk against the baseline a developer
// would reach for instead (SQLite FTS5, trigram tokenizer, BM25), on the same clauses and
// questions in the same run; then the analyser and ranking variants behind our choices.
//
//   build/bench_quality [--content DIR] [--questions FILE] [--no-variants]
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/content_loader.h"
#include "core/index_snapshot.h"
#include "core/index_writer.h"
#include "core/lexicon.h"
#include "core/searcher.h"
#include "core/text_normalizer.h"
#include "core/utf8.h"
#include "question_set.h"

namespace fs = std::filesystem;
using dutydesk::eval::EvalQuestion;

namespace {

// What a system says for one question: positions best first, clauses best first.
struct Ranked {
  std::vector<std::string> positions;
  std::vector<std::pair<std::string, std::string>> clauses;  // manual, address
};

using System = std::function<Ranked(const EvalQuestion&)>;

struct Score {
  int positionQuestions = 0, clauseQuestions = 0;
  double position1 = 0, position3 = 0, clause1 = 0, clause3 = 0, mrr = 0;

  void add(const EvalQuestion& q, const Ranked& r) {
    if (!q.positions.empty()) {
      ++positionQuestions;
      const auto accepted = [&](const std::string& p) {
        return std::find(q.positions.begin(), q.positions.end(), p) != q.positions.end();
      };
      if (!r.positions.empty() && accepted(r.positions[0])) ++position1;
      for (size_t i = 0; i < std::min<size_t>(3, r.positions.size()); ++i) {
        if (accepted(r.positions[i])) {
          ++position3;
          break;
        }
      }
    }
    if (!q.clauses.empty()) {
      ++clauseQuestions;
      for (size_t i = 0; i < r.clauses.size(); ++i) {
        const bool hit = r.clauses[i].first == q.manual &&
                         std::find(q.clauses.begin(), q.clauses.end(), r.clauses[i].second) !=
                             q.clauses.end();
        if (!hit) continue;
        if (i == 0) ++clause1;
        if (i < 3) ++clause3;
        mrr += 1.0 / static_cast<double>(i + 1);
        break;
      }
    }
  }

  std::string row(const std::string& label, int questions) const {
    const auto ratio = [](double n, int d) { return d ? n / d : 0.0; };
    char buffer[200];
    std::snprintf(buffer, sizeof buffer, "%-28s %5d  %6.3f  %6.3f  %6.3f  %6.3f  %6.3f", label.c_str(),
                  questions, ratio(position1, positionQuestions), ratio(position3, positionQuestions),
                  ratio(clause1, clauseQuestions), ratio(clause3, clauseQuestions),
                  ratio(mrr, clauseQuestions));
    return buffer;
  }
};

const char* kHeader = "                                 n  pos@1   pos@3   cl@1    cl@3    MRR";

struct Evaluation {
  std::map<std::string, Score> byCategory;
  std::map<std::string, int> counts;
  Score overall;
  std::vector<double> millis;
  std::vector<std::string> misses;  // for reading, not for tuning word lists to
};

Evaluation evaluate(const std::vector<EvalQuestion>& questions, const System& system) {
  Evaluation e;
  for (const EvalQuestion& q : questions) {
    const auto start = std::chrono::steady_clock::now();
    const Ranked ranked = system(q);
    e.millis.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    e.byCategory[q.category].add(q, ranked);
    ++e.counts[q.category];
    e.overall.add(q, ranked);
    const bool positionMiss = !q.positions.empty() &&
                              (ranked.positions.empty() ||
                               std::find(q.positions.begin(), q.positions.end(),
                                         ranked.positions[0]) == q.positions.end());
    bool clauseMiss = !q.clauses.empty();
    for (size_t i = 0; i < std::min<size_t>(3, ranked.clauses.size()); ++i) {
      if (ranked.clauses[i].first == q.manual &&
          std::find(q.clauses.begin(), q.clauses.end(), ranked.clauses[i].second) != q.clauses.end()) {
        clauseMiss = false;
      }
    }
    if (positionMiss || clauseMiss) {
      std::string got;
      for (size_t i = 0; i < std::min<size_t>(3, ranked.clauses.size()); ++i) {
        got += " " + ranked.clauses[i].first.substr(0, 2) + ":" + ranked.clauses[i].second;
      }
      e.misses.push_back(std::string(positionMiss ? "P" : " ") + (clauseMiss ? "C " : "  ") + q.id +
                         " [" + q.category + "] " + q.question + " → " +
                         (ranked.positions.empty() ? "(none)" : ranked.positions[0]) + ";" + got +
                         " | expected " + (q.positions.empty() ? "-" : q.positions[0]) + " " +
                         (q.clauses.empty() ? "-" : q.clauses[0]));
    }
  }
  return e;
}

void printTable(const std::string& title, const Evaluation& e) {
  std::cout << "\n" << title << "\n" << kHeader << "\n";
  for (const auto& [category, score] : e.byCategory) {
    std::cout << score.row(category, e.counts.at(category)) << "\n";
  }
  int total = 0;
  for (const auto& [category, count] : e.counts) total += count;
  std::cout << e.overall.row("overall", total) << "\n";
}

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const size_t index = std::min(values.size() - 1, static_cast<size_t>(p * values.size()));
  return values[index];
}

// ---- dutydesk -------------------------------------------------------------------------

System dutydeskSystem(dutydesk::Searcher& searcher) {
  return [&searcher](const EvalQuestion& q) {
    dutydesk::SearchRequest request;
    request.query = q.question;
    request.limit = 10;
    const dutydesk::SearchResult result = searcher.search(request);
    Ranked ranked;
    for (const auto& answer : result.answers) ranked.positions.push_back(answer.position->canonical());
    for (const auto& hit : result.hits) {
      ranked.clauses.emplace_back(hit.manual->id, hit.clause->address.str());
    }
    return ranked;
  };
}

// ---- the baseline: SQLite FTS5 with the trigram tokenizer and BM25 ---------------------

class Fts5Baseline {
 public:
  explicit Fts5Baseline(const dutydesk::Library& library) {
    check(sqlite3_open(":memory:", &db_));
    exec("CREATE VIRTUAL TABLE clauses USING fts5(manual UNINDEXED, address UNINDEXED, "
         "position, heading, text, tokenize='trigram')");
    sqlite3_stmt* insert = nullptr;
    check(sqlite3_prepare_v2(db_, "INSERT INTO clauses VALUES (?,?,?,?,?)", -1, &insert, nullptr));
    exec("BEGIN");
    for (const dutydesk::Manual& manual : library.manuals) {
      for (const dutydesk::Clause& clause : manual.clauses) {
        const dutydesk::Position* position = manual.positionOf(clause);
        std::string names;
        if (position) {
          for (const std::string& name : position->names) names += name + " ";
        }
        bind(insert, 1, manual.id);
        bind(insert, 2, clause.address.str());
        bind(insert, 3, names);
        bind(insert, 4, manual.headingOf(clause).title);
        bind(insert, 5, clause.text);
        if (sqlite3_step(insert) != SQLITE_DONE) fail();
        sqlite3_reset(insert);
      }
    }
    exec("COMMIT");
    sqlite3_finalize(insert);
    check(sqlite3_prepare_v2(db_,
                             "SELECT manual, address, position FROM clauses WHERE clauses MATCH ? "
                             "ORDER BY bm25(clauses) LIMIT 10",
                             -1, &query_, nullptr));
  }
  ~Fts5Baseline() {
    sqlite3_finalize(query_);
    sqlite3_close(db_);
  }

  // What a developer writes for the trigram tokenizer: every three-character window of the
  // question (punctuation dropped), ORed, as quoted strings so nothing is read as syntax.
  Ranked search(const std::string& question) {
    std::vector<std::string> chars;
    for (size_t pos = 0; pos < question.size();) {
      const size_t start = pos;
      const char32_t cp = dutydesk::utf8::decode(question, pos);
      const bool keep = (cp >= U'0' && cp <= U'9') || (cp >= U'a' && cp <= U'z') ||
                        (cp >= U'A' && cp <= U'Z') || cp >= 0x3400;
      const bool punctuation = cp >= 0x3000 && cp <= 0x303F;
      const bool fullwidth = cp >= 0xFF00 && cp <= 0xFFEF;
      if (keep && !punctuation && !fullwidth) chars.push_back(question.substr(start, pos - start));
    }
    std::string match;
    for (size_t i = 0; i + 3 <= chars.size(); ++i) {
      if (!match.empty()) match += " OR ";
      match += "\"" + chars[i] + chars[i + 1] + chars[i + 2] + "\"";
    }
    Ranked ranked;
    if (match.empty()) return ranked;
    bind(query_, 1, match);
    std::set<std::string> seen;
    while (sqlite3_step(query_) == SQLITE_ROW) {
      const std::string manual = column(0), address = column(1), names = column(2);
      ranked.clauses.emplace_back(manual, address);
      const std::string canonical = names.substr(0, names.find(' '));
      if (!canonical.empty() && seen.insert(canonical).second) ranked.positions.push_back(canonical);
    }
    sqlite3_reset(query_);
    return ranked;
  }

 private:
  void exec(const char* sql) { check(sqlite3_exec(db_, sql, nullptr, nullptr, nullptr)); }
  void check(int rc) {
    if (rc != SQLITE_OK) fail();
  }
  [[noreturn]] void fail() {
    throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(db_));
  }
  static void bind(sqlite3_stmt* statement, int index, const std::string& text) {
    sqlite3_bind_text(statement, index, text.c_str(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  }
  std::string column(int index) {
    const auto* text = sqlite3_column_text(query_, index);
    return text ? reinterpret_cast<const char*>(text) : "";
  }

  sqlite3* db_ = nullptr;
  sqlite3_stmt* query_ = nullptr;
};

struct Variant {
  std::string label;
  dutydesk::AnalyzerSettings settings;
  dutydesk::SearchTuning tuning;
};

std::shared_ptr<const dutydesk::IndexSnapshot> buildIndex(const dutydesk::Library& library,
                                                          const dutydesk::AnalyzerSettings& settings,
                                                          const fs::path& dir, double& seconds) {
  dutydesk::TextAnalyzer analyzer(dutydesk::Lexicon::builtIn(), settings);
  const auto start = std::chrono::steady_clock::now();
  dutydesk::writeIndex(library, dir, analyzer);
  seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return dutydesk::IndexSnapshot::open(dir);
}

}  // namespace

int main(int argc, char** argv) try {
  fs::path content = "content";
  fs::path questionsFile = "tests/eval/questions.tsv";
  bool variants = true;
  bool showMisses = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--content" && i + 1 < argc) {
      content = argv[++i];
    } else if (arg == "--questions" && i + 1 < argc) {
      questionsFile = argv[++i];
    } else if (arg == "--no-variants") {
      variants = false;
    } else if (arg == "--misses") {
      showMisses = true;
    } else {
      std::cerr << "usage: bench_quality [--content DIR] [--questions FILE] [--no-variants] [--misses]\n";
      return 2;
    }
  }
  const dutydesk::Library library = dutydesk::loadLibrary({content});
  if (library.diagnostics.hasErrors()) {
    std::cerr << "content has errors; run dutydesk check\n";
    return 1;
  }
  const auto questions = dutydesk::eval::loadQuestions(questionsFile);
  const fs::path scratch = fs::temp_directory_path() / ("dutydesk-bench-" + std::to_string(::getpid()));
  std::cout << "questions: " << questions.size() << " from " << questionsFile.string()
            << "; content: " << content.string() << "\n";

  double seconds = 0;
  auto snapshot = buildIndex(library, {}, scratch / "default", seconds);
  dutydesk::Searcher searcher(snapshot);
  const Evaluation ours = evaluate(questions, dutydeskSystem(searcher));
  printTable("dutydesk (default settings)", ours);
  std::printf("latency over the questions: p50 %.2f ms, p99 %.2f ms; index build %.2f s\n",
              percentile(ours.millis, 0.5), percentile(ours.millis, 0.99), seconds);

  Fts5Baseline baseline(library);
  const Evaluation theirs =
      evaluate(questions, [&](const EvalQuestion& q) { return baseline.search(q.question); });
  printTable("baseline: SQLite FTS5, trigram tokenizer, BM25", theirs);
  std::printf("latency over the questions: p50 %.2f ms, p99 %.2f ms\n",
              percentile(theirs.millis, 0.5), percentile(theirs.millis, 0.99));

  if (variants) {
    const dutydesk::SearchTuning tuned;
    dutydesk::SearchTuning noFields = tuned;
    noFields.positionField = noFields.headingField = noFields.chapterField =
        noFields.departmentField = 0;
    dutydesk::SearchTuning noBigramQuery = tuned;
    noBigramQuery.bigrams = 0;
    dutydesk::SearchTuning fullLength = tuned;
    fullLength.bm25b = 0.75;
    const std::vector<Variant> list = {
        {"ICU words only", {false, false, false}, noBigramQuery},
        {"ICU + trade words", {true, false, false}, noBigramQuery},
        {"+ subwords", {true, true, false}, noBigramQuery},
        {"+ subwords + bigrams", {true, true, true}, tuned},
        {"bigrams without trade words", {false, false, true}, tuned},
        {"default, no field weights", {true, true, true}, noFields},
        {"default, BM25 b=0.75", {true, true, true}, fullLength},
    };
    std::cout << "\nvariants (overall)\n" << kHeader << "\n";
    int i = 0;
    for (const Variant& variant : list) {
      auto variantSnapshot =
          buildIndex(library, variant.settings, scratch / ("v" + std::to_string(i++)), seconds);
      dutydesk::Searcher variantSearcher(variantSnapshot, variant.tuning);
      const Evaluation e = evaluate(questions, dutydeskSystem(variantSearcher));
      std::cout << e.overall.row(variant.label, static_cast<int>(questions.size())) << "\n";
    }
  }
  if (showMisses) {
    std::cout << "\nmisses (P: position@1, C: clause@3):\n";
    for (const std::string& miss : ours.misses) std::cout << "  " << miss << "\n";
  }
  fs::remove_all(scratch);
  return 0;
} catch (const std::exception& e) {
  std::cerr << "bench_quality: " << e.what() << "\n";
  return 1;
}
