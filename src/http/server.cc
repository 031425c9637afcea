#include "http/server.h"

#include <httplib.h>
#include <signal.h>
#include <sys/socket.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <thread>

#include "core/content_loader.h"
#include "core/index_writer.h"
#include "core/lexicon.h"
#include "core/searcher.h"
#include "core/utf8.h"
#include "http/bounded_task_queue.h"
#include "http/fair_gate.h"
#include "http/index_holder.h"
#include "http/json_codec.h"
#include "http/result_cache.h"

namespace dutydesk {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Requests carry nothing but a URL and a few headers; anything bigger is not ours.
constexpr size_t kMaxHeaders = 48;
constexpr size_t kMaxHeaderBytes = 8192;
constexpr size_t kMaxPayload = 1024;
constexpr time_t kReadTimeoutSeconds = 5;
constexpr time_t kWriteTimeoutSeconds = 5;
// Reconnecting every few requests put new connections behind the queue (bench/http.sh, 50
// connections: p99 69.6 ms with 100 requests a connection, 55.8 ms with 10,000); an idle
// connection still frees its worker after kKeepAliveSeconds.
constexpr size_t kKeepAliveRequests = 10000;
constexpr time_t kKeepAliveSeconds = 3;
// cpp-httplib gives each connection a worker for as long as it is kept alive, so the pool must
// cover the open connections, most of them idle between a phone's requests; the work itself
// is short (bench/http.sh: 8 workers left 42 of 50 connections queued, with timeouts).
constexpr size_t kDefaultThreads = 64;
// Connections the kernel holds while the accept loop catches up (the kernel caps it at
// net.core.somaxconn).
constexpr int kListenBacklog = 1024;

// Only our own files: scripts, styles and images from web/, nothing inline.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'";

// A failure a request caused: becomes its status and message.
struct HttpError {
  int status;
  std::string message;
};

void sendJsonText(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(body, "application/json; charset=utf-8");
}

void sendJson(httplib::Response& res, int status, const json& body) {
  sendJsonText(res, status, body.dump());
}

void sendError(httplib::Response& res, int status, const std::string& message) {
  sendJson(res, status, {{"error", message}});
}

// Path segments and parameters arrive percent-decoded; they must still be text. Returns a
// copy: callers pass temporaries (regex sub-matches), which a reference would outlive.
std::string checkedText(const std::string& value, const char* what) {
  if (!utf8::isValid(value)) throw HttpError{400, std::string(what) + " is not valid UTF-8"};
  return value;
}

std::string contentType(const fs::path& path) {
  const std::string ext = path.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".json" || ext == ".webmanifest") return "application/manifest+json";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

std::optional<std::string> readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return std::move(buffer).str();
}

// A file under webDir named by a URL path, or nullopt. Rejects anything that could leave the
// folder: dot segments, backslashes, NUL, and symlinks pointing out.
std::optional<fs::path> staticFile(const fs::path& webDir, const std::string& urlPath) {
  if (urlPath.empty() || urlPath.front() != '/') return std::nullopt;
  std::string relative = urlPath.substr(1);
  if (relative.empty()) relative = "index.html";
  if (relative.find('\0') != std::string::npos || relative.find('\\') != std::string::npos) {
    return std::nullopt;
  }
  for (const auto& part : fs::path(relative)) {
    const std::string name = part.string();
    if (name == ".." || name == "." || (!name.empty() && name.front() == '.')) return std::nullopt;
  }
  std::error_code ec;
  const fs::path root = fs::canonical(webDir, ec);
  if (ec) return std::nullopt;
  const fs::path file = fs::weakly_canonical(root / relative, ec);
  if (ec || !fs::is_regular_file(file, ec)) return std::nullopt;
  const std::string rootText = root.string() + "/";
  if (file.string().compare(0, rootText.size(), rootText) != 0) return std::nullopt;
  return file;
}

class Service {
 public:
  explicit Service(const ServerOptions& options)
      : options_(options),
        holder_(options.dbDir),
        webDir_(options.webDir),
        searchGate_(options.searchSlots ? options.searchSlots
                                        : std::max(1u, std::thread::hardware_concurrency())),
        cache_(options.cacheBytes) {}

  IndexHolder& holder() { return holder_; }

