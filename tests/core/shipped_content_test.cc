// The manuals the project ships must load with no error and no warning.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "core/content_loader.h"
#include "manual_test_support.h"

TEST_CASE("the shipped content/ loads with 0 errors and 0 warnings") {
  const std::filesystem::path content = std::filesystem::path(DUTYDESK_SOURCE_DIR) / "content";
  const dutydesk::Library library = dutydesk::loadLibrary({content});
  // On failure, the diagnostics are shown as `dutydesk check content` prints them.
  INFO(dutydesk::testing::formatted(library.diagnostics));
  CHECK(library.diagnostics.errorCount() == 0);
  CHECK(library.diagnostics.warningCount() == 0);
  for (const char* id : {"wuye-gangwei", "yingji-zhize"}) {
    INFO("manual " << id);
    const dutydesk::Manual* manual = library.find(id);
    REQUIRE(manual);
    CHECK_FALSE(manual->title.empty());
    CHECK_FALSE(manual->chapters.empty());
    CHECK_FALSE(manual->positions.empty());
    CHECK_FALSE(manual->clauses.empty());
  }
}
