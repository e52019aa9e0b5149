#include "reference/promise_abstract_operations.hpp"

#include <memory>

namespace pc::es {
namespace {

Value argumentAt(std::span<const Value> args, std::size_t i) { return i < args.size() ? args[i] : Value(Undefined{}); }

// 27.2.1.5.1 GetCapabilitiesExecutor Functions — https://tc39.es/ecma262/2025/#sec-getcapabilitiesexecutor-functions
// NON-SPEC, layout only: the resolvingFunctions Record it captures is kept in the function itself,
// since nothing else refers to it.
class GetCapabilitiesExecutorObject final : public FunctionObject {
 public:
  Value resolve;  // resolvingFunctions.[[Resolve]]
  Value reject;   // resolvingFunctions.[[Reject]]

  Completion call(Realm& realm, const Value&, std::span<const Value> args) override {
    // a. If resolvingFunctions.[[Resolve]] is not undefined, throw a TypeError exception.
    if (!resolve.isUndefined()) return realm.throwTypeError("Promise executor has already been invoked");
    // b. If resolvingFunctions.[[Reject]] is not undefined, throw a TypeError exception.
    if (!reject.isUndefined()) return realm.throwTypeError("Promise executor has already been invoked");
    // c. Set resolvingFunctions.[[Resolve]] to resolve. d. Set resolvingFunctions.[[Reject]] to reject.
    resolve = argumentAt(args, 0);
    reject = argumentAt(args, 1);
    // e. Return undefined.
    return Completion::normal();
  }
};

// 27.2.1.3.2 Promise Resolve Functions, steps 7-15: what resolving `promise` with `resolution`
// does once [[AlreadyResolved]] was false (NON-SPEC name, as engines name these steps).
void ResolvePromise(Realm& realm, PromiseObject* promise, const Value& resolution) {
  // 7. If SameValue(resolution, promise) is true, reject with a TypeError.
  if (SameValue(resolution, Value(promise)))
    return RejectPromise(realm, promise, realm.makeError("TypeError", "Chaining cycle detected for promise", true));
  // 8. If resolution is not an Object, fulfill with it.
  if (!resolution.isObject()) return FulfillPromise(realm, promise, resolution);
  // 9-10. Let then be Completion(Get(resolution, "then")); if abrupt, reject with its value.
  Completion then = Get(realm, resolution, "then");
  if (then.isAbrupt()) return RejectPromise(realm, promise, then.value);
  // 11-12. If IsCallable(thenAction) is false, fulfill with resolution.
  if (!IsCallable(then.value)) return FulfillPromise(realm, promise, resolution);
  // 13. Let thenJobCallback be HostMakeJobCallback(thenAction).
  const JobCallback thenJobCallback = realm.host.HostMakeJobCallback(then.value.asObject());
  // 14. Let job be NewPromiseResolveThenableJob(promise, resolution, thenJobCallback).
  PromiseJob job = NewPromiseResolveThenableJob(realm, promise, resolution, thenJobCallback);
  // 15. Perform HostEnqueuePromiseJob(job.[[Job]], job.[[Realm]]).
  realm.host.HostEnqueuePromiseJob(std::move(job));
}

// The Record { [[Value]]: false } both resolving functions of a promise share (27.2.1.3 step 1).
struct AlreadyResolvedRecord {
  bool value = false;
};

// 27.2.1.3.2 Promise Resolve Functions — https://tc39.es/ecma262/2025/#sec-promise-resolve-functions
// NON-SPEC, layout only: the alreadyResolved Record the two functions share is kept in the resolve
// function, in what would be padding, and the reject function reaches it and [[Promise]] through
// the resolve function.
class PromiseResolveFunctionObject final : public FunctionObject {
 public:
  explicit PromiseResolveFunctionObject(PromiseObject* promise) : promise(promise) {}
  AlreadyResolvedRecord alreadyResolved;  // [[AlreadyResolved]]
  PromiseObject* promise;                 // [[Promise]]

