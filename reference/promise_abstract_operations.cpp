#include "reference/promise_abstract_operations.hpp"

#include <memory>

namespace pc::es {
namespace {

Value argumentAt(std::span<const Value> args, std::size_t i) {
  return i < args.size() ? args[i] : Value(Undefined{});
}

const char* reactionName(ReactionType type) {
  return type == ReactionType::Fulfill ? "fulfill" : "reject";
}

}  // namespace

// 27.2.1.3 CreateResolvingFunctions ( promise )
ResolvingFunctions CreateResolvingFunctions(Realm& realm, PromiseObject* promise) {
  // 1. Let alreadyResolved be the Record { [[Value]]: false }.
  auto alreadyResolved = std::make_shared<bool>(false);
  // 27.2.1.3.2 Promise Resolve Functions
  Object* resolve = realm.makeFunction(
      [&realm, promise, alreadyResolved](const Value&, std::span<const Value> args) {
        const Value resolution = argumentAt(args, 0);
        // 5-6. If alreadyResolved.[[Value]] is true, return undefined; else set it to true.
        if (*alreadyResolved && realm.mutation != Mutation::IgnoreAlreadyResolved)
          return Completion::normal();
        *alreadyResolved = true;
        // 7. If SameValue(resolution, promise) is true, reject with a TypeError.
        if (SameValue(resolution, Value(promise))) {
          RejectPromise(realm, promise,
                        realm.makeError("TypeError", "Chaining cycle detected for promise", true));
          return Completion::normal();
        }
        // 8. If resolution is not an Object, fulfill with it.
        if (!resolution.isObject()) {
          FulfillPromise(realm, promise, resolution);
          return Completion::normal();
        }
        // 9-10. Let then be Completion(Get(resolution, "then")); if abrupt, reject with its value.
        Completion then = Get(realm, resolution, "then");
        if (then.isAbrupt()) {
          RejectPromise(realm, promise, then.value);
          return Completion::normal();
        }
        // 12. If IsCallable(thenAction) is false, fulfill with resolution.
        if (!IsCallable(then.value)) {
          FulfillPromise(realm, promise, resolution);
          return Completion::normal();
        }
        // 13-15. Enqueue NewPromiseResolveThenableJob(promise, resolution, thenJobCallback).
        NewPromiseResolveThenableJob(realm, promise, resolution, then.value);
        return Completion::normal();
      },
      "resolve");
  // 27.2.1.3.1 Promise Reject Functions
  Object* reject = realm.makeFunction(
      [&realm, promise, alreadyResolved](const Value&, std::span<const Value> args) {
        if (*alreadyResolved && realm.mutation != Mutation::IgnoreAlreadyResolved)
          return Completion::normal();
        *alreadyResolved = true;
        RejectPromise(realm, promise, argumentAt(args, 0));
        return Completion::normal();
      },
      "reject");
  return {resolve, reject};
}

// 27.2.1.4 FulfillPromise ( promise, value )
void FulfillPromise(Realm& realm, PromiseObject* promise, const Value& value) {
  std::vector<PromiseReaction> reactions = std::move(promise->fulfillReactions);
  promise->result = value;
  promise->fulfillReactions.clear();
  promise->rejectReactions.clear();
  promise->state = PromiseState::Fulfilled;
  TriggerPromiseReactions(realm, promise, std::move(reactions), value);
}

// 27.2.1.5 NewPromiseCapability ( C ), for C = %Promise%: the executor's GetCapabilitiesExecutor
// steps are not observable with the intrinsic constructor, so they are folded away.
PromiseCapability NewPromiseCapability(Realm& realm) {
  PromiseObject* promise = realm.makePromise();
  ResolvingFunctions f = CreateResolvingFunctions(realm, promise);
  return {promise, f.resolve, f.reject};
}

// 27.2.1.6 IsPromise ( x )
bool IsPromise(const Value& x) { return asPromise(x) != nullptr; }

// 27.2.1.7 RejectPromise ( promise, reason )
void RejectPromise(Realm& realm, PromiseObject* promise, const Value& reason) {
  std::vector<PromiseReaction> reactions = std::move(promise->rejectReactions);
  promise->result = reason;
  promise->fulfillReactions.clear();
  promise->rejectReactions.clear();
  promise->state = PromiseState::Rejected;
  // 7. If promise.[[PromiseIsHandled]] is false, perform HostPromiseRejectionTracker(promise, "reject").
  if (!promise->isHandled) HostPromiseRejectionTracker(realm, promise, RejectionOperation::Reject);
  TriggerPromiseReactions(realm, promise, std::move(reactions), reason);
}

// 27.2.1.8 TriggerPromiseReactions ( reactions, argument )
void TriggerPromiseReactions(Realm& realm, PromiseObject* promise,
                             std::vector<PromiseReaction> reactions, const Value& argument) {
  for (PromiseReaction& reaction : reactions)
    NewPromiseReactionJob(realm, promise, std::move(reaction), argument);
}

// 27.2.1.9 HostPromiseRejectionTracker ( promise, operation ): the host is Node.js.
void HostPromiseRejectionTracker(Realm& realm, PromiseObject* promise,
                                 RejectionOperation operation) {
  realm.rejections.track(promise, operation);
}

// 27.2.2.1 NewPromiseReactionJob ( reaction, argument ), then HostEnqueuePromiseJob.
int NewPromiseReactionJob(Realm& realm, PromiseObject* promise, PromiseReaction reaction,
                          const Value& argument) {
  auto job = [&realm, reaction, argument] {
    Completion handlerResult;
    // 1.c-d. With an empty handler, pass the argument along as a value or as a throw.
    if (!reaction.handler) {
      handlerResult = reaction.type == ReactionType::Fulfill ? Completion::normal(argument)
                                                             : Completion::throwing(argument);
    } else {
      // 1.e. Let handlerResult be Completion(HostCallJobCallback(handler, undefined, « argument »)).
      const Value args[] = {argument};
      handlerResult = Call(realm, reaction.handler, Undefined{}, args);
    }
    // 1.f. If promiseCapability is undefined (Await), return.
    if (!reaction.capability) return;
    // 1.h-i. Settle the derived promise with the handler's result.
    const Value result[] = {handlerResult.value};
    Call(realm, handlerResult.isAbrupt() ? reaction.capability->reject : reaction.capability->resolve,
         Undefined{}, result);
  };
  if (realm.mutation == Mutation::SynchronousReactions) {  // the test-only fault: no job at all
    job();
    return promise->lastReactionJob;
  }
  std::string description;
  if (realm.jobs.recording())
    description = std::string(reactionName(reaction.type)) + " reaction of " + realm.describe(promise);
  // NON-SPEC: reactions of one promise run in registration order, which the journal records.
  const int id = realm.jobs.enqueue("PromiseReactionJob", std::move(description), std::move(job),
                                    promise->lastReactionJob);
  promise->lastReactionJob = id;
  return id;
}

// 27.2.2.2 NewPromiseResolveThenableJob ( promiseToResolve, thenable, then ), then HostEnqueuePromiseJob.
void NewPromiseResolveThenableJob(Realm& realm, PromiseObject* promiseToResolve,
                                  const Value& thenable, const Value& then) {
  auto job = [&realm, promiseToResolve, thenable, then] {
    // a. Let resolvingFunctions be CreateResolvingFunctions(promiseToResolve).
    ResolvingFunctions f = CreateResolvingFunctions(realm, promiseToResolve);
    // b. Let thenCallResult be Completion(HostCallJobCallback(then, thenable, « resolve, reject »)).
    const Value args[] = {f.resolve, f.reject};
    Completion thenCallResult = Call(realm, then, thenable, args);
    // c. If thenCallResult is abrupt, return ? Call(resolvingFunctions.[[Reject]], undefined, « value »).
    if (thenCallResult.isAbrupt()) {
      const Value reason[] = {thenCallResult.value};
      Call(realm, f.reject, Undefined{}, reason);
    }
  };
  std::string description;
  if (realm.jobs.recording()) {
    const PromiseObject* source = asPromise(thenable);
    description = "resolve " + realm.describe(promiseToResolve) + " with " +
                  (source ? realm.describe(source) : std::string("a thenable"));
  }
  realm.jobs.enqueue("PromiseResolveThenableJob", std::move(description), std::move(job));
}

// 27.2.5.4.1 PerformPromiseThen ( promise, onFulfilled, onRejected [ , resultCapability ] )
Value PerformPromiseThen(Realm& realm, PromiseObject* promise, const Value& onFulfilled,
                         const Value& onRejected,
                         std::optional<PromiseCapability> resultCapability) {
  // 3-6. A handler that is not callable is "empty".
  Object* fulfillHandler = IsCallable(onFulfilled) ? onFulfilled.asObject() : nullptr;
  Object* rejectHandler = IsCallable(onRejected) ? onRejected.asObject() : nullptr;
  PromiseReaction fulfillReaction{resultCapability, ReactionType::Fulfill, fulfillHandler};
  PromiseReaction rejectReaction{resultCapability, ReactionType::Reject, rejectHandler};
  switch (promise->state) {
    case PromiseState::Pending:  // 9. Append the reactions.
      promise->fulfillReactions.push_back(std::move(fulfillReaction));
      promise->rejectReactions.push_back(std::move(rejectReaction));
      break;
    case PromiseState::Fulfilled:  // 10. Enqueue a reaction job with the value.
      NewPromiseReactionJob(realm, promise, std::move(fulfillReaction), promise->result);
      break;
    case PromiseState::Rejected:  // 11. Track the late handler, then enqueue with the reason.
      if (!promise->isHandled)
        HostPromiseRejectionTracker(realm, promise, RejectionOperation::Handle);
      NewPromiseReactionJob(realm, promise, std::move(rejectReaction), promise->result);
      break;
  }
  // 12. Set promise.[[PromiseIsHandled]] to true.
  promise->isHandled = true;
  // 13-14. Return resultCapability.[[Promise]], or undefined.
  if (!resultCapability) return Undefined{};
  return resultCapability->promise;
}

// 27.2.4.7.1 PromiseResolve ( C, x ), for C = %Promise%.
Value PromiseResolve(Realm& realm, const Value& x) {
  // 1. If IsPromise(x) and x.constructor is C, return x. Cases cannot replace "constructor", so
  // every promise's constructor is %Promise% (NON-SPEC shortcut: the Get is not observable here).
  if (IsPromise(x)) return x;
  // 2-4. Otherwise a new promise resolved with x.
  PromiseCapability capability = NewPromiseCapability(realm);
  const Value args[] = {x};
  Call(realm, capability.resolve, Undefined{}, args);
  return capability.promise;
}

}  // namespace pc::es
