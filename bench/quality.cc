// Answer quality on the development questions: dutydesk against the baseline a developer
// would reach for instead (SQLite FTS5, trigram tokenizer, BM25), on the same clauses and
// questions in the same run; then the analyser and ranking variants behind our choices.
//
//   build/bench_quality [--content DIR] [--questions FILE] [--no-variants]
//
// --pool FILE writes, for relevance judging, every clause either system ranks in its top 3
// that the question does not yet accept: a question's expected clauses were written before
// any search ran, and another clause may answer it as well (the usual pooling of IR
// evaluations). The file does not say which system found a clause.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
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
#include "fts5_baseline.h"
#include "percentile.h"
#include "question_set.h"

namespace fs = std::filesystem;
using dutydesk::eval::EvalQuestion;

namespace {

using System = std::function<Ranked(const EvalQuestion&)>;

// Where the first position / clause the question accepts stands in a ranking, if anywhere.
std::optional<size_t> positionRank(const EvalQuestion& q, const Ranked& r) {
  for (size_t i = 0; i < r.positions.size(); ++i) {
    if (q.acceptsPosition(r.positions[i])) return i;
  }
  return std::nullopt;
}

std::optional<size_t> clauseRank(const EvalQuestion& q, const Ranked& r) {
  for (size_t i = 0; i < r.clauses.size(); ++i) {
    if (q.acceptsClause(r.clauses[i].first, r.clauses[i].second)) return i;
  }
  return std::nullopt;
}

struct Score {
  int positionQuestions = 0, clauseQuestions = 0;
  double position1 = 0, position3 = 0, clause1 = 0, clause3 = 0, mrr = 0;

  void add(const EvalQuestion& q, const Ranked& r) {
    if (!q.positions.empty()) {
      ++positionQuestions;
      const auto rank = positionRank(q, r);
      if (rank && *rank == 0) ++position1;
      if (rank && *rank < 3) ++position3;
    }
    if (!q.clauses.empty()) {
      ++clauseQuestions;
      if (const auto rank = clauseRank(q, r)) {
        if (*rank == 0) ++clause1;
        if (*rank < 3) ++clause3;
        mrr += 1.0 / static_cast<double>(*rank + 1);
      }
    }
  }

  std::string row(const std::string& label, int questions) const {
    const auto ratio = [](double n, int d) { return d ? n / d : 0.0; };
    char buffer[200];
    std::snprintf(buffer, sizeof buffer, "%-28s %5d  %6.3f  %6.3f  %6.3f  %6.3f  %6.3f",
                  label.c_str(), questions, ratio(position1, positionQuestions),
                  ratio(position3, positionQuestions), ratio(clause1, clauseQuestions),
                  ratio(clause3, clauseQuestions), ratio(mrr, clauseQuestions));
    return buffer;
  }
};

const char* kHeader = "                                 n  pos@1   pos@3   cl@1    cl@3    MRR";

// Whether a system knows when it is unsure: questions whose answer it calls a close call
// (contenders ≥ 2) against the rest, and how often the right position is among the contenders.
struct CloseCalls {
  int clear = 0, clearRight = 0, close = 0, closeRight = 0, closeAmong = 0;
  size_t contenders = 0;  // over the close calls

  void add(const EvalQuestion& q, const Ranked& r) {
    if (q.positions.empty()) return;
    const auto rank = positionRank(q, r);
    if (r.contenders < 2) {
      ++clear;
      if (rank && *rank == 0) ++clearRight;
      return;
    }
    ++close;
    contenders += r.contenders;
    if (rank && *rank == 0) ++closeRight;
    std::set<std::string> seen;  // the contenders, one per position
    for (const std::string& position : r.positions) {
      if (seen.size() == r.contenders) break;
      seen.insert(position);
      if (q.acceptsPosition(position)) {
        ++closeAmong;
        break;
      }
    }
  }

