#pragma once
// Checks that "expect.final" names every promise the program surely binds. Which bindings surely
// run is decided statically and conservatively: a statement of the main script runs unless one
// before it may throw, and an executor, a `try` body and an async body up to its first await run
// at once inside the statement that makes them. A handler, a timer or microtask callback, a getter
// and anything after a statement that may throw may not run, so a promise bound there is left to
// the comparison at run time, which names it when the expectation misses it.
#include <string>
#include <utility>
#include <vector>

#include "harness/core/trace.hpp"
#include "harness/load/load_error.hpp"

namespace pc::load {

// The promises the program surely binds, with the pointer of the statement that binds each, in the
// order they are bound.
std::vector<std::pair<std::string, std::string>> surelyBoundPromises(const Json& program);

// Every promise name the program binds anywhere, in about the order a run binds them (for writing
// "final" in a natural order).
std::vector<std::string> promisesInBindingOrder(const Json& program);

// Reports each surely bound promise that `final` (an object) leaves out, at /expect/final.
void checkFinalNamesSureBindings(const Json& program, const Json& final, Diagnostics& out);

}  // namespace pc::load
