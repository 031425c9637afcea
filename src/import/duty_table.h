// Tables in a Word manual. A table of duties (序号 | 职责) becomes numbered items, keeping the
// numbers of its 序号 column; a one-column layout table is read as its paragraphs; any other
// table becomes one paragraph a row.
#pragma once

#include <vector>

#include "import/import_report.h"
#include "import/source_paragraph.h"

namespace dutydesk {

struct TableCell {
  std::vector<SourceParagraph> paragraphs;
};

struct TableRow {
  int where = 0;  // paragraph number of the row's first paragraph
  std::vector<TableCell> cells;
};

std::vector<SourceParagraph> tableToParagraphs(const std::vector<TableRow>& rows,
                                               ImportReport& report);

}  // namespace dutydesk
