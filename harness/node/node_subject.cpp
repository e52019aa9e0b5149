#include "harness/node/node_subject.hpp"

#include <stdexcept>

#include "harness/isolate/batch_protocol.hpp"
#include "harness/node/node_locate.hpp"

namespace pc {

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
  node::requireRecentNode(options_.node);
}

std::vector<Trace> NodeSubject::run(std::span<const Case* const> cases) {
  std::vector<std::string> argv{options_.node.string(), options_.runner.string(), "--library", options_.library.name};
  if (!options_.library.prelude.empty()) {
    argv.push_back("--prelude");
    argv.push_back(options_.library.prelude.string());
  }
  const ChildCommand command{std::move(argv), options_.extraEnv, "node"};
  return runInChildProcesses(cases, command, options_.caseTimeout);
}

}  // namespace pc
