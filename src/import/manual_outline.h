// Decides a manual's structure from its paragraphs: title and preface, chapters (第N章),
// sections (N.N), subsections (N.N.N) and the clauses under each, keeping the numbers the
// manual shows because they are the addresses people cite. Headings come from heading styles
// or, failing those, from their numbers; every heading found only by its look, every number
// changed and everything left out is reported.
#pragma once

#include <string>
#include <vector>

#include "import/import_report.h"
#include "import/source_paragraph.h"

namespace dutydesk {

struct OutlineBlock {
  enum class Kind { kItem, kParagraph, kBullet };
  Kind kind = Kind::kParagraph;
  int number = 0;                   // an item's own number
  std::string text;                 // '\n' where the source broke the line
  std::vector<std::string> nested;  // sub-items and bullets inside an item, labels kept
  int where = 0;
};

struct OutlineHeading {
  std::string number;  // "3", "3.1", "3.1.2"
  std::string label;   // "第三章" for a chapter; the number otherwise
  std::string title;
  int where = 0;
  std::vector<OutlineBlock> blocks;
};

struct OutlineSection {
  OutlineHeading heading;
  std::vector<std::string> meta;  // "直接上级:物业经理": reporting lines, not clauses
  std::vector<OutlineHeading> subsections;
};

struct OutlineChapter {
  OutlineHeading heading;
  std::vector<OutlineSection> sections;
};

struct ManualOutline {
  std::string title;
  std::vector<OutlineBlock> preface;
  std::vector<OutlineChapter> chapters;
};

struct OutlineOptions {
  std::string fallbackTitle;  // when the source has no title: the file name
  // Word files have heading styles, so headings found by their numbers alone are guesses worth
  // reporting; in plain text the numbers are all there is.
  bool reportPatternHeadings = true;
};

ManualOutline buildOutline(const std::vector<SourceParagraph>& paragraphs,
                           const OutlineOptions& options, ImportReport& report);

}  // namespace dutydesk
