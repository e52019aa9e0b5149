#include "reference/job_queue.hpp"

#include <utility>

#include "reference/realm.hpp"

namespace pc::es {

void JobQueue::runNext() {
  const PromiseJob job = queue_.pop();
  if (job.realm) {
    job();
    // The stack is empty again: what the job discarded can be reused (Heap::discard).
    return job.realm->heap.reuseDiscarded();
  }
  const Work work = std::move(work_.front());
  work_.pop_front();
  work();
}

void JobQueue::drain() {
  while (!queue_.empty()) runNext();
}

}  // namespace pc::es