  void install(httplib::Server& server) {
    server.set_pre_routing_handler(
        [this](const httplib::Request& req, httplib::Response& res) { return guard(req, res); });
    server.Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
      handle(res, [&] { healthz(res); });
    });
    server.Get("/api/search", [this](const httplib::Request& req, httplib::Response& res) {
      handle(res, [&] { search(req, res); });
    });
    server.Get("/api/manuals", [this](const httplib::Request&, httplib::Response& res) {
      handle(res, [&] { sendJson(res, 200, json_codec::manualList(*snapshot())); });
    });
    server.Get(R"(/api/manuals/([^/]+))",
               [this](const httplib::Request& req, httplib::Response& res) {
                 handle(res, [&] {
                   const auto index = snapshot();
                   sendJson(res, 200, json_codec::manualDetail(manual(*index, req.matches[1])));
                 });
               });
    server.Get(R"(/api/positions/([^/]+)/([^/]+))", [this](const httplib::Request& req,
                                                           httplib::Response& res) {
      handle(res, [&] {
        const auto index = snapshot();
        const Manual& m = manual(*index, req.matches[1]);
        sendJson(res, 200, json_codec::positionDetail(*index, m, position(m, req.matches[2])));
      });
    });
    server.Get(R"(/api/sections/([^/]+)/([^/]+))",
               [this](const httplib::Request& req, httplib::Response& res) {
                 handle(res, [&] {
                   const auto index = snapshot();
                   const Manual& m = manual(*index, req.matches[1]);
                   const std::string number = checkedText(req.matches[2], "section");
                   for (size_t c = 0; c < m.chapters.size(); ++c) {
                     for (size_t s = 0; s < m.chapters[c].sections.size(); ++s) {
                       if (m.chapters[c].sections[s].heading.number == number) {
                         sendJson(res, 200, json_codec::sectionDetail(m, c, s));
                         return;
                       }
                     }
                   }
                   throw HttpError{404, "no section numbered '" + number + "' in " + m.id};
                 });
               });
    server.Get(R"(/api/clauses/([^/]+)/([^/]+))",
               [this](const httplib::Request& req, httplib::Response& res) {
                 handle(res, [&] {
                   const auto index = snapshot();
                   const Manual& m = manual(*index, req.matches[1]);
                   sendJson(res, 200, json_codec::clauseDetail(m, clause(m, req.matches[2])));
                 });
               });
    // Permalinks open the web UI; an unknown target still gets the page (it says so), as 404.
    server.Get(R"(/c/([^/]+)/([^/]+))",
               [this](const httplib::Request& req, httplib::Response& res) {
                 handle(res, [&] {
                   const auto index = snapshot();
                   const Manual* m = index->findManual(checkedText(req.matches[1], "manual"));
                   const bool found = m && m->findClause(checkedText(req.matches[2], "address"));
                   sendPage(res, found ? 200 : 404);
                 });
               });
    server.Get(R"(/p/([^/]+)/([^/]+))",
               [this](const httplib::Request& req, httplib::Response& res) {
                 handle(res, [&] {
                   const auto index = snapshot();
                   const Manual* m = index->findManual(checkedText(req.matches[1], "manual"));
                   const bool found = m && m->findPosition(checkedText(req.matches[2], "position"));
                   sendPage(res, found ? 200 : 404);
                 });
               });
    server.Get(R"(/api/.*)", [](const httplib::Request&, httplib::Response& res) {
      sendError(res, 404, "no such API route; see the README for the routes");
    });
    server.Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
      handle(res, [&] { sendStatic(req, res); });
    });
    server.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
          sendError(res, 500, "internal error; the server log has details");
        });
    // What cpp-httplib rejects itself (a malformed request, an over-long URI) still gets JSON.
    server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
      if (res.body.empty())
        sendError(res, res.status,
                  "the request was refused (HTTP " + std::to_string(res.status) + ")");
    });
    if (!options_.quiet) {
      server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
        const auto elapsed = std::chrono::steady_clock::now() - requestStart();
        const double ms = std::chrono::duration<double, std::milli>(elapsed).count();
        // The peer address from the socket, never from a client header; the path is
        // percent-encoded again so a log line cannot be forged with CR/LF.
        std::ostringstream line;
        line << req.remote_addr << ' ' << req.method << ' ' << logSafe(req.target) << ' '
             << res.status << ' ' << std::fixed << std::setprecision(1) << ms << "ms\n";
        std::cerr << line.str();
      });
    }
  }

 private:
  static std::chrono::steady_clock::time_point& requestStart() {
    thread_local std::chrono::steady_clock::time_point start;
    return start;
  }

  static std::string logSafe(const std::string& text) {
    std::string out;
    for (unsigned char c : text.substr(0, 300)) {
      if (c < 0x20 || c == 0x7f || c == ' ') {
        out += json_codec::percentEncode(std::string(1, static_cast<char>(c)));
      } else {
        out += static_cast<char>(c);
      }
    }
    return out;
  }

  // Runs before any body is read: everything we refuse, we refuse here.
  httplib::Server::HandlerResponse guard(const httplib::Request& req, httplib::Response& res) {
    requestStart() = std::chrono::steady_clock::now();
    const auto refuse = [&](int status, const std::string& message) {
      sendError(res, status, message);
      res.set_header("Connection", "close");
      return httplib::Server::HandlerResponse::Handled;
    };
    if (BoundedTaskQueue::overloaded()) {
      res.set_header("Retry-After", "1");
      return refuse(503, "the server is busy; try again in a moment");
    }
    if (req.method != "GET" && req.method != "HEAD") {
      res.set_header("Allow", "GET, HEAD");
      return refuse(405, "only GET and HEAD are served");
    }
    if (req.has_header("Transfer-Encoding") || req.has_header("Content-Encoding")) {
      return refuse(400, "requests here take no body, encoded or chunked");
    }
    if (req.has_header("Content-Length") && req.get_header_value("Content-Length") != "0") {
      return refuse(413, "requests here take no body");
    }
    size_t headerBytes = 0;
    for (const auto& [name, value] : req.headers) headerBytes += name.size() + value.size() + 4;
    if (req.headers.size() > kMaxHeaders || headerBytes > kMaxHeaderBytes) {
      return refuse(431, "too many or too large request headers");
    }
    return httplib::Server::HandlerResponse::Unhandled;
  }

  // One error boundary per request: our errors become their status, anything else a 500.
  template <typename Body>
  void handle(httplib::Response& res, Body body) {
    try {
      body();
    } catch (const HttpError& e) {
      sendError(res, e.status, e.message);
    } catch (const QueryError& e) {
      sendError(res, 400, e.what());
    } catch (const IndexError& e) {
      std::cerr << "dutydesk: " << e.what() << '\n';
      sendError(res, 503, "the index cannot be read right now");
    } catch (const std::exception& e) {
      std::cerr << "dutydesk: internal error: " << e.what() << '\n';
      sendError(res, 500, "internal error; the server log has details");
    }
  }

  std::shared_ptr<const IndexSnapshot> snapshot() {
    auto snapshot = holder_.current();
    if (!snapshot) throw HttpError{503, "no index is loaded yet"};
    return snapshot;
  }

  static const Manual& manual(const IndexSnapshot& index, const std::string& id) {
    const Manual* found = index.findManual(checkedText(id, "manual"));
    if (!found) throw HttpError{404, "no manual with id '" + id + "'"};
    return *found;
  }

  static const Position& position(const Manual& manual, const std::string& name) {
    const Position* found = manual.findPosition(checkedText(name, "position"));
    if (!found) throw HttpError{404, "no position named '" + name + "' in " + manual.id};
    return *found;
  }

  static const Clause& clause(const Manual& manual, const std::string& address) {
    const Clause* found = manual.findClause(checkedText(address, "address"));
    if (!found) throw HttpError{404, "no clause at address '" + address + "' in " + manual.id};
    return *found;
  }

  // Each request thread keeps its own Searcher (and so its own Xapian::Database), renewed
  // when the holder moves to a new snapshot.
  Searcher& searcherFor(const std::shared_ptr<const IndexSnapshot>& index) {
    thread_local std::unique_ptr<Searcher> searcher;
    if (!searcher || searcher->snapshot() != index) searcher = std::make_unique<Searcher>(index);
    return *searcher;
  }

  void healthz(httplib::Response& res) {
    const auto index = holder_.current();
    if (!index) {
      sendError(res, 503, "no index is loaded yet");
      return;
    }
    sendJson(res, 200,
             {{"status", "ok"},
              {"generation", index->generation()},
              {"manuals", index->manuals().size()},
              {"clauses", index->clauseCount()}});
  }

  void search(const httplib::Request& req, httplib::Response& res) {
    SearchRequest request;
    request.query = checkedText(req.get_param_value("q"), "q");
    if (req.has_param("manual") && !req.get_param_value("manual").empty()) {
      request.manual = checkedText(req.get_param_value("manual"), "manual");
    }
    if (req.has_param("limit")) {
      const std::string& text = req.get_param_value("limit");
      size_t used = 0;
      unsigned long limit = 0;
      try {
        limit = std::stoul(text, &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used == 0 || used != text.size() || limit < 1 || limit > kMaxLimit) {
        throw HttpError{400, "limit must be a number from 1 to " + std::to_string(kMaxLimit)};
      }
      request.limit = limit;
    }
    const auto index = snapshot();
    if (request.manual && !index->findManual(*request.manual)) {
      throw HttpError{404, "no manual with id '" + *request.manual + "'"};
    }
    const std::string key =
        request.query + '\n' + request.manual.value_or("") + '\n' + std::to_string(request.limit);
    auto body = cache_.find(index->generation(), key);
    if (!body) {
      FairGate::Pass pass(searchGate_);
      body = std::make_shared<const std::string>(
          json_codec::searchResult(searcherFor(index).search(request)).dump());
      cache_.store(index->generation(), key, body);
    }
    sendJsonText(res, 200, *body);
  }

  void sendPage(httplib::Response& res, int status) {
    const auto page = readFile(webDir_ / "index.html");
    if (!page) throw HttpError{500, "the web UI is missing (web/index.html)"};
    res.status = status;
    res.set_header("Cache-Control", "no-cache");
    res.set_content(*page, "text/html; charset=utf-8");
  }

  void sendStatic(const httplib::Request& req, httplib::Response& res) {
    const auto file = staticFile(webDir_, req.path);
    const auto body = file ? readFile(*file) : std::nullopt;
    if (!body) {
      res.status = 404;
      res.set_content("not found\n", "text/plain; charset=utf-8");
      return;
    }
    res.set_header("Cache-Control", "no-cache");
    res.set_content(*body, contentType(*file));
  }

  const ServerOptions& options_;
  IndexHolder holder_;
  fs::path webDir_;
  FairGate searchGate_;
  ResultCache cache_;
};

