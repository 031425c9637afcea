// Word documents made by make_fixtures.py, imported and read back: the exact headings and
// clause addresses and texts, and the report lines that tell the user what to check.
#include <doctest/doctest.h>

#include <fstream>

#include "import_test_support.h"

namespace dutydesk::test {

namespace {

using Clauses = std::vector<std::pair<std::string, std::string>>;
using Headings = std::vector<std::string>;

struct Imported {
  ImportRun run;
  Library library;
  const Manual& manual() const { return library.manuals.front(); }
};

Imported importClean(const std::string& name) {
  Imported imported{importFile(fixture(name)), {}};
  INFO(imported.run.out << imported.run.err);
  REQUIRE(imported.run.code == 0);
  imported.library = loadLibrary({imported.run.folder});
  for (const Diagnostic& diagnostic : imported.library.diagnostics.all()) {
    INFO(diagnostic.format());
    CHECK(diagnostic.severity == Severity::kWarning);
  }
  REQUIRE(imported.library.manuals.size() == 1);
  return imported;
}

bool reports(const ImportRun& run, const std::string& line) {
  return run.out.find(line) != std::string::npos;
}

}  // namespace

TEST_CASE(
    "automatic numbering is read as Word shows it: 第N章, isLgl 1.1, restarts, shared counters") {
  const Imported imported = importClean("multilevel.docx");
  const Manual& manual = imported.manual();
  CHECK(manual.title == "物业公司岗位职责手册");
  CHECK(headingsOf(manual) == Headings{
                                  "第一章 总则",
                                  "1.1 目的",
                                  "1.2 适用范围",
                                  "第二章 客户服务部岗位职责",
                                  "2.1 客服主管",
                                  "2.1.1 岗位概述",
                                  "2.1.2 主要职责",
                                  "2.1.3 岗位权限",
                                  "2.1.4 任职要求",
                                  "第十一章 附则",
                                  "11.1 解释",
                              });
  CHECK(clausesOf(manual) == Clauses{
                                 {"前言.p1", "本手册规定各岗位的职责。"},
                                 {"1.1.1", "明确岗位职责。"},
                                 {"1.1.2", "规范工作流程。\n(1) 含外包单位。"},
                                 {"1.2.1", "全体员工。"},
                                 {"1.2.2", "外包人员。"},
                                 {"2.1.1.p1", "客服主管负责客户服务部的全面管理。"},
                                 // Another w:num of the same abstract numbering continues it.
                                 {"2.1.2.3", "组织接待业主。"},
                                 {"2.1.2.4", "督办报修工单。"},
                                 {"2.1.3.1", "工作安排权。"},
                                 {"2.1.3.2", "考核评分权。"},
                                 // numStyleLink to a full-width list: "１．" is item 1.
                                 {"2.1.4.1", "大专以上学历。"},
                                 {"2.1.4.2", "三年以上经验。"},
                                 {"11.1.p1", "本手册由综合管理部解释。"},
                             });
  REQUIRE(manual.positions.size() == 1);
  CHECK(manual.positions[0].canonical() == "客服主管");
  CHECK(manual.positions[0].department == "客户服务部");
  CHECK(reports(imported.run,
                "段落 9「1. 1.全体员工。」 修正：自动编号「1.」后又手写了同样的编号，只保留一个"));
}

TEST_CASE("headings by outline level and basedOn; 一、 and （一） labels; lvlRestart") {
  const Imported imported = importClean("outline-styles.docx");
  const Manual& manual = imported.manual();
  CHECK(manual.title == "岗位职责手册（试行）");
  CHECK(headingsOf(manual) == Headings{
                                  "第一章 总则",
                                  "1.1 目的",
                                  "第二章 客户服务部岗位职责",
                                  "2.1 客服主管",
                                  "2.1.1 岗位职责",
                                  "2.2 客服专员",
                                  // lvlRestart 1: （三级） restarts only after a chapter.
                                  "2.2.2 岗位职责",
                              });
  CHECK(clausesOf(manual) == Clauses{
                                 {"1.1.1", "明确职责。"},
                                 {"2.1.1.1", "接待业主。"},
                                 {"2.1.1.2", "处理投诉。"},
                                 {"2.2.2.1", "登记报修。"},
                             });
  CHECK(manual.positions.size() == 2);
  CHECK(reports(imported.run, "段落 3「一、目的」 修正：编号「一、」在本格式中写作 1.1"));
  CHECK(
      reports(imported.run, "段落 11「（二）岗位职责」 修正：编号「（二）」在本格式中写作 2.2.2"));
}

TEST_CASE("typed numbers and bold headings are read and every heading guess is reported") {
  const Imported imported = importClean("typed.docx");
  const Manual& manual = imported.manual();
  CHECK(manual.title == "物业服务中心岗位职责");
  CHECK(headingsOf(manual) == Headings{
                                  "第一章 总则",
                                  "1.1 目的",
                                  "1.2 适用范围",
                                  "第二章 客户服务部岗位职责",
                                  "2.1 客服主管",
                                  "2.1.1 岗位职责",
                                  "2.2 客服专员",
                                  "2.2.1 岗位职责",
                                  "第三章 奖惩",
                              });
  CHECK(clausesOf(manual) ==
        Clauses{
            {"前言.p1", "本手册适用于本中心全体员工。"},
            {"1.1.1", "全面负责中心的日常管理。"},
            {"1.1.2", "做好与业主的沟通。"},
            {"1.2.1", "全体正式员工。"},
            {"1.2.2", "试用期员工。"},
            {"2.1.1.1", "负责前台接待工作。"},
            {"2.1.1.2", "负责投诉处理：\n（1）登记投诉内容；\n（2）跟进处理结果。"},
            {"2.1.1.3", "负责业主回访。"},
            {"2.2.1.1", "受理报修。"},
            {"2.2.1.2", "登记维修。"},
            {"2.2.1.3", "回访业主。"},
            {"3.1", "员工违反本手册的，按公司制度处理。"},
            {"3.2", "表现优秀的，给予表扬。"},
        });
  CHECK(reports(imported.run, "段落 1「物业服务中心岗位职责」 猜测：把第一个段落读作手册标题"));
  CHECK(reports(imported.run,
                "段落 3「第一章　总则」 猜测：加粗段落按编号「第一章」读作章标题（未用标题样式）"));
  CHECK(reports(imported.run,
                "段落 4「1.1目的」 猜测：加粗段落按编号「1.1」读作节标题（未用标题样式）"));
  CHECK(reports(imported.run, "段落 7「１．２　适用范围」 修正：编号「１．２」写作 1.2"));
  CHECK(
      reports(imported.run, "段落 12「（一）岗位职责」 修正：编号「（一）」在本格式中写作 2.1.1"));
}

TEST_CASE("Word's namespace is recognised under any prefix") {
  const Imported typed = importClean("typed.docx");
  const Imported renamed = importClean("other-prefix.docx");
  CHECK(clausesOf(renamed.manual()) == clausesOf(typed.manual()));
  CHECK(headingsOf(renamed.manual()) == headingsOf(typed.manual()));
}

TEST_CASE("tracked changes are accepted, fields show their results, hidden and drawn text go") {
  const Imported imported = importClean("tracked.docx");
  CHECK(clausesOf(imported.manual()) == Clauses{
                                            {"1.1.1", "负责全面管理。"},
                                            // The deleted paragraph is not counted.
                                            {"1.1.2", "检查新位置记录。"},
                                            {"1.1.3", "详见第二章，页码3。"},
                                            {"1.1.4", "业主满意度"},
                                            {"1.1.5", "按时巡查公共区域。"},
                                            {"1.1.6", "遵守物业管理条例。"},
                                            {"1.1.7", "岗位：客服主管"},
                                            {"1.1.8", "填写人："},
                                            {"1.1.9", "对外公开。"},
                                            // A deleted paragraph mark joins two paragraphs.
                                            {"1.1.10", "甲方乙方签字。"},
                                            {"1.1.11", "见附图。"},
                                        });
  for (const char* never : {"批注", "页眉", "第 1 页", "此条已删除", "旧位置", "REF"}) {
    INFO("never: " << never);
    for (const Clause& clause : imported.manual().clauses) {
      CHECK(clause.text.find(never) == std::string::npos);
    }
  }
  CHECK(reports(imported.run,
                "段落 12「单击或点击此处输入文字。」 删除：未填写的内容控件，里面只有提示文字"));
  CHECK(reports(imported.run, "段落 13「内部备注」 删除：隐藏文字（Word 中设为不显示）未导入"));
  CHECK(reports(imported.run, "段落 16「文本框里的说明」 删除：文本框或图形中的文字未导入"));
}

TEST_CASE("a 序号 | 职责 table becomes numbered items; other tables become paragraphs") {
  const Imported imported = importClean("tables.docx");
  CHECK(clausesOf(imported.manual()) == Clauses{
                                            {"1.1.1.1", "负责前台接待。"},
                                            {"1.1.1.2", "负责投诉处理。"},
                                            {"1.1.1.3", "负责业主回访。"},
                                            {"1.1.2.1", "检查权；检查前台工作。"},
                                            {"1.1.2.2", "考核权；考核客服专员。"},
                                            {"1.1.3.p1", "学历；大专以上"},
                                            {"1.1.3.p2", "经验；三年以上"},
                                            {"1.2.1.p1", "客服专员负责前台接待。"},
                                            {"1.2.1.p2", "客服专员对登记负责。"},
                                        });
  CHECK(imported.manual().title == "tables");
  CHECK(reports(imported.run, "全文 猜测：没有找到手册标题，用文件名「tables」作标题"));
  CHECK(reports(imported.run, "按「序号」列读作 3 条有序条款"));
  CHECK(reports(imported.run, "表格（段落 23–25）没有「序号」列，每行读作一段"));
}

TEST_CASE("the table of contents is left out, as a field or in a content control") {
  for (const char* name : {"toc-field.docx", "toc-control.docx"}) {
    INFO("name: " << name);
    const Imported imported = importClean(name);
    CHECK(headingsOf(imported.manual()) == Headings{"第一章 总则", "1.1 目的", "第二章 附则"});
    CHECK(clausesOf(imported.manual()) == Clauses{
                                              {"1.1.1", "明确职责。"},
                                              {"2.p1", "本手册自发布之日起施行。"},
                                          });
    CHECK(reports(imported.run, "删除：目录（段落 2–"));
  }
}

TEST_CASE("an output folder that is not empty is kept unless --force is given") {
  const std::filesystem::path folder = scratchFolder("kept");
  const ImportRun first = importFile(fixture("toc-field.docx"), {}, folder);
  REQUIRE(first.code == 0);
  std::ofstream(first.folder / "99-旧章.md") << "# 第九十九章 旧章\n\n旧内容。\n";
  std::ofstream(first.folder / "备注.txt") << "不是手册文件\n";
  const ImportRun again = importFile(fixture("toc-field.docx"), {}, folder);
  CHECK(again.code == 1);
  CHECK(again.err.find("不是空的") != std::string::npos);
  CHECK(std::filesystem::exists(first.folder / "99-旧章.md"));
  const ImportRun forced = importFile(fixture("toc-field.docx"), {"--force"}, folder);
  CHECK(forced.code == 0);
  CHECK_FALSE(std::filesystem::exists(first.folder / "99-旧章.md"));
  CHECK(std::filesystem::exists(first.folder / "备注.txt"));
}

}  // namespace dutydesk::test
