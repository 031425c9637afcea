#include "import/docx_styles.h"

#include <algorithm>
#include <cctype>

namespace dutydesk {

namespace {

// Style chains longer than this are circular or hostile.
constexpr int kMaxChain = 32;

std::string lowerAscii(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(c < 0x80 ? std::tolower(c) : c); });
  return out;
}

// "heading 2" → 2; WPS also writes the Chinese name "标题 2".
int headingNumberOfName(std::string_view name) {
  for (std::string_view prefix : {std::string_view("heading "), std::string_view("标题 ")}) {
    if (name.size() == prefix.size() + 1 && name.substr(0, prefix.size()) == prefix &&
        name.back() >= '1' && name.back() <= '9') {
      return name.back() - '0';
    }
  }
  return 0;
}

}  // namespace

DocxStyles::DocxStyles(pugi::xml_node root, const WordNames& w) {
  for (pugi::xml_node node = root.first_child(); node; node = node.next_sibling()) {
    if (!w.is(node, "style")) continue;
    const std::string id = w.attribute(node, "styleId").value();
    Style style;
    style.name = lowerAscii(w.childVal(node, "name").value_or(""));
    style.basedOn = std::string(w.childVal(node, "basedOn").value_or(""));
    if (const pugi::xml_node pPr = w.child(node, "pPr")) {
      if (const pugi::xml_node numPr = w.child(pPr, "numPr")) {
        style.numbering.numId = w.childInt(numPr, "numId");
        style.numbering.ilvl = w.childInt(numPr, "ilvl");
      }
      style.outlineLevel = w.childInt(pPr, "outlineLvl");
    }
    if (const pugi::xml_node rPr = w.child(node, "rPr")) style.bold = w.toggle(rPr, "b");
    const std::string_view type = w.attribute(node, "type").value();
    const std::string_view isDefault = w.attribute(node, "default").value();
    if (type == "paragraph" && (isDefault == "1" || isDefault == "true")) defaultParagraph_ = id;
    styles_.emplace(id, std::move(style));
  }
}

template <typename T, typename Get>
std::optional<T> DocxStyles::inherited(std::string_view styleId, Get get) const {
  std::string_view id = styleId;
  for (int depth = 0; depth < kMaxChain && !id.empty(); ++depth) {
    const auto it = styles_.find(id);
    if (it == styles_.end()) return std::nullopt;
    if (std::optional<T> value = get(it->second)) return value;
    id = it->second.basedOn;
  }
  return std::nullopt;
}

int DocxStyles::headingLevel(std::string_view styleId) const {
  return inherited<int>(styleId,
                        [](const Style& style) -> std::optional<int> {
                          const int level = headingNumberOfName(style.name);
                          return level > 0 ? std::optional<int>(level) : std::nullopt;
                        })
      .value_or(0);
}

std::optional<int> DocxStyles::outlineLevel(std::string_view styleId) const {
  return inherited<int>(styleId, [](const Style& style) { return style.outlineLevel; });
}

bool DocxStyles::isTitle(std::string_view styleId) const {
  return inherited<bool>(styleId,
                         [](const Style& style) -> std::optional<bool> {
                           if (style.name == "title" || style.name == "标题") return true;
                           return std::nullopt;
                         })
      .value_or(false);
}

bool DocxStyles::isTableOfContents(std::string_view styleId) const {
  const auto it = styles_.find(styleId);
  if (it == styles_.end()) return false;
  const std::string& name = it->second.name;
  return name == "toc heading" ||
         (name.size() == 5 && name.starts_with("toc ") && name[4] >= '1' && name[4] <= '9');
}

NumberingRef DocxStyles::numbering(std::string_view styleId) const {
  NumberingRef out;
  out.numId = inherited<int>(styleId, [](const Style& style) { return style.numbering.numId; });
  out.ilvl = inherited<int>(styleId, [](const Style& style) { return style.numbering.ilvl; });
  return out;
}

std::optional<bool> DocxStyles::bold(std::string_view styleId) const {
  return inherited<bool>(styleId, [](const Style& style) { return style.bold; });
}

}  // namespace dutydesk
