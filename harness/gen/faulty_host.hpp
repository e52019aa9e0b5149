#pragma once
// Deliberate breaks of the reference, committed the only way a host can commit them: through the
// hooks ECMA-262 gives it (reference/host.hpp). Each is a JournalingHost that gets one hook wrong,
// so its traces are journaled like any other. They prove that the property tests and the fuzzer
// can fail (README.md, "Deliberate breaks"); only those tests and `fuzz --break` use them.
#include <memory>
#include <optional>
#include <span>
#include <string_view>

#include "harness/core/journaling_host.hpp"

namespace pc::gen {

enum class HostFault {
  SynchronousReactions,       // HostEnqueuePromiseJob runs a reaction job at once instead of enqueuing it
  CallbacksCalledTwice,       // HostCallJobCallback calls each handler (and thenable `then`) twice
  CallbacksWithoutArguments,  // HostCallJobCallback calls each one without its arguments
};

struct NamedHostFault {
  HostFault fault;
  std::string_view name;  // what `fuzz --break` takes
};

// Every fault, in the order `fuzz --help` lists them.
std::span<const NamedHostFault> hostFaults();
std::optional<HostFault> hostFaultNamed(std::string_view name);
std::string_view nameOf(HostFault fault);

std::unique_ptr<JournalingHost> faultyHost(HostFault fault);

}  // namespace pc::gen
