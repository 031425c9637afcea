// The dutydesk command line: arguments in, core calls, exit codes out (interface.md).
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "core/content_loader.h"
#include "core/index_snapshot.h"
#include "core/index_writer.h"
#include "core/lexicon.h"
#include "core/searcher.h"
#include "http/json_codec.h"
#include "http/server.h"
#include "import/import_command.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

constexpr const char* kUsage =
    "usage:\n"
    "  dutydesk check  CONTENT_DIR...                 validate manuals\n"
    "  dutydesk index  --db DB_DIR CONTENT_DIR...     check, then build the index\n"
    "  dutydesk search --db DB_DIR [--manual ID] [--limit N] [--json] QUERY...\n"
    "  dutydesk serve  --db DB_DIR [--content CONTENT_DIR]... [--host H] [--port P]\n"
    "                  [--web WEB_DIR] [--threads N] [--queue N] [--quiet]\n"
    "                  [--searches N] [--cache-mb N]\n"
    "  dutydesk import --out MANUAL_DIR [--force] FILE.docx|FILE.txt\n"
    "exit status: 0 ok, 1 content errors or failure, 2 usage error\n";

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Options of the form --name VALUE or --flag, then positional arguments.
class Arguments {
 public:
  Arguments(std::vector<std::string> args, std::vector<std::string> valued,
            std::vector<std::string> flags) {
    for (size_t i = 0; i < args.size(); ++i) {
      const std::string& arg = args[i];
      if (arg == "--") {
        positional_.insert(positional_.end(), args.begin() + static_cast<long>(i) + 1, args.end());
        break;
      }
      if (!arg.starts_with("--")) {
        positional_.push_back(arg);
        continue;
      }
      const std::string name = arg.substr(2);
      if (std::find(flags.begin(), flags.end(), name) != flags.end()) {
        values_.emplace_back(name, "");
      } else if (std::find(valued.begin(), valued.end(), name) != valued.end()) {
        if (i + 1 >= args.size()) throw UsageError("option " + arg + " needs a value");
        values_.emplace_back(name, args[++i]);
      } else {
        throw UsageError("unknown option " + arg);
      }
    }
  }

  std::optional<std::string> value(const std::string& name) const {
    std::optional<std::string> found;
    for (const auto& [key, value] : values_) {
      if (key == name) found = value;
    }
    return found;
  }
  std::vector<std::string> values(const std::string& name) const {
    std::vector<std::string> found;
    for (const auto& [key, value] : values_) {
      if (key == name) found.push_back(value);
    }
    return found;
  }
  bool flag(const std::string& name) const { return value(name).has_value(); }
  std::string required(const std::string& name) const {
    const auto found = value(name);
    if (!found || found->empty()) throw UsageError("--" + name + " is required");
    return *found;
  }
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::vector<std::pair<std::string, std::string>> values_;
  std::vector<std::string> positional_;
};

