#include "import_test_support.h"

#include <unistd.h>

#include <sstream>

#include "import/import_command.h"

namespace dutydesk::test {

namespace fs = std::filesystem;

namespace {

struct ScratchRoot {
  fs::path path = fs::temp_directory_path() / ("dutydesk-import-tests-" + std::to_string(getpid()));
  ~ScratchRoot() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

const fs::path& scratchRoot() {
  static ScratchRoot root;
  return root.path;
}

}  // namespace

fs::path scratchFolder(const std::string& name) {
  const fs::path folder = scratchRoot() / name;
  fs::remove_all(folder);
  fs::create_directories(folder.parent_path());
  return folder;
}

fs::path fixture(const std::string& name) {
  return fs::path(DUTYDESK_IMPORT_FIXTURES) / name;
}

ImportRun importFile(const fs::path& file, const std::vector<std::string>& extra,
                     const std::optional<fs::path>& out) {
  ImportRun run;
  run.folder =
      out ? *out : scratchFolder(file.stem().string() + "-" + file.extension().string().substr(1));
  std::vector<std::string> args = {"--out", run.folder.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back(file.string());
  std::ostringstream report;
  std::ostringstream errors;
  run.code = runImport(args, report, errors);
  run.out = report.str();
  run.err = errors.str();
  return run;
}

std::vector<std::pair<std::string, std::string>> clausesOf(const Manual& manual) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Clause& clause : manual.clauses) out.emplace_back(clause.address.str(), clause.text);
  return out;
}

std::vector<std::string> headingsOf(const Manual& manual) {
  std::vector<std::string> out;
  for (const Chapter& chapter : manual.chapters) {
    out.push_back(chapter.heading.display());
    for (const Section& section : chapter.sections) {
      out.push_back(section.heading.display());
      for (const Subsection& subsection : section.subsections) {
        out.push_back(subsection.heading.display());
      }
    }
  }
  return out;
}

}  // namespace dutydesk::test
