#pragma once
// Fault containment for subjects that run foreign code in this process (library adapters): the
// cases run in a worker process (`promise-conformance worker --subject NAME`), so a case that
// segfaults, aborts, throws out of everything or hangs is recorded as that case's crash, with how
// the worker ended, and the other cases go on in a fresh worker.
#include <chrono>
#include <string>
#include <vector>

#include "harness/core/subject.hpp"
#include "harness/isolate/batch_protocol.hpp"

namespace pc {

class IsolatedSubject final : public Subject {
 public:
  IsolatedSubject(std::string name, FeatureSet features, ChildCommand worker, std::chrono::milliseconds caseTimeout)
      : name_(std::move(name)), features_(features), worker_(std::move(worker)), caseTimeout_(caseTimeout) {}

  std::string name() const override { return name_; }
  FeatureSet features() const override { return features_; }
  std::vector<Trace> run(std::span<const Case* const> cases) override {
    return runInChildProcesses(cases, worker_, caseTimeout_, &crashedAlone_);
  }
  std::vector<Trace> runScheduled(std::span<const Case* const> cases, Schedule schedule) override {
    if (schedule == Schedule::AsScheduled) return run(cases);
    ChildCommand worker = worker_;
    worker.extraEnv.push_back(std::string(kLibraryThreadsFirstVariable) + "=1");
    return runInChildProcesses(cases, worker, caseTimeout_, &crashedAlone_);
  }
  // Each call starts workers of its own and touches nothing shared.
  bool concurrentBatches() const override { return true; }
  void setCaseTimeout(std::chrono::milliseconds timeout) override { caseTimeout_ = timeout; }

 private:
  std::string name_;
  FeatureSet features_;
  ChildCommand worker_;
  std::chrono::milliseconds caseTimeout_;
  CrashedAlone crashedAlone_;  // learnt by one batch, used by the next
};

// How long a worker may take over one case before it counts as hung: a backstop. A threaded library
// that merely waits is seen idle at once (harness/core/thread_states.hpp), and one that stays busy is
// stopped by sdk::Options::drainTimeout per drain, so no case of the corpus should ever reach this.
inline constexpr std::chrono::milliseconds kWorkerCaseTimeout{10000};

// The worker's side: reads a batch from `in`, runs each case on `subject` (in this process) and
// writes one answer line per case to `out`, flushing each. Returns the exit code. With
// kLingerVariable set (milliseconds), it waits that long after its last answer before returning, so
// that a crash from work the last case left behind still happens in this process, where the harness
// sees it (runInChildProcesses asks for that when it looks for the case behind a crash).
int runWorker(Subject& subject, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace pc
