// Plain-text manuals in every encoding Windows and editors write give the same manual.
#include <doctest/doctest.h>

#include <fstream>

#include "import/import_error.h"
#include "import/text_reader.h"
#include "import_test_support.h"

namespace dutydesk::test {

TEST_CASE("a text manual imports the same from UTF-8, UTF-16 with BOM and GB18030") {
  using Clauses = std::vector<std::pair<std::string, std::string>>;
  const Clauses expected = {
      {"前言.p1", "本手册适用于全体员工。"}, {"1.1.1", "明确岗位职责。"},
      {"1.1.2", "规范工作流程。"},           {"2.1.1.1", "负责前台接待。"},
      {"2.1.1.2", "负责投诉处理。"},         {"2.1.2.1", "投诉处理及时率100%。"},
  };
  const struct {
    const char* file;
    const char* encoding;
  } cases[] = {
      {"utf8.txt", "UTF-8 编码（按内容判断）"},
      {"utf8-bom.txt", "UTF-8 编码）"},
      {"utf16le.txt", "UTF-16LE 编码）"},
      {"utf16be.txt", "UTF-16BE 编码）"},
      {"gb18030.txt", "GB18030 编码（按内容判断）"},
  };
  for (const auto& c : cases) {
    INFO("file: " << c.file);
    const ImportRun run = importFile(fixture(c.file));
    INFO(run.out << run.err);
    REQUIRE(run.code == 0);
    CHECK(run.out.find(c.encoding) != std::string::npos);
    const Library library = loadLibrary({run.folder});
    CHECK_FALSE(library.diagnostics.hasErrors());
    const Manual& manual = library.manuals.front();
    CHECK(manual.title == "物业服务中心岗位职责手册");
    CHECK(clausesOf(manual) == expected);
    CHECK(headingsOf(manual) ==
          std::vector<std::string>{"第一章 总则", "1.1 目的", "第二章 客户服务部岗位职责",
                                   "2.1 客服主管", "2.1.1 岗位职责", "2.1.2 考核标准"});
    REQUIRE(manual.positions.size() == 1);
    CHECK(manual.positions[0].canonical() == "客服主管");
    CHECK(run.out.find("第 1 行「物业服务中心岗位职责手册」 猜测：把第一个段落读作手册标题") !=
          std::string::npos);
    CHECK(run.out.find("第 3 行「目录」 删除：手写的目录（至第 5 行）未导入") != std::string::npos);
    CHECK(run.out.find("第 14 行「直接上级：物业经理」 猜测：读作岗位的上下级信息（不是条款）") !=
          std::string::npos);
  }
}

TEST_CASE("bytes in no known encoding are refused rather than imported as garbage") {
  CHECK_THROWS_AS(decodeText("abc\x80"
                             "def"),
                  ImportError);
  CHECK_THROWS_AS(decodeText("\xFF\xFE\x41"), ImportError);  // UTF-16 cut in half
  CHECK(decodeText("\xC8\xCB\xD4\xB1").text == "人员");      // GBK is a subset of GB18030
}

}  // namespace dutydesk::test

namespace dutydesk::test {

TEST_CASE("Markdown characters in the text read back unchanged, and dates stay sentences") {
  const std::filesystem::path file = scratchFolder("special") / "special.txt";
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary)
      << "特殊字符手册\n第一章 总则\n1.1 目的\n"
         "本条含*星号*、_下划线_、[方括号](链接)、<b>尖括号</"
         "b>、`反引号`、#井号、&amp;、\\反斜杠。\n"
         "> 不是引用\n+不是列表\n=== 不是标题\n3.5米以上须系安全带。\n2024.1起施行\n"
         "1. 第一条，后面有空格\n";
  const ImportRun run = importFile(file);
  INFO(run.out << run.err);
  REQUIRE(run.code == 0);
  const Library library = loadLibrary({run.folder});
  REQUIRE(library.diagnostics.all().empty());
  CHECK(clausesOf(library.manuals.front()) ==
        std::vector<std::pair<std::string, std::string>>{
            {"1.1.p1",
             "本条含*星号*、_下划线_、[方括号](链接)、<b>尖括号</"
             "b>、`反引号`、#井号、&amp;、\\反斜杠。"},
            {"1.1.p2", "> 不是引用"},
            {"1.1.p3", "+不是列表"},
            {"1.1.p4", "=== 不是标题"},
            {"1.1.p5", "3.5米以上须系安全带。"},
            {"1.1.p6", "2024.1起施行"},
            {"1.1.1", "第一条，后面有空格"},
        });
}

}  // namespace dutydesk::test
