#include "reference/job_queue.hpp"

#include <utility>

namespace pc::es {

void JobQueue::runNext() {
  auto job = std::move(queue_.front());
  queue_.pop_front();
  std::visit([](const auto& steps) { steps(); }, job);
}

void JobQueue::drain() {
  while (!queue_.empty()) runNext();
}

}  // namespace pc::es
