// Numbers typed at the start of a paragraph, the way Chinese manuals write them: 第三章, 第一节,
// 第一条, 1.1 and 1.1.1 (also full-width ２．１), 1. 1、 1) (1) ① for items, 一、 and （一）,
// and bullets. The same patterns read automatic labels, which are text too once Word draws them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dutydesk {

enum class NumberStyle {
  kChapter,          // 第三章, 第3章
  kPart,             // 第一节
  kArticle,          // 第一条
  kDotted,           // 1.1, 1.1.1, ２．１: two or more components
  kArabic,           // 1.  1、 1．
  kArabicParen,      // 1)  1）
  kArabicEnclosed,   // (1) （1）
  kCircled,          // ① ⑴ ⒈
  kChinese,          // 一、
  kChineseEnclosed,  // （一）
  kBullet,           // • ● ■ ◆ - …
};

struct TypedNumber {
  NumberStyle style = NumberStyle::kArabic;
  std::vector<int> values;  // the dotted components; a single value otherwise (0 for a bullet)
  std::string label;        // as written: "第三章", "２．１", "（一）", "1、"
  std::string rest;         // the text after it, trimmed
  bool spaced = false;      // space between the label and the text

  int value() const { return values.back(); }
  // Styles that look alike on the page and so continue one list: 1. and 1、 are one kind.
  std::string kind() const;
};

std::optional<TypedNumber> parseTypedNumber(std::string_view text);

}  // namespace dutydesk
