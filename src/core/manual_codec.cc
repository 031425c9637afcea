#include "core/manual_codec.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace dutydesk {

using nlohmann::json;

namespace {

json encodeHeading(const Heading& heading) {
  return {heading.number, heading.label, heading.title, heading.line};
}

Heading decodeHeading(const json& j) {
  return Heading{j.at(0).get<std::string>(), j.at(1).get<std::string>(), j.at(2).get<std::string>(),
                 j.at(3).get<int>()};
}

json optionalIndex(const std::optional<size_t>& index) {
  return index ? json(*index) : json(nullptr);
}

std::optional<size_t> decodeIndex(const json& j) {
  if (j.is_null()) return std::nullopt;
  return j.get<size_t>();
}

// Indices come from disk: check them before anything dereferences them.
void validate(const Manual& manual) {
  const auto check = [](bool ok) {
    if (!ok) throw std::runtime_error("stored manual is damaged: an index is out of range");
  };
  for (const Chapter& chapter : manual.chapters) {
    for (const Section& section : chapter.sections) {
      check(!section.position || *section.position < manual.positions.size());
    }
  }
  for (const Position& position : manual.positions) {
    check(!position.names.empty());
    for (const auto& place : position.places) {
      check(place.chapter < manual.chapters.size() &&
            place.section < manual.chapters[place.chapter].sections.size());
    }
  }
  for (const Clause& clause : manual.clauses) {
    check(!clause.section || clause.chapter);
    check(!clause.subsection || clause.section);
    if (!clause.chapter) continue;
    check(*clause.chapter < manual.chapters.size());
    const Chapter& chapter = manual.chapters[*clause.chapter];
    if (!clause.section) continue;
    check(*clause.section < chapter.sections.size());
    check(!clause.subsection ||
          *clause.subsection < chapter.sections[*clause.section].subsections.size());
  }
}

}  // namespace

std::string encodeManual(const Manual& manual) {
  json chapters = json::array();
  for (const Chapter& chapter : manual.chapters) {
    json sections = json::array();
    for (const Section& section : chapter.sections) {
      json subsections = json::array();
      for (const Subsection& subsection : section.subsections) {
        subsections.push_back(encodeHeading(subsection.heading));
      }
      sections.push_back({{"h", encodeHeading(section.heading)},
                          {"s", subsections},
                          {"p", optionalIndex(section.position)}});
    }
    chapters.push_back(
        {{"h", encodeHeading(chapter.heading)}, {"f", chapter.file}, {"s", sections}});
  }
  json positions = json::array();
  for (const Position& position : manual.positions) {
    json places = json::array();
    for (const auto& place : position.places) places.push_back({place.chapter, place.section});
    positions.push_back({{"n", position.names},
                         {"note", position.note},
                         {"d", position.department ? json(*position.department) : json(nullptr)},
                         {"up", position.superiors},
                         {"down", position.subordinates},
                         {"at", places},
                         {"f", position.file},
                         {"l", position.line}});
  }
  json clauses = json::array();
  for (const Clause& clause : manual.clauses) {
    clauses.push_back({{"a",
                        {clause.address.heading, clause.address.ordinal,
                         clause.address.kind == ClauseAddress::Kind::kParagraph}},
                       {"c", clause.cite},
                       {"t", clause.text},
                       {"h", clause.html},
                       {"l", clause.line},
                       {"in",
                        {optionalIndex(clause.chapter), optionalIndex(clause.section),
                         optionalIndex(clause.subsection)}}});
  }
  const json out = {{"id", manual.id},         {"title", manual.title},
                    {"folder", manual.folder}, {"preface", encodeHeading(manual.preface)},
                    {"chapters", chapters},    {"positions", positions},
                    {"clauses", clauses}};
  return out.dump();
}

Manual decodeManual(std::string_view text) {
  try {
    const json in = json::parse(text);
    Manual manual;
    manual.id = in.at("id").get<std::string>();
    manual.title = in.at("title").get<std::string>();
    manual.folder = in.at("folder").get<std::string>();
    manual.preface = decodeHeading(in.at("preface"));
    for (const json& c : in.at("chapters")) {
      Chapter chapter;
      chapter.heading = decodeHeading(c.at("h"));
      chapter.file = c.at("f").get<std::string>();
      for (const json& s : c.at("s")) {
        Section section;
        section.heading = decodeHeading(s.at("h"));
        for (const json& sub : s.at("s")) section.subsections.push_back({decodeHeading(sub)});
        section.position = decodeIndex(s.at("p"));
        chapter.sections.push_back(std::move(section));
      }
      manual.chapters.push_back(std::move(chapter));
    }
    for (const json& p : in.at("positions")) {
      Position position;
      position.names = p.at("n").get<std::vector<std::string>>();
      position.note = p.at("note").get<std::string>();
      if (!p.at("d").is_null()) position.department = p.at("d").get<std::string>();
      position.superiors = p.at("up").get<std::vector<std::string>>();
      position.subordinates = p.at("down").get<std::vector<std::string>>();
      for (const json& place : p.at("at")) {
        position.places.push_back({place.at(0).get<size_t>(), place.at(1).get<size_t>()});
      }
      position.file = p.at("f").get<std::string>();
      position.line = p.at("l").get<int>();
      manual.positions.push_back(std::move(position));
    }
    for (const json& c : in.at("clauses")) {
      Clause clause;
      const json& address = c.at("a");
      clause.address.heading = address.at(0).get<std::string>();
      clause.address.ordinal = address.at(1).get<int>();
      clause.address.kind =
          address.at(2).get<bool>() ? ClauseAddress::Kind::kParagraph : ClauseAddress::Kind::kItem;
      clause.cite = c.at("c").get<std::string>();
      clause.text = c.at("t").get<std::string>();
      clause.html = c.at("h").get<std::string>();
      clause.line = c.at("l").get<int>();
      const json& in = c.at("in");
      clause.chapter = decodeIndex(in.at(0));
      clause.section = decodeIndex(in.at(1));
      clause.subsection = decodeIndex(in.at(2));
      manual.clauses.push_back(std::move(clause));
    }
    validate(manual);
    manual.finish();
    return manual;
  } catch (const json::exception& e) {
    throw std::runtime_error(std::string("stored manual is damaged: ") + e.what());
  }
}

}  // namespace dutydesk
