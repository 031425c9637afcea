// Helpers for the tests of the manual format: a manual parsed from strings, diagnostics and
// addresses as text (doctest prints strings on failure, not vectors), files written byte for byte.
// Temporary folders, fixtures and the program's path come from the shared test_support.h.
#pragma once

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostics.h"
#include "core/manual.h"
#include "core/manual_parser.h"
#include "test_support.h"

namespace dutydesk::testing {

inline std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

// Markdown from its lines, one element a line, so that line N of the text is element N.
inline std::string md(std::initializer_list<std::string_view> lines) {
  std::string out;
  for (std::string_view line : lines) {
    out += line;
    out += '\n';
  }
  return out;
}

// Every diagnostic as `check` prints it, sorted, one a line.
inline std::string formatted(const Diagnostics& diagnostics) {
  std::vector<std::string> lines;
  for (const Diagnostic& diagnostic : diagnostics.sorted()) lines.push_back(diagnostic.format());
  return join(lines, "\n");
}

// The manual's clause addresses in manual order, separated by spaces.
inline std::string addresses(const Manual& manual) {
  std::vector<std::string> out;
  for (const Clause& clause : manual.clauses) out.push_back(clause.address.str());
  return join(out, " ");
}

struct Parsed {
  Manual manual;
  Diagnostics diagnostics;

  std::string messages() const { return formatted(diagnostics); }
  // The clause at `address`; fails the test when there is none.
  const Clause& clause(std::string_view address) const {
    const Clause* found = manual.findClause(address);
    if (!found) throw std::runtime_error("no clause " + std::string(address));
    return *found;
  }
};

struct File {
  std::string name;
  std::string text;
};

// One manual from its files' text, as ContentLoader would give them to the parser (display
// prefix empty, as for a manual folder named directly).
inline Parsed parse(const std::vector<File>& chapters, std::string_view index = "# 测试手册\n") {
  Parsed parsed;
  ManualParser parser("test", "", parsed.diagnostics);
  parser.parseIndex("index.md", index);
  for (const File& chapter : chapters) parser.parseChapter(chapter.name, chapter.text);
  parsed.manual = parser.finish();
  return parsed;
}

inline Parsed parseChapter(std::string_view text) {
  return parse({{"01-测试.md", std::string(text)}});
}

// Writes `bytes` to `file` exactly as given, creating its folders.
inline void writeFile(const std::filesystem::path& file, std::string_view bytes) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

}  // namespace dutydesk::testing
