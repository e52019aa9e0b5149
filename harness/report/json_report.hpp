#pragma once
// The machine-readable report (results.json): every result with its actual trace, and the counts per
// subject. Keys are sorted and nothing depends on the clock, so equal runs give equal bytes.
#include <ostream>

#include "harness/core/trace.hpp"
#include "harness/run/runner.hpp"

namespace pc {

// The shape, version 1:
// {"format": "promise-conformance/results/1",
//  "subjects": [{"name", "required", "reached" (a level or null), "counts": {"pass", "fail",
//                "not-applicable", "library-error", "crash", "hang", "harness-error", "invalid"}}],
//  "results": [{"case", "subject", "status", "level", "message",
//               "actual": {"trace", "final", "failure"?} or null when the case did not run}]}
Json suiteToJson(const SuiteResult& suite);

void writeJsonReport(std::ostream& out, const SuiteResult& suite);

}  // namespace pc
