// Why a file cannot be imported: unreadable, unsupported or unsafe. Its message is shown to the
// user as it is, so it says what the file is and what to do.
#pragma once

#include <stdexcept>
#include <string>

namespace dutydesk {

class ImportError : public std::runtime_error {
 public:
  explicit ImportError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace dutydesk
