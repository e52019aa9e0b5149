#include "harness/node/node_subject.hpp"

#include <stdexcept>

#include "harness/node/node_locate.hpp"
#include "harness/isolate/batch_protocol.hpp"

namespace pc {

NodeSubject::NodeSubject(NodeOptions options) : options_(std::move(options)) {
  if (options_.node.empty()) options_.node = node::findNode();
  if (options_.runner.empty()) options_.runner = std::filesystem::path(PC_DEFAULT_NODE_DIR) / "run.js";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(options_.runner, ec)) {
    throw std::runtime_error("the node runner " + options_.runner.string() + " is missing");
  }
  node::requireRecentNode(options_.node);
}

std::vector<Trace> NodeSubject::run(std::span<const Case* const> cases) {
  const ChildCommand command{{options_.node.string(), options_.runner.string()}, options_.extraEnv, "node"};
  return runInChildProcesses(cases, command, options_.caseTimeout);
}

}  // namespace pc
