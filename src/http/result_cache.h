// Recent search responses, so that a question asked again is answered without searching.
//
// Staff ask the same few dozen questions (谁负责催缴物业费, 停电找谁), and the web UI asks
// again for every prefix typed, so under load most requests repeat one already answered. A
// response depends only on the index generation and the request, which make the key; entries
// of another generation are dropped when the first request for a new one arrives. Bounded
// by the bytes of the bodies it holds; the least recently used go first.
//
// Shared by all request threads. The keys are spread over shards, each with its own mutex,
// least-recently-used list and share of the bytes: with one mutex, tens of thousands of
// lookups a second queued behind each other and the slowest answers waited for the lock.
// A mutex is held only to look up, insert or evict, never while searching.
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace dutydesk {

class ResultCache {
 public:
  // maxBytes 0 caches nothing; each of `shards` gets an equal share of maxBytes.
  explicit ResultCache(size_t maxBytes, size_t shards = 16);

  // The body stored for this generation and key, or nullptr.
  std::shared_ptr<const std::string> find(const std::string& generation, const std::string& key);
  void store(const std::string& generation, const std::string& key,
             std::shared_ptr<const std::string> body);

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const std::string> body;
  };
  struct Shard {
    std::mutex mutex;  // guards everything below
    std::string generation;
    std::list<Entry> entries;  // most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> byKey;
    size_t bytes = 0;

    void forgetOtherGeneration(const std::string& current);
  };
  Shard& shardOf(const std::string& key);

  const size_t maxBytesPerShard_;
  std::vector<Shard> shards_;
};

}  // namespace dutydesk
