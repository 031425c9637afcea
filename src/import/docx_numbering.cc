#include "import/docx_numbering.h"

#include "import/list_number_format.h"

namespace dutydesk {

namespace {

// numStyleLink chains longer than this are circular.
constexpr int kMaxLinks = 8;

bool validLevel(int ilvl) {
  return ilvl >= 0 && ilvl < DocxNumbering::kLevels;
}

}  // namespace

DocxNumbering::Level DocxNumbering::parseLevel(pugi::xml_node lvl, const WordNames& w) const {
  Level level;
  level.start = w.childInt(lvl, "start").value_or(0);
  if (const auto format = w.childVal(lvl, "numFmt")) level.format = std::string(*format);
  if (const auto text = w.childVal(lvl, "lvlText")) level.text = std::string(*text);
  level.restart = w.childInt(lvl, "lvlRestart");
  level.legal = w.toggle(lvl, "isLgl").value_or(false);
  if (const auto suffix = w.childVal(lvl, "suff")) {
    level.suffix = *suffix == "space" ? " " : *suffix == "nothing" ? "" : "\t";
  }
  level.style = std::string(w.childVal(lvl, "pStyle").value_or(""));
  return level;
}

DocxNumbering::DocxNumbering(pugi::xml_node root, const WordNames& w, const DocxStyles& styles)
    : styles_(&styles) {
  for (pugi::xml_node node = root.first_child(); node; node = node.next_sibling()) {
    if (w.is(node, "abstractNum")) {
      const auto id = toInt(w.attribute(node, "abstractNumId").value());
      if (!id) continue;
      Abstract abstract;
      abstract.numStyleLink = std::string(w.childVal(node, "numStyleLink").value_or(""));
      for (pugi::xml_node lvl = node.first_child(); lvl; lvl = lvl.next_sibling()) {
        if (!w.is(lvl, "lvl")) continue;
        const auto ilvl = toInt(w.attribute(lvl, "ilvl").value());
        if (ilvl && validLevel(*ilvl))
          abstract.levels[static_cast<size_t>(*ilvl)] = parseLevel(lvl, w);
      }
      abstracts_[*id] = std::move(abstract);
    } else if (w.is(node, "num")) {
      const auto id = toInt(w.attribute(node, "numId").value());
      const auto abstractId = w.childInt(node, "abstractNumId");
      if (!id || !abstractId) continue;
      Num num;
      num.abstractId = *abstractId;
      for (pugi::xml_node override = node.first_child(); override;
           override = override.next_sibling()) {
        if (!w.is(override, "lvlOverride")) continue;
        const auto ilvl = toInt(w.attribute(override, "ilvl").value());
        if (!ilvl || !validLevel(*ilvl)) continue;
        if (const auto start = w.childInt(override, "startOverride")) {
          num.startOverride[*ilvl] = *start;
        }
        if (const pugi::xml_node lvl = w.child(override, "lvl")) {
          num.levelOverride[*ilvl] = parseLevel(lvl, w);
        }
      }
      nums_[*id] = std::move(num);
    }
  }
}

std::optional<int> DocxNumbering::definitionOf(int numId) const {
  auto num = nums_.find(numId);
  if (num == nums_.end()) return std::nullopt;
  int abstractId = num->second.abstractId;
  for (int hop = 0; hop < kMaxLinks; ++hop) {
    const auto abstract = abstracts_.find(abstractId);
    if (abstract == abstracts_.end()) return std::nullopt;
    if (abstract->second.numStyleLink.empty() || !styles_) return abstractId;
    const auto linkedNumId = styles_->numbering(abstract->second.numStyleLink).numId;
    if (!linkedNumId) return abstractId;
    num = nums_.find(*linkedNumId);
    if (num == nums_.end()) return abstractId;
    abstractId = num->second.abstractId;
  }
  return std::nullopt;
}

const DocxNumbering::Level* DocxNumbering::levelOf(const Num& num, int abstractId, int ilvl) const {
  if (const auto it = num.levelOverride.find(ilvl); it != num.levelOverride.end())
    return &it->second;
  const auto abstract = abstracts_.find(abstractId);
  if (abstract == abstracts_.end()) return nullptr;
  const auto& level = abstract->second.levels[static_cast<size_t>(ilvl)];
  return level ? &*level : nullptr;
}

int DocxNumbering::startOf(const Num& num, int abstractId, int ilvl) const {
  if (const auto it = num.startOverride.find(ilvl); it != num.startOverride.end())
    return it->second;
  const Level* level = levelOf(num, abstractId, ilvl);
  return level ? level->start : 0;
}

int DocxNumbering::levelOfStyle(int numId, std::string_view styleId) const {
  const auto abstractId = definitionOf(numId);
  if (!abstractId || styleId.empty()) return 0;
  const Abstract& abstract = abstracts_.at(*abstractId);
  for (int ilvl = 0; ilvl < kLevels; ++ilvl) {
    const auto& level = abstract.levels[static_cast<size_t>(ilvl)];
    if (level && level->style == styleId) return ilvl;
  }
  return 0;
}

std::string DocxNumbering::render(const Level& level, int value, bool legal) {
  const std::string format = legal ? "decimal" : level.format;
  if (auto text = formatListNumber(value, format)) return *text;
  unknownFormats_.insert(format);
  return std::to_string(value);
}

std::optional<ListLabel> DocxNumbering::next(int numId, int ilvl) {
  if (numId == 0 || !validLevel(ilvl)) return std::nullopt;
  const auto abstractId = definitionOf(numId);
  if (!abstractId) return std::nullopt;
  const Num& num = nums_.at(numId);
  const Level* level = levelOf(num, *abstractId, ilvl);
  if (!level) return std::nullopt;
  Counters& counters = counters_[*abstractId];
  // A w:num that overrides a start restarts those levels where it is first used.
  if (usedNums_.insert(numId).second) {
    for (const auto& [overridden, start] : num.startOverride) {
      counters.value[static_cast<size_t>(overridden)].reset();
    }
  }
  auto& own = counters.value[static_cast<size_t>(ilvl)];
  own = own ? *own + 1 : startOf(num, *abstractId, ilvl);
  for (int deeper = ilvl + 1; deeper < kLevels; ++deeper) {
    const Level* deeperLevel = levelOf(num, *abstractId, deeper);
    // Absent w:lvlRestart means restart after any higher level, i.e. after level `deeper`.
    const int restartAfter = deeperLevel && deeperLevel->restart ? *deeperLevel->restart : deeper;
    if (restartAfter != 0 && ilvl < restartAfter)
      counters.value[static_cast<size_t>(deeper)].reset();
  }

  ListLabel label;
  label.value = *own;
  label.format = level->format;
  label.level = ilvl;
  if (level->format == "bullet") {
    label.bullet = true;
    return label;
  }
  if (!level->text) return std::nullopt;
  const std::string& pattern = *level->text;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' &&
        pattern[i + 1] <= '9') {
      const int shown = pattern[i + 1] - '1';
      const Level* shownLevel = levelOf(num, *abstractId, shown);
      const auto& value = counters.value[static_cast<size_t>(shown)];
      if (shownLevel) {
        label.text +=
            render(*shownLevel, value ? *value : startOf(num, *abstractId, shown), level->legal);
      }
      ++i;
      continue;
    }
    label.text += pattern[i];
  }
  if (label.text.empty()) return std::nullopt;
  label.suffix = level->suffix;
  return label;
}

}  // namespace dutydesk
