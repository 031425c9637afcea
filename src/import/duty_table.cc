#include "import/duty_table.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "core/utf8.h"
#include "import/source_text.h"

namespace dutydesk {

namespace {

constexpr std::array<std::string_view, 6> kNumberHeaders = {"序号", "编号", "序",
                                                            "条款", "No.",  "No"};
constexpr std::string_view kCellSeparator = "；";

// What the cell shows, automatic labels included: a 序号 column is often Word numbering.
std::string shownText(const TableCell& cell) {
  std::string out;
  for (const SourceParagraph& paragraph : cell.paragraphs) {
    if (!out.empty()) out += '\n';
    if (paragraph.label && !paragraph.label->bullet) out += paragraph.label->text;
    out += paragraph.text;
  }
  return out;
}

// A cell holding only a number such as "3", "３", "3." or "3、".
std::optional<int> cellNumber(std::string_view text) {
  const std::string compact = withoutSpaces(text);
  int value = 0;
  int digits = 0;
  size_t pos = 0;
  while (pos < compact.size()) {
    size_t next = pos;
    const char32_t cp = utf8::decode(compact, next);
    int digit = -1;
    if (cp >= U'0' && cp <= U'9') digit = static_cast<int>(cp - U'0');
    if (cp >= U'０' && cp <= U'９') digit = static_cast<int>(cp - U'０');
    if (digit < 0) break;
    if (++digits > 4) return std::nullopt;
    value = value * 10 + digit;
    pos = next;
  }
  if (digits == 0) return std::nullopt;
  const std::string_view rest = std::string_view(compact).substr(pos);
  if (!rest.empty() && rest != "." && rest != "、" && rest != "．") return std::nullopt;
  return value;
}

bool isNumberHeader(std::string_view text) {
  const std::string compact = withoutSpaces(text);
  return std::find(kNumberHeaders.begin(), kNumberHeaders.end(), compact) != kNumberHeaders.end();
}

std::string joinCells(const TableRow& row, size_t skip) {
  std::string out;
  for (size_t c = 0; c < row.cells.size(); ++c) {
    if (c == skip) continue;
    const std::string text = shownText(row.cells[c]);
    if (text.empty()) continue;
    if (!out.empty()) out += kCellSeparator;
    out += text;
  }
  return out;
}

int firstWhere(const std::vector<TableRow>& rows) {
  return rows.empty() ? 0 : rows.front().where;
}

std::string range(const std::vector<TableRow>& rows) {
  return "段落 " + std::to_string(firstWhere(rows)) + "–" + std::to_string(rows.back().where);
}

}  // namespace

std::vector<SourceParagraph> tableToParagraphs(const std::vector<TableRow>& rows,
                                               ImportReport& report) {
  std::vector<SourceParagraph> out;
  if (rows.empty()) return out;

  // A layout table: no row has more than one non-empty cell.
  const bool layout = std::all_of(rows.begin(), rows.end(), [](const TableRow& row) {
    return std::count_if(row.cells.begin(), row.cells.end(),
                         [](const TableCell& cell) { return !shownText(cell).empty(); }) <= 1;
  });
  if (layout) {
    for (const TableRow& row : rows) {
      for (const TableCell& cell : row.cells) {
        out.insert(out.end(), cell.paragraphs.begin(), cell.paragraphs.end());
      }
    }
    return out;
  }

  // The number column: headed 序号 or the like, or numbers in every data row.
  const TableRow& header = rows.front();
  std::optional<size_t> numberColumn;
  for (size_t c = 0; c < header.cells.size() && !numberColumn; ++c) {
    if (isNumberHeader(shownText(header.cells[c]))) numberColumn = c;
  }
  size_t firstData = numberColumn ? 1 : 0;
  if (!numberColumn && !header.cells.empty()) {
    const bool allNumbered = std::all_of(rows.begin(), rows.end(), [](const TableRow& row) {
      return !row.cells.empty() && cellNumber(shownText(row.cells.front()));
    });
    if (allNumbered) numberColumn = 0;
  }

  if (numberColumn && firstData < rows.size()) {
    std::string title;
    if (firstData == 1) title = joinCells(header, *numberColumn);
    for (size_t r = firstData; r < rows.size(); ++r) {
      const TableRow& row = rows[r];
      const std::string text = joinCells(row, *numberColumn);
      const auto number = *numberColumn < row.cells.size()
                              ? cellNumber(shownText(row.cells[*numberColumn]))
                              : std::nullopt;
      if (!number && !out.empty()) {
        // A row without a number continues the item above (a duty split over two rows).
        if (!text.empty()) out.back().text += "\n" + text;
        continue;
      }
      if (!number || text.empty()) continue;
      SourceParagraph item;
      item.where = row.where;
      item.text = text;
      item.tableItem = *number;
      out.push_back(std::move(item));
    }
    report.guess(firstWhere(rows), title,
                 "表格（" + range(rows) + "）按「" +
                     (firstData == 1 ? withoutSpaces(shownText(header.cells[*numberColumn]))
                                     : std::string("序号")) +
                     "」列读作 " + std::to_string(out.size()) + " 条有序条款" +
                     (firstData == 1 ? "，表头不作条款" : "") + "；多列内容以「；」连接");
    return out;
  }

  for (const TableRow& row : rows) {
    const std::string text = joinCells(row, row.cells.size());
    if (text.empty()) continue;
    SourceParagraph paragraph;
    paragraph.where = row.where;
    paragraph.text = text;
    out.push_back(std::move(paragraph));
  }
  report.repair(firstWhere(rows), out.empty() ? "" : out.front().text,
                "表格（" + range(rows) + "）没有「序号」列，每行读作一段，各列以「；」连接");
  return out;
}

}  // namespace dutydesk
