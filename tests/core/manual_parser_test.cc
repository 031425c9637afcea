// The Markdown manual format (content-format.md), rule by rule, on small manuals given as text.
#include "core/manual_parser.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "manual_test_support.h"

using dutydesk::Clause;
using dutydesk::Manual;
using dutydesk::Position;
using dutydesk::testing::addresses;
using dutydesk::testing::File;
using dutydesk::testing::join;
using dutydesk::testing::md;
using dutydesk::testing::parse;
using dutydesk::testing::parseChapter;

namespace {

// A general chapter whose only subsection 1.1.1 holds `body`: body line N is file line 6 + N.
std::string underSubsection(std::initializer_list<std::string_view> body) {
  return md({"# 第一章 总则", "", "## 1.1 说明", "", "### 1.1.1 细则", ""}) + md(body);
}

std::string canonicalOf(const Manual& manual, const Clause& clause) {
  const Position* position = manual.positionOf(clause);
  return position ? position->canonical() : "-";
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Addresses and cites

TEST_CASE("the spec's example: addresses, cites, position and department") {
  const auto parsed = parseChapter(md({
      "# 第三章 客户服务部岗位职责",                                   // 1
      "",                                                              // 2
      "## 3.1 客服主管",                                               // 3
      "",                                                              // 4
      "- 直接上级:物业经理",                                           // 5
      "- 直接下级:客服专员、前台接待",                                 // 6
      "",                                                              // 7
      "### 3.1.1 岗位概述",                                            // 8
      "",                                                              // 9
      "客服主管全面负责客户服务部的工作……",                            // 10
      "",                                                              // 11
      "### 3.1.2 主要职责",                                            // 12
      "",                                                              // 13
      "1. 制定客服部年度、月度工作计划,并组织实施与考核。",            // 14
      "2. 统筹处理业主的咨询、报修、投诉及建议,跟进处理结果并回访。",  // 15
  }));
  const Manual& manual = parsed.manual;
  CHECK(addresses(manual) == "3.1.1.p1 3.1.2.1 3.1.2.2");

  const Clause& overview = parsed.clause("3.1.1.p1");
  CHECK(overview.cite == "3.1.1 第1段");
  CHECK(overview.text == "客服主管全面负责客户服务部的工作……");
  CHECK(overview.line == 10);
  CHECK(canonicalOf(manual, overview) == "客服主管");
  CHECK(manual.headingOf(overview).display() == "3.1.1 岗位概述");

  const Clause& second = parsed.clause("3.1.2.2");
  CHECK(second.cite == "3.1.2 第2条");
  CHECK(second.text == "统筹处理业主的咨询、报修、投诉及建议,跟进处理结果并回访。");
  CHECK(second.line == 15);
  CHECK(manual.headingOf(second).display() == "3.1.2 主要职责");

  REQUIRE(manual.positions.size() == 1);
  const Position& position = manual.positions[0];
  CHECK(position.canonical() == "客服主管");
  CHECK(position.department == "客户服务部");
  CHECK(position.file == "01-测试.md");
  CHECK(position.line == 3);
  // The example names positions it does not define: each is reported where it is written.
  CHECK(parsed.messages() ==
        "01-测试.md:5: warning: "
        "直接上级「物业经理」不是本手册中的岗位；请写本手册中某个岗位的名称或别名，或删去\n"
        "01-测试.md:6: warning: "
        "直接下级「客服专员」不是本手册中的岗位；请写本手册中某个岗位的名称或别名，或删去\n"
        "01-测试.md:6: warning: "
        "直接下级「前台接待」不是本手册中的岗位；请写本手册中某个岗位的名称或别名，或删去");
}

TEST_CASE("item 7 under ### 3.1.2 is 3.1.2.7, cited 3.1.2 第7条") {
  const auto parsed = parseChapter(md({
      "# 第三章 客户服务部岗位职责",                  // 1
      "",                                             // 2
      "## 3.1 客服主管",                              // 3
      "",                                             // 4
      "### 3.1.2 主要职责",                           // 5
      "",                                             // 6
      "1. 第一条。",                                  // 7
      "2. 第二条。",                                  // 8
      "3. 第三条。",                                  // 9
      "4. 第四条。",                                  // 10
      "5. 第五条。",                                  // 11
      "6. 第六条。",                                  // 12
      "7. 负责物业服务费及其他相关费用的催缴工作。",  // 13
      "8. 第八条。",                                  // 14
  }));
  CHECK(parsed.messages() == "");
  CHECK(addresses(parsed.manual) ==
        "3.1.2.1 3.1.2.2 3.1.2.3 3.1.2.4 3.1.2.5 3.1.2.6 3.1.2.7 3.1.2.8");
  const Clause& seventh = parsed.clause("3.1.2.7");
  CHECK(seventh.cite == "3.1.2 第7条");
  CHECK(seventh.text == "负责物业服务费及其他相关费用的催缴工作。");
  CHECK(seventh.line == 13);
  CHECK(seventh.address.kind == dutydesk::ClauseAddress::Kind::kItem);
  CHECK(seventh.address.ordinal == 7);
  CHECK(seventh.address.heading == "3.1.2");
  CHECK(canonicalOf(parsed.manual, seventh) == "客服主管");
}

TEST_CASE("paragraphs, bullet items, block quotes and code are p-clauses in order of appearance") {
  const auto parsed = parseChapter(underSubsection({
      "第一段。",        // 7
      "",                // 8
      "1. 第一条。",     // 9
      "2. 第二条。",     // 10
      "",                // 11
      "- 要点甲",        // 12
      "- 要点乙",        // 13
      "",                // 14
      "> 引用的规定。",  // 15
      "",                // 16
      "```",             // 17
      "代码块",          // 18
      "```",             // 19
      "",                // 20
      "---",             // 21
      "",                // 22
      "最后一段。",      // 23
  }));
  CHECK(parsed.messages() == "");
  CHECK(addresses(parsed.manual) ==
        "1.1.1.p1 1.1.1.1 1.1.1.2 1.1.1.p2 1.1.1.p3 1.1.1.p4 1.1.1.p5 1.1.1.p6");
  const struct {
    std::string address;
    std::string cite;
    int line;
    std::string text;
  } expected[] = {
      {"1.1.1.p1", "1.1.1 第1段", 7, "第一段。"},
      {"1.1.1.1", "1.1.1 第1条", 9, "第一条。"},
      {"1.1.1.2", "1.1.1 第2条", 10, "第二条。"},
      {"1.1.1.p2", "1.1.1 第2段", 12, "要点甲"},
      {"1.1.1.p3", "1.1.1 第3段", 13, "要点乙"},
      {"1.1.1.p4", "1.1.1 第4段", 15, "引用的规定。"},
      {"1.1.1.p5", "1.1.1 第5段", 17, "代码块"},
      {"1.1.1.p6", "1.1.1 第6段", 23, "最后一段。"},  // a thematic break is no clause
  };
  for (const auto& e : expected) {
    CAPTURE(e.address);
    const Clause& clause = parsed.clause(e.address);
    CHECK(clause.cite == e.cite);
    CHECK(clause.line == e.line);
    CHECK(clause.text == e.text);
  }
}

TEST_CASE("clauses directly under ## and under the chapter heading") {
  const auto parsed = parseChapter(md({
      "# 第三章 电梯困人",         // 1
      "",                          // 2
      "本章规定电梯困人的处置。",  // 3
      "",                          // 4
      "## 3.1 处置要点",           // 5
      "",                          // 6
      "1. 先安抚被困人员。",       // 7
      "2. 通知维保单位。",         // 8
      "",                          // 9
      "救援须断电。",              // 10
  }));
  CHECK(parsed.messages() == "");
  CHECK(addresses(parsed.manual) == "3.p1 3.1.1 3.1.2 3.1.p1");
  const Manual& manual = parsed.manual;

  const Clause& chapterLevel = parsed.clause("3.p1");
  CHECK(chapterLevel.cite == "第三章 第1段");
  CHECK(manual.headingOf(chapterLevel).display() == "第三章 电梯困人");
  CHECK(chapterLevel.chapter == 0u);
  CHECK_FALSE(chapterLevel.section.has_value());

  const Clause& item = parsed.clause("3.1.2");
  CHECK(item.cite == "3.1 第2条");
  CHECK(item.line == 8);
  CHECK(manual.headingOf(item).display() == "3.1 处置要点");
  CHECK(item.section == 0u);
  CHECK_FALSE(item.subsection.has_value());
  CHECK(manual.positionOf(item) == nullptr);
  CHECK(parsed.clause("3.1.p1").cite == "3.1 第1段");
  CHECK(manual.positions.empty());
}

TEST_CASE("the preface: paragraphs of index.md are 前言.p1, 前言.p2, …") {
  const std::string index = md({
      "# 物业公司人员岗位职责手册",  // 1
      "",                            // 2
      "本手册用于明确各岗位职责。",  // 3
      "",                            // 4
      "手册按部门分章，",            // 5
      "每个岗位依次写明职责。",      // 6
      "",                            // 7
      "1. 适用于全体员工。",         // 8
  });
  const auto parsed = parse({}, index);
  CHECK(parsed.messages() == "");
  const Manual& manual = parsed.manual;
  CHECK(manual.title == "物业公司人员岗位职责手册");
  CHECK(manual.id == "test");
  CHECK(manual.preface.line == 1);
  CHECK(addresses(manual) == "前言.p1 前言.p2 前言.1");

  const Clause& first = parsed.clause("前言.p1");
  CHECK(first.cite == "前言 第1段");
  CHECK(first.line == 3);
  CHECK(manual.fileOf(first) == "index.md");
  CHECK(manual.chapterOf(first) == nullptr);
  CHECK(manual.positionOf(first) == nullptr);
  CHECK(manual.headingOf(first).display() == "前言");

  const Clause& second = parsed.clause("前言.p2");
  CHECK(second.text == "手册按部门分章，每个岗位依次写明职责。");
  CHECK(second.line == 5);
  CHECK(parsed.clause("前言.1").cite == "前言 第1条");
}

TEST_CASE("manual lookups: clauses, files, chapters and sections") {
  const auto parsed = parse({
      {"01-总则.md", md({"# 第一章 总则", "", "## 1.1 目的", "", "为明确职责。", "", "## 1.2 范围",
                         "", "1. 全体员工。", "2. 外包单位。"})},
      {"02-客户服务部岗位职责.md",
       md({"# 第二章 客户服务部岗位职责", "", "## 2.1 客服主管", "", "### 2.1.1 岗位概述", "",
           "负责客服部。", "", "### 2.1.2 主要职责", "", "1. 制定计划。"})},
  });
  CHECK(parsed.messages() == "");
  const Manual& manual = parsed.manual;
  CHECK(addresses(manual) == "1.1.p1 1.2.1 1.2.2 2.1.1.p1 2.1.2.1");
  CHECK(manual.findClause("2.1.2.2") == nullptr);
  CHECK(manual.findClause("2.1.2") == nullptr);  // a heading number is no clause
  const Clause& duty = parsed.clause("2.1.2.1");
  CHECK(manual.fileOf(duty) == "02-客户服务部岗位职责.md");
  CHECK(manual.chapterOf(duty)->heading.display() == "第二章 客户服务部岗位职责");
  CHECK(manual.chapters[0].file == "01-总则.md");
  CHECK(manual.chapters[1].sections[0].subsections[1].heading.title == "主要职责");
  CHECK(manual.clausesOfSection(0, 1) == std::vector<size_t>{1, 2});
  CHECK(manual.clausesOfSection(1, 0) == std::vector<size_t>{3, 4});
}

// ---------------------------------------------------------------------------------------------
// Ordered lists: the number the list shows, and warnings where the written number differs

TEST_CASE("ordered items use the number the list shows and warn where the written one differs") {
  const struct {
    std::string name;
    std::string body;  // under ### 1.1.1: body line N is file line 6 + N
    std::string addresses;
    std::string messages;
  } cases[] = {
      {"numbered in order", md({"1. 甲", "2. 乙", "3. 丙"}), "1.1.1.1 1.1.1.2 1.1.1.3", ""},
      {"closing parenthesis", md({"1) 甲", "2) 乙"}), "1.1.1.1 1.1.1.2", ""},
      {"every item written 1: CommonMark shows 1, 2, 3", md({"1. 甲", "1. 乙", "1. 丙"}),
       "1.1.1.1 1.1.1.2 1.1.1.3",
       "01-测试.md:8: warning: 列表编号重复或倒退：此处写的是 1，按顺序应为 2；请核对编号\n"
       "01-测试.md:9: warning: 列表编号重复或倒退：此处写的是 1，按顺序应为 3；请核对编号"},
      {"a skipped number: the address is the shown number",
       md({"1. 甲", "2. 乙", "4. 丙", "5. 丁"}), "1.1.1.1 1.1.1.2 1.1.1.3 1.1.1.4",
       "01-测试.md:9: warning: 列表编号跳号：此处写的是 4，按顺序应为 3；请核对编号\n"
       "01-测试.md:10: warning: 列表编号跳号：此处写的是 5，按顺序应为 4；请核对编号"},
      {"a repeated number in the middle", md({"1. 甲", "2. 乙", "2. 丙", "3. 丁"}),
       "1.1.1.1 1.1.1.2 1.1.1.3 1.1.1.4",
       "01-测试.md:9: warning: 列表编号重复或倒退：此处写的是 2，按顺序应为 3；请核对编号\n"
       "01-测试.md:10: warning: 列表编号重复或倒退：此处写的是 3，按顺序应为 4；请核对编号"},
      {"a list starting at 3: CommonMark shows 3, 4", md({"3. 丙", "4. 丁"}), "1.1.1.3 1.1.1.4",
       "01-测试.md:7: warning: 列表编号跳号：此处写的是 3，按顺序应为 1；请核对编号"},
      {"a list continued after a paragraph", md({"1. 甲", "2. 乙", "", "说明。", "", "3. 丙"}),
       "1.1.1.1 1.1.1.2 1.1.1.p1 1.1.1.3", ""},
      {"loose list items with continuation paragraphs",
       md({"1. 甲", "", "   甲的补充。", "", "2. 乙"}), "1.1.1.1 1.1.1.2", ""},
      {"a nested list belongs to its item", md({"1. 甲", "   1. 子一", "   2. 子二", "2. 乙"}),
       "1.1.1.1 1.1.1.2", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const auto parsed = parseChapter(underSubsection({c.body}));
    CHECK(addresses(parsed.manual) == c.addresses);
    CHECK(parsed.messages() == c.messages);
  }
}

TEST_CASE("an item's nested lists and continuation paragraphs are part of its text") {
  const auto parsed = parseChapter(underSubsection({
      "1. 每日巡查：",    // 7
      "",                 // 8
      "   巡查须记录。",  // 9
      "",                 // 10
      "   - 公共区域",    // 11
      "   - 设备机房",    // 12
      "2. 每周汇总。",    // 13
  }));
  CHECK(parsed.messages() == "");
  const Clause& first = parsed.clause("1.1.1.1");
  CHECK(first.text == "每日巡查：\n巡查须记录。\n公共区域\n设备机房");
  CHECK(first.html ==
        "<p>每日巡查：</p>\n<p>巡查须记录。</p>\n<ul>\n<li>公共区域</li>\n<li>设备机房</li>\n</"
        "ul>\n");
  CHECK(first.line == 7);
  CHECK(parsed.clause("1.1.1.2").line == 13);
}

TEST_CASE("two lists restarting at 1 under one heading give duplicate addresses: an error") {
  const auto parsed = parseChapter(underSubsection({
      "1. 甲",         // 7
      "2. 乙",         // 8
      "",              // 9
      "中间的说明。",  // 10
      "",              // 11
      "1. 丙",         // 12
      "2. 丁",         // 13
  }));
  CHECK(addresses(parsed.manual) == "1.1.1.1 1.1.1.2 1.1.1.p1 1.1.1.1 1.1.1.2");
  CHECK(parsed.messages() ==
        "01-测试.md:12: warning: 列表编号重复或倒退：此处写的是 1，按顺序应为 3；请核对编号\n"
        "01-测试.md:12: error: 条款地址 1.1.1.1 重复（01-测试.md:7 "
        "已使用）；请检查编号是否写重或列表被分成了两段\n"
        "01-测试.md:13: error: 条款地址 1.1.1.2 重复（01-测试.md:8 "
        "已使用）；请检查编号是否写重或列表被分成了两段");
  CHECK(parsed.diagnostics.errorCount() == 2);
  // The first clause keeps the address.
  CHECK(parsed.clause("1.1.1.1").text == "甲");
}

TEST_CASE("duplicate addresses across files name both places") {
  // Two sections numbered 1.1 in two files: the heading and the clause address both repeat.
  const auto parsed = parse({
      {"01-总则.md", md({"# 第一章 总则", "", "## 1.1 目的", "", "为明确职责。"})},
      {"02-附则.md", md({"# 第二章 附则", "", "## 2.1 解释", "", "由物业经理解释。", "",
                         "## 1.1 目的", "", "重复的一节。"})},
  });
  CHECK(parsed.messages() ==
        "02-附则.md:7: error: 编号 1.1 与上级编号 2 不符；应写作「## 2.N 标题」，如 2.1\n"
        "02-附则.md:7: error: 编号 1.1 在本手册中重复；每个章节编号只能用一次\n"
        "02-附则.md:9: error: 条款地址 1.1.p1 重复（01-总则.md:5 "
        "已使用）；请检查编号是否写重或列表被分成了两段");
}

// ---------------------------------------------------------------------------------------------
// Chinese-style list numbers

TEST_CASE("Chinese-style numbers 1、 1. 1． are read as items, with a warning on each line") {
  const struct {
    std::string name;
    std::string body;  // under ### 1.1.1: body line N is file line 6 + N
    std::string addresses;
    std::string texts;  // clause texts joined by |
    std::string messages;
  } cases[] = {
      {"1、", md({"1、甲", "2、乙"}), "1.1.1.1 1.1.1.2", "甲|乙",
       "01-测试.md:7: warning: 「1、」这种编号不是 Markdown 列表；已按第 1 条处理，请改写为「1. "
       "」（英文句点加空格）\n"
       "01-测试.md:8: warning: 「2、」这种编号不是 Markdown 列表；已按第 2 条处理，请改写为「2. "
       "」（英文句点加空格）"},
      {"1. without space", md({"1.甲", "2.乙"}), "1.1.1.1 1.1.1.2", "甲|乙",
       "01-测试.md:7: warning: 「1.」这种编号不是 Markdown 列表；已按第 1 条处理，请改写为「1. "
       "」（英文句点加空格）\n"
       "01-测试.md:8: warning: 「2.」这种编号不是 Markdown 列表；已按第 2 条处理，请改写为「2. "
       "」（英文句点加空格）"},
      {"full-width 1．", md({"1．甲", "2．乙"}), "1.1.1.1 1.1.1.2", "甲|乙",
       "01-测试.md:7: warning: 「1．」这种编号不是 Markdown 列表；已按第 1 条处理，请改写为「1. "
       "」（英文句点加空格）\n"
       "01-测试.md:8: warning: 「2．」这种编号不是 Markdown 列表；已按第 2 条处理，请改写为「2. "
       "」（英文句点加空格）"},
      {"continuation lines belong to the item; leading lines form a paragraph",
       md({"要求如下：", "1、甲", "甲的续行", "2、乙"}), "1.1.1.p1 1.1.1.1 1.1.1.2",
       "要求如下：|甲甲的续行|乙",
       "01-测试.md:8: warning: 「1、」这种编号不是 Markdown 列表；已按第 1 条处理，请改写为「1. "
       "」（英文句点加空格）\n"
       "01-测试.md:10: warning: 「2、」这种编号不是 Markdown 列表；已按第 2 条处理，请改写为「2. "
       "」（英文句点加空格）"},
      {"3.5米 is a sentence, not item 3", md({"3.5米以上的外墙作业须系安全带。"}), "1.1.1.p1",
       "3.5米以上的外墙作业须系安全带。", ""},
      {"3.5米 on a continuation line stays in the item",
       md({"1、外墙作业：", "3.5米以上须系安全带。"}), "1.1.1.1", "外墙作业：3.5米以上须系安全带。",
       "01-测试.md:7: warning: 「1、」这种编号不是 Markdown 列表；已按第 1 条处理，请改写为「1. "
       "」（英文句点加空格）"},
      {"a skipped Chinese-style number", md({"1、甲", "3、丙"}), "1.1.1.1 1.1.1.3", "甲|丙",
       "01-测试.md:7: warning: 「1、」这种编号不是 Markdown 列表；已按第 1 条处理，请改写为「1. "
       "」（英文句点加空格）\n"
       "01-测试.md:8: warning: 「3、」这种编号不是 Markdown 列表；已按第 3 条处理，请改写为「3. "
       "」（英文句点加空格）\n"
       "01-测试.md:8: warning: 列表编号跳号：此处写的是 3，按顺序应为 2；请核对编号"},
      {"the item text starts with markup", md({"1、**严禁**擅自动用消防设施。"}), "1.1.1.1",
       "严禁擅自动用消防设施。",
       "01-测试.md:7: warning: 「1、」这种编号不是 Markdown 列表；已按第 1 条处理，请改写为「1. "
       "」（英文句点加空格）"},
      {"full-width digits", md({"１、甲"}), "1.1.1.1", "甲",
       "01-测试.md:7: warning: 「１、」这种编号不是 Markdown 列表；已按第 1 条处理，请改写为「1. "
       "」（英文句点加空格）"},
      {"continues a real list", md({"1. 甲", "2. 乙", "", "3、丙"}), "1.1.1.1 1.1.1.2 1.1.1.3",
       "甲|乙|丙",
       "01-测试.md:10: warning: 「3、」这种编号不是 Markdown 列表；已按第 3 条处理，请改写为「3. "
       "」（英文句点加空格）"},
      {"2. on a paragraph's continuation line (a list may interrupt a paragraph only at 1)",
       md({"1. 甲", "", "说明：", "2. 乙"}), "1.1.1.1 1.1.1.p1 1.1.1.2", "甲|说明：|乙",
       "01-测试.md:10: warning: 「2.」这种编号不是 Markdown 列表；已按第 2 条处理，请改写为「2. "
       "」（英文句点加空格）"},
      {"a number alone is no item", md({"2024年起执行。"}), "1.1.1.p1", "2024年起执行。", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const auto parsed = parseChapter(underSubsection({c.body}));
    CHECK(addresses(parsed.manual) == c.addresses);
    std::vector<std::string> texts;
    for (const Clause& clause : parsed.manual.clauses) texts.push_back(clause.text);
    CHECK(join(texts, "|") == c.texts);
    CHECK(parsed.messages() == c.messages);
  }
}

TEST_CASE("Chinese-style items: line numbers, cites and HTML") {
  const auto parsed = parseChapter(underSubsection({
      "要求如下：",           // 7
      "1、每日巡查**两次**",  // 8
      "并记录。",             // 9
      "2．每周汇总。",        // 10
  }));
  const Clause& lead = parsed.clause("1.1.1.p1");
  CHECK(lead.line == 7);
  CHECK(lead.html == "<p>要求如下：</p>\n");
  const Clause& first = parsed.clause("1.1.1.1");
  CHECK(first.line == 8);
  CHECK(first.cite == "1.1.1 第1条");
  CHECK(first.text == "每日巡查两次并记录。");
  CHECK(first.html == "<p>每日巡查<strong>两次</strong>\n并记录。</p>\n");
  const Clause& second = parsed.clause("1.1.1.2");
  CHECK(second.line == 10);
  CHECK(second.html == "<p>每周汇总。</p>\n");
}

// ---------------------------------------------------------------------------------------------
// Headings

TEST_CASE("chapter numbers in Chinese numerals 第一章 … 第二十九章 and Arabic 第3章") {
  const std::string numerals[] = {"一",     "二",     "三",     "四",     "五",     "六",
                                  "七",     "八",     "九",     "十",     "十一",   "十二",
                                  "十三",   "十四",   "十五",   "十六",   "十七",   "十八",
                                  "十九",   "二十",   "二十一", "二十二", "二十三", "二十四",
                                  "二十五", "二十六", "二十七", "二十八", "二十九"};
  std::vector<File> files;
  for (int n = 1; n <= 29; ++n) {
    const std::string number = std::to_string(n);
    files.push_back({(n < 10 ? "0" : "") + number + ".md",
                     md({"# 第" + std::string(numerals[n - 1]) + "章 总则", "", "本章说明。", "",
                         "## " + number + ".1 目的", "", "为明确职责。"})});
  }
  const auto parsed = parse(files);
  CHECK(parsed.messages() == "");
  REQUIRE(parsed.manual.chapters.size() == 29);
  for (int n = 1; n <= 29; ++n) {
    const std::string number = std::to_string(n);
    const std::string label = "第" + std::string(numerals[n - 1]) + "章";
    CAPTURE(label);
    const auto& heading = parsed.manual.chapters[static_cast<size_t>(n - 1)].heading;
    CHECK(heading.number == number);
    CHECK(heading.label == label);
    CHECK(heading.title == "总则");
    CHECK(parsed.clause(number + ".p1").cite == label + " 第1段");
    CHECK(parsed.clause(number + ".1.p1").cite == number + ".1 第1段");
  }

  const auto arabic = parseChapter(
      md({"# 第3章 电梯困人", "", "本章说明。", "", "## 3.1 处置要点", "", "1. 安抚被困人员。"}));
  CHECK(arabic.messages() == "");
  CHECK(addresses(arabic.manual) == "3.p1 3.1.1");
  CHECK(arabic.clause("3.p1").cite == "第3章 第1段");
  CHECK(arabic.manual.chapters[0].heading.display() == "第3章 电梯困人");
}

TEST_CASE("the space between number and title is optional: 3.1客服主管 is 3.1 客服主管") {
  const auto parsed = parseChapter(md({
      "# 第三章客户服务部岗位职责",  // 1
      "",                            // 2
      "## 3.1客服主管",              // 3
      "",                            // 4
      "### 3.1.1岗位概述",           // 5
      "",                            // 6
      "负责客服部。",                // 7
  }));
  CHECK(parsed.messages() == "");
  CHECK(addresses(parsed.manual) == "3.1.1.p1");
  const auto& chapter = parsed.manual.chapters[0];
  CHECK(chapter.heading.title == "客户服务部岗位职责");
  CHECK(chapter.sections[0].heading.number == "3.1");
  CHECK(chapter.sections[0].heading.title == "客服主管");
  CHECK(chapter.sections[0].heading.display() == "3.1 客服主管");
  CHECK(chapter.sections[0].subsections[0].heading.title == "岗位概述");
  REQUIRE(parsed.manual.positions.size() == 1);
  CHECK(parsed.manual.positions[0].canonical() == "客服主管");
  CHECK(parsed.manual.positions[0].department == "客户服务部");
}

// ---------------------------------------------------------------------------------------------
// Positions

TEST_CASE("a section is a position when one of its subsections has a position title") {
  const std::string positionTitles[] = {"岗位概述", "岗位职责", "主要职责", "工作职责",
                                        "岗位权限", "任职要求", "任职资格", "考核标准",
                                        "工作标准", "应急职责", "处置职责", "处置流程"};
  for (const std::string& title : positionTitles) {
    CAPTURE(title);
    CHECK(dutydesk::isPositionSubsectionTitle(title));
    // The position subsection need not be the first.
    const auto parsed = parseChapter(
        md({"# 第一章 客户服务部岗位职责", "", "## 1.1 客服主管", "", "### 1.1.1 工作时间", "",
            "早八点至晚五点。", "", "### 1.1.2 " + std::string(title), "", "内容。"}));
    CHECK(parsed.messages() == "");
    REQUIRE(parsed.manual.positions.size() == 1);
    CHECK(parsed.manual.positions[0].canonical() == "客服主管");
    CHECK(parsed.manual.chapters[0].sections[0].position == 0u);
  }
  const std::string generalTitles[] = {"总则", "目的",     "基本原则",
                                       "职责", "岗位说明", "主要职责（试行）"};
  for (const std::string& title : generalTitles) {
    CAPTURE(title);
    CHECK_FALSE(dutydesk::isPositionSubsectionTitle(title));
    const auto parsed = parseChapter(md({"# 第一章 客户服务部岗位职责", "", "## 1.1 客服主管", "",
                                         "### 1.1.1 " + std::string(title), "", "内容。"}));
    CHECK(parsed.messages() == "");
    CHECK(parsed.manual.positions.empty());
    CHECK_FALSE(parsed.manual.chapters[0].sections[0].position.has_value());
    CHECK(parsed.manual.positionOf(parsed.clause("1.1.1.p1")) == nullptr);
  }
}

TEST_CASE("A/B and A／B name one position; every name finds it; the first is canonical") {
  const auto parsed = parseChapter(md({
      "# 第三章 客户服务部岗位职责",  // 1
      "",                             // 2
      "## 3.1 客服专员/前台接待",     // 3
      "",                             // 4
      "### 3.1.1 岗位概述",           // 5
      "",                             // 6
      "负责前台接待。",               // 7
      "",                             // 8
      "## 3.2 保洁员／清洁工",        // 9
      "",                             // 10
      "### 3.2.1 主要职责",           // 11
      "",                             // 12
      "1. 清扫公共区域。",            // 13
  }));
  CHECK(parsed.messages() == "");
  const Manual& manual = parsed.manual;
  REQUIRE(manual.positions.size() == 2);
  CHECK(join(manual.positions[0].names, "|") == "客服专员|前台接待");
  CHECK(join(manual.positions[1].names, "|") == "保洁员|清洁工");
  CHECK(manual.findPosition("客服专员") == &manual.positions[0]);
  CHECK(manual.findPosition("前台接待") == &manual.positions[0]);
  CHECK(manual.findPosition("保洁员") == &manual.positions[1]);
  CHECK(manual.findPosition("清洁工") == &manual.positions[1]);
  CHECK(manual.findPosition("客服专员/前台接待") == nullptr);
  CHECK(canonicalOf(manual, parsed.clause("3.1.1.p1")) == "客服专员");
  CHECK(canonicalOf(manual, parsed.clause("3.2.1.1")) == "保洁员");
  // The section keeps its title as written.
  CHECK(manual.chapters[0].sections[0].heading.title == "客服专员/前台接待");
}

TEST_CASE("a trailing bracketed note is searchable but not part of the name") {
  const auto parsed = parseChapter(md({
      "# 第二章 管理层岗位职责",                // 1
      "",                                       // 2
      "## 2.1 部门主管(如客服主管、工程主管)",  // 3
      "",                                       // 4
      "### 2.1.1 岗位职责",                     // 5
      "",                                       // 6
      "1. 管理本部门。",                        // 7
      "",                                       // 8
      "## 2.2 值班主管（夜班）",                // 9
      "",                                       // 10
      "### 2.2.1 岗位职责",                     // 11
      "",                                       // 12
      "1. 夜间值守。",                          // 13
  }));
  CHECK(parsed.messages() == "");
  const Manual& manual = parsed.manual;
  REQUIRE(manual.positions.size() == 2);
  CHECK(join(manual.positions[0].names, "|") == "部门主管");
  CHECK(manual.positions[0].note == "如客服主管、工程主管");
  CHECK(join(manual.positions[1].names, "|") == "值班主管");
  CHECK(manual.positions[1].note == "夜班");
  CHECK(manual.findPosition("部门主管") == &manual.positions[0]);
  CHECK(manual.findPosition("部门主管(如客服主管、工程主管)") == nullptr);
  CHECK(manual.findPosition("值班主管") == &manual.positions[1]);
}

TEST_CASE("a position's department is its chapter title without a trailing 岗位职责") {
  const struct {
    std::string chapter;
    std::string department;  // "-" for none
  } cases[] = {
      {"# 第三章 客户服务部岗位职责", "客户服务部"},
      {"# 第三章 管理层岗位职责", "管理层"},
      {"# 第三章客户服务部岗位职责", "客户服务部"},
      {"# 第三章 电梯困人", "-"},
      {"# 第三章 岗位职责", "-"},
      {"# 第三章 岗位职责说明", "-"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.chapter);
    const auto parsed = parseChapter(
        md({c.chapter, "", "## 3.1 客服主管", "", "### 3.1.1 岗位职责", "", "内容。"}));
    CHECK(parsed.messages() == "");
    REQUIRE(parsed.manual.positions.size() == 1);
    CHECK(parsed.manual.positions[0].department.value_or("-") == c.department);
  }
}

TEST_CASE("所属部门 gives the department, and overrides the one derived from the chapter") {
  const auto emergency = parseChapter(md({
      "# 第三章 电梯困人",      // 1
      "",                       // 2
      "## 3.1 监控中心值班员",  // 3
      "",                       // 4
      "- 所属部门:秩序维护部",  // 5
      "",                       // 6
      "### 3.1.1 处置职责",     // 7
      "",                       // 8
      "1. 30秒内应答。",        // 9
      "",                       // 10
      "## 3.2 电梯管理员",      // 11
      "",                       // 12
      "### 3.2.1 处置职责",     // 13
      "",                       // 14
      "1. 5分钟内到达机房。",   // 15
  }));
  CHECK(emergency.messages() == "");
  REQUIRE(emergency.manual.positions.size() == 2);
  CHECK(emergency.manual.positions[0].department == "秩序维护部");
  CHECK_FALSE(emergency.manual.positions[1].department.has_value());
  CHECK(addresses(emergency.manual) == "3.1.1.1 3.2.1.1");  // metadata is no clause

  const auto duty =
      parseChapter(md({"# 第二章 管理层岗位职责", "", "## 2.1 客服主管", "",
                       "- 所属部门：客户服务部", "", "### 2.1.1 岗位概述", "", "负责客服部。"}));
  CHECK(duty.messages() == "");
  CHECK(duty.manual.positions[0].department == "客户服务部");
}

TEST_CASE("the same canonical name in two chapters is one position") {
  const File duty{"05-秩序维护部岗位职责.md",
                  md({"# 第五章 秩序维护部岗位职责", "", "## 5.1 秩序维护员/保安员", "",
                      "### 5.1.1 主要职责", "", "1. 巡逻。"})};
  const File emergency{"06-电梯困人.md", md({"# 第六章 电梯困人", "", "## 6.1 秩序维护员/护卫员",
                                             "", "### 6.1.1 处置职责", "", "1. 到故障楼层守候。"})};

  SUBCASE("duty chapter first") {
    const auto parsed = parse({duty, emergency});
    CHECK(parsed.messages() == "");
    const Manual& manual = parsed.manual;
    REQUIRE(manual.positions.size() == 1);
    const Position& guard = manual.positions[0];
    CHECK(join(guard.names, "|") == "秩序维护员|保安员|护卫员");
    CHECK(guard.department == "秩序维护部");
    CHECK(guard.file == "05-秩序维护部岗位职责.md");
    CHECK(guard.line == 3);
    REQUIRE(guard.places.size() == 2);
    CHECK(guard.places[0].chapter == 0u);
    CHECK(guard.places[1].chapter == 1u);
    CHECK(manual.chapters[1].sections[0].position == 0u);
    CHECK(canonicalOf(manual, parsed.clause("5.1.1.1")) == "秩序维护员");
    CHECK(canonicalOf(manual, parsed.clause("6.1.1.1")) == "秩序维护员");
    CHECK(manual.findPosition("护卫员") == &guard);
  }
  SUBCASE("emergency chapter first: the department still comes from the duty chapter") {
    const auto parsed = parse({{"01-电梯困人.md", emergency.text}, {"02-秩序.md", duty.text}});
    CHECK(parsed.messages() == "");
    REQUIRE(parsed.manual.positions.size() == 1);
    CHECK(join(parsed.manual.positions[0].names, "|") == "秩序维护员|护卫员|保安员");
    CHECK(parsed.manual.positions[0].department == "秩序维护部");
    CHECK(parsed.manual.positions[0].file == "01-电梯困人.md");
  }
  SUBCASE("an alias in the second chapter finds the position too") {
    const auto parsed = parse({duty,
                               {"06-电梯困人.md", md({"# 第六章 电梯困人", "", "## 6.1 保安员", "",
                                                      "### 6.1.1 处置职责", "", "1. 守候。"})}});
    CHECK(parsed.messages() == "");
    REQUIRE(parsed.manual.positions.size() == 1);
    CHECK(canonicalOf(parsed.manual, parsed.clause("6.1.1.1")) == "秩序维护员");
  }
}

TEST_CASE("reporting lines: : or ：, several names by 、 , ，, resolved to canonical names") {
  const auto parsed = parseChapter(md({
      "# 第二章 管理层岗位职责",                            // 1
      "",                                                   // 2
      "## 2.1 物业经理",                                    // 3
      "",                                                   // 4
      "- 直接下级：客服主管，工程主管、前台接待,客服专员",  // 5
      "",                                                   // 6
      "### 2.1.1 岗位概述",                                 // 7
      "",                                                   // 8
      "全面负责。",                                         // 9
      "",                                                   // 10
      "## 2.2 客服主管",                                    // 11
      "",                                                   // 12
      "- 直接上级:物业经理",                                // 13
      "- 直接下级:客服专员、前台接待",                      // 14
      "- 所属部门:客户服务部",                              // 15
      "",                                                   // 16
      "### 2.2.1 主要职责",                                 // 17
      "",                                                   // 18
      "1. 管理客服。",                                      // 19
      "",                                                   // 20
      "## 2.3 客服专员/前台接待",                           // 21
      "",                                                   // 22
      "- 直接上级 ： 客服主管",                             // 23
      "",                                                   // 24
      "### 2.3.1 主要职责",                                 // 25
      "",                                                   // 26
      "1. 接待。",                                          // 27
      "",                                                   // 28
      "## 2.4 工程主管",                                    // 29
      "",                                                   // 30
      "* 直接上级：物业经理、董事长",                       // 31
      "",                                                   // 32
      "### 2.4.1 主要职责",                                 // 33
      "",                                                   // 34
      "1. 维修。",                                          // 35
  }));
  CHECK(parsed.messages() ==
        "01-测试.md:31: warning: "
        "直接上级「董事长」不是本手册中的岗位；请写本手册中某个岗位的名称或别名，或删去");
  const Manual& manual = parsed.manual;
  CHECK(addresses(manual) == "2.1.1.p1 2.2.1.1 2.3.1.1 2.4.1.1");
  const struct {
    std::string name;
    std::string superiors;
    std::string subordinates;
    std::string department;
  } expected[] = {
      {"物业经理", "", "客服主管|工程主管|客服专员", "管理层"},
      {"客服主管", "物业经理", "客服专员", "客户服务部"},
      {"前台接待", "客服主管", "", "管理层"},
      {"工程主管", "物业经理", "", "管理层"},
  };
  for (const auto& e : expected) {
    CAPTURE(e.name);
    const Position* position = manual.findPosition(e.name);
    REQUIRE(position);
    CHECK(join(position->superiors, "|") == e.superiors);
    CHECK(join(position->subordinates, "|") == e.subordinates);
    CHECK(position->department == e.department);
  }
}

TEST_CASE("an unknown 直接上级 is a warning at its line") {
  const auto parsed = parseChapter(md({
      "# 第三章 客户服务部岗位职责",  // 1
      "",                             // 2
      "## 3.1 客服主管",              // 3
      "",                             // 4
      "- 直接下级:客服专员",          // 5
      "- 直接上级:项目总监",          // 6
      "",                             // 7
      "### 3.1.1 岗位概述",           // 8
      "",                             // 9
      "负责客服部。",                 // 10
      "",                             // 11
      "## 3.2 客服专员",              // 12
      "",                             // 13
      "### 3.2.1 岗位概述",           // 14
      "",                             // 15
      "负责接待。",                   // 16
  }));
  CHECK(parsed.messages() ==
        "01-测试.md:6: warning: "
        "直接上级「项目总监」不是本手册中的岗位；请写本手册中某个岗位的名称或别名，或删去");
  CHECK(parsed.diagnostics.errorCount() == 0);
  const Position* lead = parsed.manual.findPosition("客服主管");
  REQUIRE(lead);
  CHECK(lead->superiors.empty());
  CHECK(join(lead->subordinates, "|") == "客服专员");
}

TEST_CASE("reporting-line metadata: unknown keys, empty values, and lists that are content") {
  SUBCASE("unknown key and empty value") {
    const auto parsed = parseChapter(md({
        "# 第三章 客户服务部岗位职责",  // 1
        "",                             // 2
        "## 3.1 客服主管",              // 3
        "",                             // 4
        "- 直接上级:",                  // 5
        "- 岗位编制:2人",               // 6
        "- 所属部门:客户服务部",        // 7
        "",                             // 8
        "### 3.1.1 岗位概述",           // 9
        "",                             // 10
        "负责客服部。",                 // 11
    }));
    CHECK(parsed.messages() ==
          "01-测试.md:5: warning: 「直接上级」后面没有内容；请写上岗位或部门名称，或删去这一行\n"
          "01-测试.md:6: warning: 未知的岗位信息「岗位编制」；可用的是 "
          "直接上级、直接下级、所属部门，其他内容请写入岗位概述");
    CHECK(addresses(parsed.manual) == "3.1.1.p1");
  }
  SUBCASE("a key:value list without a known key is content") {
    const auto parsed = parseChapter(md({
        "# 第三章 客户服务部岗位职责",  // 1
        "",                             // 2
        "## 3.1 客服主管",              // 3
        "",                             // 4
        "- 工作时间:早八点至晚五点",    // 5
        "- 休息:周日",                  // 6
        "",                             // 7
        "### 3.1.1 岗位概述",           // 8
        "",                             // 9
        "负责客服部。",                 // 10
    }));
    CHECK(parsed.messages() == "");
    CHECK(addresses(parsed.manual) == "3.1.p1 3.1.p2 3.1.1.p1");
    CHECK(parsed.clause("3.1.p1").text == "工作时间:早八点至晚五点");
  }
  SUBCASE("metadata under a subsection is content") {
    const auto parsed = parseChapter(md({"# 第三章 客户服务部岗位职责", "", "## 3.1 客服主管", "",
                                         "### 3.1.1 岗位概述", "", "- 直接上级:物业经理"}));
    CHECK(parsed.messages() == "");
    CHECK(parsed.clause("3.1.1.p1").text == "直接上级:物业经理");
    CHECK(parsed.manual.positions[0].superiors.empty());
  }
}

TEST_CASE("a metadata list on a section that is not a position is a warning") {
  const auto parsed = parseChapter(md({
      "# 第一章 总则",             // 1
      "",                          // 2
      "## 1.1 目的",               // 3
      "",                          // 4
      "- 直接上级:物业经理",       // 5
      "- 所属部门:综合管理部",     // 6
      "",                          // 7
      "为明确职责，制定本手册。",  // 8
  }));
  CHECK(parsed.messages() ==
        "01-测试.md:5: warning: 「直接上级」只对岗位有效，而 1.1 "
        "没有岗位小节（岗位概述、主要职责等），因此不是岗位");
  CHECK(addresses(parsed.manual) == "1.1.p1");
  CHECK(parsed.manual.positions.empty());
}

// ---------------------------------------------------------------------------------------------
// Plain text and HTML

TEST_CASE("clause text is plain; clause HTML is safe: raw HTML is shown as text, never passed") {
  const auto parsed = parseChapter(underSubsection({
      "含**加粗**、`代码`与[链接](https://example.com)的中文",  // 7
      "换行后继续，English words",                              // 8
      "continue here.",                                         // 9
      "",                                                       // 10
      "1. 第一条<script>alert(1)</script>",                     // 11
      "2. <script>alert(2)</script>",                           // 12
      "3. [危险链接](javascript:alert(3))",                     // 13
      "",                                                       // 14
      "<script>alert(4)</script>",                              // 15
      "",                                                       // 16
      "- <b>粗</b>&amp;<img src=x onerror=alert(5)>",           // 17
  }));
  // An HTML block is a warning (inline HTML is not); either way the clause shows it as text.
  CHECK(parsed.messages() ==
        "01-测试.md:12: warning: HTML 代码不会被解释，将按原文显示；请改用 Markdown 书写\n"
        "01-测试.md:15: warning: HTML 代码不会被解释，将按原文显示；请改用 Markdown 书写");
  CHECK(addresses(parsed.manual) == "1.1.1.p1 1.1.1.1 1.1.1.2 1.1.1.3 1.1.1.p2 1.1.1.p3");
  const struct {
    std::string address;
    int line;
    std::string text;
    std::string html;
  } expected[] = {
      {"1.1.1.p1", 7, "含加粗、代码与链接的中文换行后继续，English words continue here.",
       "<p>含<strong>加粗</strong>、<code>代码</code>与<a href=\"https://example.com\">链接</a>"
       "的中文\n换行后继续，English words\ncontinue here.</p>\n"},
      {"1.1.1.1", 11, "第一条<script>alert(1)</script>",
       "第一条&lt;script&gt;alert(1)&lt;/script&gt;"},
      {"1.1.1.2", 12, "<script>alert(2)</script>", "&lt;script&gt;alert(2)&lt;/script&gt;"},
      {"1.1.1.3", 13, "危险链接", "<a href=\"\">危险链接</a>"},
      {"1.1.1.p2", 15, "<script>alert(4)</script>",
       "<p>&lt;script&gt;alert(4)&lt;/script&gt;</p>\n"},
      {"1.1.1.p3", 17, "<b>粗</b>&<img src=x onerror=alert(5)>",
       "&lt;b&gt;粗&lt;/b&gt;&amp;&lt;img src=x onerror=alert(5)&gt;"},
  };
  for (const auto& e : expected) {
    CAPTURE(e.address);
    const Clause& clause = parsed.clause(e.address);
    CHECK(clause.line == e.line);
    CHECK(clause.text == e.text);
    CHECK(clause.html == e.html);
  }
  for (const Clause& clause : parsed.manual.clauses) {
    CAPTURE(clause.html);
    CHECK(clause.html.find("<script") == std::string::npos);
    CHECK(clause.html.find("javascript:") == std::string::npos);
    CHECK(clause.html.find("<img") == std::string::npos);
    CHECK(clause.html.find("<b>") == std::string::npos);
    CHECK(clause.html.find("raw HTML omitted") == std::string::npos);
  }
}

// ---------------------------------------------------------------------------------------------
// Errors and warnings

TEST_CASE("structural errors and warnings, each at its file and line") {
  const struct {
    std::string name;
    std::string text;  // one chapter file, 01-测试.md
    std::string messages;
  } cases[] = {
      {"a chapter file with text but no heading", md({"只有文字，没有标题。"}),
       "01-测试.md:1: warning: 章标题之前的文字不属于任何章节，不会被收录；请移到章标题之后\n"
       "01-测试.md:1: error: 缺少章标题：每个章文件的第一个标题应写作「# 第N章 标题」，如「# "
       "第三章 客户服务部岗位职责」"},
      {"a chapter file starting with a section", md({"## 1.1 目的", "", "为明确职责。"}),
       "01-测试.md:1: error: 标题出现在章标题之前；文件应以「# 第N章 标题」开头\n"
       "01-测试.md:1: error: 缺少章标题：每个章文件的第一个标题应写作「# 第N章 标题」，如「# "
       "第三章 客户服务部岗位职责」\n"
       "01-测试.md:3: warning: 章标题之前的文字不属于任何章节，不会被收录；请移到章标题之后"},
      {"an empty chapter file", "",
       "01-测试.md:1: error: 缺少章标题：每个章文件的第一个标题应写作「# 第N章 标题」，如「# "
       "第三章 客户服务部岗位职责」"},
      {"text before the chapter heading",
       md({"说明文字。", "", "# 第一章 总则", "", "## 1.1 目的", "", "为明确职责。"}),
       "01-测试.md:1: warning: 章标题之前的文字不属于任何章节，不会被收录；请移到章标题之后"},
      {"two chapter headings",
       md({"# 第一章 总则", "", "## 1.1 目的", "", "为明确职责。", "", "# 第二章 附则", "",
           "由物业经理解释。"}),
       "01-测试.md:7: error: 一个文件只能有一个章标题（# 开头）；请把第二章移到单独的文件中"},
      {"a chapter heading without 第N章", md({"# 总则", "", "## 1.1 目的", "", "为明确职责。"}),
       "01-测试.md:1: error: 章标题应写作「# 第N章 标题」，如「# 第三章 客户服务部岗位职责」或「# "
       "第3章 …」"},
      {"a section number not starting with the chapter's",
       md({"# 第一章 总则", "", "## 2.1 目的", "", "为明确职责。"}),
       "01-测试.md:3: error: 编号 2.1 与上级编号 1 不符；应写作「## 1.N 标题」，如 1.1"},
      {"a section numbered like a subsection",
       md({"# 第一章 总则", "", "## 1.1.1 目的", "", "为明确职责。"}),
       "01-测试.md:3: error: 编号 1.1.1 与上级编号 1 不符；应写作「## 1.N 标题」，如 1.1"},
      {"11.1 does not start with chapter 1's number",
       md({"# 第一章 总则", "", "## 11.1 目的", "", "为明确职责。"}),
       "01-测试.md:3: error: 编号 11.1 与上级编号 1 不符；应写作「## 1.N 标题」，如 1.1"},
      {"a subsection number not starting with the section's",
       md({"# 第一章 总则", "", "## 1.1 目的", "", "### 1.2.1 细则", "", "为明确职责。"}),
       "01-测试.md:5: error: 编号 1.2.1 与上级编号 1.1 不符；应写作「### 1.1.N 标题」，如 1.1.1"},
      {"a subsection checked even when the chapter number is unreadable",
       md({"# 总则", "", "## 1.1 目的", "", "### 1.2.1 细则", "", "为明确职责。"}),
       "01-测试.md:1: error: 章标题应写作「# 第N章 标题」，如「# 第三章 客户服务部岗位职责」或「# "
       "第3章 …」\n"
       "01-测试.md:5: error: 编号 1.2.1 与上级编号 1.1 不符；应写作「### 1.1.N 标题」，如 1.1.1"},
      {"a heading deeper than ###",
       md({"# 第一章 总则", "", "## 1.1 目的", "", "### 1.1.1 细则", "", "#### 1.1.1.1 细目", "",
           "为明确职责。", "", "##### 更深"}),
       "01-测试.md:7: error: 标题最多三级（###）；更细的内容请写成有序列表条款\n"
       "01-测试.md:11: error: 标题最多三级（###）；更细的内容请写成有序列表条款"},
      {"a setext section heading",
       md({"# 第一章 总则", "", "## 1.1 目的", "", "为明确职责。", "", "1.2 范围", "---", "",
           "全体员工。"}),
       "01-测试.md:7: error: 只支持以 # 开头的标题；请把下划线式标题（=== 或 ---）改为「## 编号 "
       "标题」"},
      {"a setext chapter heading", md({"第一章 总则", "======", "", "为明确职责。"}),
       "01-测试.md:1: error: 只支持以 # 开头的标题；请把下划线式标题（=== 或 ---）改为「## 编号 "
       "标题」\n"
       "01-测试.md:1: error: 缺少章标题：每个章文件的第一个标题应写作「# 第N章 标题」，如「# "
       "第三章 客户服务部岗位职责」\n"
       "01-测试.md:4: warning: 章标题之前的文字不属于任何章节，不会被收录；请移到章标题之后"},
      {"a subsection before any section",
       md({"# 第一章 总则", "", "### 1.1.1 细则", "", "为明确职责。"}),
       "01-测试.md:3: error: 小节（###）必须位于节（##）之下；请先写「## 1.1 节标题」"},
      {"a heading without a number", md({"# 第一章 总则", "", "## 目的", "", "为明确职责。"}),
       "01-测试.md:3: error: 标题缺少编号；应写作「## 1.1 标题」"},
      {"a heading without a title", md({"# 第一章 总则", "", "## 1.1", "", "为明确职责。"}),
       "01-测试.md:3: error: 标题 1.1 没有名称；请在编号后写上名称"},
      {"a heading number used twice",
       md({"# 第一章 总则", "", "## 1.1 目的", "", "为明确职责。", "", "## 1.1 范围", "",
           "全体员工。"}),
       "01-测试.md:7: error: 编号 1.1 在本手册中重复；每个章节编号只能用一次\n"
       "01-测试.md:9: error: 条款地址 1.1.p1 重复（01-测试.md:5 "
       "已使用）；请检查编号是否写重或列表被分成了两段"},
      {"a position with no clauses",
       md({"# 第一章 客户服务部岗位职责", "", "## 1.1 客服主管", "", "### 1.1.1 岗位概述", "",
           "### 1.1.2 主要职责"}),
       "01-测试.md:3: error: 岗位「客服主管」没有任何条款；请在其小节下写出职责条款\n"
       "01-测试.md:5: warning: 小节 1.1.1 是空的；请补充条款或删除这个小节\n"
       "01-测试.md:7: warning: 小节 1.1.2 是空的；请补充条款或删除这个小节"},
      {"an empty subsection",
       md({"# 第一章 总则", "", "## 1.1 目的", "", "### 1.1.1 细则", "", "### 1.1.2 补充", "",
           "内容。"}),
       "01-测试.md:5: warning: 小节 1.1.1 是空的；请补充条款或删除这个小节"},
      {"an empty subsection at the end of the file",
       md({"# 第一章 总则", "", "## 1.1 目的", "", "内容。", "", "### 1.1.1 细则"}),
       "01-测试.md:7: warning: 小节 1.1.1 是空的；请补充条款或删除这个小节"},
      {"an empty section",
       md({"# 第一章 总则", "", "## 1.1 目的", "", "## 1.2 范围", "", "全体员工。"}),
       "01-测试.md:3: warning: 节 1.1 是空的；请补充条款或删除这一节"},
      {"an empty chapter", md({"# 第一章 总则"}), "01-测试.md:1: warning: 这一章没有任何内容"},
      {"a raw HTML block", md({"# 第一章 总则", "", "## 1.1 目的", "", "<div>内容</div>"}),
       "01-测试.md:5: warning: HTML 代码不会被解释，将按原文显示；请改用 Markdown 书写"},
      {"a raw HTML block before the chapter heading",
       md({"<div>说明</div>", "", "# 第一章 总则", "", "## 1.1 目的", "", "内容。"}),
       "01-测试.md:1: warning: HTML 代码不会被解释，将按原文显示；请改用 Markdown 书写\n"
       "01-测试.md:1: warning: 章标题之前的文字不属于任何章节，不会被收录；请移到章标题之后"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const auto parsed = parseChapter(c.text);
    CHECK(parsed.messages() == c.messages);
  }
}

TEST_CASE("a chapter number used in two files is an error in the second") {
  const auto parsed = parse({
      {"01-总则.md", md({"# 第一章 总则", "", "## 1.1 目的", "", "为明确职责。"})},
      {"02-附则.md", md({"# 第1章 附则", "", "## 1.2 解释", "", "由物业经理解释。"})},
  });
  CHECK(parsed.messages() ==
        "02-附则.md:1: error: 第1章 已在 01-总则.md 中使用；请改用未使用的章号");
}

TEST_CASE("index.md: the title, then only the preface") {
  const struct {
    std::string name;
    std::string text;
    std::string title;
    std::string messages;
  } cases[] = {
      {"title only", md({"# 测试手册"}), "测试手册", ""},
      {"an empty index.md", "", "", "index.md:1: error: index.md 是空的；第一行应写「# 手册名称」"},
      {"text before the title", md({"前言。", "", "# 测试手册"}), "",
       "index.md:1: error: index.md 应以手册标题开头，写作「# 手册名称」\n"
       "index.md:3: error: index.md 只写手册标题和前言；章节请写在单独的章文件中（如 01-总则.md）"},
      {"a section in index.md", md({"# 测试手册", "", "前言。", "", "## 1.1 目的", "", "内容。"}),
       "测试手册",
       "index.md:5: error: index.md 只写手册标题和前言；章节请写在单独的章文件中（如 01-总则.md）"},
      {"a setext heading in the preface", md({"# 测试手册", "", "前言。", "", "说明", "---"}),
       "测试手册",
       "index.md:5: error: 只支持以 # 开头的标题；请把下划线式标题（=== 或 ---）改为「## 编号 "
       "标题」"},
      {"a setext title", md({"测试手册", "====", "", "前言。"}), "测试手册",
       "index.md:1: error: 只支持以 # 开头的标题；请把下划线式标题（=== 或 ---）改为「## 编号 "
       "标题」"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const auto parsed = parse({}, c.text);
    CHECK(parsed.manual.title == c.title);
    CHECK(parsed.messages() == c.messages);
  }
}

TEST_CASE("diagnostics carry the display prefix the loader gives") {
  dutydesk::Diagnostics diagnostics;
  dutydesk::ManualParser parser("wuye", "wuye/", diagnostics);
  parser.parseIndex("index.md", "# 手册\n");
  parser.parseChapter("01-总则.md", md({"# 第一章 总则", "", "## 2.1 目的", "", "内容。"}));
  parser.reportError("02-旧.md", 4, "文件不是 UTF-8 编码；请用 UTF-8 另存（可含 BOM）");
  const Manual manual = parser.finish();
  CHECK(manual.id == "wuye");
  CHECK(dutydesk::testing::formatted(diagnostics) ==
        "wuye/01-总则.md:3: error: 编号 2.1 与上级编号 1 不符；应写作「## 1.N 标题」，如 1.1\n"
        "wuye/02-旧.md:4: error: 文件不是 UTF-8 编码；请用 UTF-8 另存（可含 BOM）");
}
