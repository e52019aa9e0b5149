#pragma once
// The one interpreter of the case language (spec/case-language.md). It runs a case's program on a
// PromiseRuntime, owns the virtual clock and the macrotask loop, and records the trace: the events,
// the job each event ran in, the job journal, and the final state of every named promise.
#include "harness/core/promise_runtime.hpp"
#include "harness/core/run_budget.hpp"
#include "harness/core/trace.hpp"

namespace pc {

// Runs `program` (a case's validated "program" array) to completion on a fresh runtime. Each call
// needs its own runtime: the realm keeps every object of the run alive until it is destroyed.
// A run that exhausts one of `budgets` ends with a trace whose failure (a hang) names the budget.
Trace interpret(const Json& program, PromiseRuntime& runtime, const Budgets& budgets = {});

}  // namespace pc
