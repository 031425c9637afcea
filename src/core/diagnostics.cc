#include "core/diagnostics.h"

#include <algorithm>

namespace dutydesk {

std::string Diagnostic::format() const {
  std::string out = file;
  out += ':';
  out += std::to_string(line);
  out += severity == Severity::kError ? ": error: " : ": warning: ";
  out += message;
  return out;
}

void Diagnostics::error(std::string file, int line, std::string message) {
  items_.push_back({std::move(file), line, Severity::kError, std::move(message)});
}

void Diagnostics::warning(std::string file, int line, std::string message) {
  items_.push_back({std::move(file), line, Severity::kWarning, std::move(message)});
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out = items_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.file != b.file) return a.file < b.file;
    return a.line < b.line;
  });
  return out;
}

int Diagnostics::errorCount() const {
  return static_cast<int>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
    return d.severity == Severity::kError;
  }));
}

int Diagnostics::warningCount() const {
  return static_cast<int>(items_.size()) - errorCount();
}

}  // namespace dutydesk
