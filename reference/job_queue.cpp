#include "reference/job_queue.hpp"

#include <utility>

namespace pc::es {

void JobQueue::runNext() {
  const PromiseJob job = std::move(queue_.front());
  queue_.pop_front();
  if (job.realm) return job();
  const Work work = std::move(work_.front());
  work_.pop_front();
  work();
}

void JobQueue::drain() {
  while (!queue_.empty()) runNext();
}

}  // namespace pc::es
