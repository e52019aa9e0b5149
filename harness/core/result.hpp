#pragma once
// The verdict for one case on one subject.
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
  Crashed,        // the subject hung, crashed or could not run the case
  Invalid,        // the case file itself is broken
};
std::string_view statusName(Status);

struct CaseResult {
  std::string caseId;
  std::string subject;
  Status status = Status::Invalid;
  Level level = Level::None;   // the highest level reached
  std::string message;         // why it failed, crashed or is invalid; missing features for n/a
  Trace actual;                // what the subject observed
};

}  // namespace pc
