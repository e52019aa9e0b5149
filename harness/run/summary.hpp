#pragma once
// Per-subject counts of a run, shared by every reporter so they cannot disagree.
#include <cstddef>
#include <optional>
#include <span>
#include <string>

#include "harness/core/result.hpp"

namespace pc {

struct SubjectSummary {
  std::string subject;
  Level required = Level::Exact;
  std::size_t pass = 0, fail = 0, notApplicable = 0, invalid = 0;
  std::size_t libraryError = 0, crash = 0, hang = 0, harnessError = 0;  // ran, but left no trace
  // The level every case that ran reaches (the lowest over pass, fail and crashed results);
  // empty when no case ran on this subject.
  std::optional<Level> reached;

  std::size_t noTrace() const { return libraryError + crash + hang + harnessError; }
  std::size_t count(Status) const;
  std::size_t total() const { return pass + fail + notApplicable + noTrace() + invalid; }
};

// "12 pass, 1 fail, 3 n/a, 0 invalid", with the kinds of no-trace result that occurred
// ("1 crash, 2 hang") after the failures.
std::string countsText(const SubjectSummary& s);

// Counts the results whose subject is `subject`.
SubjectSummary summarize(const std::string& subject, Level required, std::span<const CaseResult> results);

// Counts one subject's results as if it were required to reach `level`: a case that left a trace
// passes when it reached `level` (the conformance report's counts at each level).
SubjectSummary summarizeAt(Level level, std::span<const CaseResult* const> results);

// {"pass": n, "fail": n, "not-applicable": n, ...}: every status, by its name.
Json countsToJson(const SubjectSummary& s);

}  // namespace pc
