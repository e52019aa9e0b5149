#pragma once
// The story of one case on the reference, job by job: which job ran, what enqueued it and after which
// event, the events it logged, and the final states. This is what `promise-conformance explain`
// prints; it makes the reference's scheduling (and so every expectation) something a person can check.
#include <ostream>

#include "harness/core/case.hpp"
#include "harness/core/trace.hpp"

namespace pc {

// `trace` is the reference's trace of `c`. Jobs are told in the order of Trace::jobs, which is the
// order they ran in.
void writeExplanation(std::ostream& out, const Case& c, const Trace& trace);

}  // namespace pc
