#pragma once
// A microtask queue as Node.js runs promise jobs: first in, first out, each job to completion.
#include <cstddef>
#include <deque>
#include <functional>
#include <variant>

#include "reference/host.hpp"

namespace pc::es {

class JobQueue {
 public:
  using Work = std::function<void()>;  // a job of the host's own

  void enqueue(PromiseJob job) { queue_.emplace_back(std::move(job)); }
  void enqueue(Work work) { queue_.emplace_back(std::move(work)); }
  bool empty() const { return queue_.empty(); }
  std::size_t size() const { return queue_.size(); }
  void runNext();  // runs the oldest job
  void drain();    // runs jobs until none is left, including jobs they enqueue

 private:
  // Promise jobs kept as they are, not wrapped in a Work: that would allocate for each.
  std::deque<std::variant<PromiseJob, Work>> queue_;
};

}  // namespace pc::es
