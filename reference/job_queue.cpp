#include "reference/job_queue.hpp"

#include <utility>

namespace pc::es {

int JobQueue::record(std::string_view kind, std::string description, int enqueuedBy,
                     std::size_t afterEvents, std::vector<int> after) {
  const int id = nextId_++;
  if (recording_)
    journal_.push_back({id, enqueuedBy, afterEvents, std::string(kind), std::move(description),
                        std::move(after)});
  return id;
}

int JobQueue::enqueue(std::string_view kind, std::string description, Work work, int after) {
  std::vector<int> predecessors;
  if (recording_ && after >= 0) predecessors.push_back(after);
  const int id = record(kind, std::move(description), current_, events_, std::move(predecessors));
  queue_.emplace_back(id, std::move(work));
  return id;
}

void JobQueue::runNext() {
  auto [id, work] = std::move(queue_.front());
  queue_.pop_front();
  const int outer = current_;
  current_ = id;
  work();
  current_ = outer;
}

void JobQueue::drain() {
  while (!queue_.empty()) runNext();
}

int JobQueue::beginMacrotask(std::string_view kind, std::string description, int enqueuedBy,
                             std::size_t enqueuedAfterEvents, std::vector<int> after) {
  current_ = record(kind, std::move(description), enqueuedBy, enqueuedAfterEvents, std::move(after));
  return current_;
}

}  // namespace pc::es
