// writeIndex and IndexSnapshot on disk: atomic replacement, interrupted runs, self-description.
#include "core/index_writer.h"

#include <doctest/doctest.h>
#include <signal.h>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <thread>

#include "core/index_schema.h"
#include "core/index_snapshot.h"
#include "core/lexicon.h"
#include "core/pinyin.h"
#include "core/searcher.h"
#include "test_support.h"

using namespace dutydesk;
using dutydesk::testing::TempDir;
namespace fs = std::filesystem;

namespace {

IndexStats build(const fs::path& content, const fs::path& db) {
  const Library library = loadLibrary({content});
  REQUIRE_FALSE(library.diagnostics.hasErrors());
  TextAnalyzer analyzer(Lexicon::builtIn(), {});
  return writeIndex(library, db, analyzer);
}

// A manual of `sections` × `items` clauses, big enough that indexing takes a while.
void writeLargeManual(const fs::path& folder, int sections, int items) {
  fs::create_directories(folder);
  std::ofstream(folder / "index.md") << "# 大手册\n\n用于测试。\n";
  std::ofstream chapter(folder / "01-大章.md");
  chapter << "# 第一章 大章\n\n";
  for (int s = 1; s <= sections; ++s) {
    chapter << "## 1." << s << " 节" << s << "\n\n";
    for (int i = 1; i <= items; ++i) {
      chapter << i << ". 第" << s << "节第" << i << "条：巡查楼道、清洁电梯轿厢并登记设备编号A" << i
              << "。\n";
    }
    chapter << "\n";
  }
}

size_t countHits(const std::shared_ptr<const IndexSnapshot>& snapshot, const std::string& query) {
  Searcher searcher(snapshot);
  SearchRequest request;
  request.query = query;
  return searcher.search(request).total;
}

std::vector<std::string> generations(const fs::path& db) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(db)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("gen-")) names.push_back(name);
  }
  return names;
}

}  // namespace

TEST_CASE("an index describes itself and is read back whole") {
  TempDir dir;
  const IndexStats stats = build(dutydesk::testing::fixture("search"), dir / "db");
  CHECK(stats.manuals == 2);
  const auto snapshot = IndexSnapshot::open(dir / "db");
  CHECK(snapshot->clauseCount() == stats.clauses);
  REQUIRE(snapshot->manuals().size() == 2);
  CHECK(snapshot->manuals()[0].id == "jinji");
  CHECK(snapshot->manuals()[1].id == "xiaoqu");
  const Manual& xiaoqu = snapshot->manuals()[1];
  CHECK(xiaoqu.findClause("2.2.2.1")->cite == "2.2.2 第1条");
  CHECK(xiaoqu.findPosition("前台接待")->canonical() == "客服专员");

  Xapian::Database db((dir / "db").string());  // the stub makes DB_DIR a Xapian database
  CHECK(db.get_metadata(std::string(schema::kMetaSchema)) == schema::kSchemaVersion);
  CHECK(db.get_metadata(std::string(schema::kMetaLexicon)) == Lexicon::builtIn().version());
  CHECK(db.get_metadata(std::string(schema::kMetaAnalyzer)) == AnalyzerSettings{}.describe());
  CHECK_FALSE(db.get_metadata(std::string(schema::kMetaIcu)).empty());
}

TEST_CASE("an index finds its words by how they sound") {
  TempDir dir;
  build(dutydesk::testing::fixture("search"), dir / "db");
  const auto snapshot = IndexSnapshot::open(dir / "db");
  const std::vector<std::string>* words = snapshot->wordsSounding(pinyinKey("催交"));
  REQUIRE(words != nullptr);
  CHECK(std::find(words->begin(), words->end(), "催缴") != words->end());
  CHECK(snapshot->wordsSounding(pinyinKey("量子")) == nullptr);
  CHECK(snapshot->wordsSounding("") == nullptr);  // single characters are left out
}

TEST_CASE("re-indexing switches generations and keeps only the previous one") {
  TempDir dir;
  const fs::path content = dutydesk::testing::fixture("search");
  build(content, dir / "db");
  const auto first = IndexSnapshot::open(dir / "db");
  build(content, dir / "db");
  build(content, dir / "db");
  const auto third = IndexSnapshot::open(dir / "db");
  CHECK(first->generation() != third->generation());
  CHECK(generations(dir / "db").size() == 2);
  // A reader that opened the previous generation can still search it.
  CHECK(countHits(IndexSnapshot::open(dir / "db"), "业主") > 0);
}

