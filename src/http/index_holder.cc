#include "http/index_holder.h"

#include <iostream>

namespace dutydesk {

namespace {
constexpr auto kCheckInterval = std::chrono::seconds(1);
}

IndexHolder::IndexHolder(std::filesystem::path dbDir) : dbDir_(std::move(dbDir)) {}

std::shared_ptr<const IndexSnapshot> IndexHolder::current() {
  const auto now = std::chrono::steady_clock::now();
  std::shared_ptr<const IndexSnapshot> snapshot;
  bool due = false;
  {
    std::lock_guard lock(mutex_);
    snapshot = snapshot_;
    if (now - lastCheck_ >= kCheckInterval) {
      lastCheck_ = now;
      due = true;
    }
  }
  if (!due) return snapshot;
  const std::string onDisk = IndexSnapshot::currentGeneration(dbDir_);
  if (!onDisk.empty() && (!snapshot || snapshot->generation() != onDisk)) {
    std::unique_lock reloading(reloadMutex_, std::try_to_lock);
    if (reloading.owns_lock()) {
      reload();
      std::lock_guard lock(mutex_);
      snapshot = snapshot_;
    }
  }
  return snapshot;
}

bool IndexHolder::reload() {
  try {
    auto fresh = IndexSnapshot::open(dbDir_);
    std::lock_guard lock(mutex_);
    if (snapshot_ && snapshot_->generation() == fresh->generation()) return true;
    snapshot_ = std::move(fresh);
    std::cerr << "dutydesk: serving index " << snapshot_->generation() << " ("
              << snapshot_->clauseCount() << " clauses)\n";
    return true;
  } catch (const std::exception& e) {
    std::lock_guard lock(mutex_);
    std::cerr << "dutydesk: " << e.what() << (snapshot_ ? "; still serving the previous index" : "")
              << '\n';
    return false;
  }
}

}  // namespace dutydesk
