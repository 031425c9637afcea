// Finds and reads manuals on disk: a content folder holds one manual or several.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/manual.h"

namespace dutydesk {

struct Library {
  std::vector<Manual> manuals;  // in the order the folders were given, then by id
  Diagnostics diagnostics;

  const Manual* find(std::string_view id) const;
};

// Loads every manual under each folder. A folder holding index.md is one manual; otherwise each
// subfolder holding index.md is. Diagnostics name files relative to the folder given.
// Problems with the files themselves (unreadable, not UTF-8, missing) are diagnostics too;
// the returned manuals are usable only when !diagnostics.hasErrors().
Library loadLibrary(const std::vector<std::filesystem::path>& folders);

}  // namespace dutydesk