TEST_CASE("a folder that is not an index is not overwritten") {
  TempDir dir;
  fs::create_directories(dir / "db");
  std::ofstream(dir / "db" / "notes.txt") << "mine";
  const Library library = loadLibrary({dutydesk::testing::fixture("search")});
  TextAnalyzer analyzer(Lexicon::builtIn(), {});
  CHECK_THROWS_AS(writeIndex(library, dir / "db", analyzer), IndexError);
  CHECK(fs::exists(dir / "db" / "notes.txt"));
}

TEST_CASE("an index built by an incompatible version is refused with a clear message") {
  TempDir dir;
  build(dutydesk::testing::fixture("search"), dir / "db");
  const fs::path generation = IndexSnapshot::open(dir / "db")->generationPath();
  const auto tamper = [&](std::string_view key, const std::string& value) {
    Xapian::WritableDatabase db(generation.string(), Xapian::DB_OPEN);
    db.set_metadata(std::string(key), value);
    db.commit();
  };
  SUBCASE("schema") {
    tamper(schema::kMetaSchema, "0");
    CHECK_THROWS_WITH_AS(IndexSnapshot::open(dir / "db"),
                         doctest::Contains("has schema version 0, this dutydesk reads version"),
                         IndexError);
  }
  SUBCASE("word lists") {
    tamper(schema::kMetaLexicon, "0000000000000000");
    CHECK_THROWS_WITH_AS(IndexSnapshot::open(dir / "db"),
                         doctest::Contains("was built with other word lists"), IndexError);
  }
  SUBCASE("ICU") {
    tamper(schema::kMetaIcu, "1.0");
    CHECK_THROWS_WITH_AS(IndexSnapshot::open(dir / "db"),
                         doctest::Contains("was segmented with ICU 1.0"), IndexError);
  }
  SUBCASE("no index at all") {
    CHECK_THROWS_WITH_AS(IndexSnapshot::open(dir / "elsewhere"), doctest::Contains("no index in"),
                         IndexError);
  }
}

TEST_CASE("readers see the old index or the new one, never a mix") {
  TempDir dir;
  const fs::path small = dutydesk::testing::fixture("search");
  writeLargeManual(dir / "large" / "da", 4, 500);
  build(small, dir / "db");
  const size_t smallCount = IndexSnapshot::open(dir / "db")->clauseCount();
  std::atomic<bool> done = false;
  std::atomic<int> observations = 0;
  std::atomic<int> mixed = 0;
  std::thread reader([&] {
    while (!done) {
      const auto snapshot = IndexSnapshot::open(dir / "db");
      size_t modelClauses = 0;
      for (const Manual& manual : snapshot->manuals()) modelClauses += manual.clauses.size();
      const size_t count = snapshot->clauseCount();
      if (count != modelClauses || (count != smallCount && count != 2001)) ++mixed;
      ++observations;
    }
  });
  for (int i = 0; i < 3; ++i) {
    build(dir / "large", dir / "db");
    build(small, dir / "db");
  }
  done = true;
  reader.join();
  CHECK(observations > 0);
  CHECK(mixed == 0);
}

TEST_CASE("a run killed halfway leaves the old index serving") {
  TempDir dir;
  build(dutydesk::testing::fixture("search"), dir / "db");
  const std::string before = IndexSnapshot::open(dir / "db")->generation();
  writeLargeManual(dir / "large" / "da", 20, 1000);
  // Kill at several moments, so that some land while parsing and some while Xapian writes.
  for (int millis : {30, 150, 400, 800, 1500}) {
    CAPTURE(millis);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      ::execl(dutydesk::testing::binary().c_str(), "dutydesk", "index", "--db",
              (dir / "db").c_str(), (dir / "large").c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(millis));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    if (WIFEXITED(status)) continue;  // it finished first: nothing was interrupted
    const auto snapshot = IndexSnapshot::open(dir / "db");
    CHECK(snapshot->generation() == before);
    CHECK(countHits(snapshot, "业主") > 0);
  }
  // The next run cleans up what the killed ones left.
  build(dutydesk::testing::fixture("search"), dir / "db");
  CHECK(generations(dir / "db").size() == 2);
}
