#include "http/fair_gate.h"

namespace dutydesk {

FairGate::FairGate(size_t slots) : free_(slots) {}

void FairGate::enter() {
  std::unique_lock lock(mutex_);
  if (free_ > 0 && waiting_.empty()) {
    --free_;
    return;
  }
  Waiter waiter;
  waiting_.push_back(&waiter);
  waiter.admitted.wait(lock, [&waiter] { return waiter.ready; });
}

void FairGate::leave() {
  std::lock_guard lock(mutex_);
  if (waiting_.empty()) {
    ++free_;
    return;
  }
  // The slot passes straight to the oldest waiter, so no newcomer can take it first.
  Waiter* next = waiting_.front();
  waiting_.pop_front();
  next->ready = true;
  next->admitted.notify_one();
}

}  // namespace dutydesk
