// numbering.xml: the label Word draws in front of each numbered paragraph, computed the way Word
// counts — counters shared by every w:num of one abstract numbering, w:startOverride applied
// where a w:num is first used, deeper levels restarting when a higher one is used (or as
// w:lvlRestart says), w:lvlText filled with each level's w:numFmt, or decimals under w:isLgl.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <pugixml.hpp>
#include <set>
#include <string>
#include <string_view>

#include "import/docx_styles.h"
#include "import/source_paragraph.h"
#include "import/word_xml.h"

namespace dutydesk {

class DocxNumbering {
 public:
  static constexpr int kLevels = 9;

  DocxNumbering() = default;
  // `root` is <w:numbering>; `styles` resolves w:numStyleLink and must outlive this object.
  DocxNumbering(pugi::xml_node root, const WordNames& w, const DocxStyles& styles);

  // The level a paragraph of style `styleId` has in list `numId` when neither the paragraph nor
  // its style gives w:ilvl: the level whose w:pStyle is that style, else 0.
  int levelOfStyle(int numId, std::string_view styleId) const;

  // Counts one paragraph numbered (numId, ilvl) and returns what Word shows before it. Nullopt
  // for numId 0 ("no numbering"), an unknown list, or a level that shows nothing.
  std::optional<ListLabel> next(int numId, int ilvl);

  // Number formats met that this importer does not know; they were shown as decimals.
  const std::set<std::string>& unknownFormats() const { return unknownFormats_; }

 private:
  struct Level {
    int start = 0;  // the specification's default when w:start is absent
    std::string format = "decimal";
    std::optional<std::string> text;  // w:lvlText; absent means no label
    std::optional<int> restart;       // w:lvlRestart: 1-based level after which to restart; 0 never
    bool legal = false;               // w:isLgl
    std::string suffix = "\t";        // w:suff: tab (default), space or nothing
    std::string style;                // w:pStyle
  };
  struct Abstract {
    std::array<std::optional<Level>, kLevels> levels;
    std::string numStyleLink;  // a numbering style whose own list holds the definition
  };
  struct Num {
    int abstractId = 0;
    std::map<int, int> startOverride;
    std::map<int, Level> levelOverride;
  };
  struct Counters {
    std::array<std::optional<int>, kLevels> value;  // nullopt: not used since the last restart
  };

  Level parseLevel(pugi::xml_node lvl, const WordNames& w) const;
  // The abstract numbering that holds the definition, following w:numStyleLink.
  std::optional<int> definitionOf(int numId) const;
  const Level* levelOf(const Num& num, int abstractId, int ilvl) const;
  int startOf(const Num& num, int abstractId, int ilvl) const;
  std::string render(const Level& level, int value, bool legal);

  std::map<int, Abstract> abstracts_;
  std::map<int, Num> nums_;
  std::map<int, Counters> counters_;  // by abstract numbering: Word shares them between w:nums
  std::set<int> usedNums_;
  std::set<std::string> unknownFormats_;
  const DocxStyles* styles_ = nullptr;
};

}  // namespace dutydesk
