#include "import/import_command.h"

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "core/content_loader.h"
#include "import/docx_package.h"
#include "import/docx_reader.h"
#include "import/import_error.h"
#include "import/import_report.h"
#include "import/input_kind.h"
#include "import/manual_outline.h"
#include "import/markdown_writer.h"
#include "import/text_reader.h"

namespace dutydesk {

namespace fs = std::filesystem;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;
// Larger files are no duty manual; the cap applies before the file is read.
constexpr uintmax_t kMaxInputBytes = 200ull << 20;

constexpr const char* kUsage =
    "usage: dutydesk import --out MANUAL_DIR [--force] FILE.docx|FILE.txt\n"
    "  Converts an existing duty manual (Word .docx, or plain text in UTF-8, UTF-16 or GB18030)\n"
    "  into a manual folder, keeping the manual's own numbers. MANUAL_DIR must be empty or new;\n"
    "  --force replaces the manual files (*.md) in it.\n";

struct Options {
  fs::path out;
  fs::path file;
  bool force = false;
  bool help = false;
};

struct UsageError {
  std::string message;
};

Options parseArgs(const std::vector<std::string>& args) {
  Options options;
  bool haveOut = false;
  bool haveFile = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      options.help = true;
    } else if (arg == "--force") {
      options.force = true;
    } else if (arg == "--out") {
      if (i + 1 >= args.size()) throw UsageError{"--out needs a folder"};
      options.out = args[++i];
      haveOut = true;
    } else if (arg.starts_with("--out=")) {
      options.out = arg.substr(6);
      haveOut = true;
    } else if (arg.starts_with("-") && arg != "-") {
      throw UsageError{"unknown option '" + arg + "'"};
    } else if (haveFile) {
      throw UsageError{"import takes one FILE, got '" + options.file.string() + "' and '" + arg +
                       "'"};
    } else {
      options.file = arg;
      haveFile = true;
    }
  }
  if (options.help) return options;
  if (!haveOut || options.out.empty()) throw UsageError{"import needs --out MANUAL_DIR"};
  if (!haveFile) throw UsageError{"import needs a FILE.docx or FILE.txt"};
  return options;
}

std::string readWholeFile(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) throw ImportError("找不到文件，或它不是普通文件");
  const uintmax_t size = fs::file_size(path, ec);
  if (ec) throw ImportError("无法读取文件：" + ec.message());
  if (size > kMaxInputBytes) {
    throw ImportError("文件有 " + std::to_string(size >> 20) + " MB，超过 " +
                      std::to_string(kMaxInputBytes >> 20) + " MB 的上限，不像岗位手册");
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (!in) throw ImportError("无法读取文件");
  return std::move(buffer).str();
}

bool isManualFile(const fs::path& path) {
  const std::string name = path.filename().string();
  return path.extension() == ".md" && !name.empty() && name.front() != '_' && name.front() != '.';
}

// The folder must be new or empty; with --force its manual files go and anything else stays.
void prepareOutput(const Options& options) {
  std::error_code ec;
  if (fs::exists(options.out, ec) && !fs::is_directory(options.out, ec)) {
    throw ImportError("输出位置 " + options.out.string() + " 已存在且不是文件夹");
  }
  if (fs::is_directory(options.out, ec) && !fs::is_empty(options.out, ec)) {
    if (!options.force) {
      throw ImportError("输出文件夹 " + options.out.string() +
                        " 不是空的；请换一个新文件夹，或加 --force 替换其中的手册文件（*.md）");
    }
    for (const auto& entry : fs::directory_iterator(options.out)) {
      if (entry.is_regular_file() && isManualFile(entry.path())) fs::remove(entry.path());
    }
  }
  fs::create_directories(options.out);
}

struct Source {
  std::vector<SourceParagraph> paragraphs;
  std::string description;  // "Word 文档", "纯文本（GB18030，按内容判断）"
};

