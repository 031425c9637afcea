#include "import/docx_package.h"

#include <zip.h>

#include <map>
#include <pugixml.hpp>
#include <vector>

#include "import/import_error.h"
#include "import/word_xml.h"

namespace dutydesk {

namespace {

constexpr std::string_view kOfficeDocumentType =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
constexpr std::string_view kStrictOfficeDocumentType =
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";
constexpr std::string_view kWordMainContentTypePrefix =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.";
constexpr std::string_view kWordMacroContentTypePrefix = "application/vnd.ms-word.";
constexpr uint64_t kRatioCheckFloor = 1ull << 20;

const std::string kStrictMessage =
    "文件是 Strict Open XML 格式（严格 OOXML），暂不支持；请在 Word 中另存为「Word 文档 (*.docx)」"
    "（不要选「Strict Open XML 文档」）后再导入";

// Resolves a relationship target against the folder of the part that owns the relationships.
std::string resolveTarget(std::string_view baseFolder, std::string_view target) {
  std::vector<std::string> parts;
  auto push = [&parts](std::string_view path) {
    size_t start = 0;
    while (start <= path.size()) {
      size_t end = path.find('/', start);
      if (end == std::string_view::npos) end = path.size();
      const std::string_view piece = path.substr(start, end - start);
      if (piece == "..") {
        if (!parts.empty()) parts.pop_back();
      } else if (!piece.empty() && piece != ".") {
        parts.emplace_back(piece);
      }
      start = end + 1;
    }
  };
  if (target.empty() || target.front() != '/') push(baseFolder);
  push(target);
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) out += '/';
    out += part;
  }
  return out;
}

std::string relsPartOf(std::string_view part) {
  const size_t slash = part.rfind('/');
  const std::string_view folder = slash == std::string_view::npos ? "" : part.substr(0, slash + 1);
  const std::string_view name = slash == std::string_view::npos ? part : part.substr(slash + 1);
  return std::string(folder) + "_rels/" + std::string(name) + ".rels";
}

std::string folderOf(std::string_view part) {
  const size_t slash = part.rfind('/');
  return slash == std::string_view::npos ? "" : std::string(part.substr(0, slash));
}

struct Relationship {
  std::string type;
  std::string target;
};

std::vector<Relationship> parseRelationships(std::string_view xml, std::string_view partName,
                                             std::string_view baseFolder) {
  pugi::xml_document document;
  parseXmlPart(xml, partName, document);
  std::vector<Relationship> out;
  for (pugi::xml_node node : document.document_element().children()) {
    if (localName(node.name()) != "Relationship") continue;
    if (std::string_view(node.attribute("TargetMode").value()) == "External") continue;
    out.push_back({node.attribute("Type").value(),
                   resolveTarget(baseFolder, node.attribute("Target").value())});
  }
  return out;
}

}  // namespace

struct DocxPackage::Impl {
  std::string bytes;
  PackageLimits limits;
  zip_t* zip = nullptr;
  uint64_t totalRead = 0;
  std::vector<Relationship> mainRelationships;

  ~Impl() {
    if (zip) zip_discard(zip);
  }

  bool has(std::string_view name) const {
    return zip_name_locate(zip, std::string(name).c_str(), ZIP_FL_NOCASE) >= 0;
  }

  std::optional<std::string> read(std::string_view name) {
    const zip_int64_t index = zip_name_locate(zip, std::string(name).c_str(), ZIP_FL_NOCASE);
    if (index < 0) return std::nullopt;
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(zip, static_cast<zip_uint64_t>(index), 0, &stat) != 0) {
      throw ImportError("文件已损坏：无法读取压缩包中的 " + std::string(name));
    }
    if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE) {
      throw ImportError("压缩包内容被加密，无法读取；请用 Word 打开并另存为普通的 .docx 再导入");
    }
    // Sizes in the zip directory are checked first, then enforced while inflating, because a
    // crafted archive can declare small sizes.
    if ((stat.valid & ZIP_STAT_SIZE) && stat.size > limits.maxPartBytes) refuseBomb(name);
    if ((stat.valid & ZIP_STAT_SIZE) && (stat.valid & ZIP_STAT_COMP_SIZE) &&
        stat.size > kRatioCheckFloor &&
        stat.size / std::max<zip_uint64_t>(stat.comp_size, 1) > limits.maxRatio) {
      refuseBomb(name);
    }
    zip_file_t* file = zip_fopen_index(zip, static_cast<zip_uint64_t>(index), 0);
    if (!file) throw ImportError("文件已损坏：无法解压 " + std::string(name));
    std::string out;
    char buffer[1 << 16];
    while (true) {
      const zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
      if (n < 0) {
        zip_fclose(file);
        throw ImportError("文件已损坏：解压 " + std::string(name) + " 时出错");
      }
      if (n == 0) break;
      out.append(buffer, static_cast<size_t>(n));
      totalRead += static_cast<uint64_t>(n);
      if (out.size() > limits.maxPartBytes || totalRead > limits.maxTotalBytes) {
        zip_fclose(file);
        refuseBomb(name);
      }
    }
    zip_fclose(file);
    return out;
  }

  [[noreturn]] void refuseBomb(std::string_view name) const {
    throw ImportError("压缩包中的 " + std::string(name) + " 解压后超过 " +
                      std::to_string(limits.maxPartBytes >> 20) +
                      " MB 或压缩比异常（疑似 zip 炸弹），为安全起见拒绝读取");
  }
};

