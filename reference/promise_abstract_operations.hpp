#pragma once
// Promise abstract operations and jobs, ECMA-262 27.2.1 and 27.2.2, named as the specification
// names them (and PerformPromiseThen and PromiseResolve, which other algorithms share).
#include <vector>

#include "reference/host.hpp"
#include "reference/object.hpp"
#include "reference/realm.hpp"

namespace pc::es {

struct ResolvingFunctions {
  Object* resolve;
  Object* reject;
};

ResolvingFunctions CreateResolvingFunctions(Realm& realm, PromiseObject* promise);  // 27.2.1.3
void FulfillPromise(Realm& realm, PromiseObject* promise, const Value& value);      // 27.2.1.4
PromiseCapability NewPromiseCapability(Realm& realm);                               // 27.2.1.5, C = %Promise%
// 27.2.1.5 with C = %Promise%, for Promise.prototype.then: its functions are not made (see the .cpp).
PromiseCapability NewPromiseCapabilityForReaction(Realm& realm);
// 27.2.1.5 NewPromiseCapability ( C ), for any C: a throw when C is not a constructor, when
// Construct(C) throws, or when C did not hand its executor two functions.
Completion NewPromiseCapability(Realm& realm, const Value& C, PromiseCapability& capability);
inline bool IsPromise(const Value& x) { return asPromise(x) != nullptr; }       // 27.2.1.6
void RejectPromise(Realm& realm, PromiseObject* promise, const Value& reason);  // 27.2.1.7
void TriggerPromiseReactions(Realm& realm, PromiseObject* promise, const PromiseReactionLists::List& reactions,
                             const Value& argument);  // 27.2.1.8
PromiseJob NewPromiseReactionJob(Realm& realm, PromiseObject* promise, const PromiseReaction& reaction,
                                 const Value& argument);  // 27.2.2.1
PromiseJob NewPromiseResolveThenableJob(Realm& realm, PromiseObject* promiseToResolve, const Value& thenable,
                                        JobCallback then);  // 27.2.2.2
// 27.2.5.4.1; resultCapability absent (Await's) is one with a null promise.
Value PerformPromiseThen(Realm& realm, PromiseObject* promise, const Value& onFulfilled, const Value& onRejected,
                         const PromiseCapability& resultCapability = {});
Completion PromiseResolve(Realm& realm, const Value& C, const Value& x);  // 27.2.4.7.1, any C

}  // namespace pc::es
