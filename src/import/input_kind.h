// What kind of file the user gave: decided from its first bytes, not trusted from its name, so a
// renamed .doc or a PDF is refused with a message that says what it really is.
#pragma once

#include <filesystem>
#include <string_view>

namespace dutydesk {

enum class InputKind { kDocx, kText };

// `bytes` is the whole file. Throws ImportError for anything that is neither a zip package
// (read further as .docx) nor a file named .txt.
InputKind detectInputKind(const std::filesystem::path& path, std::string_view bytes);

}  // namespace dutydesk
