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

class Subject {
 public:
  virtual ~Subject() = default;
  virtual std::string name() const = 0;
  virtual FeatureSet features() const = 0;
  // Runs every case (the harness only passes cases whose features are covered) and returns one
  // trace per case, in order. A case the subject cannot run gets a trace whose `failure` is set;
  // it never stops the others.
  virtual std::vector<Trace> run(std::span<const Case* const> cases) = 0;
  // True when run() may be called from several threads at once, each call with its own cases
  // (subjects that run each batch in a child process of its own). The runner then splits this
  // subject's cases into shards that run concurrently; other subjects get one batch each, one at a time.
  virtual bool concurrentBatches() const { return false; }
  // For subjects that run cases in child processes: how long a child may take over one case before
  // it counts as hung. Others ignore it: nothing of theirs can be killed.
  virtual void setCaseTimeout(std::chrono::milliseconds) {}
};

}  // namespace pc
