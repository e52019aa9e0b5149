#pragma once
// The human-readable report: one line per case that did not pass (with the reason), each broken case
// file once, then one summary line per subject.
#include <ostream>

#include "harness/run/runner.hpp"

namespace pc {

struct ConsoleStyle {
  bool color = false;    // ANSI colours; the caller decides (only on a terminal, never with NO_COLOR)
  bool verbose = false;  // also list the passing cases
};

void writeConsoleReport(std::ostream& out, const SuiteResult& suite, ConsoleStyle style);

}  // namespace pc
