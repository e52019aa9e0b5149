#pragma once
// The batch protocol between the harness and a child process that runs cases (node's run.js, or
// `promise-conformance worker` for an isolated subject), and the loop that survives the child.
//
// Input (the child's stdin): one JSON array of {"id", "program"}. Output (its stdout): optionally
// {"ready": true} once the child has started (loaded its library, read its input), then one JSON line
// per case, in order: {"id", "trace": [...], "final": {...}} or {"id", "failure": "...",
// "failureKind": "library-error" | "crash" | "hang" | "harness-error"}, either with an optional
// "brokeRunToCompletion": "...". A failure without "failureKind" reads as harness-error.
// A case that makes the child hang (no line within the case timeout, or, once the child said it is
// ready, within the case's CPU budget: Hang) or die (end of output: Crash) is recorded as that case's
// failure, with how the child ended and the end of its stderr (a sanitizer's one-line summary instead,
// when one reported); the cases after it go to a fresh child. When that case was not the child's
// first, it runs again alone in a fresh child that lingers after answering, and the result alone is
// its own; if that neither crashes nor hangs, the case before it runs alone the same way, and a crash
// then is charged to that earlier case (work it left behind on a library thread). A child that dies
// after answering every case of its batch has its last case run alone so. A case found crashing
// runs alone, lingering, in every later batch of the subject.
#include <chrono>
#include <mutex>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "harness/core/case.hpp"

namespace pc {

struct ChildCommand {
  std::vector<std::string> argv;      // argv[0] is a path
  std::vector<std::string> extraEnv;  // "NAME=value"
  std::string who;                    // how messages name the child: "node", "the boost/async worker"
  // When set, a case on which the child spends this much CPU time without answering is a hang
  // (a loop that never yields), whatever the wall clock says; larger programs get more (see
  // cpuBudgetFor). Unlike the case timeout, it does not fire early on a loaded machine.
  std::optional<std::chrono::milliseconds> cpuBudget = std::nullopt;
};

// The CPU time a child may spend on case `c`: the command's budget plus kCpuPerProgramKiB for each
// KiB of the case's program, so that a generated case of a million statements is not a hang.
inline constexpr std::chrono::milliseconds kCpuPerProgramKiB{10};
std::optional<std::chrono::milliseconds> cpuBudgetFor(const Case& c, const ChildCommand& command);

// The cases that crashed a fresh child as its first case, shared by the batches of one subject (they
// may run at once). A later batch runs such a case alone in a child of its own instead of in the
// middle of a child that it would kill: one process per crash instead of two (the dead child's
// replacement and the run alone that tells whose crash it was).
class CrashedAlone {
 public:
  void add(const std::string& id);
  bool contains(const std::string& id) const;

 private:
  mutable std::mutex mutex_;
  std::set<std::string> ids_;
};

std::vector<Trace> runInChildProcesses(std::span<const Case* const> cases, const ChildCommand& command,
                                       std::chrono::milliseconds caseTimeout, CrashedAlone* crashedAlone = nullptr);

// The child's side: the batch input parsed back into (id, program) pairs, and one answer line.
struct BatchItem {
  std::string id;
  Json program;
};
std::vector<BatchItem> parseBatchInput(const std::string& input);  // throws std::runtime_error
std::string answerLine(const std::string& id, const Trace& trace);
// Set in a child's environment (milliseconds) to make it linger after its last answer (runWorker).
inline constexpr const char* kLingerVariable = "PC_WORKER_LINGER_MS";
// Set in a worker's environment for a run under Schedule::LibraryThreadsFirst (harness/core/subject.hpp).
inline constexpr const char* kLibraryThreadsFirstVariable = "PC_WORKER_LIBRARY_THREADS_FIRST";
// A child's exit status saying that it found itself deadlocked in a case (every thread waiting for
// kDeadlockWindow): that case hung.
inline constexpr int kDeadlockedExit = 86;
inline constexpr std::chrono::milliseconds kDeadlockWindow{200};

}  // namespace pc
