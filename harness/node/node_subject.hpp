#pragma once
// V8 as a subject: cases are translated to JavaScript (harness/node/translate.js) and run in
// batches by one Node.js process (harness/node/run.js), which writes back one JSON line per case.
// A case that hangs or crashes fails alone: run.js runs the cases in a worker thread, stops it when
// a case hangs or ends it, and goes on in a fresh one; when node itself hangs or dies, the process
// is killed and the rest of the batch goes to a fresh one.
//
// The promise library the cases run on is a parameter (NodeLibrary): V8's own Promise by default,
// or a JavaScript library installed by a prelude (harness/node/README.md, "The library").
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "harness/core/subject.hpp"

namespace pc {

// A promise library for the node subject: what it is called, how it is installed, what it offers.
struct NodeLibrary {
  std::string name = "node";  // the subject's name
  // A CommonJS module whose `module.exports` is the library's promise constructor, which the
  // cases' programs then use wherever they say `Promise`. Empty: V8's own Promise.
  std::filesystem::path prelude;
  // What the library offers; a case needing a feature not here is not applicable. Async functions
  // and await stay V8's whatever the library (await takes a library's promise as a thenable).
  FeatureSet features = FeatureSet::all();
  // true: `features` is ignored, and the subject offers what run.js finds the prelude's library
  // has (`run.js --features`, README.md "The library"): for libraries named by the user.
  bool featuresFromRunner = false;
};

struct NodeOptions {
  // harness/node of a source tree: run.js, translate.js, runtime.js and node_modules/ with the
  // pinned Node 24. The command passes its own; tests pass theirs.
  std::filesystem::path home;
  std::filesystem::path node;    // empty: $PC_NODE, else the pinned Node 24 under home, else `node` on PATH
  std::filesystem::path runner;  // empty: home/run.js
  // How long node may go without finishing a case before it counts as hung.
  std::chrono::milliseconds caseTimeout = std::chrono::seconds(20);
  // CPU time the thread running a case may spend on it (plus 10 ms per KiB of its program, as
  // cpuBudgetFor) before it counts as hung. A case of the corpus needs a few milliseconds; a loaded
  // machine, which stretches wall time, cannot make a slow case look hung. run.js's main thread
  // watches the worker thread that runs the cases and stops it (README.md, "The parts").
  std::chrono::milliseconds caseCpuBudget{250};
  // CPU time that thread may spend on a case without progress (no call into the runtime, no turn of
  // the host loop; plus 10 ms per KiB of program) before the case counts as hung: a library whose own
  // queue spins forever (q 1.5.1's self-resolution) is stopped in this much CPU, long before the
  // budget above. The corpus's cases go a few milliseconds at most without progress.
  std::chrono::milliseconds caseStallBudget{50};
  std::vector<std::string> extraEnv;  // "NAME=value" entries added to node's environment
  NodeLibrary library;                // default: V8's own Promise, named "node"
};

class NodeSubject final : public Subject {
 public:
  // Finds node and checks it is recent enough, and that the runner and the library's prelude
  // exist (and, with featuresFromRunner, that the prelude loads); throws std::runtime_error saying
  // what is wrong.
  explicit NodeSubject(NodeOptions options = {});

  std::string name() const override { return options_.library.name; }
  FeatureSet features() const override { return options_.library.features; }
  std::vector<Trace> run(std::span<const Case* const> cases) override;
  // Each call runs its own node process; options_ is only read.
  bool concurrentBatches() const override { return true; }
  void setCaseTimeout(std::chrono::milliseconds timeout) override { options_.caseTimeout = timeout; }

  const std::filesystem::path& nodePath() const { return options_.node; }

 private:
  NodeOptions options_;
};

}  // namespace pc
