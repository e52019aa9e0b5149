#include "reference/host.hpp"

#include "reference/realm.hpp"

namespace pc::es {

// 9.5.3 HostCallJobCallback ( jobCallback, V, argumentsList ), the default implementation — https://tc39.es/ecma262/2025/#sec-hostcalljobcallback
Completion Host::HostCallJobCallback(Realm& realm, const JobCallback& jobCallback, const Value& v,
                                     std::span<const Value> argumentsList) {
  // 1. Assert: IsCallable(jobCallback.[[Callback]]). 2. Return ? Call(callback, V, argumentsList).
  return Call(realm, jobCallback.callback, v, argumentsList);
}

}  // namespace pc::es
