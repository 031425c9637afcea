#include "http/json_codec.h"

#include <cmath>
#include <map>

namespace dutydesk::json_codec {

using nlohmann::json;

namespace {

// Scores are rankings, not measurements: three decimals say all they can.
double rounded(double score) {
  return std::round(score * 1000) / 1000;
}

json orNull(const std::optional<std::string>& value) {
  return value ? json(*value) : json(nullptr);
}

json positionName(const Position* position) {
  return position ? json(position->canonical()) : json(nullptr);
}

json department(const Position* position) {
  return position ? orNull(position->department) : json(nullptr);
}

// A position's names after the canonical one.
json aliases(const Position& position) {
  return std::vector<std::string>(position.names.begin() + 1, position.names.end());
}

json counts(const Manual& manual) {
  return {{"chapters", manual.chapters.size()},
          {"positions", manual.positions.size()},
          {"clauses", manual.clauses.size()}};
}

json clauseSummary(const Manual& manual, const Clause& clause) {
  return {{"address", clause.address.str()},
          {"cite", clause.cite},
          {"text", clause.text},
          {"html", clause.html},
          {"url", clauseLink(manual, clause)}};
}

// A position's sections in one manual: chapter, heading, and clauses grouped by subsection.
json positionPlaces(const Manual& manual, const Position& position) {
  json places = json::array();
  for (const auto& place : position.places) {
    const Chapter& chapter = manual.chapters[place.chapter];
    const Section& section = chapter.sections[place.section];
    std::vector<json> groups(section.subsections.size() + 1, json::array());
    for (size_t index : manual.clausesOfSection(place.chapter, place.section)) {
      const Clause& clause = manual.clauses[index];
      groups[clause.subsection ? *clause.subsection + 1 : 0].push_back(
          clauseSummary(manual, clause));
    }
    json subsections = json::array();
    if (!groups[0].empty()) {
      subsections.push_back({{"heading", section.heading.display()}, {"clauses", groups[0]}});
    }
    for (size_t i = 0; i < section.subsections.size(); ++i) {
      subsections.push_back({{"heading", section.subsections[i].heading.display()},
                             {"title", section.subsections[i].heading.title},
                             {"clauses", groups[i + 1]}});
    }
    places.push_back({{"chapter", chapter.heading.display()},
                      {"section", section.heading.display()},
                      {"subsections", subsections}});
  }
  return places;
}

}  // namespace

std::string percentEncode(std::string_view segment) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : segment) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string clauseLink(const Manual& manual, const Clause& clause) {
  return "/c/" + percentEncode(manual.id) + "/" + percentEncode(clause.address.str());
}

std::string positionLink(const Manual& manual, const Position& position) {
  return "/p/" + percentEncode(manual.id) + "/" + percentEncode(position.canonical());
}

json searchResult(const SearchResult& result) {
  json answers = json::array();
  for (const Answer& answer : result.answers) {
    json addresses = json::array();
    for (const Clause* clause : answer.clauses) addresses.push_back(clause->address.str());
    json item = {{"manual", answer.manual->id},
                 {"position", answer.position->canonical()},
                 {"department", department(answer.position)},
                 {"score", rounded(answer.score)},
                 {"url", positionLink(*answer.manual, *answer.position)}};
    item["clauses"] = std::move(addresses);
    if (!answer.relation.empty()) {
      item["relation"] = answer.relation;
      item["relation_of"] = answer.relationOf;
    }
    answers.push_back(std::move(item));
  }
  json hits = json::array();
  for (const Hit& hit : result.hits) {
    const Position* position = hit.manual->positionOf(*hit.clause);
    const Chapter* chapter = hit.manual->chapterOf(*hit.clause);
    hits.push_back({{"manual", hit.manual->id},
                    {"address", hit.clause->address.str()},
                    {"cite", hit.clause->cite},
                    {"position", positionName(position)},
                    {"department", department(position)},
                    {"heading", hit.manual->headingOf(*hit.clause).display()},
                    {"chapter", chapter ? json(chapter->heading.display()) : json(nullptr)},
                    {"text", hit.clause->text},
                    {"snippet", hit.snippet},
                    {"score", rounded(hit.score)},
                    {"url", clauseLink(*hit.manual, *hit.clause)}});
  }
  // Moved in, not listed in braces: an initializer list copies every answer and hit once more.
  json soundAlikes = json::array();
  for (const SoundAlike& alike : result.soundAlikes) {
    soundAlikes.push_back({{"typed", alike.typed}, {"words", alike.words}});
  }
  json events = json::array();
  for (const NamedEvent& event : result.events) {
    const Heading& keyPoints = event.keyPoints->heading;
    events.push_back({{"manual", event.manual->id},
                      {"chapter", event.chapter->heading.display()},
                      {"section", keyPoints.number},
                      {"title", keyPoints.title},
                      {"url", "/?m=" + percentEncode(event.manual->id) +
                                  "&s=" + percentEncode(keyPoints.number)}});
  }
  json out = {{"query", result.query}, {"total", result.total}, {"contenders", result.contenders}};
  out["sound_alikes"] = std::move(soundAlikes);
  out["events"] = std::move(events);
  out["answers"] = std::move(answers);
  out["hits"] = std::move(hits);
  return out;
}

