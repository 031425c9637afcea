// The dutydesk command line: arguments in, core calls, exit codes out (interface.md).
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "core/content_loader.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitContentErrors = 1;
constexpr int kExitUsage = 2;

constexpr const char* kUsage =
    "usage: dutydesk check  CONTENT_DIR...\n";

struct UsageError {
  std::string message;
};

int usageError(const std::string& message) {
  std::cerr << "dutydesk: " << message << " (run 'dutydesk --help' for usage)\n";
  return kExitUsage;
}

void printDiagnostics(const dutydesk::Diagnostics& diagnostics, std::ostream& out) {
  for (const auto& diagnostic : diagnostics.sorted()) out << diagnostic.format() << '\n';
}

size_t countPositions(const dutydesk::Manual& manual) { return manual.positions.size(); }

int runCheck(const std::vector<std::string>& args) {
  if (args.empty()) return usageError("check needs at least one CONTENT_DIR");
  std::vector<std::filesystem::path> folders(args.begin(), args.end());
  const dutydesk::Library library = dutydesk::loadLibrary(folders);
  printDiagnostics(library.diagnostics, std::cout);
  size_t clauses = 0;
  for (const dutydesk::Manual& manual : library.manuals) {
    std::cout << manual.id << " 《" << manual.title << "》: " << manual.chapters.size() << " 章，"
              << countPositions(manual) << " 个岗位，" << manual.clauses.size() << " 条条款\n";
    clauses += manual.clauses.size();
  }
  std::cout << "检查完成: " << library.manuals.size() << " 本手册，" << clauses << " 条条款；"
            << library.diagnostics.errorCount() << " 个错误，"
            << library.diagnostics.warningCount() << " 个警告\n";
  return library.diagnostics.hasErrors() ? kExitContentErrors : kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usageError("missing command");
  const std::string command = args.front();
  args.erase(args.begin());
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return kExitOk;
  }
  try {
    if (command == "check") return runCheck(args);
    return usageError("unknown command '" + command + "'");
  } catch (const std::exception& e) {
    std::cerr << "dutydesk: " << e.what() << '\n';
    return kExitContentErrors;
  }
}
