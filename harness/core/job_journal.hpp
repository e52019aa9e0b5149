#pragma once
// The journal of one run: every job (the macrotasks the interpreter runs, the microtasks a
// journaling host is given) with the job that enqueued it and how many observable events came
// before, which job is running now, and how many events there have been. `explain` tells it, and
// the causal level's happens-before relation is built from it (happens_before.hpp).
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "harness/core/trace.hpp"

namespace pc {

class JobJournal {
 public:
  // A microtask enqueued now: by the running job, after the events so far. `after` lists further
  // jobs whose events must come first. Returns the new job's id.
  int enqueue(std::string kind, std::string description, std::vector<int> after = {});
  // Runs the work of microtask `id`, which is the running job meanwhile.
  void run(int id, const std::function<void()>& work);

  // A macrotask (the script, a timer callback, the host's rejection reports) starts running. It is
  // the running job until endMacrotask().
  int beginMacrotask(std::string kind, std::string description, int enqueuedBy, std::size_t afterEvents,
                     std::vector<int> after);
  void endMacrotask() { current_ = -1; }

  int current() const { return current_; }  // -1 when no job runs
  int nextId() const { return static_cast<int>(records_.size()); }
  // The interpreter counts observable events so that each entry can say where it was enqueued.
  void noteEvent() { ++events_; }
  std::size_t events() const { return events_; }
  // In the order the jobs were enqueued (time left 0: the interpreter fills it in).
  const std::vector<JobRecord>& records() const { return records_; }

 private:
  int record(std::string kind, std::string description, int enqueuedBy, std::size_t afterEvents,
             std::vector<int> after);

  std::vector<JobRecord> records_;
  int current_ = -1;
  std::size_t events_ = 0;
};

}  // namespace pc
