#include "harness/core/result.hpp"

namespace pc {

std::string_view levelName(Level l) {
  switch (l) {
    case Level::None: return "none";
    case Level::Outcome: return "outcome";
    case Level::Causal: return "causal";
    case Level::Exact: return "exact";
  }
  return "?";
}

std::string_view statusName(Status s) {
  switch (s) {
    case Status::Pass: return "pass";
    case Status::Fail: return "fail";
    case Status::NotApplicable: return "not-applicable";
    case Status::LibraryError: return "library-error";
    case Status::Crash: return "crash";
    case Status::Hang: return "hang";
    case Status::HarnessError: return "harness-error";
    case Status::Invalid: return "invalid";
  }
  return "?";
}

int Repeats::reached(Level l) const {
  switch (l) {
    case Level::None: return runs;
    case Level::Outcome: return outcome;
    case Level::Causal: return causal;
    case Level::Exact: return exact;
  }
  return 0;
}

std::string_view howOften(const Repeats& r, Level level) {
  const int n = r.reached(level);
  return n == r.runs ? "always" : n == 0 ? "never" : "sometimes";
}

std::string repeatsText(const Repeats& r) {
  std::string out = "in " + std::to_string(r.runs) + " runs:";
  const char* separator = " ";
  for (Level l : {Level::Outcome, Level::Causal, Level::Exact}) {
    const std::string_view often = howOften(r, l);
    out += separator + std::string(levelName(l)) + " " +
           (often == "sometimes" ? std::to_string(r.reached(l)) + " of " + std::to_string(r.runs) : std::string(often));
    separator = ", ";
  }
  return out;
}

bool producedNoTrace(Status s) {
  return s == Status::LibraryError || s == Status::Crash || s == Status::Hang || s == Status::HarnessError;
}

Status statusFor(FailureKind k) {
  switch (k) {
    case FailureKind::LibraryError: return Status::LibraryError;
    case FailureKind::Crash: return Status::Crash;
    case FailureKind::Hang: return Status::Hang;
    case FailureKind::HarnessError: return Status::HarnessError;
  }
  return Status::HarnessError;
}

}  // namespace pc
