// Speed: parsing, index build, query latency and peak memory, for the shipped content or a
// generated corpus; the FTS5 baseline is built and queried in the same run for comparison.
//
//   build/bench_speed [--content DIR] [--questions FILE] [--generate CLAUSES] [--rounds N]
//                     [--reuse-db DIR]
//
// --generate writes a corpus of about CLAUSES clauses (several manuals recombined from the
// shipped clauses) as Markdown into a temporary folder and measures that instead. Latency is
// measured in one thread (one core), over every question, --rounds times. --reuse-db keeps the
// index in DIR and reuses it on later runs (the corpus is generated the same way each time), to
// measure queries again without waiting for the build.
#include <cmark.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>

#include "core/content_loader.h"
#include "core/index_snapshot.h"
#include "core/index_writer.h"
#include "core/lexicon.h"
#include "core/searcher.h"
#include "fts5_baseline.h"
#include "percentile.h"
#include "question_set.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

long peakRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

// Manuals recombined from the shipped ones: the same positions and departments, clauses drawn
// at random from all shipped clauses, numbered afresh. Realistic text, any size.
size_t generateCorpus(const dutydesk::Library& source, size_t clauses, const fs::path& out) {
  std::vector<std::string> texts;
  std::vector<std::pair<std::string, std::string>> positions;  // section title, chapter title
  for (const dutydesk::Manual& manual : source.manuals) {
    for (const dutydesk::Clause& clause : manual.clauses) {
      if (clause.text.find('\n') == std::string::npos) texts.push_back(clause.text);
    }
    for (const dutydesk::Position& position : manual.positions) {
      const auto& place = position.places.front();
      positions.emplace_back(manual.chapters[place.chapter].sections[place.section].heading.title,
                             manual.chapters[place.chapter].heading.title);
    }
  }
  std::mt19937 random(20261127);
  constexpr size_t kPerSubsection = 12;
  constexpr size_t kPerManual = 10000;  // so that --generate 10000 is one manual of 10,000 clauses
  const char* subsections[] = {"主要职责", "岗位权限", "考核标准"};
  size_t written = 0;
  for (int m = 1; written < clauses; ++m) {
    const fs::path folder = out / ("manual-" + std::to_string(m));
    fs::create_directories(folder);
    std::ofstream(folder / "index.md") << "# 生成的岗位手册 " << m << "\n\n由基准测试生成。\n";
    size_t inManual = 0;
    for (int c = 1; inManual < kPerManual && written < clauses; ++c) {
      std::ofstream chapter(folder / (std::to_string(100 + c) + ".md"));
      chapter << "# 第" << c << "章 部门" << c << "岗位职责\n\n";
      for (int s = 1; s <= 12 && inManual < kPerManual && written < clauses; ++s) {
        const auto& [title, _] = positions[random() % positions.size()];
        chapter << "## " << c << "." << s << " " << title << "\n\n";
        for (int k = 0; k < 3; ++k) {
          chapter << "### " << c << "." << s << "." << (k + 1) << " " << subsections[k] << "\n\n";
          for (size_t i = 1; i <= kPerSubsection; ++i) {
            chapter << i << ". " << texts[random() % texts.size()] << "\n";
          }
          chapter << "\n";
          inManual += kPerSubsection;
          written += kPerSubsection;
        }
      }
    }
  }
  return written;
}

// cmark alone on the same files: the floor under our parser.
double cmarkOnlySeconds(const fs::path& content) {
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(content)) {
    if (entry.path().extension() != ".md") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    files.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  const auto start = Clock::now();
  for (const std::string& text : files) {
    cmark_node_free(cmark_parse_document(text.data(), text.size(), CMARK_OPT_DEFAULT));
  }
  return secondsSince(start);
}

}  // namespace

