// FairGate with real threads: never more holders than slots, and waiters admitted in the
// order they arrived.
#include "http/fair_gate.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

using dutydesk::FairGate;
using namespace std::chrono_literals;

TEST_CASE("no more holders than slots at once") {
  FairGate gate(2);
  std::atomic<int> inside = 0;
  std::atomic<int> most = 0;
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      for (int round = 0; round < 50; ++round) {
        FairGate::Pass pass(gate);
        const int now = ++inside;
        int seen = most.load();
        while (now > seen && !most.compare_exchange_weak(seen, now)) {
        }
        std::this_thread::sleep_for(50us);
        --inside;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(most.load() == 2);
  CHECK(inside.load() == 0);
}

TEST_CASE("waiters are admitted first come, first served") {
  FairGate gate(1);
  std::mutex mutex;
  std::vector<int> admitted;
  std::vector<std::thread> threads;
  {
    FairGate::Pass held(gate);
    for (int i = 0; i < 5; ++i) {
      threads.emplace_back([&, i] {
        FairGate::Pass pass(gate);
        std::lock_guard lock(mutex);
        admitted.push_back(i);
      });
      // Each waiter queues before the next one starts.
      std::this_thread::sleep_for(50ms);
    }
    std::lock_guard lock(mutex);
    CHECK(admitted.empty());
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(admitted == std::vector<int>{0, 1, 2, 3, 4});
}
