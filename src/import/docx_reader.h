// document.xml → the visible paragraphs in reading order, as Word shows them with all tracked
// changes accepted: deletions skipped, insertions kept, fields by their shown result, automatic
// numbers computed. Left out: the table of contents (it repeats every heading), comments,
// footnotes, headers and footers (other parts, never read), hidden text, text boxes, and empty
// content-control placeholders; what was there is reported.
#pragma once

#include <vector>

#include "import/docx_package.h"
#include "import/import_report.h"
#include "import/source_paragraph.h"

namespace dutydesk {

// Paragraphs are numbered 1, 2, … in document order, counting every w:p including empty ones
// and those in tables; the report uses these numbers.
std::vector<SourceParagraph> readDocx(DocxPackage& package, ImportReport& report);

}  // namespace dutydesk
