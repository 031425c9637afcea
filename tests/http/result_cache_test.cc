// ResultCache: hits, the byte bound with least recently used eviction, and generations.
#include "http/result_cache.h"

#include <doctest/doctest.h>

using dutydesk::ResultCache;

namespace {

std::shared_ptr<const std::string> text(size_t bytes, char fill) {
  return std::make_shared<const std::string>(bytes, fill);
}

}  // namespace

TEST_CASE("a stored response is found under its generation and key only") {
  ResultCache cache(1 << 20);
  CHECK(cache.find("gen-1", "q") == nullptr);
  cache.store("gen-1", "q", text(10, 'a'));
  REQUIRE(cache.find("gen-1", "q") != nullptr);
  CHECK(*cache.find("gen-1", "q") == std::string(10, 'a'));
  CHECK(cache.find("gen-1", "other") == nullptr);
}

TEST_CASE("a new generation empties the cache") {
  ResultCache cache(1 << 20);
  cache.store("gen-1", "q", text(10, 'a'));
  CHECK(cache.find("gen-2", "q") == nullptr);
  cache.store("gen-2", "q", text(10, 'b'));
  CHECK(*cache.find("gen-2", "q") == std::string(10, 'b'));
  CHECK(cache.find("gen-1", "q") == nullptr);
}

TEST_CASE("the least recently used response goes first when the bytes run out") {
  // One shard with room for two entries of 1 + 100 bytes, not three.
  ResultCache cache(250, 1);
  cache.store("g", "a", text(100, 'a'));
  cache.store("g", "b", text(100, 'b'));
  CHECK(cache.find("g", "a") != nullptr);  // a is now more recent than b
  cache.store("g", "c", text(100, 'c'));
  CHECK(cache.find("g", "a") != nullptr);
  CHECK(cache.find("g", "b") == nullptr);
  CHECK(cache.find("g", "c") != nullptr);
}

TEST_CASE("a cache of no bytes keeps nothing; a response larger than it is not kept") {
  ResultCache none(0);
  none.store("g", "q", text(1, 'a'));
  CHECK(none.find("g", "q") == nullptr);
  ResultCache small(50, 1);
  small.store("g", "q", text(100, 'a'));
  CHECK(small.find("g", "q") == nullptr);
}

TEST_CASE("many keys over the shards: each is found, none exceeds its shard's share") {
  ResultCache cache(16 * 1000, 16);
  for (int i = 0; i < 64; ++i) cache.store("g", "q" + std::to_string(i), text(10, 'a'));
  int found = 0;
  for (int i = 0; i < 64; ++i) found += cache.find("g", "q" + std::to_string(i)) != nullptr;
  CHECK(found == 64);
  // A body larger than one shard's share (1000 bytes) is not kept, though the whole cache
  // could hold it.
  cache.store("g", "big", text(2000, 'b'));
  CHECK(cache.find("g", "big") == nullptr);
}
