// The index a server is serving, swapped for a newer generation when `dutydesk index` has
// replaced it on disk. Shared by all request threads: current() takes a mutex only to copy a
// shared_ptr, and snapshots are immutable, so a request keeps the one it started with.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>

#include "core/index_snapshot.h"

namespace dutydesk {

class IndexHolder {
 public:
  explicit IndexHolder(std::filesystem::path dbDir);

  // The newest snapshot that could be opened; nullptr if none ever could. At most once a
  // second it looks at the stub file; a new generation that fails to open is logged and the
  // old one keeps serving.
  std::shared_ptr<const IndexSnapshot> current();

  // Opens the generation the stub names now; returns false (and logs why) if it cannot.
  bool reload();

 private:
  const std::filesystem::path dbDir_;
  std::mutex mutex_;  // guards snapshot_ and lastCheck_
  std::shared_ptr<const IndexSnapshot> snapshot_;
  std::chrono::steady_clock::time_point lastCheck_;
  std::mutex reloadMutex_;  // one reload at a time; others keep using the old snapshot
};

}  // namespace dutydesk
