#include "core/clause_address.h"

#include <doctest/doctest.h>

#include <string>

using dutydesk::ClauseAddress;

TEST_CASE("a clause address and its cite") {
  using Kind = ClauseAddress::Kind;
  const struct {
    std::string heading;
    int ordinal;
    Kind kind;
    std::string label;
    std::string str;
    std::string cite;
  } cases[] = {
      {"3.1.2", 7, Kind::kItem, "3.1.2", "3.1.2.7", "3.1.2 第7条"},
      {"3.1.1", 1, Kind::kParagraph, "3.1.1", "3.1.1.p1", "3.1.1 第1段"},
      {"3.1", 12, Kind::kItem, "3.1", "3.1.12", "3.1 第12条"},
      {"3", 2, Kind::kParagraph, "第三章", "3.p2", "第三章 第2段"},
      {"前言", 1, Kind::kParagraph, "前言", "前言.p1", "前言 第1段"},
      {"前言", 3, Kind::kItem, "前言", "前言.3", "前言 第3条"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.str);
    const ClauseAddress address{c.heading, c.ordinal, c.kind};
    CHECK(address.str() == c.str);
    CHECK(address.cite(c.label) == c.cite);
  }
}
