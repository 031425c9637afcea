#include "core/clause_address.h"

namespace dutydesk {

std::string ClauseAddress::str() const {
  std::string out = heading;
  out += '.';
  if (kind == Kind::kParagraph) out += 'p';
  out += std::to_string(ordinal);
  return out;
}

std::string ClauseAddress::cite(std::string_view headingLabel) const {
  std::string out(headingLabel);
  out += " 第";
  out += std::to_string(ordinal);
  out += kind == Kind::kItem ? "条" : "段";
  return out;
}

}  // namespace dutydesk
