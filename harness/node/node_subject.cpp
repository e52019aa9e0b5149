#include "harness/node/node_subject.hpp"

#include <mutex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "harness/isolate/batch_protocol.hpp"
#include "harness/isolate/piped_process.hpp"
#include "harness/node/node_locate.hpp"

namespace pc {
namespace {

std::vector<std::string> runnerArguments(const NodeOptions& options) {
  std::vector<std::string> argv{options.node.string(), options.runner.string(), "--library", options.library.name};
  if (!options.library.prelude.empty()) {
    argv.push_back("--prelude");
    argv.push_back(options.library.prelude.string());
  }
  return argv;
}

// The CPU time node as a whole may spend between two answers before the harness kills it: run.js
// enforces the case's budgets itself, on the thread that runs the case, and may then start a fresh
// worker thread and run the case again alone before it answers. This catches only a node that fails
// to (its main thread stuck), so it leaves room for all of that.
std::chrono::milliseconds backstopCpuBudget(const NodeOptions& options) {
  return 3 * (options.caseCpuBudget + options.caseStallBudget) + std::chrono::seconds(2);
}

// requireRecentNode, once per node binary (as it was when checked) in this process: a run of the ten
// js: subjects asks `node --version` once instead of ten times, one after another.
void requireRecentNodeOnce(const std::filesystem::path& node) {
  static std::mutex mutex;
  static std::set<std::pair<std::string, std::filesystem::file_time_type>> checked;
  std::error_code ec;
  const auto modified = std::filesystem::last_write_time(node, ec);
  if (ec) return node::requireRecentNode(node);  // throws saying what is wrong
  const std::pair key{std::filesystem::absolute(node, ec).string(), modified};
  {
    std::lock_guard lock(mutex);
    if (checked.contains(key)) return;
  }
  node::requireRecentNode(node);
  std::lock_guard lock(mutex);
  checked.insert(key);
}

// What `run.js --features` says the library offers: one line of feature names.
FeatureSet probeFeatures(const NodeOptions& options) {
  std::vector<std::string> argv = runnerArguments(options);
  argv.push_back("--features");
  PipedProcess proc(argv, "", options.extraEnv);
  std::string line;
  const auto got = proc.readLine(line, std::chrono::seconds(30));
  if (got != PipedProcess::Read::Line) proc.kill();
  const std::string ended = proc.wait();
  if (got != PipedProcess::Read::Line || !proc.exitedCleanly()) {
    throw std::runtime_error("the promise library " + options.library.name + " did not load (" + ended +
                             "): " + proc.stderrTail());
  }
  FeatureSet features;
  std::istringstream names(line);
  for (std::string name; names >> name;) {
    const auto f = featureFromName(name);
    if (!f) throw std::runtime_error("run.js --features names an unknown feature: " + name);
    features.add(*f);
  }
  return features;
}

}  // namespace

NodeSubject::NodeSubject(NodeOptions options) : options_(std::move(options)) {
  if (options_.home.empty() && options_.runner.empty())
    throw std::runtime_error("the node subject needs the folder of its runner (NodeOptions::home, harness/node)");
  if (options_.node.empty()) options_.node = node::findNode(options_.home);
  if (options_.runner.empty()) options_.runner = options_.home / "run.js";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(options_.runner, ec)) {
    throw std::runtime_error("the node runner " + options_.runner.string() + " is missing");
  }
  const NodeLibrary& library = options_.library;
  if (!library.prelude.empty() && !std::filesystem::is_regular_file(library.prelude, ec)) {
    throw std::runtime_error("the prelude " + library.prelude.string() + " of the promise library " + library.name +
                             " is missing");
  }
  requireRecentNodeOnce(options_.node);
  if (options_.library.featuresFromRunner) options_.library.features = probeFeatures(options_);
}

std::vector<Trace> NodeSubject::run(std::span<const Case* const> cases) {
  std::vector<std::string> argv = runnerArguments(options_);
  for (const auto& [flag, budget] :
       {std::pair{"--cpu-budget", options_.caseCpuBudget}, std::pair{"--stall-budget", options_.caseStallBudget}}) {
    argv.push_back(flag);
    argv.push_back(std::to_string(budget.count()));
  }
  const ChildCommand command{std::move(argv), options_.extraEnv, "node", backstopCpuBudget(options_)};
  return runInChildProcesses(cases, command, options_.caseTimeout);
}

}  // namespace pc
