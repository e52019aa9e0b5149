#pragma once
// Trace comparison at the three levels that spec/levels.md defines: outcome, causal, exact.
#include <string>

#include "harness/core/result.hpp"
#include "harness/core/trace.hpp"

namespace pc {

struct Comparison {
  Level level = Level::None;  // the highest level at which `actual` agrees
  std::string why;            // for the first level that failed: what differs, in one or two lines
};

// `expected` is the case's expectation. `causal` is the reference's trace of the same case with its
// job records; it supplies the happens-before relation for the causal level (when it is null or has
// no causality, the causal level is decided as if it were exact).
Comparison compareTraces(const Trace& expected, const Trace& actual, const Trace* causal);

}  // namespace pc
