#include "http/bounded_task_queue.h"

namespace dutydesk {

namespace {
thread_local bool tOverloaded = false;
// Beyond this many connections waiting for a 503, the accepting thread answers them itself:
// accepting slows down instead of memory growing.
constexpr size_t kOverflowLimit = 1024;
}  // namespace

BoundedTaskQueue::BoundedTaskQueue(size_t threads, size_t limit) : limit_(limit) {
  for (size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { work(false); });
  threads_.emplace_back([this] { work(true); });
}

BoundedTaskQueue::~BoundedTaskQueue() {
  shutdown();
}

bool BoundedTaskQueue::overloaded() {
  return tOverloaded;
}

void BoundedTaskQueue::enqueue(std::function<void()> task) {
  {
    std::lock_guard lock(mutex_);
    if (tasks_.size() < limit_) {
      tasks_.push_back(std::move(task));
      ready_.notify_all();
      return;
    }
    if (overflow_.size() < kOverflowLimit) {
      overflow_.push_back(std::move(task));
      ready_.notify_all();
      return;
    }
  }
  tOverloaded = true;
  task();
  tOverloaded = false;
}

void BoundedTaskQueue::shutdown() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && threads_.empty()) return;
    stopping_ = true;
  }
  ready_.notify_all();
  for (std::thread& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
  threads_.clear();
}

void BoundedTaskQueue::work(bool overflow) {
  tOverloaded = overflow;
  auto& queue = overflow ? overflow_ : tasks_;
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [&] { return stopping_ || !queue.empty(); });
      if (queue.empty()) return;  // stopping, and nothing left to finish
      task = std::move(queue.front());
      queue.pop_front();
    }
    task();
  }
}

}  // namespace dutydesk
