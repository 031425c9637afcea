// How clauses are laid out in the Xapian index: term prefixes, value slots, metadata keys.
// Change anything here and kSchemaVersion must change with it.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

namespace dutydesk::schema {

constexpr std::string_view kSchemaVersion = "2";

// Free-text terms. Clause text has no prefix; fields a query can weigh have their own.
constexpr std::string_view kBigram = "B";        // Han bigrams of the clause text
constexpr std::string_view kCharacter = "U";     // single Han characters of the clause text
constexpr std::string_view kPositionName = "P";  // words of the position's names and note
constexpr std::string_view kHeading = "H";       // words of the clause's heading title
constexpr std::string_view kChapter = "C";       // words of the chapter title
constexpr std::string_view kDepartment = "D";    // words of the department

// Boolean terms for filtering.
constexpr std::string_view kManualTerm = "XM";    // + manual id
constexpr std::string_view kPositionTerm = "XP";  // + positionKey()
constexpr std::string_view kIdTerm = "XQ";        // + manual id + ':' + address

// Documents: the library's clauses in order, manual by manual in kMetaManualIds order, so
// document N is the Nth clause and a hit is located without reading its document. Each
// document's data repeats "manual id\nclause index" for other readers of the index.

// Value slots.
constexpr Xapian::valueno kSlotPositionKey = 0;  // positionKey(), the collapse key for answers

// Metadata keys: the index describes itself.
constexpr std::string_view kMetaSchema = "dutydesk.schema";
constexpr std::string_view kMetaAnalyzer = "dutydesk.analyzer";
constexpr std::string_view kMetaLexicon = "dutydesk.lexicon";
constexpr std::string_view kMetaIcu = "dutydesk.icu";
constexpr std::string_view kMetaManualIds = "dutydesk.manuals";     // ids, one per line
constexpr std::string_view kMetaManualPrefix = "dutydesk.manual.";  // + id: encoded Manual

// The stub file inside DB_DIR that names the current generation (a Xapian stub database).
constexpr std::string_view kStubFile = "XAPIANDB";

// One key per position per manual: manual id, a unit separator, canonical name.
inline std::string positionKey(std::string_view manualId, std::string_view canonical) {
  std::string key(manualId);
  key += '\x1f';
  key += canonical;
  return key;
}

}  // namespace dutydesk::schema
