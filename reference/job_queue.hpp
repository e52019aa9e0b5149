#pragma once
// The microtask queue of ECMA-262 9.5 (HostEnqueuePromiseJob) as a host runs it: first in, first
// out. It can also keep a journal of every job (what enqueued it and when), which is what lets the
// reference explain a run and gives the harness its happens-before relation.
#include <cstddef>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace pc::es {

struct JobRecord {
  int id = 0;
  int enqueuedBy = -1;                  // the job running when this one was enqueued; -1: none
  std::size_t enqueuedAfterEvents = 0;  // observable events recorded before it was enqueued
  std::string kind;                     // "PromiseReactionJob", "PromiseResolveThenableJob", ...
  std::string description;
  std::vector<int> after;               // jobs that must run first beyond the enqueue edge
};

class JobQueue {
 public:
  using Work = std::function<void()>;

  // Journaling costs a record per job; the million-promise benchmarks run without it.
  void setRecording(bool on) { recording_ = on; }
  bool recording() const { return recording_; }

  // Enqueues a microtask. `after` (or -1) is a job whose events must precede this one's.
  int enqueue(std::string_view kind, std::string description, Work work, int after = -1);
  bool empty() const { return queue_.empty(); }
  std::size_t size() const { return queue_.size(); }
  void runNext();   // runs the oldest job
  void drain();     // runs jobs until none is left, including jobs they enqueue

  // Macrotasks (the script, timer callbacks) are run by the host; they are journaled here too.
  int beginMacrotask(std::string_view kind, std::string description, int enqueuedBy,
                     std::size_t enqueuedAfterEvents, std::vector<int> after);
  void endMacrotask() { current_ = -1; }

  int current() const { return current_; }
  int nextId() const { return nextId_; }
  // The harness counts observable events so that journal entries can say where they happened.
  void noteEvent() { ++events_; }
  std::size_t events() const { return events_; }
  const std::vector<JobRecord>& journal() const { return journal_; }

 private:
  int record(std::string_view kind, std::string description, int enqueuedBy,
             std::size_t afterEvents, std::vector<int> after);

  std::deque<std::pair<int, Work>> queue_;
  std::vector<JobRecord> journal_;
  bool recording_ = false;
  int nextId_ = 0;
  int current_ = -1;
  std::size_t events_ = 0;
};

}  // namespace pc::es