  Completion call(Realm& realm, const Value&, std::span<const Value> args) override {
    // 5-6. If alreadyResolved.[[Value]] is true, return undefined; else set it to true.
    if (alreadyResolved.value) return Completion::normal();
    alreadyResolved.value = true;
    // 7-15.
    ResolvePromise(realm, promise, argumentAt(args, 0));
    return Completion::normal();
  }
};

// 27.2.1.3.1 Promise Reject Functions — https://tc39.es/ecma262/2025/#sec-promise-reject-functions
class PromiseRejectFunctionObject final : public FunctionObject {
 public:
  explicit PromiseRejectFunctionObject(PromiseResolveFunctionObject* resolve) : resolve(resolve) {}
  PromiseResolveFunctionObject* resolve;  // whose [[Promise]] and [[AlreadyResolved]] are this function's too

  Completion call(Realm& realm, const Value&, std::span<const Value> args) override {
    AlreadyResolvedRecord& alreadyResolved = resolve->alreadyResolved;
    // 5-6. If alreadyResolved.[[Value]] is true, return undefined; else set it to true.
    if (alreadyResolved.value) return Completion::normal();
    alreadyResolved.value = true;
    // 7. Perform RejectPromise(promise, reason).
    RejectPromise(realm, resolve->promise, argumentAt(args, 0));
    return Completion::normal();
  }
};

}  // namespace

// 27.2.1.3 CreateResolvingFunctions ( promise ) — https://tc39.es/ecma262/2025/#sec-createresolvingfunctions
ResolvingFunctions CreateResolvingFunctions(Realm& realm, PromiseObject* promise) {
  // 1. Let alreadyResolved be the Record { [[Value]]: false } (kept in resolve, see above).
  // 2-4. resolve, with [[Promise]] promise and [[AlreadyResolved]] alreadyResolved.
  auto* resolve = realm.heap.make<PromiseResolveFunctionObject>(promise);
  // 5-7. reject, with the same [[Promise]] and [[AlreadyResolved]], which it reaches through resolve.
  Object* reject = realm.heap.make<PromiseRejectFunctionObject>(resolve);
  // 8. Return the Record { [[Resolve]]: resolve, [[Reject]]: reject }.
  return {resolve, reject};
}

// 27.2.1.4 FulfillPromise ( promise, value ) — https://tc39.es/ecma262/2025/#sec-fulfillpromise
void FulfillPromise(Realm& realm, PromiseObject* promise, const Value& value) {
  // 2. Let reactions be promise.[[PromiseFulfillReactions]].
  const auto reactions = promise->fulfillReactions();
  // 3-6. Record the value, drop both reaction lists, and mark the promise fulfilled.
  promise->result = value;
  promise->reactions.clear();
  promise->state = PromiseState::Fulfilled;
  // 7. Perform TriggerPromiseReactions(reactions, value).
  TriggerPromiseReactions(realm, promise, reactions, value);
}

// 27.2.1.5 NewPromiseCapability ( C ) — https://tc39.es/ecma262/2025/#sec-newpromisecapability
Completion NewPromiseCapability(Realm& realm, const Value& C, PromiseCapability& capability) {
  // 1. If IsConstructor(C) is false, throw a TypeError exception.
  if (!IsConstructor(C)) return realm.throwTypeError("Promise resolve or reject function is not callable");
  // 2. NOTE: C is assumed to support the parameter conventions of the Promise constructor.
  // 3-5. resolvingFunctions, the Record { [[Resolve]]: undefined, [[Reject]]: undefined }, and
  //      executor = CreateBuiltinFunction(executorClosure, 2, "", « ») capturing it.
  auto* executor = realm.heap.make<GetCapabilitiesExecutorObject>();
  // 6. Let promise be ? Construct(C, « executor »).
  const Value args[] = {executor};
  Completion promise = Construct(realm, C, args);
  if (promise.isAbrupt()) return promise;
  // 7. If IsCallable(resolvingFunctions.[[Resolve]]) is false, throw a TypeError exception.
  if (!IsCallable(executor->resolve)) return realm.throwTypeError("Promise resolve function is not callable");
  // 8. If IsCallable(resolvingFunctions.[[Reject]]) is false, throw a TypeError exception.
  if (!IsCallable(executor->reject)) return realm.throwTypeError("Promise reject function is not callable");
  // 9. Return the PromiseCapability Record { [[Promise]]: promise, [[Resolve]]: resolvingFunctions.
  //    [[Resolve]], [[Reject]]: resolvingFunctions.[[Reject]] }.
  capability = {promise.value.asObject(), executor->resolve.asObject(), executor->reject.asObject()};
  return Completion::normal(promise.value);
}

// 27.2.1.5 NewPromiseCapability ( C ), for C = %Promise%. NON-SPEC shortcut: Construct(%Promise%,
// « executor ») makes a promise and calls the executor once with its resolving functions, so the
// steps above always end with those; then, await and the bench use this without the executor.
PromiseCapability NewPromiseCapability(Realm& realm) {
  PromiseObject* promise = realm.makePromise();
  ResolvingFunctions f = CreateResolvingFunctions(realm, promise);
  return {promise, f.resolve, f.reject};
}

// 27.2.1.5 NewPromiseCapability ( %Promise% ), for a capability only a PromiseReactionJob will use:
// the resultCapability of Promise.prototype.then. NON-SPEC, allocation only: its resolving functions
// are seen by no code (the executor that receives them is GetCapabilitiesExecutor, which only keeps
// them), and the reaction job calls one of them once, while [[AlreadyResolved]] is still false; so
// they are not made (resolve and reject are null) and the job runs their steps on the promise.
PromiseCapability NewPromiseCapabilityForReaction(Realm& realm) { return {realm.makePromise(), nullptr, nullptr}; }

// 27.2.1.7 RejectPromise ( promise, reason ) — https://tc39.es/ecma262/2025/#sec-rejectpromise
void RejectPromise(Realm& realm, PromiseObject* promise, const Value& reason) {
  // 2. Let reactions be promise.[[PromiseRejectReactions]].
  const auto reactions = promise->rejectReactions();
  // 3-6. Record the reason, drop both reaction lists, and mark the promise rejected.
  promise->result = reason;
  promise->reactions.clear();
  promise->state = PromiseState::Rejected;
  // 7. If promise.[[PromiseIsHandled]] is false, perform HostPromiseRejectionTracker(promise, "reject").
  if (!promise->isHandled) realm.host.HostPromiseRejectionTracker(promise, RejectionOperation::Reject);
  // 8. Perform TriggerPromiseReactions(reactions, reason).
  TriggerPromiseReactions(realm, promise, reactions, reason);
}

// 27.2.1.8 TriggerPromiseReactions ( reactions, argument ) — https://tc39.es/ecma262/2025/#sec-triggerpromisereactions
// NON-SPEC: `promise`, whose reactions these are, is passed on to the host with each job.
void TriggerPromiseReactions(Realm& realm, PromiseObject* promise, const PromiseReactionLists::List& reactions,
                             const Value& argument) {
  // 1. For each element reaction of reactions:
  for (const PromiseReaction& reaction : reactions) {
    // a. Let job be NewPromiseReactionJob(reaction, argument).
    PromiseJob job = NewPromiseReactionJob(realm, promise, reaction, argument);
    // b. Perform HostEnqueuePromiseJob(job.[[Job]], job.[[Realm]]).
    realm.host.HostEnqueuePromiseJob(std::move(job));
  }
}

// 27.2.2.1 NewPromiseReactionJob ( reaction, argument ) — https://tc39.es/ecma262/2025/#sec-newpromisereactionjob
// NON-SPEC: `promise`, whose reaction this is, is only recorded in the job for the host.
PromiseJob NewPromiseReactionJob(Realm& realm, PromiseObject* promise, const PromiseReaction& reaction,
                                 const Value& argument) {
  // 1. Let job be a new Job Abstract Closure that captures reaction and argument (its steps are
  //    PromiseReactionJobSteps below).
  // 2-5. Return the Record { [[Job]]: job, [[Realm]]: handlerRealm }.
  return PromiseJob{.kind = reaction.type == ReactionType::Fulfill ? PromiseJob::Kind::FulfillReaction
                                                                   : PromiseJob::Kind::RejectReaction,
                    .promise = promise,
                    .value = argument,
                    .capability = reaction.capability,
                    .handler = reaction.handler,
                    .realm = &realm};
}

namespace {

// 27.2.2.1 NewPromiseReactionJob, steps d-e of the closure of step 1: handlerResult.
Completion HandlerResult(const PromiseJob& job) {
  // d. With an empty handler, pass the argument along as a value or as a throw.
  if (!job.handler.callback)
    return job.reactionType() == ReactionType::Fulfill ? Completion::normal(job.argument())
                                                       : Completion::throwing(job.argument());
  // e. Let handlerResult be Completion(HostCallJobCallback(handler, undefined, « argument »)).
  return job.realm->host.HostCallJobCallback(*job.realm, job.handler, Undefined{}, {&job.argument(), 1});
}

// 27.2.2.1 NewPromiseReactionJob, the steps of the closure of step 1 (reaction and argument are
// what `job` captured).
void PromiseReactionJobSteps(const PromiseJob& job) {
  Realm& realm = *job.realm;
  const Completion handlerResult = HandlerResult(job);
  // f. If promiseCapability is undefined (Await), return empty.
  if (!job.capability.promise) return;
  // h-i. Call promiseCapability's [[Reject]] with a throw's value, else its [[Resolve]]; for a
  // capability whose functions were never made, their steps 7 on (NewPromiseCapabilityForReaction).
  if (!job.capability.resolve) {
    auto* promise = static_cast<PromiseObject*>(job.capability.promise);
    if (handlerResult.isAbrupt()) return RejectPromise(realm, promise, handlerResult.value);
    return ResolvePromise(realm, promise, handlerResult.value);
  }
  const Value result[] = {handlerResult.value};
  Call(realm, handlerResult.isAbrupt() ? job.capability.reject : job.capability.resolve, Undefined{}, result);
}

// 27.2.2.2 NewPromiseResolveThenableJob, the steps of the closure of step 1 (promiseToResolve,
// thenable and then are what `job` captured).
void PromiseResolveThenableJobSteps(const PromiseJob& job) {
  Realm& realm = *job.realm;
  // a. Let resolvingFunctions be CreateResolvingFunctions(promiseToResolve).
  ResolvingFunctions f = CreateResolvingFunctions(realm, job.promise);
  // b. Let thenCallResult be Completion(HostCallJobCallback(then, thenable, « resolve, reject »)).
  const Value args[] = {f.resolve, f.reject};
  Completion thenCallResult = realm.host.HostCallJobCallback(realm, job.handler, job.thenable(), args);
  // c. If thenCallResult is abrupt, return ? Call(resolvingFunctions.[[Reject]], undefined, « value »).
  if (thenCallResult.isAbrupt()) {
    const Value reason[] = {thenCallResult.value};
    Call(realm, f.reject, Undefined{}, reason);
  }
}

}  // namespace

void PromiseJob::operator()() const {
  if (isReaction()) return PromiseReactionJobSteps(*this);
  PromiseResolveThenableJobSteps(*this);
}

// 27.2.2.2 NewPromiseResolveThenableJob ( promiseToResolve, thenable, then ) — https://tc39.es/ecma262/2025/#sec-newpromiseresolvethenablejob
PromiseJob NewPromiseResolveThenableJob(Realm& realm, PromiseObject* promiseToResolve, const Value& thenable,
                                        JobCallback then) {
  // 1. Let job be a new Job Abstract Closure that captures promiseToResolve, thenable and then (its
  //    steps are PromiseResolveThenableJobSteps above).
  // 2-5. Return the Record { [[Job]]: job, [[Realm]]: thenRealm }.
  return PromiseJob{.kind = PromiseJob::Kind::ResolveThenable,
                    .promise = promiseToResolve,
                    .value = thenable,
                    .capability = {},
                    .handler = then,
                    .realm = &realm};
}

// 27.2.5.4.1 PerformPromiseThen ( promise, onFulfilled, onRejected [ , resultCapability ] ) — https://tc39.es/ecma262/2025/#sec-performpromisethen
Value PerformPromiseThen(Realm& realm, PromiseObject* promise, const Value& onFulfilled, const Value& onRejected,
                         const PromiseCapability& resultCapability) {
  // 3-6. A callable handler becomes HostMakeJobCallback(handler); any other value leaves it empty.
  JobCallback onFulfilledJobCallback, onRejectedJobCallback;
  if (IsCallable(onFulfilled)) onFulfilledJobCallback = realm.host.HostMakeJobCallback(onFulfilled.asObject());
  if (IsCallable(onRejected)) onRejectedJobCallback = realm.host.HostMakeJobCallback(onRejected.asObject());
  // 7-8. The two PromiseReaction Records.
  const PromiseReaction fulfillReaction{resultCapability, ReactionType::Fulfill, onFulfilledJobCallback};
  const PromiseReaction rejectReaction{resultCapability, ReactionType::Reject, onRejectedJobCallback};
  switch (promise->state) {
    case PromiseState::Pending:  // 9. Append the reactions.
      promise->reactions.append(realm.heap, fulfillReaction, rejectReaction);
      break;
    case PromiseState::Fulfilled:  // 10. Enqueue a reaction job with the value.
      realm.host.HostEnqueuePromiseJob(NewPromiseReactionJob(realm, promise, fulfillReaction, promise->result));
      break;
    case PromiseState::Rejected:  // 11. Track the late handler, then enqueue a job with the reason.
      if (!promise->isHandled) realm.host.HostPromiseRejectionTracker(promise, RejectionOperation::Handle);
      realm.host.HostEnqueuePromiseJob(NewPromiseReactionJob(realm, promise, rejectReaction, promise->result));
      break;
  }
  // 12. Set promise.[[PromiseIsHandled]] to true.
  promise->isHandled = true;
  // 13-14. Return resultCapability.[[Promise]], or undefined.
  if (!resultCapability.promise) return Undefined{};
  return resultCapability.promise;
}

namespace {

// 27.2.4.7.1 PromiseResolve ( C, x ), steps 2-4 for C = %Promise%: NewPromiseCapability(%Promise%)
// and Call(promiseCapability.[[Resolve]], undefined, « x »). NON-SPEC, allocation only: that
// capability's resolving functions are seen by no code but these steps, and are garbage once they
// return, so they are not made; the resolve function's steps run on the new promise, whose
// [[AlreadyResolved]] is still false.
Value NewPromiseResolvedWith(Realm& realm, const Value& x) {
  PromiseObject* promise = realm.makePromise();
  ResolvePromise(realm, promise, x);
  return promise;
}

}  // namespace

// 27.2.4.7.1 PromiseResolve ( C, x ) — https://tc39.es/ecma262/2025/#sec-promise-resolve
Completion PromiseResolve(Realm& realm, const Value& C, const Value& x) {
  // 1. If IsPromise(x) is true, then
  if (IsPromise(x)) {
    // a. Let xConstructor be ? Get(x, "constructor"). NON-SPEC, allocation only: a plain promise
    // inherits %Promise.prototype%.constructor, %Promise%, which no case can change.
    Completion xConstructor = realm.isPlainPromise(x.asObject()) ? Completion::normal(realm.promiseConstructor)
                                                                 : Get(realm, x, "constructor");
    if (xConstructor.isAbrupt()) return xConstructor;
    // b. If SameValue(xConstructor, C) is true, return x.
    if (SameValue(xConstructor.value, C)) return Completion::normal(x);
  }
  if (SameValue(C, realm.promiseConstructor)) return Completion::normal(NewPromiseResolvedWith(realm, x));
  // 2. Let promiseCapability be ? NewPromiseCapability(C).
  PromiseCapability promiseCapability;
  if (Completion c = NewPromiseCapability(realm, C, promiseCapability); c.isAbrupt()) return c;
  // 3. Perform ? Call(promiseCapability.[[Resolve]], undefined, « x »).
  const Value args[] = {x};
  if (Completion r = Call(realm, promiseCapability.resolve, Undefined{}, args); r.isAbrupt()) return r;
  // 4. Return promiseCapability.[[Promise]].
  return Completion::normal(promiseCapability.promise);
}

}  // namespace pc::es
