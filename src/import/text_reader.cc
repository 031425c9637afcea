#include "import/text_reader.h"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <memory>

#include "core/utf8.h"
#include "import/import_error.h"
#include "import/source_text.h"

namespace dutydesk {

namespace {

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};

// Converts strictly: any byte sequence the encoding does not define is an error, not U+FFFD,
// so that a wrong guess is noticed instead of imported as garbage.
std::optional<std::string> convert(std::string_view bytes, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> converter(ucnv_open(encoding, &status));
  if (U_FAILURE(status)) return std::nullopt;
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return std::nullopt;
  const icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), converter.get(),
                                status);
  if (U_FAILURE(status)) return std::nullopt;
  std::string out;
  text.toUTF8String(out);
  return out;
}

bool startsWith(std::string_view bytes, std::string_view prefix) {
  return bytes.substr(0, prefix.size()) == prefix;
}

}  // namespace

DecodedText decodeText(std::string_view bytes) {
  struct Bom {
    std::string_view bytes;
    const char* encoding;
  };
  // UTF-32 first: its little-endian mark begins like UTF-16's.
  static constexpr Bom kBoms[] = {
      {std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
      {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE"},
      {"\xEF\xBB\xBF", "UTF-8"},
      {"\xFF\xFE", "UTF-16LE"},
      {"\xFE\xFF", "UTF-16BE"},
  };
  for (const Bom& bom : kBoms) {
    if (!startsWith(bytes, bom.bytes)) continue;
    const std::string_view body = bytes.substr(bom.bytes.size());
    if (auto text = convert(body, bom.encoding)) return {std::move(*text), bom.encoding, false};
    throw ImportError(std::string("文件开头标明是 ") + bom.encoding +
                      " 编码，但内容不符合该编码；文件可能已损坏");
  }
  // NUL is valid UTF-8 but never in text: this is binary, or UTF-16 without its mark.
  if (bytes.find('\0') != std::string_view::npos) {
    throw ImportError(
        "文件不是纯文本（含有二进制内容）；如是 UTF-16 文本，请另存为带 BOM 的 "
        "UTF-16 或 UTF-8");
  }
  if (utf8::isValid(bytes)) return {std::string(bytes), "UTF-8", true};
  if (auto text = convert(bytes, "GB18030")) return {std::move(*text), "GB18030", true};
  throw ImportError(
      "无法识别文本编码（不是 UTF-8、UTF-16 或 GB18030/GBK）；请用记事本另存为 UTF-8 "
      "后再导入");
}

std::vector<SourceParagraph> readTextLines(std::string_view text) {
  std::vector<SourceParagraph> out;
  int line = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    ++line;
    std::string cleaned = cleanSourceText(text.substr(start, end - start));
    if (!cleaned.empty()) {
      SourceParagraph paragraph;
      paragraph.where = line;
      paragraph.text = std::move(cleaned);
      out.push_back(std::move(paragraph));
    }
    // \r\n, \n and a lone \r each end one line.
    start = text.substr(end, 2) == "\r\n" ? end + 2 : end + 1;
  }
  return out;
}

}  // namespace dutydesk
