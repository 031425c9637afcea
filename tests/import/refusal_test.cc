// Files that are not .docx or .txt manuals are refused with exit 1 and a message that says what
// the file is; command lines that are wrong exit 2.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "import/docx_package.h"
#include "import/import_command.h"
#include "import/import_error.h"
#include "import_test_support.h"

namespace dutydesk::test {

TEST_CASE("unsupported and unsafe files are refused, saying what they are") {
  const struct {
    const char* file;
    const char* message;
  } cases[] = {
      {"old.doc", "Word 97-2003 的 .doc 格式"},
      {"kingsoft.wps", "WPS 文字的 .wps 格式"},
      {"encrypted.docx", "设置了打开密码"},
      {"strict.docx", "Strict Open XML"},
      {"foreign-namespace.docx", "没有使用 Word 的 XML 命名空间"},
      {"bomb.docx", "疑似 zip 炸弹"},
      {"notzip.docx", "不是有效的 .docx"},
      {"pdf.docx", "PDF 文件"},
      {"rtf.doc", "RTF 格式"},
      {"odt.docx", "OpenDocument 文本"},
      {"excel.docx", "Excel 工作簿"},
      {"corrupt.docx", "zip 压缩包无法打开"},
      {"binary.txt", "不是纯文本"},
      {"missing.docx", "找不到文件"},
  };
  for (const auto& c : cases) {
    INFO("file: " << c.file);
    const ImportRun run = importFile(fixture(c.file));
    CHECK(run.code == 1);
    CHECK(run.err.find(c.message) != std::string::npos);
    CHECK(run.err.find('\n') == run.err.size() - 1);  // one line
    CHECK_FALSE(std::filesystem::exists(run.folder / "index.md"));
  }
}

TEST_CASE("a zip bomb is refused from its declared size, before anything is inflated") {
  std::ifstream in(fixture("bomb.docx"), std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  PackageLimits limits;
  limits.maxPartBytes = 1 << 20;
  DocxPackage package(bytes, limits);
  CHECK_THROWS_AS(package.read("word/document.xml"), ImportError);
}

TEST_CASE("usage errors exit 2 with one line") {
  const std::vector<std::vector<std::string>> cases = {
      {},
      {"manual.docx"},
      {"--out"},
      {"--out", "x"},
      {"--out", "x", "a.docx", "b.docx"},
      {"--out", "x", "--verbose", "a.docx"},
  };
  for (const auto& args : cases) {
    std::ostringstream out;
    std::ostringstream err;
    CHECK(runImport(args, out, err) == 2);
    CHECK(err.str().find("dutydesk import: ") == 0);
    CHECK(err.str().find('\n') == err.str().size() - 1);
  }
  std::ostringstream out;
  std::ostringstream err;
  CHECK(runImport({"--help"}, out, err) == 0);
  CHECK(out.str().find("usage: dutydesk import --out MANUAL_DIR") == 0);
}

}  // namespace dutydesk::test
