// Writes an outline as a manual folder in our format (content-format.md): index.md with the
// title and preface, then one "NN-章名.md" file a chapter. Every text is escaped so that
// CommonMark reads back exactly the text that was imported, and every ordered list starts at its
// own number, so each item keeps the address the manual gave it.
#pragma once

#include <filesystem>
#include <string>

#include "import/manual_outline.h"

namespace dutydesk {

std::string renderIndex(const ManualOutline& outline);
std::string renderChapter(const OutlineChapter& chapter);
// "03-客户服务部岗位职责.md": the position keeps byte order equal to chapter order.
std::string chapterFileName(const OutlineChapter& chapter, size_t position, size_t count);

// Writes every file into `folder`, which must exist. Throws std::filesystem::filesystem_error
// when a file cannot be written.
void writeManual(const ManualOutline& outline, const std::filesystem::path& folder);

}  // namespace dutydesk
