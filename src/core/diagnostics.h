// Diagnostics: the errors and warnings found in a manual, each tied to a file and line.
#pragma once

#include <string>
#include <vector>

namespace dutydesk {

enum class Severity { kWarning, kError };

struct Diagnostic {
  std::string file;  // as shown to people: relative to the content folder they named
  int line = 0;      // 1-based; 0 when the problem concerns the file as a whole
  Severity severity = Severity::kError;
  std::string message;

  // "FILE:LINE: error|warning: message"
  std::string format() const;
};

// Collects diagnostics while a manual is read. Not thread-safe: one per load.
class Diagnostics {
 public:
  void error(std::string file, int line, std::string message);
  void warning(std::string file, int line, std::string message);

  // Sorted by file (byte order), then line; stable for equal positions.
  std::vector<Diagnostic> sorted() const;
  const std::vector<Diagnostic>& all() const { return items_; }
  int errorCount() const;
  int warningCount() const;
  bool hasErrors() const { return errorCount() > 0; }

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace dutydesk
