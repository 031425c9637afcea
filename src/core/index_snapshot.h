// One generation of an index, opened for reading: the manuals it was built from and the
// settings its questions must be analysed with. Immutable after open(); share it between
// threads through shared_ptr. Each thread opens its own Xapian::Database on generationPath(),
// because a Xapian::Database object must not be used by two threads at once.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/index_writer.h"
#include "core/manual.h"
#include "core/question.h"
#include "core/text_analyzer.h"

namespace dutydesk {

class IndexSnapshot {
 public:
  // Opens the generation that dbDir's stub names now. Throws IndexError with a message a
  // person can act on when there is no index, or one this build cannot read.
  static std::shared_ptr<const IndexSnapshot> open(const std::filesystem::path& dbDir);

  // The generation dbDir's stub names now, without opening it; empty when there is none.
  static std::string currentGeneration(const std::filesystem::path& dbDir);

  const std::vector<Manual>& manuals() const { return manuals_; }
  const Manual* findManual(std::string_view id) const;
  const std::filesystem::path& generationPath() const { return generationPath_; }
  const std::string& generation() const { return generation_; }
  const AnalyzerSettings& analyzerSettings() const { return settings_; }
  const PositionNames& positionNames() const { return positionNames_; }
  // Whether a field term (position name, heading, chapter, department words) is in the index.
  // The fields' vocabulary is small, so it is read once: a query then asks Xapian only for
  // field terms that exist, instead of one B-tree lookup per word, synonym and field.
  bool hasFieldTerm(const std::string& term) const { return fieldTerms_.contains(term); }
  // Whether the job has 直接下级 in any manual: it leads others (the emergency manual gives no
  // reporting lines, so the duty manual's count for the same job).
  bool leads(const std::string& canonical) const { return leaders_.contains(canonical); }
  // The index's words of two or more Han characters that sound like `key` (pinyinKey): what
  // characters of a question may have been meant as (水相 → 水箱). Null when none.
  const std::vector<std::string>* wordsSounding(const std::string& key) const;
  size_t clauseCount() const { return clauses_.size(); }
  // The clause a document of this index holds (index_schema.h); throws IndexError when the
  // index has no such document.
  std::pair<const Manual*, const Clause*> clauseOf(unsigned docid) const;

 private:
  IndexSnapshot() = default;
  static std::shared_ptr<const IndexSnapshot> openGeneration(const std::filesystem::path& dbDir,
                                                             const std::string& generation);

  std::vector<Manual> manuals_;
  std::filesystem::path generationPath_;
  std::string generation_;
  AnalyzerSettings settings_;
  PositionNames positionNames_;
  std::unordered_set<std::string> fieldTerms_;
  std::unordered_set<std::string> leaders_;
  std::unordered_map<std::string, std::vector<std::string>> wordsBySound_;
  std::vector<std::pair<const Manual*, const Clause*>> clauses_;  // [docid - 1]
};

}  // namespace dutydesk
