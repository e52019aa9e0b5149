// Promise.all, allSettled, any and race (27.2.4.1-5), for any this value C.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "reference/iteration.hpp"
#include "reference/promise_abstract_operations.hpp"
#include "reference/promise_builtins.hpp"

namespace pc::es {
namespace {

// The [[RemainingElements]] record with the list being filled, shared by a combinator's element
// functions (27.2.4.1.3 and its siblings).
struct Remaining {
  std::vector<Value> values;
  int count = 1;
  std::function<Completion()> finish;  // settles the combinator's promise once count is 0
};

// The [[AlreadyCalled]] record of an element function (an allSettled pair shares one).
struct AlreadyCalledRecord {
  bool value = false;
};

// How an element function turns its argument into the entry of the list.
using RecordValue = Value (*)(Realm&, const Value&);

// The per-element step of a combinator: given the element's index and its promise, returns what
// Invoke(nextPromise, "then", ...) returns.
using ElementStep = std::function<Completion(std::size_t index, const Value& nextPromise)>;

// 27.2.4.1.1 GetPromiseResolve ( promiseConstructor ) — https://tc39.es/ecma262/2025/#sec-getpromiseresolve
Completion GetPromiseResolve(Realm& realm, const Value& promiseConstructor) {
  // 1. Let promiseResolve be ? Get(promiseConstructor, "resolve").
  Completion promiseResolve = Get(realm, promiseConstructor, "resolve");
  if (promiseResolve.isAbrupt()) return promiseResolve;
  // 2. If IsCallable(promiseResolve) is false, throw a TypeError exception.
  if (!IsCallable(promiseResolve.value)) return realm.throwTypeError("Promise resolve is not a function");
  // 3. Return promiseResolve.
  return promiseResolve;
}

// 27.2.1.1.1 IfAbruptRejectPromise ( value, capability ) — https://tc39.es/ecma262/2025/#sec-ifabruptrejectpromise
// for an abrupt value: a. Perform ? Call(capability.[[Reject]], undefined, « value.[[Value]] »).
// b. Return capability.[[Promise]].
Completion rejectPromise(Realm& realm, const PromiseCapability& capability, const Value& reason) {
  const Value args[] = {reason};
  if (Completion r = Call(realm, capability.reject, Undefined{}, args); r.isAbrupt()) return r;
  return Completion::normal(capability.promise);
}

// The loop of PerformPromiseAll/AllSettled/Any/Race (step 4 of each, step 1 of Race's): step the
// iterator, call promiseResolve on each value with C as this, and hand the result to `step`; once the
// iterator is done, return `done`'s completion.
Completion performLoop(Realm& realm, IteratorRecord& iteratorRecord, const Value& C, const Value& promiseResolve,
                       const ElementStep& step, const std::function<Completion()>& done) {
  for (std::size_t index = 0;; ++index) {
    // a. Let next be ? IteratorStepValue(iteratorRecord).
    std::optional<Value> next;
    if (Completion c = IteratorStepValue(realm, iteratorRecord, next); c.isAbrupt()) return c;
    // b. If next is DONE, the loop ends (the count and the result are `done`'s).
    if (!next) return done();
    // d. Let nextPromise be ? Call(promiseResolve, constructor, « next »).
    const Value args[] = {*next};
    Completion nextPromise = Call(realm, promiseResolve, C, args);
    if (nextPromise.isAbrupt()) return nextPromise;
    // The element functions and ? Invoke(nextPromise, "then", ...).
    if (Completion r = step(index, nextPromise.value); r.isAbrupt()) return r;
  }
}

// The shared frame of Promise.all/allSettled/any/race (steps 1-9 of each): NewPromiseCapability(C),
// GetPromiseResolve(C) and GetIterator with IfAbruptRejectPromise, the loop, and the closing of the
// iterator when the loop ends abruptly. `makeStep` gets the capability and returns the per-element
// step; `done` is what the loop does once the iterator is exhausted.
Completion performCombinator(Realm& realm, const Value& C, const Value& iterable,
                             const std::function<ElementStep(const PromiseCapability&)>& makeStep,
                             const std::function<Completion(const PromiseCapability&)>& done) {
  // 1. Let C be the this value. 2. Let promiseCapability be ? NewPromiseCapability(C).
  PromiseCapability capability;
  if (Completion c = NewPromiseCapability(realm, C, capability); c.isAbrupt()) return c;
  // 3. Let promiseResolve be Completion(GetPromiseResolve(C)). 4. IfAbruptRejectPromise(promiseResolve,
  // promiseCapability).
  Completion promiseResolve = GetPromiseResolve(realm, C);
  if (promiseResolve.isAbrupt()) return rejectPromise(realm, capability, promiseResolve.value);
  // 5. Let iteratorRecord be Completion(GetIterator(iterable, sync)). 6. IfAbruptRejectPromise(iteratorRecord,
  // promiseCapability).
  IteratorRecord iteratorRecord;
  if (Completion it = GetIterator(realm, iterable, iteratorRecord); it.isAbrupt())
    return rejectPromise(realm, capability, it.value);
  // 7. Let result be Completion(PerformPromiseX(iteratorRecord, C, promiseCapability, promiseResolve)).
  Completion result = performLoop(realm, iteratorRecord, C, promiseResolve.value, makeStep(capability),
                                  [&] { return done(capability); });
  // 8. If result is an abrupt completion, then
  if (result.isAbrupt()) {
    // a. If iteratorRecord.[[Done]] is false, set result to Completion(IteratorClose(iteratorRecord, result)).
    if (!iteratorRecord.done) result = IteratorClose(realm, iteratorRecord, result);
    // b. IfAbruptRejectPromise(result, promiseCapability).
    return rejectPromise(realm, capability, result.value);
  }
  // 9. Return ! result (promiseCapability.[[Promise]]).
  return Completion::normal(capability.promise);
}

Completion invokeThen(Realm& realm, const Value& promise, const Value& onFulfilled, const Value& onRejected) {
  const Value args[] = {onFulfilled, onRejected};
  return Invoke(realm, promise, "then", args);
}

// An element function (resolve element, reject element, or one of an allSettled pair sharing one
// [[AlreadyCalled]]): records its value at [[Index]] and, when it was the last, settles the result.
class ElementFunctionObject final : public FunctionObject {
 public:
  ElementFunctionObject(std::shared_ptr<Remaining> remaining, AlreadyCalledRecord* alreadyCalled, std::size_t index,
                        RecordValue record)
      : remaining(std::move(remaining)), alreadyCalled(alreadyCalled), index(index), record(record) {}
  std::shared_ptr<Remaining> remaining;  // [[Values]], [[RemainingElements]]
  AlreadyCalledRecord* alreadyCalled;    // [[AlreadyCalled]]
  std::size_t index;                     // [[Index]]
  RecordValue record;

