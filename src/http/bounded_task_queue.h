// A worker pool for cpp-httplib with a bounded queue. Debian's cpp-httplib 0.11.4 queues
// connections without limit; here a connection that finds the queue full is handed to one
// overflow thread that answers 503 at once, so load sheds instead of piling up.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace dutydesk {

class BoundedTaskQueue : public httplib::TaskQueue {
 public:
  BoundedTaskQueue(size_t threads, size_t limit);
  ~BoundedTaskQueue() override;

  void enqueue(std::function<void()> task) override;
  void shutdown() override;

  // True on the thread that is answering connections the pool had no room for.
  static bool overloaded();

 private:
  void work(bool overflow);

  const size_t limit_;
  std::mutex mutex_;  // guards everything below
  std::condition_variable ready_;
  std::deque<std::function<void()>> tasks_;
  std::deque<std::function<void()>> overflow_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace dutydesk
