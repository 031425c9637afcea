// Where a clause lives: the number of the heading above it and its place under that heading.
#pragma once

#include <string>
#include <string_view>

namespace dutydesk {

struct ClauseAddress {
  enum class Kind { kItem, kParagraph };

  std::string heading;  // the heading's number: "3.1.2", or "前言" for the preface
  int ordinal = 0;      // an item's own number as the list shows it; a paragraph's order
  Kind kind = Kind::kItem;

  // "3.1.2.7" for item 7, "3.1.1.p1" for the first paragraph (content-format.md).
  std::string str() const;

  // How people cite it: "3.1.2 第7条", "3.1.1 第1段". `headingLabel` is the heading's number
  // as shown, which differs from `heading` only for chapters ("第三章").
  std::string cite(std::string_view headingLabel) const;
};

}  // namespace dutydesk