Source readSource(InputKind kind, std::string bytes, ImportReport& report) {
  Source source;
  if (kind == InputKind::kDocx) {
    DocxPackage package(std::move(bytes));
    source.paragraphs = readDocx(package, report);
    source.description = "Word 文档";
    return source;
  }
  DecodedText decoded = decodeText(bytes);
  source.paragraphs = readTextLines(decoded.text);
  source.description =
      "纯文本，" + decoded.encoding + (decoded.guessed ? " 编码（按内容判断）" : " 编码");
  return source;
}

void printSummary(const Manual& manual, std::ostream& out) {
  out << "手册《" << manual.title << "》：" << manual.chapters.size() << " 章，"
      << manual.positions.size() << " 个岗位，" << manual.clauses.size() << " 条条款\n";
  size_t preface = 0;
  for (const Clause& clause : manual.clauses) preface += !clause.chapter.has_value();
  out << "  前言 → index.md：" << preface << " 条\n";
  for (size_t c = 0; c < manual.chapters.size(); ++c) {
    const Chapter& chapter = manual.chapters[c];
    size_t positions = 0;
    for (const Section& section : chapter.sections) positions += section.position.has_value();
    size_t clauses = 0;
    for (const Clause& clause : manual.clauses) clauses += clause.chapter == c;
    out << "  " << chapter.heading.display() << " → " << chapter.file << "："
        << chapter.sections.size() << " 节，" << positions << " 个岗位，" << clauses << " 条条款\n";
  }
}

}  // namespace

int runImport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  Options options;
  try {
    options = parseArgs(args);
  } catch (const UsageError& e) {
    err << "dutydesk import: " << e.message << " (run 'dutydesk import --help' for usage)\n";
    return kExitUsage;
  }
  if (options.help) {
    out << kUsage;
    return kExitOk;
  }
  const std::string shown = options.file.string();
  try {
    std::string bytes = readWholeFile(options.file);
    const InputKind kind = detectInputKind(options.file, bytes);
    const bool text = kind == InputKind::kText;
    ImportReport report(text ? ImportReport::Unit::kLine : ImportReport::Unit::kParagraph);
    Source source = readSource(kind, std::move(bytes), report);
    OutlineOptions outlineOptions;
    outlineOptions.fallbackTitle = options.file.stem().string();
    outlineOptions.reportPatternHeadings = !text;
    const ManualOutline outline = buildOutline(source.paragraphs, outlineOptions, report);
    if (outline.chapters.empty() && outline.preface.empty()) {
      throw ImportError("文件里没有读到任何正文");
    }
    if (outline.chapters.empty()) {
      report.guess(0, "", "没有找到任何章标题（第N章），全部内容放在前言中；请检查文件的标题格式");
    }
    prepareOutput(options);
    writeManual(outline, options.out);

    out << "导入 " << shown << "（" << source.description << "）→ " << options.out.string() << "\n";
    const Library library = loadLibrary({options.out});
    if (!library.manuals.empty()) printSummary(library.manuals.front(), out);
    const size_t notes = report.notes().size();
    if (notes == 0) {
      out << "没有需要人工核对的地方\n";
    } else {
      out << "需要人工核对（" << notes << " 处：猜测 " << report.count(NoteKind::kGuess)
          << "，删除 " << report.count(NoteKind::kDrop) << "，修正 "
          << report.count(NoteKind::kRepair) << "）"
          << (text ? "：\n" : "，段落按文档顺序从 1 编号，含空段落和表格中的段落：\n");
      report.print(out);
    }
    out << "检查：" << library.diagnostics.errorCount() << " 个错误，"
        << library.diagnostics.warningCount() << " 个警告\n";
    for (const Diagnostic& diagnostic : library.diagnostics.sorted()) {
      out << "  " << diagnostic.format() << '\n';
    }
    if (library.diagnostics.hasErrors()) {
      err << "dutydesk import: 导入结果未通过检查，请按上面的错误修改 " << options.out.string()
          << "\n";
      return kExitFailed;
    }
    return kExitOk;
  } catch (const ImportError& e) {
    err << "dutydesk import: " << shown << ": " << e.what() << '\n';
  } catch (const fs::filesystem_error& e) {
    err << "dutydesk import: " << e.what() << '\n';
  }
  return kExitFailed;
}

}  // namespace dutydesk
