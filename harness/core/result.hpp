#pragma once
// The verdict for one case on one subject.
#include <optional>
#include <string>
#include <string_view>

#include "harness/core/trace.hpp"

namespace pc {

// Conformance levels of the design, weakest first. A subject's level for a case is the highest
// one whose comparison passes.
enum class Level { None, Outcome, Causal, Exact };
std::string_view levelName(Level);

enum class Status {
  Pass,           // reached the level asked for
  Fail,           // ran, but below the level asked for
  NotApplicable,  // the case needs a feature the subject lacks
  // The case ran but left no trace to compare, for one of the reasons of FailureKind:
  LibraryError,  // a C++ exception out of a library call
  Crash,         // the process running it died
  Hang,          // no progress within the budget
  HarnessError,  // our own fault
  Invalid,       // the case file itself is broken
};
std::string_view statusName(Status);
inline constexpr Status kAllStatuses[] = {Status::Pass,  Status::Fail, Status::NotApplicable, Status::LibraryError,
                                          Status::Crash, Status::Hang, Status::HarnessError,  Status::Invalid};
// The four statuses of a case that ran without leaving a trace.
inline constexpr Status kNoTraceStatuses[] = {Status::LibraryError, Status::Crash, Status::Hang, Status::HarnessError};
bool producedNoTrace(Status);
Status statusFor(FailureKind);

// How often a case reached each level when it ran more than once (subjects whose threads decide
// the order of some events run each case several times: runner.hpp, SubjectPlan::repeat).
struct Repeats {
  int runs = 1;
  int outcome = 0, causal = 0, exact = 0;  // runs that reached at least that level
  bool sameMessage = true;                 // every run gave the weakest run's message
  bool sameTrace = true;                   // every run gave the weakest run's trace

  int reached(Level) const;
};
// "always", "sometimes" or "never": how often the runs reached `level`.
std::string_view howOften(const Repeats& r, Level level);
// "in 5 runs: outcome always, causal 3 of 5, exact never", for messages a person reads.
std::string repeatsText(const Repeats& r);

struct CaseResult {
  std::string caseId;
  std::string subject;
  Status status = Status::Invalid;
  Level level = Level::None;  // the highest level reached
  std::string message;        // why it failed, crashed or is invalid; missing features for n/a
  Trace actual;               // what the subject observed
  // Set when the case ran more than once; then status, level, message and actual are those of the
  // weakest run, so that every count means "in every run".
  std::optional<Repeats> repeats;
};

}  // namespace pc
