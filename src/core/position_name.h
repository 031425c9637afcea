// A position's name as a section title writes it: "客服专员/前台接待", "部门主管(各部门通用)".
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dutydesk {

struct PositionName {
  std::vector<std::string> names;  // canonical first, then aliases; never empty when parsed
  std::string note;                // text of a trailing (…) or （…）, without the brackets
};

// Splits a section title into names (separated by / or ／) and a trailing bracketed note.
PositionName parsePositionName(std::string_view title);

// Splits a reporting-line value into names: separated by 、 , or ，, trimmed, empties dropped.
std::vector<std::string> splitNameList(std::string_view value);

}  // namespace dutydesk
