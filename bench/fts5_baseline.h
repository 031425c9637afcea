// The baseline a developer would reach for instead of dutydesk: SQLite FTS5 with the trigram
// tokenizer and BM25, over the same clauses. Used by bench_quality and bench_speed.
#pragma once

#include <sqlite3.h>

#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/content_loader.h"
#include "core/utf8.h"

// What a system says for one question: positions best first, clauses best first.
struct Ranked {
  std::vector<std::string> positions;
  std::vector<std::pair<std::string, std::string>> clauses;  // manual, address
  size_t contenders = 0;  // positions the system calls too close to tell apart (dutydesk's)
};

class Fts5Baseline {
 public:
  explicit Fts5Baseline(const dutydesk::Library& library) {
    check(sqlite3_open(":memory:", &db_));
    exec(
        "CREATE VIRTUAL TABLE clauses USING fts5(manual UNINDEXED, address UNINDEXED, "
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
      if (!canonical.empty() && seen.insert(canonical).second)
        ranked.positions.push_back(canonical);
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
    sqlite3_bind_text(statement, index, text.c_str(), static_cast<int>(text.size()),
                      SQLITE_TRANSIENT);
  }
  std::string column(int index) {
    const auto* text = sqlite3_column_text(query_, index);
    return text ? reinterpret_cast<const char*>(text) : "";
  }

  sqlite3* db_ = nullptr;
  sqlite3_stmt* query_ = nullptr;
};
