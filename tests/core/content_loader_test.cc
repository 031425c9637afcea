// Finding and reading manuals on disk: a folder of manuals or one manual folder, file order,
// skipped files, encodings, and the paths diagnostics show.
#include "core/content_loader.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "manual_test_support.h"

namespace fs = std::filesystem;

using dutydesk::Library;
using dutydesk::loadLibrary;
using dutydesk::Manual;
using dutydesk::testing::addresses;
using dutydesk::testing::fixture;
using dutydesk::testing::formatted;
using dutydesk::testing::join;
using dutydesk::testing::md;
using dutydesk::testing::TempDir;
using dutydesk::testing::writeFile;

namespace {

std::string ids(const Library& library) {
  std::vector<std::string> out;
  for (const Manual& manual : library.manuals) out.push_back(manual.id);
  return join(out, " ");
}

std::string chapterFiles(const Manual& manual) {
  std::vector<std::string> out;
  for (const auto& chapter : manual.chapters) out.push_back(chapter.file);
  return join(out, " ");
}

constexpr std::string_view kBom = "\xEF\xBB\xBF";
// "管理" in GBK, as a Windows editor saves Chinese text by default.
constexpr std::string_view kGbk = "\xB9\xDC\xC0\xED";

// A small manual with one mistake in its chapter (line 3), written into `folder`.
void writeManual(const TempDir& dir, const fs::path& folder) {
  writeFile(dir.path() / folder / "index.md", md({"# 测试手册", "", "前言。"}));
  writeFile(dir.path() / folder / "01-总则.md",
            md({"# 第一章 总则", "", "## 2.1 目的", "", "为明确职责。"}));
}

}  // namespace

TEST_CASE("a folder of manuals: every subfolder holding index.md is a manual, by id") {
  const Library library = loadLibrary({fixture("library")});
  CHECK(formatted(library.diagnostics) == "");
  CHECK(ids(library) == "alpha beta");  // _archive is skipped; notes has no index.md
  CHECK(library.find("_archive") == nullptr);
  CHECK(library.find("notes") == nullptr);

  const Manual* alpha = library.find("alpha");
  REQUIRE(alpha);
  CHECK(alpha->title == "甲公司岗位职责手册");
  CHECK(alpha->folder == (fixture("library") / "alpha").string());
  // _草稿.md, .隐藏.md, 说明.txt and the subfolder 附件/ are not chapters.
  CHECK(chapterFiles(*alpha) == "01-总则.md 02-客户服务部岗位职责.md");
  CHECK(addresses(*alpha) == "前言.p1 1.1.p1 2.1.1.p1 2.1.2.1 2.1.2.2 2.2.1.1");
  const auto* lead = alpha->findPosition("客服主管");
  REQUIRE(lead);
  CHECK(join(lead->subordinates, "|") == "客服专员");
  CHECK(alpha->findPosition("前台接待") == alpha->findPosition("客服专员"));

  const Manual* beta = library.find("beta");
  REQUIRE(beta);
  CHECK(beta->title == "乙公司应急处置职责");
  const auto* guard = beta->findPosition("秩序维护员");
  REQUIRE(guard);
  CHECK(guard->department == "秩序维护部");
}

TEST_CASE("one manual folder given directly is that manual; its id is the folder name") {
  for (const fs::path& given : {fixture("library") / "alpha", fixture("library") / "alpha" / ""}) {
    CAPTURE(given.string());
    const Library library = loadLibrary({given});
    CHECK(formatted(library.diagnostics) == "");
    CHECK(ids(library) == "alpha");
    CHECK(chapterFiles(library.manuals.at(0)) == "01-总则.md 02-客户服务部岗位职责.md");
  }
}

TEST_CASE("several folders: manuals in the order the folders are given") {
  const Library library = loadLibrary({fixture("library"), fixture("byte-order")});
  CHECK(formatted(library.diagnostics) == "");
  CHECK(ids(library) == "alpha beta byte-order");
}

TEST_CASE("chapter files are read in byte order of the file name") {
  const Library library = loadLibrary({fixture("byte-order")});
  CHECK(formatted(library.diagnostics) == "");
  REQUIRE(library.manuals.size() == 1);
  const Manual& manual = library.manuals[0];
  CHECK(chapterFiles(manual) == "02-乙.md 10-丙.md 9-丁.md A-戊.md a-己.md 一-庚.md");
  // Each file's chapter number is its place in that order.
  for (size_t i = 0; i < manual.chapters.size(); ++i) {
    CHECK(manual.chapters[i].heading.number == std::to_string(i + 1));
  }
  CHECK(addresses(manual) == "1.p1 2.p1 3.p1 4.p1 5.p1 6.p1");
}

TEST_CASE("display paths are relative to the folder given") {
  TempDir dir;
  writeManual(dir, "content/wuye");

  const Library folderOfManuals = loadLibrary({dir.path() / "content"});
  CHECK(formatted(folderOfManuals.diagnostics) ==
        "wuye/01-总则.md:3: error: 编号 2.1 与上级编号 1 不符；应写作「## 1.N 标题」，如 1.1");

  const Library oneManual = loadLibrary({dir.path() / "content" / "wuye"});
  CHECK(formatted(oneManual.diagnostics) ==
        "01-总则.md:3: error: 编号 2.1 与上级编号 1 不符；应写作「## 1.N 标题」，如 1.1");
  CHECK(ids(oneManual) == "wuye");
}

