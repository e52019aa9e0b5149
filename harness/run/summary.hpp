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
  std::size_t pass = 0, fail = 0, notApplicable = 0, crashed = 0, invalid = 0;
  // The level every case that ran reaches (the lowest over pass, fail and crashed results);
  // empty when no case ran on this subject.
  std::optional<Level> reached;

  std::size_t total() const { return pass + fail + notApplicable + crashed + invalid; }
};

// Counts the results whose subject is `subject`.
SubjectSummary summarize(const std::string& subject, Level required, std::span<const CaseResult> results);

}  // namespace pc
