#pragma once
// Checks a case's "expect": the trace events and the final states, in the forms of
// spec/case-language.md ("The trace"), and that "final" lists exactly the named promises.
// Mirrors $defs/traceEvent, finalState and traceValue of spec/case.schema.json.
#include "harness/core/trace.hpp"
#include "harness/load/load_error.hpp"
#include "harness/load/names.hpp"

namespace pc::load {

// `names` must hold every binding of the program; the trace's uses of names are added to it.
void checkExpect(const Json& expect, Names& names, Diagnostics& out);

// True when the trace holds an unhandled or handled event (so the case needs rejection tracking).
bool tracksRejections(const Json& trace);

}  // namespace pc::load
