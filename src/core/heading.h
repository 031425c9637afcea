// The number and title at the start of a heading: "第三章 客户服务部岗位职责", "3.1.2 主要职责".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dutydesk {

struct HeadingText {
  std::string number;  // what addresses are built from: "3", "3.1", "3.1.2"
  std::string label;   // how the number is shown: "第三章", "3.1", "3.1.2"
  std::string title;   // the rest, trimmed: "客户服务部岗位职责"
};

// A chapter heading: 第 + Chinese or Arabic numeral + 章, then the title. The space between
// number and title is optional.
std::optional<HeadingText> parseChapterHeading(std::string_view text);

// A section or subsection heading: a dotted Arabic number ("3.1", "3.1.2"), then the title.
std::optional<HeadingText> parseNumberedHeading(std::string_view text);

// True when `number` is `parent` followed by one more dotted component: ("3.1", "3") → true.
bool isChildNumber(std::string_view number, std::string_view parent);

}  // namespace dutydesk
