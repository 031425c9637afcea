#include "http/result_cache.h"

namespace dutydesk {

ResultCache::ResultCache(size_t maxBytes) : maxBytes_(maxBytes) {}

std::shared_ptr<const std::string> ResultCache::find(const std::string& generation,
                                                     const std::string& key) {
  std::lock_guard lock(mutex_);
  forgetOtherGeneration(generation);
  const auto found = byKey_.find(key);
  if (found == byKey_.end()) return nullptr;
  entries_.splice(entries_.begin(), entries_, found->second);
  return found->second->body;
}

void ResultCache::store(const std::string& generation, const std::string& key,
                        std::shared_ptr<const std::string> body) {
  const size_t size = key.size() + body->size();
  if (size > maxBytes_) return;
  std::lock_guard lock(mutex_);
  forgetOtherGeneration(generation);
  if (byKey_.contains(key)) return;
  entries_.push_front({key, std::move(body)});
  byKey_.emplace(key, entries_.begin());
  bytes_ += size;
  while (bytes_ > maxBytes_) {
    const Entry& oldest = entries_.back();
    bytes_ -= oldest.key.size() + oldest.body->size();
    byKey_.erase(oldest.key);
    entries_.pop_back();
  }
}

void ResultCache::forgetOtherGeneration(const std::string& generation) {
  // A request still holding the snapshot it started with may flip the cache back once while
  // the server moves to a new index; that costs a few searches, never a stale answer.
  if (generation == generation_) return;
  generation_ = generation;
  entries_.clear();
  byKey_.clear();
  bytes_ = 0;
}

}  // namespace dutydesk
