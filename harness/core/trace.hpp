#pragma once
// What a subject observed when it ran one case: the events in order, the final state of every named
// promise, and (for subjects that can explain themselves, like the reference) which job produced each
// event and what enqueued that job.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace pc {

using Json = nlohmann::json;

// One job of the subject's run: a macrotask (the script, a timer callback) or a microtask.
struct JobRecord {
  int id = 0;
  int enqueuedBy = -1;                  // the job that enqueued this one; -1 for macrotasks
  std::size_t enqueuedAfterEvents = 0;  // how many trace events existed when it was enqueued
  std::string kind;                     // "script", "timer", "PromiseReactionJob", ...
  std::string description;              // e.g. "fulfill reaction #2 of p1"
  std::vector<int> after;               // further jobs whose events must come first (registration
                                        // order of one promise's handlers, timers in time order)
  double time = 0;                      // the virtual clock while it ran (ms)
};

// Why a subject produced no trace for a case. Kept apart because each tells a different story:
// the library's own contract, a dead process, no progress, or a fault of this project.
enum class FailureKind {
  LibraryError,  // a C++ exception out of a library call: its type and what()
  Crash,         // the process running the case died: the signal's name (ASan's summary line)
  Hang,          // no progress within the budget
  HarnessError,  // our own fault: a protocol error, an adapter bug, a trace we cannot read
};

struct Trace {
  std::vector<Json> events;     // the forms of spec/case-language.md ("The trace")
  Json final = Json::object();  // promise name -> ["fulfilled", V] | ["rejected", V] | ["pending"]
  // Causality, when the subject records it: eventJob[i] is the job that produced events[i].
  std::vector<int> eventJob;
  std::vector<JobRecord> jobs;  // in the order they ran (the reference's queue is FIFO, so this is
                                // also the order in which they were enqueued)
  // Set when the subject could not produce a trace at all (crash, hang, protocol error).
  std::optional<std::string> failure;
  FailureKind failureKind = FailureKind::HarnessError;  // what kind of failure `failure` is
  // Set when the subject was seen breaking run to completion in a way the order of events may not
  // show: a handler entered synchronously inside, or concurrently with, other JavaScript code. Such a
  // trace cannot reach causal (spec/levels.md).
  std::optional<std::string> brokeRunToCompletion;

  bool hasCausality() const { return !jobs.empty() && eventJob.size() == events.size(); }
  Json toJson() const;  // {"trace": [...], "final": {...}} as in a case's "expect"
};

}  // namespace pc
