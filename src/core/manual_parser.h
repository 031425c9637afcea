// Reads a manual's Markdown into the model (content-format.md), reporting every problem.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "core/manual.h"

namespace dutydesk {

// Subsection titles that make their section a position (content-format.md).
bool isPositionSubsectionTitle(std::string_view title);

// Builds one Manual from its files' text. Files are given already decoded: valid UTF-8 with
// no byte-order mark (ContentLoader does the reading). Diagnostics name files as
// `displayPrefix + fileName`. Not thread-safe; one parser per manual.
class ManualParser {
 public:
  ManualParser(std::string manualId, std::string displayPrefix, Diagnostics& diagnostics);
  ~ManualParser();
  ManualParser(const ManualParser&) = delete;
  ManualParser& operator=(const ManualParser&) = delete;

  // index.md: "# title", then the preface.
  void parseIndex(std::string_view fileName, std::string_view text);
  // A chapter file. Call in the order the chapters appear (file-name byte order).
  void parseChapter(std::string_view fileName, std::string_view text);
  // Reports a file that could not be read as UTF-8, so the model knows it is incomplete.
  void reportError(std::string_view fileName, int line, std::string message);
  // Resolves positions and reporting lines, checks addresses, and returns the manual.
  Manual finish();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dutydesk
