// Runs the importer on a generated fixture and reads the result back with the real loader.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/content_loader.h"

namespace dutydesk::test {

struct ImportRun {
  int code = -1;
  std::string out;  // the report
  std::string err;
  std::filesystem::path folder;  // where the manual was written
};

// A fresh, empty folder for this test program, removed when the program ends.
std::filesystem::path scratchFolder(const std::string& name);

std::filesystem::path fixture(const std::string& name);

// `dutydesk import --out OUT FILE` with `extra` arguments before FILE. OUT is a new scratch
// folder named after the file unless given.
ImportRun importFile(const std::filesystem::path& file, const std::vector<std::string>& extra = {},
                     const std::optional<std::filesystem::path>& out = std::nullopt);

// Every clause as (address, text), in manual order.
std::vector<std::pair<std::string, std::string>> clausesOf(const Manual& manual);

// Every heading as "label title", chapters, sections and subsections in order.
std::vector<std::string> headingsOf(const Manual& manual);

}  // namespace dutydesk::test