TEST_CASE("a file that is not UTF-8 is an error at the line of its first bad byte") {
  TempDir dir;
  writeFile(dir.path() / "m/index.md", md({"# 测试手册", "", "前言。"}));
  writeFile(dir.path() / "m/01-总则.md",
            md({"# 第一章 总则", "", "## 1.1 目的", "", std::string(kGbk)}));
  writeFile(dir.path() / "m/02-附则.md",
            "# 第二章 附则\n\n## 2.1 解释\n\n由" + std::string(kGbk) + "部门解释。\n");
  writeFile(dir.path() / "m/03-旧.md",
            md({"# 第三章 旧", "", "## 3.1 目的", "", "内容。", "", "## 4.1 错号", "", "内容。"}));
  const Library library = loadLibrary({dir.path()});
  // Every file is still checked: the error in 03-旧.md is reported too.
  CHECK(formatted(library.diagnostics) ==
        "m/01-总则.md:5: error: 文件不是 UTF-8 编码；请用 UTF-8 另存（可含 BOM）\n"
        "m/02-附则.md:5: error: 文件不是 UTF-8 编码；请用 UTF-8 另存（可含 BOM）\n"
        "m/03-旧.md:7: error: 编号 4.1 与上级编号 3 不符；应写作「## 3.N 标题」，如 3.1");
  CHECK(library.diagnostics.hasErrors());
  // The unreadable chapters are not in the model.
  CHECK(chapterFiles(library.manuals.at(0)) == "03-旧.md");
}

TEST_CASE("an index.md that is not UTF-8 is an error too") {
  TempDir dir;
  writeFile(dir.path() / "index.md", "# " + std::string(kGbk) + "手册\n");
  writeFile(dir.path() / "01-总则.md", md({"# 第一章 总则", "", "## 1.1 目的", "", "内容。"}));
  const Library library = loadLibrary({dir.path()});
  CHECK(formatted(library.diagnostics) ==
        "index.md:1: error: 文件不是 UTF-8 编码；请用 UTF-8 另存（可含 BOM）");
}

TEST_CASE("a byte-order mark is accepted and ignored; line numbers stay the same") {
  TempDir dir;
  writeFile(dir.path() / "m/index.md", std::string(kBom) + md({"# 测试手册", "", "前言。"}));
  writeFile(dir.path() / "m/01-总则.md",
            std::string(kBom) + md({"# 第一章 总则", "", "## 1.1 目的", "", "内容。"}));
  writeFile(dir.path() / "m/02-附则.md",
            std::string(kBom) + md({"# 第二章 附则", "", "## 3.1 解释", "", "内容。"}));
  writeFile(dir.path() / "m/03-旧.md", std::string(kBom) + md({"# 第三章 旧", std::string(kGbk)}));
  const Library library = loadLibrary({dir.path() / "m"});
  CHECK(formatted(library.diagnostics) ==
        "02-附则.md:3: error: 编号 3.1 与上级编号 2 不符；应写作「## 2.N 标题」，如 2.1\n"
        "03-旧.md:2: error: 文件不是 UTF-8 编码；请用 UTF-8 另存（可含 BOM）");
  const Manual& manual = library.manuals.at(0);
  CHECK(manual.title == "测试手册");
  CHECK(manual.chapters.at(0).heading.display() == "第一章 总则");
  CHECK(addresses(manual) == "前言.p1 1.1.p1 3.1.p1");
}

TEST_CASE("folders that are missing or hold no manual are errors at line 0") {
  TempDir dir;
  writeFile(dir.path() / "empty/readme.md", "不是手册。\n");
  const fs::path missing = dir.path() / "missing";
  const fs::path empty = dir.path() / "empty";
  const Library library = loadLibrary({missing, empty, fixture("library")});
  CHECK(formatted(library.diagnostics) ==
        empty.string() +
            ":0: error: 这里没有手册：手册文件夹应含 index.md（以「# 手册名称」开头）\n" +
            missing.string() +
            ":0: error: 不是文件夹或无法访问；请给出手册文件夹或包含手册的文件夹");
  CHECK(ids(library) == "alpha beta");  // the folders that are fine are still read
}

TEST_CASE("two manuals with the same id are an error") {
  TempDir dir;
  writeManual(dir, "a/wuye");
  writeManual(dir, "b/wuye");
  const Library library = loadLibrary({dir.path() / "a", dir.path() / "b"});
  CHECK(formatted(library.diagnostics) ==
        "wuye/01-总则.md:3: error: 编号 2.1 与上级编号 1 不符；应写作「## 1.N 标题」，如 1.1\n"
        "wuye/01-总则.md:3: error: 编号 2.1 与上级编号 1 不符；应写作「## 1.N 标题」，如 1.1\n"
        "wuye/index.md:0: error: 手册编号「wuye」重复；每本手册的文件夹名必须不同");
  CHECK(ids(library) == "wuye");
}

TEST_CASE("diagnostics of a library are sorted by file, then line") {
  // Reported in reading order (index.md first, position and address checks last), shown sorted.
  const Library library = loadLibrary({fixture("check-mistakes")});
  std::vector<std::string> places;
  for (const auto& diagnostic : library.diagnostics.sorted()) {
    places.push_back(diagnostic.file + ":" + std::to_string(diagnostic.line));
  }
  CHECK(join(places, " ") ==
        "01-总则.md:5 01-总则.md:6 01-总则.md:8 "
        "02-客户服务部岗位职责.md:5 02-客户服务部岗位职责.md:14 02-客户服务部岗位职责.md:14 "
        "02-客户服务部岗位职责.md:16 02-客户服务部岗位职责.md:18 02-客户服务部岗位职责.md:20 "
        "02-客户服务部岗位职责.md:24 03-工程部岗位职责.md:9 04-附录.md:1 04-附录.md:1 index.md:5");
  CHECK(library.diagnostics.all().front().file == "index.md");
  CHECK(library.diagnostics.errorCount() == 7);
  CHECK(library.diagnostics.warningCount() == 7);
}
