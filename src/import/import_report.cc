#include "import/import_report.h"

#include <algorithm>

#include "core/utf8.h"

namespace dutydesk {

std::string excerptOf(std::string_view text, size_t maxChars) {
  std::string out;
  size_t pos = 0;
  size_t chars = 0;
  while (pos < text.size()) {
    if (chars == maxChars) {
      out += "…";
      break;
    }
    const char32_t cp = utf8::decode(text, pos);
    utf8::append(out, cp == U'\n' || cp == U'\t' ? U' ' : cp);
    ++chars;
  }
  return utf8::trim(out);
}

void ImportReport::guess(int where, std::string_view text, std::string message) {
  add(NoteKind::kGuess, where, text, std::move(message));
}

void ImportReport::drop(int where, std::string_view text, std::string message) {
  add(NoteKind::kDrop, where, text, std::move(message));
}

void ImportReport::repair(int where, std::string_view text, std::string message) {
  add(NoteKind::kRepair, where, text, std::move(message));
}

void ImportReport::add(NoteKind kind, int where, std::string_view text, std::string message) {
  notes_.push_back(ImportNote{kind, where, excerptOf(text), std::move(message)});
}

std::vector<ImportNote> ImportReport::sorted() const {
  std::vector<ImportNote> out = notes_;
  std::stable_sort(out.begin(), out.end(),
                   [](const ImportNote& a, const ImportNote& b) { return a.where < b.where; });
  return out;
}

size_t ImportReport::count(NoteKind kind) const {
  return static_cast<size_t>(std::count_if(
      notes_.begin(), notes_.end(), [kind](const ImportNote& note) { return note.kind == kind; }));
}

std::string ImportReport::locate(int where) const {
  if (where <= 0) return "全文";
  if (unit_ == Unit::kParagraph) return "段落 " + std::to_string(where);
  return "第 " + std::to_string(where) + " 行";
}

void ImportReport::print(std::ostream& out) const {
  for (const ImportNote& note : sorted()) {
    const char* kind = note.kind == NoteKind::kGuess  ? "猜测"
                       : note.kind == NoteKind::kDrop ? "删除"
                                                      : "修正";
    out << "  " << locate(note.where);
    if (!note.excerpt.empty()) out << "「" << note.excerpt << "」";
    out << " " << kind << "：" << note.message << '\n';
  }
}

}  // namespace dutydesk
