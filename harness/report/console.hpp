#pragma once
// The human-readable report: one line per case that did not pass (with the reason), each broken case
// file once, then one summary line per subject. Verbose, it also lists the passing cases and shows
// under each failing one its expected and actual traces side by side (the reports' renderer).
#include <ostream>
#include <span>

#include "harness/core/case.hpp"

#include "harness/run/runner.hpp"

namespace pc {

struct ConsoleStyle {
  bool color = false;    // ANSI colours; the caller decides (only on a terminal, never with NO_COLOR)
  bool verbose = false;  // also list the passing cases, and show failing traces
};

// `cases`, sorted by id (as the loader returns them), give the expected traces for verbose output.
void writeConsoleReport(std::ostream& out, const SuiteResult& suite, ConsoleStyle style,
                        std::span<const Case> cases = {});

}  // namespace pc
