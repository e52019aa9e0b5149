#pragma once
// The reference's host in the harness: Node's job queue and rejection tracking (es::NodeHost), and,
// once the interpreter asks for it, an entry in its JobJournal for every job it is given: its kind,
// what it does in the case's words ("fulfill reaction of promise p"), and for a reaction job the
// previous reaction job of the same promise, which must run first (registration order). All of it
// is what a host legitimately knows of the jobs it runs; the model itself journals nothing.
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "harness/core/job_journal.hpp"
#include "harness/core/promise_names.hpp"
#include "reference/node_host.hpp"

namespace pc {

class JournalingHost : public es::NodeHost {
 public:
  // From now on every job is journaled in `journal`, its promises named by `names`.
  void recordIn(JobJournal& journal, PromiseNames& names);

  void HostEnqueuePromiseJob(es::PromiseJob job) override;
  // queueMicrotask(callback): a job of the host's own, in the same queue as promise jobs.
  void queueMicrotask(std::string description, std::function<void()> work);

 private:
  void enqueue(std::string kind, std::string description, std::function<void()> work, std::vector<int> after);
  std::string describe(const es::PromiseJob& job);
  std::vector<int> mustFollow(const es::PromiseJob& job, int id);

  JobJournal* journal_ = nullptr;
  PromiseNames* names_ = nullptr;
  std::unordered_map<const es::PromiseObject*, int> lastReactionJob_;  // per promise
};

}  // namespace pc
