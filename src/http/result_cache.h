// Recent search responses, so that a question asked again is answered without searching.
//
// Staff ask the same few dozen questions (谁负责催缴物业费, 停电找谁), and the web UI asks
// again for every prefix typed, so under load most requests repeat one already answered. A
// response depends only on the index generation and the request, which make the key; entries
// of another generation are dropped when the first request for a new one arrives. Bounded
// by the bytes of the bodies it holds; the least recently used go first.
//
// Shared by all request threads: every member is guarded by mutex_, held only to look up,
// insert or evict, never while searching.
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace dutydesk {

class ResultCache {
 public:
  explicit ResultCache(size_t maxBytes);  // 0: caches nothing

  // The body stored for this generation and key, or nullptr.
  std::shared_ptr<const std::string> find(const std::string& generation, const std::string& key);
  void store(const std::string& generation, const std::string& key,
             std::shared_ptr<const std::string> body);

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const std::string> body;
  };
  void forgetOtherGeneration(const std::string& generation);

  const size_t maxBytes_;
  std::mutex mutex_;
  std::string generation_;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> byKey_;
  size_t bytes_ = 0;
};

}  // namespace dutydesk
