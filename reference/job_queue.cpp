#include "reference/job_queue.hpp"

#include <utility>

namespace pc::es {

void JobQueue::runNext() {
  Work work = std::move(queue_.front());
  queue_.pop_front();
  work();
}

void JobQueue::drain() {
  while (!queue_.empty()) runNext();
}

}  // namespace pc::es
