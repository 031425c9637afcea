#include "http/result_cache.h"

#include <functional>

namespace dutydesk {

ResultCache::ResultCache(size_t maxBytes, size_t shards)
    : maxBytesPerShard_(maxBytes / shards), shards_(shards) {}

ResultCache::Shard& ResultCache::shardOf(const std::string& key) {
  return shards_[std::hash<std::string>{}(key) % shards_.size()];
}

std::shared_ptr<const std::string> ResultCache::find(const std::string& generation,
                                                     const std::string& key) {
  Shard& shard = shardOf(key);
  std::lock_guard lock(shard.mutex);
  shard.forgetOtherGeneration(generation);
  const auto found = shard.byKey.find(key);
  if (found == shard.byKey.end()) return nullptr;
  shard.entries.splice(shard.entries.begin(), shard.entries, found->second);
  return found->second->body;
}

void ResultCache::store(const std::string& generation, const std::string& key,
                        std::shared_ptr<const std::string> body) {
  const size_t size = key.size() + body->size();
  if (size > maxBytesPerShard_) return;
  Shard& shard = shardOf(key);
  std::lock_guard lock(shard.mutex);
  shard.forgetOtherGeneration(generation);
  if (shard.byKey.contains(key)) return;
  shard.entries.push_front({key, std::move(body)});
  shard.byKey.emplace(key, shard.entries.begin());
  shard.bytes += size;
  while (shard.bytes > maxBytesPerShard_) {
    const Entry& oldest = shard.entries.back();
    shard.bytes -= oldest.key.size() + oldest.body->size();
    shard.byKey.erase(oldest.key);
    shard.entries.pop_back();
  }
}

void ResultCache::Shard::forgetOtherGeneration(const std::string& current) {
  // A request still holding the snapshot it started with may flip a shard back once while
  // the server moves to a new index; that costs a few searches, never a stale answer.
  if (current == generation) return;
  generation = current;
  entries.clear();
  byKey.clear();
  bytes = 0;
}

}  // namespace dutydesk
