#include "core/content_loader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include "core/manual_parser.h"
#include "core/utf8.h"

namespace dutydesk {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kIndexFile = "index.md";

// Reads a whole file; on failure returns nullopt and says why in `why`.
std::optional<std::string> readFile(const fs::path& path, std::string& why) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    why = std::strerror(errno);
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    why = std::strerror(errno);
    return std::nullopt;
  }
  return std::move(buffer).str();
}

bool isChapterFile(const fs::directory_entry& entry) {
  const std::string name = entry.path().filename().string();
  if (name.empty() || name.front() == '_' || name.front() == '.') return false;
  if (name == kIndexFile || entry.path().extension() != ".md") return false;
  std::error_code ec;
  return entry.is_regular_file(ec) || entry.is_symlink(ec);
}

Manual loadManual(const fs::path& folder, const std::string& displayPrefix,
                  Diagnostics& diagnostics) {
  const std::string id = folder.filename().string();
  ManualParser parser(id, displayPrefix, diagnostics);
  const auto parseFile = [&](const fs::path& path, bool isIndex) {
    const std::string name = path.filename().string();
    std::string why;
    const auto bytes = readFile(path, why);
    if (!bytes) {
      parser.reportError(name, 0, "无法读取文件：" + why);
      return;
    }
    const std::string_view text = utf8::stripBom(*bytes);
    if (const auto bad = utf8::firstInvalidLine(text)) {
      parser.reportError(name, *bad, "文件不是 UTF-8 编码；请用 UTF-8 另存（可含 BOM）");
      return;
    }
    if (isIndex) {
      parser.parseIndex(name, text);
    } else {
      parser.parseChapter(name, text);
    }
  };
  parseFile(folder / kIndexFile, true);
  std::vector<fs::path> chapters;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (isChapterFile(entry)) chapters.push_back(entry.path());
  }
  if (ec) parser.reportError("", 0, "无法列出文件夹内容：" + ec.message());
  // Byte order of the file name, as content-format.md says; fs::path compares differently.
  std::sort(chapters.begin(), chapters.end(), [](const fs::path& a, const fs::path& b) {
    return a.filename().string() < b.filename().string();
  });
  for (const fs::path& chapter : chapters) parseFile(chapter, false);
  Manual manual = parser.finish();
  manual.folder = folder.string();
  return manual;
}

}  // namespace

const Manual* Library::find(std::string_view id) const {
  for (const Manual& manual : manuals) {
    if (manual.id == id) return &manual;
  }
  return nullptr;
}

Library loadLibrary(const std::vector<fs::path>& folders) {
  Library library;
  std::set<std::string> ids;
  for (const fs::path& given : folders) {
    std::error_code ec;
    const std::string shown = given.string();
    if (!fs::is_directory(given, ec)) {
      library.diagnostics.error(shown, 0,
                                "不是文件夹或无法访问；请给出手册文件夹或包含手册的文件夹");
      continue;
    }
    std::vector<std::pair<fs::path, std::string>> found;  // folder, display prefix
    const fs::path absolute = fs::absolute(given, ec).lexically_normal();
    if (fs::exists(given / kIndexFile, ec)) {
      found.emplace_back(absolute.has_filename() ? absolute : absolute.parent_path(), "");
    } else {
      for (const auto& entry : fs::directory_iterator(given, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.front() == '_' || name.front() == '.' || !entry.is_directory(ec)) continue;
        if (fs::exists(entry.path() / kIndexFile, ec)) found.emplace_back(entry.path(), name + "/");
      }
      std::sort(found.begin(), found.end());
    }
    if (found.empty()) {
      library.diagnostics.error(shown, 0,
                                "这里没有手册：手册文件夹应含 index.md（以「# 手册名称」开头）");
      continue;
    }
    for (const auto& [folder, prefix] : found) {
      Manual manual = loadManual(folder, prefix, library.diagnostics);
      if (!ids.insert(manual.id).second) {
        library.diagnostics.error(prefix + std::string(kIndexFile), 0,
                                  "手册编号「" + manual.id + "」重复；每本手册的文件夹名必须不同");
        continue;
      }
      library.manuals.push_back(std::move(manual));
    }
  }
  return library;
}

}  // namespace dutydesk
