// What the importer guessed, dropped or repaired, each tied to where it came from, so that the
// user knows exactly what to check by hand.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace dutydesk {

enum class NoteKind { kGuess, kDrop, kRepair };

struct ImportNote {
  NoteKind kind = NoteKind::kGuess;
  int where = 0;        // paragraph number (.docx) or line (.txt); 0 = the whole file
  std::string excerpt;  // the start of the source text, to find it with Ctrl+F
  std::string message;
};

class ImportReport {
 public:
  enum class Unit { kParagraph, kLine };

  explicit ImportReport(Unit unit) : unit_(unit) {}

  void guess(int where, std::string_view text, std::string message);
  void drop(int where, std::string_view text, std::string message);
  void repair(int where, std::string_view text, std::string message);

  // In source order; notes at the same place keep the order they were made in.
  std::vector<ImportNote> sorted() const;
  const std::vector<ImportNote>& notes() const { return notes_; }
  size_t count(NoteKind kind) const;

  // "段落 12" or "第 12 行".
  std::string locate(int where) const;
  // One line a note: "段落 12「1.1目的」 猜测：…".
  void print(std::ostream& out) const;

 private:
  void add(NoteKind kind, int where, std::string_view text, std::string message);

  Unit unit_;
  std::vector<ImportNote> notes_;
};

// The first `maxChars` characters of `text` on one line, with "…" when cut.
std::string excerptOf(std::string_view text, size_t maxChars = 20);

}  // namespace dutydesk
