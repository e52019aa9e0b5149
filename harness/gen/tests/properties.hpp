#pragma once
// Properties every program must have on the reference. Each returns what it found wrong, or
// nothing; the tests run them on generated programs, on the sound reference (expecting nothing)
// and on deliberately broken ones (expecting them to notice).
#include <optional>
#include <string>

#include "harness/core/trace.hpp"
#include "reference/realm.hpp"

namespace pc::gen::test {

using Violation = std::optional<std::string>;

Trace runReference(const Json& program, es::Mutation mutation);

// The same program gives the same trace, job records included.
Violation sameTraceTwice(const Json& program, es::Mutation mutation);
// Every observation of a promise's settlement (handlers at any time, the final state) agrees.
Violation settlesAtMostOnce(const Json& program, es::Mutation mutation);
// No handler runs in the job in which its then was called, nor before it.
Violation handlersRunInLaterJobs(const Json& program, es::Mutation mutation);
// The handlers of one promise run in the order they were registered.
Violation handlersRunInRegistrationOrder(const Json& program, es::Mutation mutation);
// Final states equal those of the scheduling-free model wherever it can tell.
Violation outcomesMatchModel(const Json& program, es::Mutation mutation);

}  // namespace pc::gen::test
