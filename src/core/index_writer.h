// Builds the search index of a library of manuals and puts it in place atomically.
#pragma once

#include <filesystem>

#include "core/content_loader.h"
#include "core/text_analyzer.h"

namespace dutydesk {

struct IndexStats {
  size_t manuals = 0;
  size_t clauses = 0;
  std::filesystem::path generation;  // the folder now serving
};

// Thrown when the index cannot be written (the old one, if any, stays in place).
class IndexError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Writes `library` (which must have no errors) as a new generation inside `dbDir`, then
// switches dbDir's stub file to it with one rename: a reader sees the old index or the new
// one, never a mix, and a failed or killed run leaves the old one. Older generations are
// removed, keeping the previous one for readers that opened it just before the switch.
// Concurrent runs on one dbDir are serialised with a lock file.
IndexStats writeIndex(const Library& library, const std::filesystem::path& dbDir,
                      TextAnalyzer& analyzer);

}  // namespace dutydesk
