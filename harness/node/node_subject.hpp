#pragma once
// V8 as a subject: cases are translated to JavaScript (harness/node/translate.js) and run in
// batches by one Node.js process (harness/node/run.js), which writes back one JSON line per case.
// A case that hangs or crashes node fails alone: the process is killed and the rest of the batch
// goes to a fresh one.
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "harness/core/subject.hpp"

namespace pc {

struct NodeOptions {
  std::filesystem::path node;    // empty: $PC_NODE, else the pinned Node 24, else `node` on PATH
  std::filesystem::path runner;  // empty: run.js beside this file (PC_DEFAULT_NODE_DIR)
  // How long node may go without finishing a case before it counts as hung.
  std::chrono::milliseconds caseTimeout = std::chrono::seconds(20);
  std::vector<std::string> extraEnv;  // "NAME=value" entries added to node's environment
};

class NodeSubject final : public Subject {
 public:
  // Finds node and checks it is recent enough; throws std::runtime_error saying what to run
  // when it is not.
  explicit NodeSubject(NodeOptions options = {});

  std::string name() const override { return "node"; }
  FeatureSet features() const override { return FeatureSet::all(); }
  std::vector<Trace> run(std::span<const Case* const> cases) override;
  // Each call runs its own node process; options_ is only read.
  bool concurrentBatches() const override { return true; }
  void setCaseTimeout(std::chrono::milliseconds timeout) override { options_.caseTimeout = timeout; }

  const std::filesystem::path& nodePath() const { return options_.node; }

 private:
  NodeOptions options_;
};

}  // namespace pc