  Completion call(Realm& realm, const Value&, std::span<const Value> args) override {
    if (alreadyCalled->value) return Completion::normal();
    alreadyCalled->value = true;
    remaining->values[index] = record(realm, args.empty() ? Value(Undefined{}) : args[0]);
    if (--remaining->count == 0) return remaining->finish();
    return Completion::normal();
  }
};

Object* makeElementFunction(Realm& realm, const std::shared_ptr<Remaining>& remaining,
                            AlreadyCalledRecord* alreadyCalled, std::size_t index, RecordValue record) {
  return realm.heap.make<ElementFunctionObject>(remaining, alreadyCalled, index, record);
}

Completion resolveWithArray(Realm& realm, const PromiseCapability& capability, const Remaining& remaining) {
  const Value args[] = {realm.makeArray(remaining.values)};  // CreateArrayFromList(values)
  return Call(realm, capability.resolve, Undefined{}, args);
}

ErrorObject* aggregateError(Realm& realm, const Remaining& remaining) {
  ErrorObject* error = realm.makeError("AggregateError", std::nullopt, true);
  error->set("errors", realm.makeArray(remaining.values));
  return error;
}

// 27.2.4.3.2 Promise.any Reject Element Functions, step 10: Return ? Call(promiseCapability.[[Reject]], undefined, «
// error »).
Completion rejectWithAggregate(Realm& realm, const PromiseCapability& capability, const Remaining& remaining) {
  const Value args[] = {aggregateError(realm, remaining)};
  return Call(realm, capability.reject, Undefined{}, args);
}

// 27.2.4.3.1 PerformPromiseAny step 4.b.iii: once the loop is done and nothing is left, "Return
// ThrowCompletion(error)", which Promise.any's IfAbruptRejectPromise turns into a rejection.
Completion throwAggregate(Realm& realm, const PromiseCapability&, const Remaining& remaining) {
  return Completion::throwing(aggregateError(realm, remaining));
}

Value settledRecord(Realm& realm, const char* status, const char* key, const Value& x) {
  Object* obj = realm.makeObject();
  obj->set("status", status);
  obj->set(key, x);
  return obj;
}

// The common body of all, allSettled and any: each element gets functions from `makeHandlers`, and
// the result settles through `settle` once every element has reported (`finish` does that).
using HandlerPair = std::pair<Value, Value>;
using MakeHandlers =
    std::function<HandlerPair(const PromiseCapability&, const std::shared_ptr<Remaining>&, std::size_t index)>;
using Settle = Completion (*)(Realm&, const PromiseCapability&, const Remaining&);

// `settle` is what the last element function does, `afterLoop` what the loop does when it ends the count.
Completion performCounting(Realm& realm, const Value& C, const Value& iterable, const MakeHandlers& makeHandlers,
                           Settle settle, Settle afterLoop) {
  auto remaining = std::make_shared<Remaining>();
  auto makeStep = [&](const PromiseCapability& capability) -> ElementStep {
    // The element functions keep `remaining` alive; what it holds must not keep it alive in turn.
    remaining->finish = [&realm, capability, state = remaining.get(), settle] {
      return settle(realm, capability, *state);
    };
    return [&, capability](std::size_t index, const Value& nextPromise) {
      remaining->values.emplace_back(Undefined{});
      auto [onFulfilled, onRejected] = makeHandlers(capability, remaining, index);
      ++remaining->count;
      return invokeThen(realm, nextPromise, onFulfilled, onRejected);
    };
  };
  auto done = [&](const PromiseCapability& capability) -> Completion {
    if (--remaining->count == 0) return afterLoop(realm, capability, *remaining);
    return Completion::normal();
  };
  return performCombinator(realm, C, iterable, makeStep, done);
}

Value identity(Realm&, const Value& x) { return x; }
Value fulfilledRecord(Realm& realm, const Value& x) { return settledRecord(realm, "fulfilled", "value", x); }
Value rejectedRecord(Realm& realm, const Value& x) { return settledRecord(realm, "rejected", "reason", x); }

}  // namespace

// 27.2.4.1 Promise.all ( iterable ), with 27.2.4.1.2 PerformPromiseAll — https://tc39.es/ecma262/2025/#sec-promise.all
Completion PromiseAll(Realm& realm, const Value& C, const Value& iterable) {
  auto handlers = [&realm](const PromiseCapability& capability, const std::shared_ptr<Remaining>& values,
                           std::size_t i) {
    Object* onFulfilled = makeElementFunction(realm, values, realm.heap.makeRecord<AlreadyCalledRecord>(), i, identity);
    return HandlerPair{onFulfilled, capability.reject};
  };
  return performCounting(realm, C, iterable, handlers, resolveWithArray, resolveWithArray);
}

// 27.2.4.2 Promise.allSettled ( iterable ), with 27.2.4.2.1 PerformPromiseAllSettled — https://tc39.es/ecma262/2025/#sec-promise.allsettled
Completion PromiseAllSettled(Realm& realm, const Value& C, const Value& iterable) {
  auto handlers = [&realm](const PromiseCapability&, const std::shared_ptr<Remaining>& values, std::size_t i) {
    auto* alreadyCalled = realm.heap.makeRecord<AlreadyCalledRecord>();  // shared by both element functions
    return HandlerPair{makeElementFunction(realm, values, alreadyCalled, i, fulfilledRecord),
                       makeElementFunction(realm, values, alreadyCalled, i, rejectedRecord)};
  };
  return performCounting(realm, C, iterable, handlers, resolveWithArray, resolveWithArray);
}

// 27.2.4.3 Promise.any ( iterable ), with 27.2.4.3.1 PerformPromiseAny — https://tc39.es/ecma262/2025/#sec-promise.any
Completion PromiseAny(Realm& realm, const Value& C, const Value& iterable) {
  auto handlers = [&realm](const PromiseCapability& capability, const std::shared_ptr<Remaining>& errors,
                           std::size_t i) {
    Object* onRejected = makeElementFunction(realm, errors, realm.heap.makeRecord<AlreadyCalledRecord>(), i, identity);
    return HandlerPair{capability.resolve, onRejected};
  };
  return performCounting(realm, C, iterable, handlers, rejectWithAggregate, throwAggregate);
}

// 27.2.4.5 Promise.race ( iterable ), with 27.2.4.5.1 PerformPromiseRace — https://tc39.es/ecma262/2025/#sec-promise.race
Completion PromiseRace(Realm& realm, const Value& C, const Value& iterable) {
  auto makeStep = [&realm](const PromiseCapability& capability) -> ElementStep {
    return [&realm, capability](std::size_t, const Value& nextPromise) {
      return invokeThen(realm, nextPromise, capability.resolve, capability.reject);
    };
  };
  return performCombinator(realm, C, iterable, makeStep, [](const PromiseCapability&) { return Completion::normal(); });
}

// On %Promise%, as a program that names no other constructor calls them.
Completion PromiseAll(Realm& realm, const Value& iterable) {
  return PromiseAll(realm, realm.promiseConstructor, iterable);
}
Completion PromiseAllSettled(Realm& realm, const Value& iterable) {
  return PromiseAllSettled(realm, realm.promiseConstructor, iterable);
}
Completion PromiseAny(Realm& realm, const Value& iterable) {
  return PromiseAny(realm, realm.promiseConstructor, iterable);
}
Completion PromiseRace(Realm& realm, const Value& iterable) {
  return PromiseRace(realm, realm.promiseConstructor, iterable);
}

}  // namespace pc::es
