#pragma once
// A subject is one promise implementation under test: the reference, V8 through Node.js, or an
// adapter for a library. The harness hands it batches of cases and gets one trace per case back.
// Subjects that expose promise primitives are driven by the one interpreter (see interpreter.hpp);
// the node subject translates whole cases to JavaScript instead, because it runs them in another
// process and must batch them.
#include <chrono>
#include <span>
#include <string>
#include <vector>

#include "harness/core/case.hpp"
#include "harness/core/feature.hpp"
#include "harness/core/trace.hpp"

namespace pc {

// How a run leaves room to a library's own threads. A threaded library's verdict can depend on who
// wins a race (is a future already complete when then() is called?), and a case run a few times in
// the order the scheduler happens to pick may see only one side of a race that the next report sees
// the other side of. Repeated runs therefore alternate: as the scheduler picks, and with the library's
// threads let run until they are idle after every library call, which makes the side where the
// library got there first happen every time rather than sometimes.
enum class Schedule { AsScheduled, LibraryThreadsFirst };

// The schedule of a subject's repeated run number `run` (0 is the first): odd runs let the
// library's threads go first.
constexpr Schedule scheduleOfRun(int run) {
  return run % 2 == 1 ? Schedule::LibraryThreadsFirst : Schedule::AsScheduled;
}

class Subject {
 public:
  virtual ~Subject() = default;
  virtual std::string name() const = 0;
  virtual FeatureSet features() const = 0;
  // Runs every case (the harness only passes cases whose features are covered) and returns one
  // trace per case, in order. A case the subject cannot run gets a trace whose `failure` is set;
  // it never stops the others.
  virtual std::vector<Trace> run(std::span<const Case* const> cases) = 0;
  // The same under a schedule (above); subjects without threads of their own ignore it.
  virtual std::vector<Trace> runScheduled(std::span<const Case* const> cases, Schedule) { return run(cases); }
  // True when run() may be called from several threads at once, each call with its own cases
  // (subjects that run each batch in a child process of its own). The runner then splits this
  // subject's cases into shards that run concurrently; other subjects get one batch each, one at a time.
  virtual bool concurrentBatches() const { return false; }
  // For subjects that run cases in child processes: how long a child may take over one case before
  // it counts as hung. Others ignore it: nothing of theirs can be killed.
  virtual void setCaseTimeout(std::chrono::milliseconds) {}
};

}  // namespace pc
