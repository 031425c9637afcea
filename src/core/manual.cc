#include "core/manual.h"

namespace dutydesk {

std::string Heading::display() const {
  if (label == title) return title;
  return label + " " + title;
}

const Clause* Manual::findClause(std::string_view address) const {
  const auto it = clauseByAddress_.find(address);
  return it == clauseByAddress_.end() ? nullptr : &clauses[it->second];
}

const Position* Manual::findPosition(std::string_view name) const {
  const auto it = positionByName_.find(name);
  return it == positionByName_.end() ? nullptr : &positions[it->second];
}

const Position* Manual::positionOf(const Clause& clause) const {
  if (!clause.chapter || !clause.section) return nullptr;
  const auto& index = chapters[*clause.chapter].sections[*clause.section].position;
  return index ? &positions[*index] : nullptr;
}

const Heading& Manual::headingOf(const Clause& clause) const {
  if (!clause.chapter) return preface;
  const Chapter& chapter = chapters[*clause.chapter];
  if (!clause.section) return chapter.heading;
  const Section& section = chapter.sections[*clause.section];
  if (!clause.subsection) return section.heading;
  return section.subsections[*clause.subsection].heading;
}

const Chapter* Manual::chapterOf(const Clause& clause) const {
  return clause.chapter ? &chapters[*clause.chapter] : nullptr;
}

std::string Manual::fileOf(const Clause& clause) const {
  return clause.chapter ? chapters[*clause.chapter].file : "index.md";
}

const std::vector<size_t>& Manual::clausesOfSection(size_t chapter, size_t section) const {
  static const std::vector<size_t> kNone;
  const auto it = clausesBySection_.find({chapter, section});
  return it == clausesBySection_.end() ? kNone : it->second;
}

void Manual::finish() {
  clauseByAddress_.clear();
  positionByName_.clear();
  clausesBySection_.clear();
  for (size_t i = 0; i < clauses.size(); ++i) {
    clauseByAddress_.emplace(clauses[i].address.str(), i);
    if (clauses[i].chapter && clauses[i].section) {
      clausesBySection_[{*clauses[i].chapter, *clauses[i].section}].push_back(i);
    }
  }
  for (size_t i = 0; i < positions.size(); ++i) {
    for (const std::string& name : positions[i].names) positionByName_.emplace(name, i);
  }
}

}  // namespace dutydesk
