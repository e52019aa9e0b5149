#include "harness/core/job_journal.hpp"

#include <utility>

namespace pc {

int JobJournal::record(std::string kind, std::string description, int enqueuedBy, std::size_t afterEvents,
                       std::vector<int> after) {
  const int id = nextId();
  records_.push_back({id, enqueuedBy, afterEvents, std::move(kind), std::move(description), std::move(after), 0});
  return id;
}

int JobJournal::enqueue(std::string kind, std::string description, std::vector<int> after) {
  return record(std::move(kind), std::move(description), current_, events_, std::move(after));
}

void JobJournal::run(int id, const std::function<void()>& work) {
  const int outer = current_;
  current_ = id;
  work();
  current_ = outer;
}

int JobJournal::beginMacrotask(std::string kind, std::string description, int enqueuedBy, std::size_t afterEvents,
                               std::vector<int> after) {
  current_ = record(std::move(kind), std::move(description), enqueuedBy, afterEvents, std::move(after));
  return current_;
}

}  // namespace pc
