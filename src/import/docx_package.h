// The .docx zip package: finds the main document and its styles and numbering through the
// package relationships, and reads parts within size caps, so that a zip bomb is refused before
// it is inflated.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace dutydesk {

struct PackageLimits {
  uint64_t maxEntries = 20'000;
  uint64_t maxPartBytes = 64ull << 20;    // one part, uncompressed
  uint64_t maxTotalBytes = 160ull << 20;  // every part read, uncompressed
  uint64_t maxRatio = 200;                // uncompressed : compressed, for parts over 1 MiB
};

class DocxPackage {
 public:
  // `bytes` is the whole file. Throws ImportError for a damaged zip, an encrypted or oversized
  // one, and for packages that are not transitional WordprocessingML documents (Strict Open XML,
  // OpenDocument, Excel, PowerPoint).
  explicit DocxPackage(std::string bytes, PackageLimits limits = {});
  ~DocxPackage();
  DocxPackage(const DocxPackage&) = delete;
  DocxPackage& operator=(const DocxPackage&) = delete;

  const std::string& mainPart() const { return mainPart_; }
  // The part the main document relates to with relationship type ending in `/kind`
  // ("styles", "numbering"); nullopt when the document has none.
  std::optional<std::string> relatedPart(std::string_view kind) const;
  // A part's bytes; nullopt when the package has no such part. Throws ImportError past the caps.
  std::optional<std::string> read(std::string_view partName);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string mainPart_;
};

}  // namespace dutydesk
