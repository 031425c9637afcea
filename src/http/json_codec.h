// The JSON shapes of interface.md (and our additions to them), built from core results.
// Shared by `dutydesk search --json` and the HTTP API so the two can never disagree.
#pragma once

#include <nlohmann/json.hpp>

#include "core/index_snapshot.h"
#include "core/search_result.h"

namespace dutydesk::json_codec {

nlohmann::json searchResult(const SearchResult& result);

// GET /api/manuals
nlohmann::json manualList(const IndexSnapshot& snapshot);
// GET /api/manuals/{manual}
nlohmann::json manualDetail(const Manual& manual);
// GET /api/positions/{manual}/{name}; other manuals' sections of the same job are included.
nlohmann::json positionDetail(const IndexSnapshot& snapshot, const Manual& manual,
                              const Position& position);
// GET /api/sections/{manual}/{number}: a section's clauses in order, each as clauseDetail.
nlohmann::json sectionDetail(const Manual& manual, size_t chapter, size_t section);
// GET /api/clauses/{manual}/{address}
nlohmann::json clauseDetail(const Manual& manual, const Clause& clause);

// Permalinks, percent-encoded: /c/{manual}/{address} and /p/{manual}/{name}.
std::string clauseLink(const Manual& manual, const Clause& clause);
std::string positionLink(const Manual& manual, const Position& position);
std::string percentEncode(std::string_view segment);

}  // namespace dutydesk::json_codec
