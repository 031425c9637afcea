// `dutydesk serve`: the HTTP API of interface.md and the web UI, over one index.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace dutydesk {

struct ServerOptions {
  std::filesystem::path dbDir;
  // When given, these are checked and indexed into dbDir at start-up; content errors keep the
  // index already there.
  std::vector<std::filesystem::path> contentDirs;
  std::string host = "127.0.0.1";
  int port = 8080;               // 0 picks a free port and prints it (tests)
  std::filesystem::path webDir;  // empty: the web/ folder of the source tree
  size_t threads = 0;            // 0: the default pool (64: one per kept-alive connection)
  size_t queueLimit = 128;       // connections waiting for a worker before 503
  size_t searchSlots = 0;        // searches run at once; 0: one per core
  size_t cacheBytes = 16 << 20;  // recent search responses kept; 0: none
  bool quiet = false;            // no access log
};

// Serves until SIGINT or SIGTERM. Returns the process exit code.
int runServer(const ServerOptions& options);

}  // namespace dutydesk
