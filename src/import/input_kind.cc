#include "import/input_kind.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "import/import_error.h"

namespace dutydesk {

namespace {

constexpr std::string_view kSaveAsDocx =
    "请在 Word 或 WPS 中打开，另存为「Word 文档 (*.docx)」后再导入";

std::string lowerExtension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

// OLE compound files name their streams in UTF-16LE inside the directory sectors.
bool hasOleStream(std::string_view bytes, std::string_view asciiName) {
  std::string wide;
  for (char c : asciiName) {
    wide += c;
    wide += '\0';
  }
  return bytes.find(wide) != std::string_view::npos;
}

std::string describeOle(const std::filesystem::path& path, std::string_view bytes) {
  if (hasOleStream(bytes, "EncryptedPackage")) {
    return "文件设置了打开密码（加密的 .docx），无法读取；请在 Word 中取消密码（文件 → 信息 → "
           "保护文档 → 用密码进行加密，清空密码）后另存再导入";
  }
  if (lowerExtension(path) == ".wps") {
    return "这是 WPS 文字的 .wps 格式，不是 .docx；" + std::string(kSaveAsDocx);
  }
  if (hasOleStream(bytes, "WordDocument")) {
    return "这是 Word 97-2003 的 .doc 格式，不是 .docx；" + std::string(kSaveAsDocx);
  }
  return "这是旧版 Office（97-2003）格式的文件，不是 Word .docx 文档";
}

bool startsWith(std::string_view bytes, std::string_view prefix) {
  return bytes.substr(0, prefix.size()) == prefix;
}

std::string_view skipXmlPreamble(std::string_view bytes) {
  if (startsWith(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  while (!bytes.empty() && (bytes.front() == ' ' || bytes.front() == '\n' ||
                            bytes.front() == '\r' || bytes.front() == '\t')) {
    bytes.remove_prefix(1);
  }
  return bytes;
}

}  // namespace

InputKind detectInputKind(const std::filesystem::path& path, std::string_view bytes) {
  if (startsWith(bytes, "PK\x03\x04") || startsWith(bytes, "PK\x05\x06")) return InputKind::kDocx;
  if (startsWith(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
    throw ImportError(describeOle(path, bytes));
  if (startsWith(bytes, "{\\rtf")) {
    throw ImportError("这是 RTF 格式的文件，不是 .docx；" + std::string(kSaveAsDocx));
  }
  if (startsWith(bytes, "%PDF")) {
    throw ImportError(
        "这是 PDF 文件，无法可靠地还原编号；请用原始的 Word 文件，或把文字复制到 .txt 中再导入");
  }
  const std::string_view head = skipXmlPreamble(bytes.substr(0, 4096));
  if (startsWith(head, "<?xml") && (head.find("Word.Document") != std::string_view::npos ||
                                    head.find("<w:wordDocument") != std::string_view::npos ||
                                    head.find("<pkg:package") != std::string_view::npos)) {
    throw ImportError("这是 Word XML 文档（单文件 .xml 格式），不是 .docx；" +
                      std::string(kSaveAsDocx));
  }
  const std::string ext = lowerExtension(path);
  if (ext == ".txt" || ext == ".text") return InputKind::kText;
  if (ext == ".docx" || ext == ".docm" || ext == ".dotx" || ext == ".dotm") {
    throw ImportError(
        "文件不是有效的 .docx（.docx 应是 zip 压缩包，这个文件不是）；文件可能已损坏，"
        "或只是改了扩展名");
  }
  if (ext == ".doc" || ext == ".wps") {
    throw ImportError("文件不是 Word 文档（可能是改了扩展名的网页或文本）；" +
                      std::string(kSaveAsDocx));
  }
  throw ImportError("不支持的文件类型「" + path.extension().string() +
                    "」；只能导入 .docx（Word 文档）和 .txt（纯文本）");
}

}  // namespace dutydesk
