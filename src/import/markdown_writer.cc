#include "import/markdown_writer.h"

#include <fstream>

#include "core/utf8.h"

namespace dutydesk {

namespace {

constexpr size_t kMaxFileTitleChars = 40;

bool isAsciiDigit(char c) {
  return c >= '0' && c <= '9';
}

// One line of text as CommonMark inline content that reads back as the same text.
std::string escapeLine(std::string_view line) {
  std::string out;
  size_t start = 0;
  // "12. " would start a CommonMark list and "12、…" (or "12.…") a Chinese-style list number;
  // the first digit is then written as a character reference, which reads back as the digit.
  size_t digits = 0;
  while (digits < line.size() && isAsciiDigit(line[digits])) ++digits;
  if (digits > 0 && digits < line.size()) {
    const std::string_view after = line.substr(digits);
    const size_t width = after[0] == '.' || after[0] == ')'                   ? 1
                         : after.starts_with("、") || after.starts_with("．") ? 3
                                                                              : 0;
    const std::string_view next = after.substr(std::min(width, after.size()));
    const bool list = (after[0] == '.' || after[0] == ')') && (next.empty() || next[0] == ' ');
    std::string_view text = next;
    while (text.starts_with(" ")) text.remove_prefix(1);
    const bool fullWidthDigit = text.size() >= 3 && text.starts_with("\xEF\xBC") &&
                                static_cast<unsigned char>(text[2]) >= 0x90 &&
                                static_cast<unsigned char>(text[2]) <= 0x99;
    const bool chinese = width > 0 && after[0] != ')' && digits <= 4 && !text.empty() &&
                         !isAsciiDigit(text[0]) && !fullWidthDigit;
    if (list || chinese) {
      out += "&#" + std::to_string(static_cast<int>(line[0])) + ";";
      start = 1;
    }
  }
  if (start == 0 && !line.empty() &&
      std::string_view("-+=~").find(line[0]) != std::string_view::npos) {
    out += '\\';
  }
  for (size_t i = start; i < line.size(); ++i) {
    const char c = line[i];
    if (std::string_view("\\`*_[]<>&#!").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// Lines after the first are joined by hard line breaks, indented to stay inside a list item.
std::string escapeText(std::string_view text, size_t indent) {
  std::string out;
  size_t start = 0;
  bool first = true;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (!first) out += "\\\n" + std::string(indent, ' ');
    out += escapeLine(utf8::trim(text.substr(start, end - start)));
    first = false;
    start = end + 1;
  }
  return out;
}

std::string oneLine(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '\n') c = ' ';
  }
  return utf8::trim(out);
}

void renderBlocks(const std::vector<OutlineBlock>& blocks, std::string& out) {
  int previousItem = -1;
  bool previousBullet = false;
  char delimiter = ')';
  for (const OutlineBlock& block : blocks) {
    const bool continues = block.kind == OutlineBlock::Kind::kItem && previousItem >= 0 &&
                           block.number == previousItem + 1;
    if (block.kind == OutlineBlock::Kind::kItem && !continues) {
      // A new list restarts the numbering only with the other delimiter: CommonMark would
      // otherwise merge it into the list above and renumber it.
      delimiter = delimiter == '.' ? ')' : '.';
    }
    // Items of one list stay together, so that a list reads as a tight one.
    const bool sameList =
        continues || (block.kind == OutlineBlock::Kind::kBullet && previousBullet);
    if (!sameList) out += '\n';
    previousBullet = block.kind == OutlineBlock::Kind::kBullet;
    switch (block.kind) {
      case OutlineBlock::Kind::kItem: {
        const std::string marker = std::to_string(block.number) + delimiter + ' ';
        out += marker + escapeText(block.text, marker.size()) + '\n';
        for (const std::string& nested : block.nested) {
          out += '\n' + std::string(marker.size(), ' ');
          if (nested.starts_with("- ")) {
            out += "- " + escapeText(nested.substr(2), marker.size() + 2) + '\n';
          } else {
            out += escapeText(nested, marker.size()) + '\n';
          }
        }
        previousItem = block.number;
        break;
      }
      case OutlineBlock::Kind::kBullet:
        out += "* " + escapeText(block.text, 2) + '\n';
        previousItem = -1;
        break;
      case OutlineBlock::Kind::kParagraph:
        out += escapeText(block.text, 0) + '\n';
        previousItem = -1;
        break;
    }
  }
}

void renderHeadingLine(std::string_view marks, const OutlineHeading& heading, std::string& out) {
  out += std::string(marks) + ' ' + heading.label;
  const std::string title = oneLine(heading.title);
  if (!title.empty()) out += ' ' + escapeLine(title);
  out += '\n';
}

// Characters that file systems or shells treat specially.
bool unsafeInFileName(char32_t cp) {
  return cp < 0x20 || std::u32string_view(U"/\\:*?\"<>|").find(cp) != std::u32string_view::npos;
}

}  // namespace

std::string renderIndex(const ManualOutline& outline) {
  std::string out = "# " + escapeLine(oneLine(outline.title)) + '\n';
  renderBlocks(outline.preface, out);
  return out;
}

std::string renderChapter(const OutlineChapter& chapter) {
  std::string out;
  renderHeadingLine("#", chapter.heading, out);
  renderBlocks(chapter.heading.blocks, out);
  for (const OutlineSection& section : chapter.sections) {
    out += '\n';
    renderHeadingLine("##", section.heading, out);
    // Right under the heading, before any block, so that the checker reads it as metadata.
    if (!section.meta.empty()) out += '\n';
    for (const std::string& line : section.meta) out += "- " + escapeLine(line) + '\n';
    renderBlocks(section.heading.blocks, out);
    for (const OutlineHeading& subsection : section.subsections) {
      out += '\n';
      renderHeadingLine("###", subsection, out);
      renderBlocks(subsection.blocks, out);
    }
  }
  return out;
}

std::string chapterFileName(const OutlineChapter& chapter, size_t position, size_t count) {
  const size_t width = std::max<size_t>(2, std::to_string(count).size());
  std::string number = std::to_string(position);
  number.insert(0, width - number.size(), '0');
  const std::string source =
      chapter.heading.title.empty() ? chapter.heading.label : oneLine(chapter.heading.title);
  std::string name;
  size_t pos = 0;
  size_t chars = 0;
  while (pos < source.size() && chars < kMaxFileTitleChars) {
    const char32_t cp = utf8::decode(source, pos);
    if (unsafeInFileName(cp)) continue;
    utf8::append(name, cp == U' ' ? U'-' : cp);
    ++chars;
  }
  return number + "-" + name + ".md";
}

void writeManual(const ManualOutline& outline, const std::filesystem::path& folder) {
  auto write = [&](const std::string& name, const std::string& text) {
    const std::filesystem::path path = folder / name;
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file << text;
    file.close();
    if (!file) {
      throw std::filesystem::filesystem_error("无法写入文件", path,
                                              std::make_error_code(std::errc::io_error));
    }
  };
  write("index.md", renderIndex(outline));
  for (size_t i = 0; i < outline.chapters.size(); ++i) {
    write(chapterFileName(outline.chapters[i], i + 1, outline.chapters.size()),
          renderChapter(outline.chapters[i]));
  }
}

}  // namespace dutydesk
