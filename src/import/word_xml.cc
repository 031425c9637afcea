#include "import/word_xml.h"

#include <charconv>
#include <cstring>

#include "import/import_error.h"

namespace dutydesk {

void parseXmlPart(std::string_view text, std::string_view partName, pugi::xml_document& document) {
  // Keep whitespace-only runs such as <w:t xml:space="preserve"> </w:t>; pugixml never reads a
  // DTD, so entity expansion cannot blow up.
  const pugi::xml_parse_result result =
      document.load_buffer(text.data(), text.size(),
                           pugi::parse_default | pugi::parse_ws_pcdata_single, pugi::encoding_auto);
  if (!result) {
    throw ImportError("文件已损坏：" + std::string(partName) + " 不是有效的 XML（" +
                      result.description() + "）");
  }
}

std::string_view localName(const char* name) {
  std::string_view view(name);
  const size_t colon = view.find(':');
  return colon == std::string_view::npos ? view : view.substr(colon + 1);
}

WordNames WordNames::of(pugi::xml_node root, std::string_view partName) {
  std::optional<std::string> prefix;
  bool strict = false;
  for (pugi::xml_attribute attribute : root.attributes()) {
    const std::string_view name(attribute.name());
    const std::string_view value(attribute.value());
    if (value == kStrictWordNamespace) strict = true;
    if (value != kWordNamespace) continue;
    if (name == "xmlns") {
      prefix = "";
    } else if (name.substr(0, 6) == "xmlns:") {
      prefix = std::string(name.substr(6)) + ":";
    }
    if (prefix && *prefix == "w:") break;  // Word's own prefix wins if several are declared
  }
  if (!prefix && strict) {
    throw ImportError(
        "文件是 Strict Open XML 格式（严格 OOXML），暂不支持；请在 Word 中另存为"
        "「Word 文档 (*.docx)」（不要选「Strict Open XML 文档」）后再导入");
  }
  if (!prefix) {
    throw ImportError("文件已损坏或不是 Word 文档：" + std::string(partName) +
                      " 没有使用 Word 的 XML 命名空间");
  }
  return WordNames(std::move(*prefix));
}

bool WordNames::matches(const char* name, std::string_view local) const {
  const size_t length = std::strlen(name);
  return length == prefix_.size() + local.size() &&
         std::memcmp(name, prefix_.data(), prefix_.size()) == 0 &&
         std::memcmp(name + prefix_.size(), local.data(), local.size()) == 0;
}

bool WordNames::is(pugi::xml_node node, std::string_view local) const {
  return node.type() == pugi::node_element && matches(node.name(), local);
}

bool WordNames::isWord(pugi::xml_node node) const {
  if (node.type() != pugi::node_element) return false;
  const std::string_view name(node.name());
  if (prefix_.empty()) return name.find(':') == std::string_view::npos;
  return name.starts_with(prefix_);
}

pugi::xml_node WordNames::child(pugi::xml_node parent, std::string_view local) const {
  for (pugi::xml_node node = parent.first_child(); node; node = node.next_sibling()) {
    if (is(node, local)) return node;
  }
  return {};
}

pugi::xml_attribute WordNames::attribute(pugi::xml_node node, std::string_view local) const {
  for (pugi::xml_attribute attribute : node.attributes()) {
    if (matches(attribute.name(), local)) return attribute;
  }
  return {};
}

std::string_view WordNames::val(pugi::xml_node node) const {
  return attribute(node, "val").value();
}

std::optional<std::string_view> WordNames::childVal(pugi::xml_node parent,
                                                    std::string_view local) const {
  const pugi::xml_node node = child(parent, local);
  if (!node) return std::nullopt;
  return val(node);
}

std::optional<int> WordNames::childInt(pugi::xml_node parent, std::string_view local) const {
  const auto value = childVal(parent, local);
  return value ? toInt(*value) : std::nullopt;
}

std::optional<bool> WordNames::toggle(pugi::xml_node parent, std::string_view local) const {
  const pugi::xml_node node = child(parent, local);
  if (!node) return std::nullopt;
  const pugi::xml_attribute value = attribute(node, "val");
  if (!value) return true;
  const std::string_view text(value.value());
  return !(text == "0" || text == "false" || text == "off");
}

std::optional<int> toInt(std::string_view text) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace dutydesk