DocxPackage::DocxPackage(std::string bytes, PackageLimits limits)
    : impl_(std::make_unique<Impl>()) {
  impl_->bytes = std::move(bytes);
  impl_->limits = limits;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source =
      zip_source_buffer_create(impl_->bytes.data(), impl_->bytes.size(), 0, &error);
  if (source) {
    impl_->zip = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (!impl_->zip) zip_source_free(source);
  }
  if (!impl_->zip) {
    const std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw ImportError("文件不是有效的 .docx：zip 压缩包无法打开（" + why + "）");
  }
  zip_error_fini(&error);
  const zip_int64_t entries = zip_get_num_entries(impl_->zip, 0);
  if (entries < 0 || static_cast<uint64_t>(entries) > limits.maxEntries) {
    throw ImportError("压缩包中的文件多达 " + std::to_string(entries) +
                      " 个，不像 Word 文档（疑似 zip 炸弹），为安全起见拒绝读取");
  }

  const auto rootRels = impl_->read("_rels/.rels");
  if (!rootRels) {
    if (impl_->has("mimetype") && impl_->has("content.xml")) {
      throw ImportError(
          "这是 OpenDocument 文本（.odt），不是 .docx；请在 WPS、LibreOffice 或 Word "
          "中另存为「Word 文档 (*.docx)」后再导入");
    }
    throw ImportError("文件不是 Word 文档：zip 压缩包里没有 Office 文档结构（_rels/.rels）");
  }
  for (const Relationship& relationship : parseRelationships(*rootRels, "_rels/.rels", "")) {
    if (relationship.type == kStrictOfficeDocumentType) throw ImportError(kStrictMessage);
    if (relationship.type == kOfficeDocumentType) mainPart_ = relationship.target;
  }
  if (mainPart_.empty()) throw ImportError("文件不是 Word 文档：找不到文档正文");
  if (impl_->has("xl/workbook.xml") || mainPart_.starts_with("xl/")) {
    throw ImportError("这是 Excel 工作簿，不是 Word 文档；请把手册内容放在 Word 文档中再导入");
  }
  if (mainPart_.starts_with("ppt/")) {
    throw ImportError("这是 PowerPoint 演示文稿，不是 Word 文档");
  }
  if (const auto types = impl_->read("[Content_Types].xml")) {
    pugi::xml_document document;
    parseXmlPart(*types, "[Content_Types].xml", document);
    for (pugi::xml_node node : document.document_element().children()) {
      if (localName(node.name()) != "Override") continue;
      if (resolveTarget("", node.attribute("PartName").value()) != mainPart_) continue;
      const std::string_view type = node.attribute("ContentType").value();
      if (!type.starts_with(kWordMainContentTypePrefix) &&
          !type.starts_with(kWordMacroContentTypePrefix)) {
        throw ImportError("文件不是 Word 文档（正文类型为 " + std::string(type) + "）");
      }
    }
  }
  const std::string relsName = relsPartOf(mainPart_);
  if (const auto rels = impl_->read(relsName)) {
    impl_->mainRelationships = parseRelationships(*rels, relsName, folderOf(mainPart_));
  }
}

DocxPackage::~DocxPackage() = default;

std::optional<std::string> DocxPackage::relatedPart(std::string_view kind) const {
  for (const Relationship& relationship : impl_->mainRelationships) {
    const std::string_view type = relationship.type;
    const size_t slash = type.rfind('/');
    if (slash != std::string_view::npos && type.substr(slash + 1) == kind) {
      return relationship.target;
    }
  }
  return std::nullopt;
}

std::optional<std::string> DocxPackage::read(std::string_view partName) {
  return impl_->read(partName);
}

}  // namespace dutydesk
