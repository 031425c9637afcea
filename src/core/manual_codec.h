// The manual model as a string, so that an index carries the manuals it was built from and a
// server needs nothing but the index. An internal storage format, versioned by the schema.
#pragma once

#include <string>
#include <string_view>

#include "core/manual.h"

namespace dutydesk {

std::string encodeManual(const Manual& manual);

// Throws std::runtime_error when the text is not an encoded manual.
Manual decodeManual(std::string_view text);

}  // namespace dutydesk
