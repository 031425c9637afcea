// styles.xml: what a paragraph's style says about it — heading level, title, table of contents,
// numbering and bold — following each style's basedOn chain as Word does.
#pragma once

#include <map>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "import/word_xml.h"

namespace dutydesk {

// Numbering properties (w:numPr); either half may come from a different place in the chain.
struct NumberingRef {
  std::optional<int> numId;
  std::optional<int> ilvl;
};

class DocxStyles {
 public:
  DocxStyles() = default;
  // `root` is the <w:styles> element of styles.xml; an absent part gives an empty set.
  DocxStyles(pugi::xml_node root, const WordNames& w);

  // The paragraph style a paragraph without w:pStyle has.
  const std::string& defaultParagraphStyle() const { return defaultParagraph_; }

  // 1…9 when the style or one it is based on is named "heading N" (Word keeps the English name
  // even where the style id is localised, such as "1" in Chinese Word); 0 otherwise.
  int headingLevel(std::string_view styleId) const;
  // w:outlineLvl (0-based) from the style chain.
  std::optional<int> outlineLevel(std::string_view styleId) const;
  bool isTitle(std::string_view styleId) const;
  // "toc 1"…"toc 9" and "TOC Heading": the lines of a table of contents.
  bool isTableOfContents(std::string_view styleId) const;
  NumberingRef numbering(std::string_view styleId) const;
  // Bold from the paragraph style chain, or from a character style chain.
  std::optional<bool> bold(std::string_view styleId) const;

 private:
  struct Style {
    std::string name;  // lower-cased ASCII
    std::string basedOn;
    NumberingRef numbering;
    std::optional<int> outlineLevel;
    std::optional<bool> bold;
  };
  // Calls `get` on each style of the chain, nearest first, until it returns a value.
  template <typename T, typename Get>
  std::optional<T> inherited(std::string_view styleId, Get get) const;

  std::map<std::string, Style, std::less<>> styles_;
  std::string defaultParagraph_;
};

}  // namespace dutydesk