json manualList(const IndexSnapshot& snapshot) {
  json manuals = json::array();
  for (const Manual& manual : snapshot.manuals()) {
    manuals.push_back({{"id", manual.id}, {"title", manual.title}, {"counts", counts(manual)}});
  }
  return {{"manuals", manuals}};
}

json manualDetail(const Manual& manual) {
  json preface = json::array();
  for (const Clause& clause : manual.clauses) {
    if (!clause.chapter) preface.push_back(clauseSummary(manual, clause));
  }
  json chapters = json::array();
  for (const Chapter& chapter : manual.chapters) {
    json sections = json::array();
    for (const Section& section : chapter.sections) {
      sections.push_back(
          {{"number", section.heading.number},
           {"title", section.heading.title},
           {"position", section.position ? json(manual.positions[*section.position].canonical())
                                         : json(nullptr)}});
    }
    chapters.push_back({{"number", chapter.heading.number},
                        {"label", chapter.heading.label},
                        {"title", chapter.heading.title},
                        {"sections", sections}});
  }
  json positions = json::array();
  std::map<std::string, json> departments;
  std::vector<std::string> departmentOrder;
  for (const Position& position : manual.positions) {
    positions.push_back({{"name", position.canonical()},
                         {"aliases", aliases(position)},
                         {"note", position.note},
                         {"department", orNull(position.department)},
                         {"superiors", position.superiors},
                         {"subordinates", position.subordinates},
                         {"url", positionLink(manual, position)}});
    if (!position.department) continue;
    if (!departments.contains(*position.department))
      departmentOrder.push_back(*position.department);
    departments[*position.department].push_back(position.canonical());
  }
  json departmentList = json::array();
  for (const std::string& name : departmentOrder) {
    departmentList.push_back({{"name", name}, {"positions", departments[name]}});
  }
  return {{"id", manual.id},       {"title", manual.title}, {"counts", counts(manual)},
          {"preface", preface},    {"chapters", chapters},  {"departments", departmentList},
          {"positions", positions}};
}

json positionDetail(const IndexSnapshot& snapshot, const Manual& manual, const Position& position) {
  json elsewhere = json::array();
  for (const Manual& other : snapshot.manuals()) {
    if (&other == &manual) continue;
    if (const Position* same = other.findPosition(position.canonical())) {
      elsewhere.push_back({{"manual", other.id},
                           {"title", other.title},
                           {"department", orNull(same->department)},
                           {"url", positionLink(other, *same)},
                           {"places", positionPlaces(other, *same)}});
    }
  }
  return {{"manual", manual.id},
          {"manual_title", manual.title},
          {"name", position.canonical()},
          {"aliases", aliases(position)},
          {"note", position.note},
          {"department", orNull(position.department)},
          {"superiors", position.superiors},
          {"subordinates", position.subordinates},
          {"url", positionLink(manual, position)},
          {"places", positionPlaces(manual, position)},
          {"elsewhere", elsewhere}};
}

json sectionDetail(const Manual& manual, size_t chapter, size_t section) {
  const Section& s = manual.chapters[chapter].sections[section];
  json clauses = json::array();
  for (size_t index : manual.clausesOfSection(chapter, section)) {
    clauses.push_back(clauseDetail(manual, manual.clauses[index]));
  }
  return {
      {"manual", manual.id},
      {"manual_title", manual.title},
      {"number", s.heading.number},
      {"title", s.heading.title},
      {"chapter", manual.chapters[chapter].heading.display()},
      {"position", s.position ? json(manual.positions[*s.position].canonical()) : json(nullptr)},
      {"clauses", clauses}};
}

json clauseDetail(const Manual& manual, const Clause& clause) {
  const Position* position = manual.positionOf(clause);
  const Chapter* chapter = manual.chapterOf(clause);
  const size_t index = static_cast<size_t>(&clause - manual.clauses.data());
  const auto neighbour = [&](size_t at) {
    return at < manual.clauses.size() ? json(manual.clauses[at].address.str()) : json(nullptr);
  };
  return {{"manual", manual.id},
          {"manual_title", manual.title},
          {"address", clause.address.str()},
          {"cite", clause.cite},
          {"text", clause.text},
          {"html", clause.html},
          {"position", positionName(position)},
          {"department", department(position)},
          {"position_url", position ? json(positionLink(manual, *position)) : json(nullptr)},
          {"heading", manual.headingOf(clause).display()},
          {"chapter", chapter ? json(chapter->heading.display()) : json(nullptr)},
          {"url", clauseLink(manual, clause)},
          {"previous", index > 0 ? neighbour(index - 1) : json(nullptr)},
          {"next", neighbour(index + 1)}};
}

}  // namespace dutydesk::json_codec
