// Admits at most a fixed number of holders at once, in the order they arrived.
//
// cpp-httplib keeps a worker thread per open connection, so under load dozens of searches run
// at once and the kernel shares two cores among all of them: every search then takes dozens of
// times its own cost, a heavy one the longest. Searching a few at a time, first come first
// served, gives the same throughput while each request waits only for those ahead of it, which
// is what keeps the slowest answers close to the typical one. Shared by all request threads;
// every member is guarded by mutex_.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

namespace dutydesk {

class FairGate {
 public:
  explicit FairGate(size_t slots);
  FairGate(const FairGate&) = delete;
  FairGate& operator=(const FairGate&) = delete;

  // Holds a slot for as long as it lives.
  class Pass {
   public:
    explicit Pass(FairGate& gate) : gate_(gate) { gate_.enter(); }
    ~Pass() { gate_.leave(); }
    Pass(const Pass&) = delete;
    Pass& operator=(const Pass&) = delete;

   private:
    FairGate& gate_;
  };

 private:
  struct Waiter {
    std::condition_variable admitted;
    bool ready = false;
  };

  void enter();
  void leave();

  std::mutex mutex_;
  size_t free_;
  std::deque<Waiter*> waiting_;  // oldest first
};

}  // namespace dutydesk