int main(int argc, char** argv) try {
  fs::path content = "content";
  fs::path questionsFile = "tests/eval/questions.tsv";
  size_t generate = 0;
  int rounds = 5;
  fs::path reuseDb;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--content" && i + 1 < argc) {
      content = argv[++i];
    } else if (arg == "--questions" && i + 1 < argc) {
      questionsFile = argv[++i];
    } else if (arg == "--generate" && i + 1 < argc) {
      generate = std::stoul(argv[++i]);
    } else if (arg == "--rounds" && i + 1 < argc) {
      rounds = std::stoi(argv[++i]);
    } else if (arg == "--reuse-db" && i + 1 < argc) {
      reuseDb = argv[++i];
    } else {
      std::cerr << "usage: bench_speed [--content DIR] [--questions FILE] [--generate CLAUSES] "
                   "[--rounds N] [--reuse-db DIR]\n";
      return 2;
    }
  }
  const fs::path scratch =
      fs::temp_directory_path() / ("dutydesk-speed-" + std::to_string(::getpid()));
  fs::create_directories(scratch);
  fs::path corpus = content;
  if (generate > 0) {
    const dutydesk::Library source = dutydesk::loadLibrary({content});
    corpus = scratch / "corpus";
    const size_t written = generateCorpus(source, generate, corpus);
    std::printf("generated corpus: %zu clauses in %s\n", written, corpus.c_str());
  }
  const auto questions = dutydesk::eval::loadQuestions(questionsFile);

  auto start = Clock::now();
  const dutydesk::Library library = dutydesk::loadLibrary({corpus});
  const double parseSeconds = secondsSince(start);
  if (library.diagnostics.hasErrors()) {
    std::cerr << "content has errors\n";
    return 1;
  }
  size_t clauses = 0;
  for (const auto& manual : library.manuals) clauses += manual.clauses.size();
  const double cmarkSeconds = cmarkOnlySeconds(corpus);
  std::printf("\n%-44s %10s %14s\n", "", "seconds", "clauses/s");
  std::printf("%-44s %10.3f %14.0f\n", "parse + check (dutydesk, all manuals)", parseSeconds,
              clauses / parseSeconds);
  std::printf("%-44s %10.3f %14.0f\n", "  baseline: cmark_parse_document alone", cmarkSeconds,
              clauses / cmarkSeconds);

  dutydesk::TextAnalyzer analyzer(dutydesk::Lexicon::builtIn(), {});
  const fs::path db = reuseDb.empty() ? scratch / "db" : reuseDb;
  start = Clock::now();
  const bool reused = !reuseDb.empty() && !dutydesk::IndexSnapshot::currentGeneration(db).empty();
  if (!reused) dutydesk::writeIndex(library, db, analyzer);
  const double indexSeconds = secondsSince(start);
  start = Clock::now();
  std::shared_ptr<const dutydesk::IndexSnapshot> snapshot = dutydesk::IndexSnapshot::open(db);
  const double openSeconds = secondsSince(start);
  dutydesk::Searcher searcher(snapshot);
  std::vector<double> ours;
  for (int round = 0; round < rounds; ++round) {
    for (const auto& q : questions) {
      dutydesk::SearchRequest request;
      request.query = q.question;
      start = Clock::now();
      searcher.search(request);
      ours.push_back(secondsSince(start) * 1000);
    }
  }
  // Measured before the baseline adds its own tables to this process.
  const long oursPeak = peakRssMiB();

  start = Clock::now();
  Fts5Baseline baseline(library);
  const double ftsSeconds = secondsSince(start);
  std::vector<double> theirs;
  for (int round = 0; round < rounds; ++round) {
    for (const auto& q : questions) {
      start = Clock::now();
      baseline.search(q.question);
      theirs.push_back(secondsSince(start) * 1000);
    }
  }
  if (reused) {
    std::printf("%-44s %10s\n", "index build (dutydesk): reused", db.c_str());
  } else {
    std::printf("%-44s %10.3f %14.0f\n", "index build (dutydesk, Xapian on disk)", indexSeconds,
                clauses / indexSeconds);
  }
  std::printf("%-44s %10.3f %14.0f\n", "  baseline: FTS5 trigram, in memory", ftsSeconds,
              clauses / ftsSeconds);
  std::printf("%-44s %10.3f\n", "open the index (at start and on each reload)", openSeconds);
  std::printf("\nquery latency, one thread, %zu queries      p50 ms    p99 ms    max ms\n",
              ours.size());
  std::printf("%-44s %8.2f  %8.2f  %8.2f\n", "dutydesk (answers + hits + snippets)",
              percentile(ours, 0.5), percentile(ours, 0.99), percentile(ours, 1.0));
  std::printf("%-44s %8.2f  %8.2f  %8.2f\n", "  baseline: FTS5 trigram BM25 (hits only)",
              percentile(theirs, 0.5), percentile(theirs, 0.99), percentile(theirs, 1.0));
  std::printf(
      "\nclauses: %zu; peak memory: %ld MiB after dutydesk's index and queries, "
      "%ld MiB with the baseline too\n",
      clauses, oursPeak, peakRssMiB());
  fs::remove_all(scratch);
  return 0;
} catch (const std::exception& e) {
  std::cerr << "bench_speed: " << e.what() << "\n";
  return 1;
}
