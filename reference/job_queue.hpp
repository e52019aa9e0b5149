#pragma once
// A microtask queue as Node.js runs promise jobs: first in, first out, each job to completion.
#include <cstddef>
#include <deque>
#include <functional>

namespace pc::es {

class JobQueue {
 public:
  using Work = std::function<void()>;

  void enqueue(Work work) { queue_.push_back(std::move(work)); }
  bool empty() const { return queue_.empty(); }
  std::size_t size() const { return queue_.size(); }
  void runNext();  // runs the oldest job
  void drain();    // runs jobs until none is left, including jobs they enqueue

 private:
  std::deque<Work> queue_;
};

}  // namespace pc::es