size_t parseNumber(const std::string& text, const std::string& option, size_t min, size_t max) {
  size_t used = 0;
  unsigned long value = 0;
  try {
    value = std::stoul(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || text.empty() || value < min || value > max) {
    throw UsageError("--" + option + " must be a number from " + std::to_string(min) + " to " +
                     std::to_string(max));
  }
  return value;
}

void printDiagnostics(const dutydesk::Diagnostics& diagnostics, std::ostream& out) {
  for (const auto& diagnostic : diagnostics.sorted()) out << diagnostic.format() << '\n';
}

dutydesk::Library loadContent(const std::vector<std::string>& folders) {
  return dutydesk::loadLibrary(std::vector<std::filesystem::path>(folders.begin(), folders.end()));
}

int runCheck(const Arguments& args) {
  if (args.positional().empty()) throw UsageError("check needs at least one CONTENT_DIR");
  const dutydesk::Library library = loadContent(args.positional());
  printDiagnostics(library.diagnostics, std::cout);
  size_t clauses = 0;
  for (const dutydesk::Manual& manual : library.manuals) {
    std::cout << manual.id << " 《" << manual.title << "》: " << manual.chapters.size() << " 章，"
              << manual.positions.size() << " 个岗位，" << manual.clauses.size() << " 条条款\n";
    clauses += manual.clauses.size();
  }
  std::cout << "检查完成: " << library.manuals.size() << " 本手册，" << clauses << " 条条款；"
            << library.diagnostics.errorCount() << " 个错误，" << library.diagnostics.warningCount()
            << " 个警告\n";
  return library.diagnostics.hasErrors() ? kExitFailure : kExitOk;
}

int runIndex(const Arguments& args) {
  const std::string db = args.required("db");
  if (args.positional().empty()) throw UsageError("index needs at least one CONTENT_DIR");
  const auto start = std::chrono::steady_clock::now();
  const dutydesk::Library library = loadContent(args.positional());
  printDiagnostics(library.diagnostics, std::cerr);
  if (library.diagnostics.hasErrors()) {
    std::cerr << "dutydesk: " << library.diagnostics.errorCount()
              << " content error(s); nothing indexed, the index in " << db << " is unchanged\n";
    return kExitFailure;
  }
  dutydesk::TextAnalyzer analyzer(dutydesk::Lexicon::builtIn(), {});
  const dutydesk::IndexStats stats = dutydesk::writeIndex(library, db, analyzer);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stdout, "indexed %zu manual(s), %zu clauses into %s (%s) in %.2f s\n", stats.manuals,
               stats.clauses, db.c_str(), stats.generation.filename().c_str(), seconds);
  return kExitOk;
}

