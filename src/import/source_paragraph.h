// One paragraph of the source as the readers see it, before any structure is decided: the .docx
// and .txt readers produce these and the outline builder consumes them.
#pragma once

#include <optional>
#include <string>

namespace dutydesk {

// A number that Word draws in front of the paragraph (automatic numbering), as displayed.
struct ListLabel {
  std::string text;    // "第一章", "1.1", "1.", "（一）"; empty for a bullet
  std::string suffix;  // what Word puts between label and text: "\t", " " or nothing
  int value = 0;       // the counter of the paragraph's own level
  std::string format;  // the level's numFmt: "decimal", "chineseCounting", "bullet", …
  int level = 0;       // 0-based list level (w:ilvl)
  bool bullet = false;
};

struct SourceParagraph {
  int where = 0;     // paragraph number (.docx) or line number (.txt), for the report
  std::string text;  // visible text after any automatic label; '\n' where a line breaks
  std::optional<ListLabel> label;
  int headingLevel = 0;          // 1…9 from the paragraph style or outline level; 0 for body text
  bool titleStyle = false;       // Word's "Title" style: the manual's title
  bool bold = false;             // every visible character is bold
  std::optional<int> tableItem;  // a row of a duties table: its number in the 序号 column
};

}  // namespace dutydesk