// Indexes the given content before serving; content errors keep the index already there.
bool indexAtStartup(const ServerOptions& options) {
  Library library = loadLibrary(options.contentDirs);
  for (const auto& diagnostic : library.diagnostics.sorted()) {
    std::cerr << diagnostic.format() << '\n';
  }
  if (library.diagnostics.hasErrors()) {
    std::cerr << "dutydesk: content has errors; not re-indexed\n";
    return false;
  }
  TextAnalyzer analyzer(Lexicon::builtIn(), {});
  const IndexStats stats = writeIndex(library, options.dbDir, analyzer);
  std::cerr << "dutydesk: indexed " << stats.clauses << " clauses from " << stats.manuals
            << " manual(s)\n";
  return true;
}

}  // namespace

int runServer(const ServerOptions& given) {
  ServerOptions options = given;
  if (options.webDir.empty()) options.webDir = DUTYDESK_WEB_DIR;
  if (options.threads == 0) options.threads = kDefaultThreads;
  if (!fs::is_regular_file(options.webDir / "index.html")) {
    std::cerr << "dutydesk: no web UI at " << options.webDir.string()
              << " (index.html missing); pass --web WEB_DIR\n";
    return 1;
  }
  if (!options.contentDirs.empty()) {
    try {
      indexAtStartup(options);
    } catch (const std::exception& e) {
      std::cerr << "dutydesk: " << e.what() << '\n';
    }
  }
  Service service(options);
  if (!service.holder().reload()) return 1;

  // Signals are waited for on a thread of their own, where stopping the server is safe.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  httplib::Server server;
  server.new_task_queue = [&options] {
    return new BoundedTaskQueue(options.threads, options.queueLimit);
  };
  server.set_payload_max_length(kMaxPayload);
  server.set_read_timeout(kReadTimeoutSeconds);
  server.set_write_timeout(kWriteTimeoutSeconds);
  server.set_keep_alive_max_count(kKeepAliveRequests);
  server.set_keep_alive_timeout(kKeepAliveSeconds);
  // Small JSON answers must not wait for delayed ACKs (40 ms a response without it).
  server.set_tcp_nodelay(true);
  server.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                              {"Content-Security-Policy", kContentSecurityPolicy},
                              {"Referrer-Policy", "same-origin"},
                              {"X-Frame-Options", "DENY"}});
  // Debian's cpp-httplib is a compiled library that listens with a backlog of 5: a burst of
  // new connections (a shift opening the page at 8:00, a load test opening 50 at once)
  // overflows it, the kernel drops their handshakes, and each such client waits for a 1 s
  // SYN retransmit. So keep the socket and listen again with a real backlog once it is bound.
  // SO_REUSEADDR instead of the library's default SO_REUSEPORT, so that a second server on
  // the same port fails to start instead of silently sharing it.
  int listeningSocket = -1;
  server.set_socket_options([&listeningSocket](socket_t sock) {
    const int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listeningSocket = sock;
  });
  service.install(server);

  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
  } else if (!server.bind_to_port(options.host, port)) {
    port = -1;
  }
  if (port < 0) {
    std::cerr << "dutydesk: cannot listen on " << options.host << ":" << options.port
              << " (in use, or not an address of this machine)\n";
    return 1;
  }
  if (::listen(listeningSocket, kListenBacklog) != 0) {
    std::cerr << "dutydesk: cannot listen on " << options.host << ":" << port << ": "
              << std::strerror(errno) << "\n";
    return 1;
  }
  std::thread waiter([&server, signals] {
    int received = 0;
    sigwait(&signals, &received);
    server.stop();
  });
  std::cerr << "dutydesk: serving http://" << options.host << ":" << port << "/" << std::endl;
  const bool ok = server.listen_after_bind();
  // Wake the signal thread if the server stopped for another reason.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  return ok ? 0 : 1;
}

}  // namespace dutydesk
