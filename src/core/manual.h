// The manual model: manual → chapters → sections → subsections → clauses, and the positions
// the sections describe. Built once by ManualParser, then read-only: safe to share between
// threads without locking.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clause_address.h"

namespace dutydesk {

// A heading as written: its number (for addresses), its label (for citing) and its title.
struct Heading {
  std::string number;  // "3", "3.1", "3.1.2"; "前言" for the preface
  std::string label;   // "第三章", "3.1", "3.1.2"; "前言"
  std::string title;   // "客户服务部岗位职责", "客服主管", "主要职责"
  int line = 0;

  // "3.1.2 主要职责", "第三章 客户服务部岗位职责": the heading as people read it.
  std::string display() const;
};

struct Subsection {
  Heading heading;
};

struct Section {
  Heading heading;
  std::vector<Subsection> subsections;
  std::optional<size_t> position;  // index into Manual::positions when the section is one
};

struct Chapter {
  Heading heading;
  std::string file;  // file name inside the manual folder: "03-客户服务部岗位职责.md"
  std::vector<Section> sections;
};

struct Position {
  std::vector<std::string> names;  // canonical first, then aliases
  std::string note;                // bracketed note after the name, searchable
  std::optional<std::string> department;
  std::vector<std::string> superiors;     // 直接上级, canonical names once resolved
  std::vector<std::string> subordinates;  // 直接下级, canonical names once resolved
  struct Place {
    size_t chapter;
    size_t section;
  };
  std::vector<Place> places;  // every section that describes it, in manual order
  std::string file;           // where it first appears
  int line = 0;

  const std::string& canonical() const { return names.front(); }
};

struct Clause {
  ClauseAddress address;
  std::string cite;  // "3.1.2 第7条"
  std::string text;  // plain text, for indexing and snippets
  std::string html;  // rendered by cmark in safe mode, for display
  int line = 0;
  // Where it sits; nullopt = directly under the heading one level up. No chapter = preface.
  std::optional<size_t> chapter;
  std::optional<size_t> section;
  std::optional<size_t> subsection;
};

class Manual {
 public:
  std::string id;      // folder name
  std::string title;   // "# title" of index.md
  std::string folder;  // path of the manual folder as given
  Heading preface{"前言", "前言", "前言", 0};
  std::vector<Chapter> chapters;
  std::vector<Position> positions;
  std::vector<Clause> clauses;  // in manual order

  // Lookups; the model must be complete (ManualParser calls finish()).
  const Clause* findClause(std::string_view address) const;
  const Position* findPosition(std::string_view name) const;  // any of its names
  const Position* positionOf(const Clause& clause) const;
  const Heading& headingOf(const Clause& clause) const;
  const Chapter* chapterOf(const Clause& clause) const;
  std::string fileOf(const Clause& clause) const;  // "index.md" for the preface
  // Clause indices of one section, in order (the section's own and its subsections').
  const std::vector<size_t>& clausesOfSection(size_t chapter, size_t section) const;

  // Builds the lookup tables. Called once after the model is filled.
  void finish();

 private:
  std::map<std::string, size_t, std::less<>> clauseByAddress_;
  std::map<std::string, size_t, std::less<>> positionByName_;
  std::map<std::pair<size_t, size_t>, std::vector<size_t>> clausesBySection_;
};

}  // namespace dutydesk
