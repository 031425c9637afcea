// Reading WordprocessingML with pugixml, which knows nothing of namespaces: each part's root
// tells which prefix it binds to Word's transitional namespace, and names are matched with it.
#pragma once

#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace dutydesk {

inline constexpr std::string_view kWordNamespace =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr std::string_view kStrictWordNamespace =
    "http://purl.oclc.org/ooxml/wordprocessingml/main";

// Parses one part of the package; throws ImportError naming the part when it is not XML.
void parseXmlPart(std::string_view text, std::string_view partName, pugi::xml_document& document);

// The part of a name after its prefix: "w:p" → "p".
std::string_view localName(const char* name);

class WordNames {
 public:
  // Finds the prefix the part's root binds to WordprocessingML. Throws ImportError when the part
  // is Strict Open XML or is not WordprocessingML at all.
  static WordNames of(pugi::xml_node root, std::string_view partName);

  bool is(pugi::xml_node node, std::string_view local) const;
  // Any element of Word's namespace; others are drawings, equations, markup compatibility.
  bool isWord(pugi::xml_node node) const;
  pugi::xml_node child(pugi::xml_node parent, std::string_view local) const;
  pugi::xml_attribute attribute(pugi::xml_node node, std::string_view local) const;
  // The w:val attribute of `node`; empty when absent.
  std::string_view val(pugi::xml_node node) const;
  // The w:val of the child element `local`; nullopt when there is no such child.
  std::optional<std::string_view> childVal(pugi::xml_node parent, std::string_view local) const;
  std::optional<int> childInt(pugi::xml_node parent, std::string_view local) const;
  // An on/off property such as <w:b/> or <w:b w:val="false"/>; nullopt when absent.
  std::optional<bool> toggle(pugi::xml_node parent, std::string_view local) const;

 private:
  explicit WordNames(std::string prefix) : prefix_(std::move(prefix)) {}
  bool matches(const char* name, std::string_view local) const;

  std::string prefix_;  // "w:", or "" when Word's namespace is the default one
};

// An integer attribute value, nullopt when absent or not a number.
std::optional<int> toInt(std::string_view text);

}  // namespace dutydesk