// A snippet for a terminal: entities decoded, <mark> shown in bold where colours work.
std::string terminalSnippet(const std::string& html, bool colour) {
  std::string out;
  for (size_t i = 0; i < html.size();) {
    if (html.compare(i, 6, "<mark>") == 0) {
      if (colour) out += "\033[1;33m";
      i += 6;
    } else if (html.compare(i, 7, "</mark>") == 0) {
      if (colour) out += "\033[0m";
      i += 7;
    } else if (html[i] == '&') {
      static const std::pair<const char*, char> kEntities[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
      bool matched = false;
      for (const auto& [entity, c] : kEntities) {
        const size_t length = std::char_traits<char>::length(entity);
        if (html.compare(i, length, entity) == 0) {
          out += c;
          i += length;
          matched = true;
          break;
        }
      }
      if (!matched) out += html[i++];
    } else {
      out += html[i++];
    }
  }
  return out;
}

void printHuman(const dutydesk::SearchResult& result) {
  const bool colour = ::isatty(STDOUT_FILENO) != 0;
  std::cout << "问：" << result.query << "\n";
  for (const dutydesk::SoundAlike& alike : result.soundAlikes) {
    std::cout << "（“" << alike.typed << "”也按";
    for (const std::string& word : alike.words) std::cout << "“" << word << "”";
    std::cout << "搜索）\n";
  }
  std::cout << '\n';
  if (result.hits.empty() && result.answers.empty()) {
    std::cout << "没有找到相关条款。换个说法试试，例如用岗位名称或具体事项。\n";
    return;
  }
  for (size_t i = 0; i < result.answers.size(); ++i) {
    const dutydesk::Answer& answer = result.answers[i];
    std::cout << (i == 0 ? "答：" : "    或：") << answer.position->canonical();
    if (answer.position->department) std::cout << "（" << *answer.position->department << "）";
    if (!answer.relation.empty()) {
      std::cout << " — " << answer.relationOf << "的" << answer.relation;
    }
    std::cout << "  《" << answer.manual->title << "》";
    for (size_t c = 0; c < answer.clauses.size(); ++c) {
      std::cout << (c == 0 ? " " : "、") << answer.clauses[c]->cite;
    }
    std::cout << '\n';
  }
  if (result.contenders > 1) {
    std::cout << "    （有 " << result.contenders
              << " 个岗位的依据不相上下，请对照下面的条款确认。）\n";
  }
  for (const dutydesk::NamedEvent& event : result.events) {
    std::cout << "\n本事件的整体要求：《" << event.manual->title << "》"
              << event.chapter->heading.display() << " · " << event.keyPoints->heading.display()
              << '\n';
  }
  std::cout << "\n相关条款（共 " << result.total << " 条，显示 " << result.hits.size()
            << " 条）：\n";
  for (size_t i = 0; i < result.hits.size(); ++i) {
    const dutydesk::Hit& hit = result.hits[i];
    const dutydesk::Position* position = hit.manual->positionOf(*hit.clause);
    std::cout << (i + 1) << ". " << hit.clause->cite;
    if (position) {
      std::cout << "  " << position->canonical();
      if (position->department) std::cout << " · " << *position->department;
    }
    std::cout << "  [" << hit.manual->id << "]\n   " << terminalSnippet(hit.snippet, colour)
              << '\n';
  }
}

int runSearch(const Arguments& args) {
  const std::string db = args.required("db");
  if (args.positional().empty()) throw UsageError("search needs a QUERY");
  dutydesk::SearchRequest request;
  for (const std::string& word : args.positional()) {
    if (!request.query.empty()) request.query += ' ';
    request.query += word;
  }
  request.manual = args.value("manual");
  if (const auto limit = args.value("limit")) {
    request.limit = parseNumber(*limit, "limit", 1, dutydesk::kMaxLimit);
  }
  dutydesk::Searcher searcher(dutydesk::IndexSnapshot::open(db));
  dutydesk::SearchResult result;
  try {
    result = searcher.search(request);
  } catch (const dutydesk::QueryError& e) {
    throw UsageError(e.what());
  }
  if (args.flag("json")) {
    std::cout << dutydesk::json_codec::searchResult(result).dump(2) << '\n';
  } else {
    printHuman(result);
  }
  return kExitOk;
}

int runServe(const Arguments& args) {
  dutydesk::ServerOptions options;
  options.dbDir = args.required("db");
  for (const std::string& folder : args.values("content")) options.contentDirs.push_back(folder);
  if (const auto host = args.value("host")) options.host = *host;
  if (const auto port = args.value("port")) {
    options.port = static_cast<int>(parseNumber(*port, "port", 0, 65535));
  }
  if (const auto web = args.value("web")) options.webDir = *web;
  if (const auto threads = args.value("threads")) {
    options.threads = parseNumber(*threads, "threads", 1, 256);
  }
  if (const auto queue = args.value("queue")) {
    options.queueLimit = parseNumber(*queue, "queue", 1, 100000);
  }
  if (const auto searches = args.value("searches")) {
    options.searchSlots = parseNumber(*searches, "searches", 1, 256);
  }
  if (const auto cache = args.value("cache-mb")) {
    options.cacheBytes = parseNumber(*cache, "cache-mb", 0, 4096) << 20;
  }
  options.quiet = args.flag("quiet");
  if (!args.positional().empty()) throw UsageError("serve takes no positional arguments");
  return dutydesk::runServer(options);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << "dutydesk: missing command (see 'dutydesk --help')\n";
    return kExitUsage;
  }
  const std::string command = args.front();
  args.erase(args.begin());
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return kExitOk;
  }
  try {
    if (command == "check") return runCheck(Arguments(args, {}, {}));
    if (command == "index") return runIndex(Arguments(args, {"db"}, {}));
    if (command == "search") {
      return runSearch(Arguments(args, {"db", "manual", "limit"}, {"json"}));
    }
    if (command == "serve") {
      return runServe(Arguments(
          args,
          {"db", "content", "host", "port", "web", "threads", "queue", "searches", "cache-mb"},
          {"quiet"}));
    }
    if (command == "import") return dutydesk::runImport(args, std::cout, std::cerr);
    throw UsageError("unknown command '" + command + "'");
  } catch (const UsageError& e) {
    std::cerr << "dutydesk: " << e.what() << " (see 'dutydesk --help')\n";
    return kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "dutydesk: " << e.what() << '\n';
    return kExitFailure;
  }
}
