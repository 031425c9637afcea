// Our own shipped manuals, converted to .docx by pandoc (as a company's Word file would be) and
// imported back, give the same headings, addresses and texts. Runs where pandoc is installed.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "import_test_support.h"

namespace dutydesk::test {

namespace fs = std::filesystem;

namespace {

// index.md and the chapter files in the loader's order, one after another, as one document.
std::string wholeManual(const fs::path& folder) {
  std::vector<fs::path> chapters;
  for (const auto& entry : fs::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".md" && name != "index.md" && name.front() != '_' &&
        name.front() != '.') {
      chapters.push_back(entry.path());
    }
  }
  std::sort(chapters.begin(), chapters.end(), [](const fs::path& a, const fs::path& b) {
    return a.filename().string() < b.filename().string();
  });
  chapters.insert(chapters.begin(), folder / "index.md");
  std::string out;
  for (const fs::path& file : chapters) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    out += text.str() + "\n\n";
  }
  return out;
}

struct PositionView {
  std::vector<std::string> names;
  std::optional<std::string> department;
  std::vector<std::string> superiors, subordinates;
  bool operator==(const PositionView&) const = default;
};

std::vector<PositionView> positionsOf(const Manual& manual) {
  std::vector<PositionView> out;
  for (const Position& position : manual.positions) {
    out.push_back({position.names, position.department, position.superiors, position.subordinates});
  }
  return out;
}

}  // namespace

TEST_CASE("shipped manuals round-trip through pandoc's .docx") {
  if (std::system("command -v pandoc >/dev/null 2>&1") != 0) {
    MESSAGE("pandoc is not installed: round trip skipped");
    return;
  }
  for (const char* id : {"wuye-gangwei", "yingji-zhize"}) {
    INFO("id: " << id);
    const fs::path original = fs::path(DUTYDESK_SOURCE_DIR) / "content" / id;
    const fs::path work = scratchFolder(std::string("pandoc-") + id);
    fs::create_directories(work);
    std::ofstream(work / "manual.md", std::ios::binary) << wholeManual(original);
    const fs::path docx = work / (std::string(id) + ".docx");
    const std::string command = "pandoc -f commonmark -t docx -o '" + docx.string() + "' '" +
                                (work / "manual.md").string() + "'";
    REQUIRE(std::system(command.c_str()) == 0);

    const ImportRun run = importFile(docx);
    INFO(run.out << run.err);
    REQUIRE(run.code == 0);
    const Library expected = loadLibrary({original});
    const Library imported = loadLibrary({run.folder});
    REQUIRE_FALSE(expected.diagnostics.hasErrors());
    REQUIRE_FALSE(imported.diagnostics.hasErrors());
    const Manual& want = expected.manuals.front();
    const Manual& got = imported.manuals.front();
    CHECK(got.title == want.title);
    CHECK(headingsOf(got) == headingsOf(want));
    CHECK(clausesOf(got) == clausesOf(want));
    CHECK(positionsOf(got) == positionsOf(want));
    CHECK(imported.diagnostics.warningCount() == expected.diagnostics.warningCount());
  }
}

}  // namespace dutydesk::test
