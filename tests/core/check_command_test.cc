// `dutydesk check`, run as people run it: the exact lines it prints and its exit status.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "manual_test_support.h"

namespace fs = std::filesystem;

using dutydesk::testing::fixture;
using dutydesk::testing::md;
using dutydesk::testing::TempDir;
using dutydesk::testing::writeFile;

namespace {

std::string shellQuote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

struct Run {
  std::string out;
  std::string err;
  int status = -1;
};

// Runs the built binary with `args` (already quoted), capturing stdout and stderr apart.
Run run(const std::string& args) {
  TempDir dir;
  const fs::path errFile = dir.path() / "stderr";
  const std::string command =
      shellQuote(DUTYDESK_BINARY) + " " + args + " 2>" + shellQuote(errFile.string());
  Run result;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  char buffer[4096];
  size_t read = 0;
  while ((read = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, read);
  const int status = pclose(pipe);
  REQUIRE(WIFEXITED(status));
  result.status = WEXITSTATUS(status);
  std::ifstream err(errFile);
  std::ostringstream text;
  text << err.rdbuf();
  result.err = text.str();
  return result;
}

}  // namespace

TEST_CASE("check on a manual with mistakes: every problem, sorted, then the totals; exit 1") {
  const Run result = run("check " + shellQuote(fixture("check-mistakes").string()));
  CHECK(
      result.out ==
      "01-总则.md:5: warning: 「1、」这种编号不是 Markdown 列表；已按第 1 条处理，请改写为「1. "
      "」（英文句点加空格）\n"
      "01-总则.md:6: warning: 「2、」这种编号不是 Markdown 列表；已按第 2 条处理，请改写为「2. "
      "」（英文句点加空格）\n"
      "01-总则.md:8: warning: 节 1.2 是空的；请补充条款或删除这一节\n"
      "02-客户服务部岗位职责.md:5: warning: "
      "直接上级「物业经理」不是本手册中的岗位；请写本手册中某个岗位的名称或别名，或删去\n"
      "02-客户服务部岗位职责.md:14: warning: 列表编号重复或倒退：此处写的是 1，按顺序应为 "
      "3；请核对编号\n"
      "02-客户服务部岗位职责.md:14: error: 条款地址 2.1.1.1 重复（02-客户服务部岗位职责.md:9 "
      "已使用）；请检查编号是否写重或列表被分成了两段\n"
      "02-客户服务部岗位职责.md:16: error: 岗位「客服专员」没有任何条款；请在其小节下写出职责条款\n"
      "02-客户服务部岗位职责.md:18: warning: 小节 2.2.1 是空的；请补充条款或删除这个小节\n"
      "02-客户服务部岗位职责.md:20: error: 编号 3.3 与上级编号 2 不符；应写作「## 2.N 标题」，如 "
      "2.1\n"
      "02-客户服务部岗位职责.md:24: error: 标题最多三级（###）；更细的内容请写成有序列表条款\n"
      "03-工程部岗位职责.md:9: error: 一个文件只能有一个章标题（# "
      "开头）；请把第二章移到单独的文件中\n"
      "04-附录.md:1: warning: 章标题之前的文字不属于任何章节，不会被收录；请移到章标题之后\n"
      "04-附录.md:1: error: 缺少章标题：每个章文件的第一个标题应写作「# 第N章 标题」，如「# 第三章 "
      "客户服务部岗位职责」\n"
      "index.md:5: error: index.md 只写手册标题和前言；章节请写在单独的章文件中（如 01-总则.md）\n"
      "check-mistakes 《错误示例手册》: 3 章，3 个岗位，11 条条款\n"
      "检查完成: 1 本手册，11 条条款；7 个错误，7 个警告\n");
  CHECK(result.err == "");
  CHECK(result.status == 1);
}

TEST_CASE("check on clean manuals: one line a manual, then the totals; exit 0") {
  const Run result = run("check " + shellQuote(fixture("library").string()));
  CHECK(result.out ==
        "alpha 《甲公司岗位职责手册》: 2 章，2 个岗位，6 条条款\n"
        "beta 《乙公司应急处置职责》: 1 章，1 个岗位，3 条条款\n"
        "检查完成: 2 本手册，9 条条款；0 个错误，0 个警告\n");
  CHECK(result.err == "");
  CHECK(result.status == 0);
}

TEST_CASE("check with warnings only exits 0") {
  TempDir dir;
  writeFile(dir.path() / "wuye/index.md", md({"# 测试手册"}));
  writeFile(dir.path() / "wuye/01-总则.md",
            md({"# 第一章 总则", "", "## 1.1 目的", "", "1、为明确职责。"}));
  const Run result = run("check " + shellQuote((dir.path() / "wuye").string()));
  CHECK(result.out ==
        "01-总则.md:5: warning: 「1、」这种编号不是 Markdown 列表；已按第 1 条处理，请改写为「1. "
        "」（英文句点加空格）\n"
        "wuye 《测试手册》: 1 章，0 个岗位，1 条条款\n"
        "检查完成: 1 本手册，1 条条款；0 个错误，1 个警告\n");
  CHECK(result.status == 0);
}

TEST_CASE("check reports a file that is not UTF-8 with its path relative to the folder given") {
  TempDir dir;
  writeFile(dir.path() / "content/gbk/index.md", md({"# 测试手册"}));
  writeFile(dir.path() / "content/gbk/01-总则.md", "# 第一章 总则\n\n\xB9\xDC\xC0\xED\n");
  const Run result = run("check " + shellQuote((dir.path() / "content").string()));
  CHECK(result.out ==
        "gbk/01-总则.md:3: error: 文件不是 UTF-8 编码；请用 UTF-8 另存（可含 BOM）\n"
        "gbk 《测试手册》: 0 章，0 个岗位，0 条条款\n"
        "检查完成: 1 本手册，0 条条款；1 个错误，0 个警告\n");
  CHECK(result.status == 1);
}

TEST_CASE("usage errors exit 2 and print nothing on stdout") {
  SUBCASE("no arguments at all") {
    const Run result = run("");
    CHECK(result.out == "");
    CHECK(result.err != "");
    CHECK(result.status == 2);
  }
  SUBCASE("check without a folder") {
    const Run result = run("check");
    CHECK(result.out == "");
    CHECK(result.err.starts_with("dutydesk: "));
    CHECK(result.err.find('\n') == result.err.size() - 1);  // one line
    CHECK(result.status == 2);
  }
}
