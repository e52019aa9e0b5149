#pragma once
// A microtask queue as Node.js runs promise jobs: first in, first out, each job to completion.
#include <cstddef>
#include <deque>
#include <functional>

#include "reference/host.hpp"

namespace pc::es {

class JobQueue {
 public:
  using Work = std::function<void()>;  // a job of the host's own

  void enqueue(PromiseJob job) { queue_.push_back(std::move(job)); }
  void enqueue(Work work) {
    work_.push_back(std::move(work));
    queue_.emplace_back();  // a job without a realm: the next of work_ (see queue_)
  }
  bool empty() const { return queue_.empty(); }
  std::size_t size() const { return queue_.size(); }
  void runNext();  // runs the oldest job
  void drain();    // runs jobs until none is left, including jobs they enqueue

 private:
  // Every job in the order it came, promise jobs as they are (wrapping each in a Work would
  // allocate for each, and a variant of the two would make every entry larger). NON-SPEC, layout
  // only: a host's Work waits in work_, and an entry whose realm is null stands for the next one.
  std::deque<PromiseJob> queue_;
  std::deque<Work> work_;
};

}  // namespace pc::es
