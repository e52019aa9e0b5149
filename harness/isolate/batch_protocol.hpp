#pragma once
// The batch protocol between the harness and a child process that runs cases (node's run.js, or
// `promise-conformance worker` for an isolated subject), and the loop that survives the child.
//
// Input (the child's stdin): one JSON array of {"id", "program"}. Output (its stdout): one JSON line
// per case, in order: {"id", "trace": [...], "final": {...}} or {"id", "failure": "..."}.
// A case that makes the child hang (no line within the case timeout) or die (end of output) is
// recorded as that case's failure, with how the child ended and the end of its stderr; the cases
// after it go to a fresh child.
#include <chrono>
#include <span>
#include <string>
#include <vector>

#include "harness/core/case.hpp"

namespace pc {

struct ChildCommand {
  std::vector<std::string> argv;      // argv[0] is a path
  std::vector<std::string> extraEnv;  // "NAME=value"
  std::string who;                    // how messages name the child: "node", "the boost/async worker"
};

std::vector<Trace> runInChildProcesses(std::span<const Case* const> cases, const ChildCommand& command,
                                       std::chrono::milliseconds caseTimeout);

// The child's side: the batch input parsed back into (id, program) pairs, and one answer line.
struct BatchItem {
  std::string id;
  Json program;
};
std::vector<BatchItem> parseBatchInput(const std::string& input);  // throws std::runtime_error
std::string answerLine(const std::string& id, const Trace& trace);

}  // namespace pc