  void print() const {
    const auto ratio = [](int n, int d) { return d ? static_cast<double>(n) / d : 0.0; };
    std::printf(
        "close calls: %d of %d questions, %.1f contenders each; there the first position is "
        "right %.3f, one of the contenders %.3f; elsewhere the first is right %.3f\n",
        close, close + clear, ratio(static_cast<int>(contenders), close), ratio(closeRight, close),
        ratio(closeAmong, close), ratio(clearRight, clear));
  }
};

struct Evaluation {
  CloseCalls closeCalls;
  std::map<std::string, Score> byCategory;
  std::map<std::string, int> counts;
  Score overall;
  std::vector<double> millis;
  std::vector<std::string> misses;  // for reading, not for tuning word lists to
  std::vector<Ranked> ranked;       // in question order
};

Evaluation evaluate(const std::vector<EvalQuestion>& questions, const System& system) {
  Evaluation e;
  for (const EvalQuestion& q : questions) {
    const auto start = std::chrono::steady_clock::now();
    const Ranked ranked = system(q);
    e.millis.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count());
    e.byCategory[q.category].add(q, ranked);
    ++e.counts[q.category];
    e.overall.add(q, ranked);
    e.closeCalls.add(q, ranked);
    e.ranked.push_back(ranked);
    const auto position = positionRank(q, ranked);
    const auto clause = clauseRank(q, ranked);
    const bool positionMiss = !q.positions.empty() && !(position && *position == 0);
    const bool clauseMiss = !q.clauses.empty() && !(clause && *clause < 3);
    if (positionMiss || clauseMiss) {
      std::string got;
      for (size_t i = 0; i < std::min<size_t>(3, ranked.clauses.size()); ++i) {
        got += " " + ranked.clauses[i].first.substr(0, 2) + ":" + ranked.clauses[i].second;
      }
      e.misses.push_back(std::string(positionMiss ? "P" : " ") + (clauseMiss ? "C " : "  ") + q.id +
                         " [" + q.category + "] " + q.question + " → " +
                         (ranked.positions.empty() ? "(none)" : ranked.positions[0]) + ";" + got +
                         " | expected " + (q.positions.empty() ? "-" : q.positions[0]) + " " +
                         (q.clauses.empty() ? "-" : q.clauses[0].address));
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

// ---- dutydesk -------------------------------------------------------------------------

System dutydeskSystem(dutydesk::Searcher& searcher) {
  return [&searcher](const EvalQuestion& q) {
    dutydesk::SearchRequest request;
    request.query = q.question;
    request.limit = 10;
    const dutydesk::SearchResult result = searcher.search(request);
    Ranked ranked;
    for (const auto& answer : result.answers)
      ranked.positions.push_back(answer.position->canonical());
    for (const auto& hit : result.hits) {
      ranked.clauses.emplace_back(hit.manual->id, hit.clause->address.str());
    }
    ranked.contenders = result.contenders;
    return ranked;
  };
}

struct Variant {
  std::string label;
  dutydesk::AnalyzerSettings settings;
  dutydesk::SearchTuning tuning;
};

std::shared_ptr<const dutydesk::IndexSnapshot> buildIndex(
    const dutydesk::Library& library, const dutydesk::AnalyzerSettings& settings,
    const fs::path& dir, double& seconds) {
  dutydesk::TextAnalyzer analyzer(dutydesk::Lexicon::builtIn(), settings);
  const auto start = std::chrono::steady_clock::now();
  dutydesk::writeIndex(library, dir, analyzer);
  seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return dutydesk::IndexSnapshot::open(dir);
}

std::string clauseLine(const dutydesk::Library& library, const std::string& manualId,
                       const std::string& address) {
  const dutydesk::Manual* manual = library.find(manualId);
  const dutydesk::Clause* clause = manual ? manual->findClause(address) : nullptr;
  if (!clause) return manualId + ":" + address + "\t?\t?";
  const dutydesk::Position* position = manual->positionOf(*clause);
  return manualId + ":" + address + "\t" + (position ? position->canonical() : "-") + "\t" +
         clause->text;
}

// Columns: id, question, accepted positions, kind (expected / candidate), clause, its
// position, its text. Candidates are sorted by address, so their order says nothing.
void writePool(const fs::path& file, const dutydesk::Library& library,
               const std::vector<EvalQuestion>& questions,
               const std::vector<const Evaluation*>& systems) {
  std::ofstream out(file);
  if (!out) throw std::runtime_error(file.string() + ": cannot write");
  out << "id\tquestion\tpositions\tkind\tclause\tposition\ttext\n";
  for (size_t i = 0; i < questions.size(); ++i) {
    const EvalQuestion& q = questions[i];
    std::string positions;
    for (const std::string& p : q.positions) positions += (positions.empty() ? "" : "|") + p;
    const std::string head = q.id + "\t" + q.question + "\t" + positions + "\t";
    for (const auto& ref : q.clauses)
      out << head << "expected\t" << clauseLine(library, ref.manual, ref.address) << "\n";
    std::set<std::pair<std::string, std::string>> candidates;
    for (const Evaluation* system : systems) {
      const auto& clauses = system->ranked[i].clauses;
      for (size_t k = 0; k < std::min<size_t>(3, clauses.size()); ++k) {
        if (!q.acceptsClause(clauses[k].first, clauses[k].second)) candidates.insert(clauses[k]);
      }
    }
    for (const auto& [manual, address] : candidates)
      out << head << "candidate\t" << clauseLine(library, manual, address) << "\n";
  }
}

// --tune name=value: try another value of one SearchTuning field (for sweeps).
void tune(dutydesk::SearchTuning& tuning, const std::string& setting) {
  const size_t eq = setting.find('=');
  const std::string name = setting.substr(0, eq);
  const double value = std::stod(setting.substr(eq + 1));
  const std::map<std::string, double*> fields = {{"position", &tuning.positionField},
                                                 {"heading", &tuning.headingField},
                                                 {"chapter", &tuning.chapterField},
                                                 {"department", &tuning.departmentField},
                                                 {"bigrams", &tuning.bigrams},
                                                 {"k1", &tuning.bm25k1},
                                                 {"b", &tuning.bm25b},
                                                 {"second", &tuning.secondClause},
                                                 {"third", &tuning.thirdClause},
                                                 {"general", &tuning.generalClausePrior},
                                                 {"oversee", &tuning.overseeingPrior},
                                                 {"secondary", &tuning.secondarySubsectionPrior},
                                                 {"topic", &tuning.offTopicChapterPrior},
                                                 {"leader", &tuning.leaderPrior},
                                                 {"leaderoversee", &tuning.leaderAskedToOversee},
                                                 {"asker", &tuning.askerOwnWork},
                                                 {"askerother", &tuning.askerOtherWork},
                                                 {"coverage", &tuning.coverage},
                                                 {"amount", &tuning.noAmountPrior},
                                                 {"overview", &tuning.overviewPrior},
                                                 {"place", &tuning.placeWord},
                                                 {"lone", &tuning.loneCharacter},
                                                 {"sound", &tuning.soundAlikeWord},
                                                 {"alternatives", &tuning.alternativeTerms}};
  const auto it = fields.find(name);
  if (eq == std::string::npos || it == fields.end()) {
    std::string names;
    for (const auto& field : fields) names += " " + field.first;
    throw std::runtime_error("--tune takes name=value; names:" + names);
  }
  *it->second = value;
}

}  // namespace

int main(int argc, char** argv) try {
  fs::path content = "content";
  fs::path questionsFile = "tests/eval/questions.tsv";
  bool variants = true;
  bool showMisses = false;
  fs::path poolFile;
  dutydesk::SearchTuning tuning;
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
    } else if (arg == "--pool" && i + 1 < argc) {
      poolFile = argv[++i];
    } else if (arg == "--tune" && i + 1 < argc) {
      tune(tuning, argv[++i]);
    } else {
      std::cerr << "usage: bench_quality [--content DIR] [--questions FILE] [--no-variants] "
                   "[--misses] [--pool FILE] [--tune name=value]...\n";
      return 2;
    }
  }
  const dutydesk::Library library = dutydesk::loadLibrary({content});
  if (library.diagnostics.hasErrors()) {
    std::cerr << "content has errors; run dutydesk check\n";
    return 1;
  }
  const auto questions = dutydesk::eval::loadQuestions(questionsFile);
  const fs::path scratch =
      fs::temp_directory_path() / ("dutydesk-bench-" + std::to_string(::getpid()));
  std::cout << "questions: " << questions.size() << " from " << questionsFile.string()
            << "; content: " << content.string() << "\n";

  double seconds = 0;
  auto snapshot = buildIndex(library, {}, scratch / "default", seconds);
  dutydesk::Searcher searcher(snapshot, tuning);
  const Evaluation ours = evaluate(questions, dutydeskSystem(searcher));
  printTable("dutydesk (default settings)", ours);
  std::printf("latency over the questions: p50 %.2f ms, p99 %.2f ms; index build %.2f s\n",
              percentile(ours.millis, 0.5), percentile(ours.millis, 0.99), seconds);
  ours.closeCalls.print();

  Fts5Baseline baseline(library);
  const Evaluation theirs =
      evaluate(questions, [&](const EvalQuestion& q) { return baseline.search(q.question); });
  printTable("baseline: SQLite FTS5, trigram tokenizer, BM25", theirs);
  std::printf("latency over the questions: p50 %.2f ms, p99 %.2f ms\n",
              percentile(theirs.millis, 0.5), percentile(theirs.millis, 0.99));

  if (!poolFile.empty()) writePool(poolFile, library, questions, {&ours, &theirs});

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
