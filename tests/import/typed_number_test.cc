#include "import/typed_number.h"

#include <doctest/doctest.h>

namespace dutydesk {

TEST_CASE("numbers typed at the start of a paragraph") {
  const struct {
    const char* text;
    NumberStyle style;
    std::vector<int> values;
    const char* label;
    const char* rest;
  } cases[] = {
      {"第三章 客户服务部岗位职责", NumberStyle::kChapter, {3}, "第三章", "客户服务部岗位职责"},
      {"第12章总则", NumberStyle::kChapter, {12}, "第12章", "总则"},
      {"第一节　一般规定", NumberStyle::kPart, {1}, "第一节", "一般规定"},
      {"第二十一条 员工应当……", NumberStyle::kArticle, {21}, "第二十一条", "员工应当……"},
      {"1.1目的", NumberStyle::kDotted, {1, 1}, "1.1", "目的"},
      {"3.1.2 主要职责", NumberStyle::kDotted, {3, 1, 2}, "3.1.2", "主要职责"},
      {"２．１　岗位", NumberStyle::kDotted, {2, 1}, "２．１", "岗位"},
      {"1.全面负责", NumberStyle::kArabic, {1}, "1.", "全面负责"},
      {"12、做好记录", NumberStyle::kArabic, {12}, "12、", "做好记录"},
      {"３．检查", NumberStyle::kArabic, {3}, "３．", "检查"},
      {"2) 巡查", NumberStyle::kArabicParen, {2}, "2)", "巡查"},
      {"（3）登记", NumberStyle::kArabicEnclosed, {3}, "（3）", "登记"},
      {"⑤核对", NumberStyle::kCircled, {5}, "⑤", "核对"},
      {"四、客服专员", NumberStyle::kChinese, {4}, "四、", "客服专员"},
      {"（十一）附则", NumberStyle::kChineseEnclosed, {11}, "（十一）", "附则"},
      {"● 直接上级:物业经理", NumberStyle::kBullet, {0}, "●", "直接上级:物业经理"},
  };
  for (const auto& c : cases) {
    INFO("text: " << c.text);
    const auto number = parseTypedNumber(c.text);
    REQUIRE(number.has_value());
    CHECK(number->style == c.style);
    CHECK(number->values == c.values);
    CHECK(number->label == c.label);
    CHECK(number->rest == c.rest);
  }
}

TEST_CASE("sentences that only start with a number are not numbered") {
  for (const char* text : {"0.5小时内到场", "2024年起施行", "119、110、120", "十分重要",
                           "第三方单位", "3.05米", "--", "本条"}) {
    INFO("text: " << text);
    CHECK_FALSE(parseTypedNumber(text).has_value());
  }
}

TEST_CASE("number styles that look alike continue one list") {
  CHECK(parseTypedNumber("1.甲")->kind() == parseTypedNumber("2、乙")->kind());
  CHECK(parseTypedNumber("1.甲")->kind() != parseTypedNumber("(1)甲")->kind());
}

}  // namespace dutydesk
