#include "harness/gen/faulty_host.hpp"

#include <array>
#include <stdexcept>

namespace pc::gen {
namespace {

// Runs a handler inside the code that settled its promise or called then: no job at all.
class SynchronousReactionsHost final : public JournalingHost {
 public:
  void HostEnqueuePromiseJob(es::PromiseJob job) override {
    if (job.isReaction()) return job();
    JournalingHost::HostEnqueuePromiseJob(std::move(job));
  }
};

// Calls each job callback twice and keeps the second result. The resolving functions ignore the
// second settlement, so outcomes hold; what a handler does is done twice.
class CallbacksCalledTwiceHost final : public JournalingHost {
 public:
  es::Completion HostCallJobCallback(es::Realm& realm, const es::JobCallback& callback, const es::Value& v,
                                     std::span<const es::Value> arguments) override {
    JournalingHost::HostCallJobCallback(realm, callback, v, arguments);
    return JournalingHost::HostCallJobCallback(realm, callback, v, arguments);
  }
};

// Forwards no arguments: a handler sees undefined where its promise holds a value, and a thenable's
// `then` gets no resolving functions.
class CallbacksWithoutArgumentsHost final : public JournalingHost {
 public:
  es::Completion HostCallJobCallback(es::Realm& realm, const es::JobCallback& callback, const es::Value& v,
                                     std::span<const es::Value>) override {
    return JournalingHost::HostCallJobCallback(realm, callback, v, {});
  }
};

constexpr std::array kFaults = {
    NamedHostFault{HostFault::SynchronousReactions, "sync-reactions"},
    NamedHostFault{HostFault::CallbacksCalledTwice, "callbacks-twice"},
    NamedHostFault{HostFault::CallbacksWithoutArguments, "callbacks-without-arguments"},
};

}  // namespace

std::span<const NamedHostFault> hostFaults() { return kFaults; }

std::optional<HostFault> hostFaultNamed(std::string_view name) {
  for (const NamedHostFault& f : kFaults)
    if (f.name == name) return f.fault;
  return std::nullopt;
}

std::string_view nameOf(HostFault fault) {
  for (const NamedHostFault& f : kFaults)
    if (f.fault == fault) return f.name;
  throw std::logic_error("a host fault without a name");
}

std::unique_ptr<JournalingHost> faultyHost(HostFault fault) {
  switch (fault) {
    case HostFault::SynchronousReactions: return std::make_unique<SynchronousReactionsHost>();
    case HostFault::CallbacksCalledTwice: return std::make_unique<CallbacksCalledTwiceHost>();
    case HostFault::CallbacksWithoutArguments: return std::make_unique<CallbacksWithoutArgumentsHost>();
  }
  throw std::logic_error("an unknown host fault");
}

}  // namespace pc::gen
