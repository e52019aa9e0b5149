#pragma once
// Properties every program must have on the reference. Each returns what it found wrong, or
// nothing; the tests run them on generated programs, on the sound reference (no fault, expecting
// nothing) and on the reference on a faulty host (faulty_host.hpp, expecting them to notice).
#include <optional>
#include <string>

#include "harness/core/trace.hpp"
#include "harness/gen/faulty_host.hpp"

namespace pc::gen::test {

using Violation = std::optional<std::string>;

Trace runReference(const Json& program, std::optional<HostFault> fault);

// The same program gives the same trace, job records included.
Violation sameTraceTwice(const Json& program, std::optional<HostFault> fault);
// Every observation of a promise's settlement (handlers at any time, the final state) agrees.
Violation settlesAtMostOnce(const Json& program, std::optional<HostFault> fault);
// No handler runs in the job in which its then was called, nor before it.
Violation handlersRunInLaterJobs(const Json& program, std::optional<HostFault> fault);
// The handlers of one promise run in the order they were registered.
Violation handlersRunInRegistrationOrder(const Json& program, std::optional<HostFault> fault);
// Final states equal those of the scheduling-free model wherever it can tell.
Violation outcomesMatchModel(const Json& program, std::optional<HostFault> fault);

}  // namespace pc::gen::test
