#pragma once
// RapidCheck generators of well-formed case programs (spec/case-language.md), for property tests,
// the differential fuzzer and adapters' tests.
//
// The pieces generate "raw" statements whose promise references are placeholders ("#k": the k-th
// promise bound before, counted from the latest, so k = 0 makes chains and k > 0 fan-out). The
// last step, bindNames (bind_names.hpp), turns them into real names. Because references are
// resolved only at the end, RapidCheck can drop or simplify any statement while shrinking and the
// program stays valid: every reference still points at a promise bound earlier.
//
// Every promise a program makes is named, so its final state is in the trace. References only
// point backwards (a deferred's settlement value only at promises bound before the deferred), so
// outcomes never form cycles and outcome_model.hpp can predict them.
#include <rapidcheck.h>

#include "harness/core/trace.hpp"

NLOHMANN_JSON_NAMESPACE_BEGIN
// How RapidCheck prints a counterexample. Without it, it picks its showValue(std::string) through
// Json's implicit conversion, which throws on anything but a string ("Exception while generating").
inline void showValue(const json& value, std::ostream& os) { os << value.dump(); }
NLOHMANN_JSON_NAMESPACE_END

namespace pc::gen {

// A whole program: one creation to start with, then statements; the count grows with size.
rc::Gen<Json> programOfDepth(int thenableDepth);  // the same, with a fixed nesting depth
rc::Gen<Json> program();

// The pieces, in raw form (placeholders not yet bound).
rc::Gen<Json> plainValue();                    // strings, numbers, booleans, null, undefined, errors, arrays
rc::Gen<Json> promiseRef();                    // {"promise": "#k"}
rc::Gen<Json> settleValue(int depth);          // plain, a promise, or a scripted thenable (nesting < depth)
rc::Gen<Json> thenable(int depth);             // {"thenable": {...}} that resolves, rejects, throws, later
rc::Gen<Json> handler(int depth);              // a handler body: logs, then returns or throws or falls off
rc::Gen<Json> executor(int depth);             // an executor body: resolve/reject/throw, now or on a timer
rc::Gen<Json> asyncBody(int depth);            // an async function body with awaits
rc::Gen<Json> creation(int depth);             // a statement that makes a promise
rc::Gen<Json> reaction(int depth);             // then / catch / finally on an earlier promise
rc::Gen<Json> settlement(int depth);           // resolve/reject "of" an earlier deferred, now or on a timer
rc::Gen<Json> ownThen(int depth);              // set or define an own then (method, value, accessor) on a promise
rc::Gen<Json> customConstructor();             // a custom constructor C
rc::Gen<Json> subclass();                      // a class C extending Promise
rc::Gen<Json> resolveOfConstructor();          // C.resolve = a function, on the latest C
rc::Gen<Json> staticOnConstructor(int depth);  // a static method called on the latest C ("on")
rc::Gen<Json> asyncGenerator(int depth);       // an async generator with awaits and yields
rc::Gen<Json> generatorRequest(int depth);     // next, return or throw on the latest async generator
rc::Gen<Json> sameValueLog();                  // logs Object.is of two earlier promises or values
rc::Gen<Json> rawStatement(int depth);         // any top-level statement

}  // namespace pc::gen
