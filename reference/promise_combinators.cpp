// Promise.all, allSettled, any and race (27.2.4.1-5), for C = %Promise%.
#include <memory>
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

// The shared frame of Promise.all/allSettled/any/race: capability, GetIterator with
// IfAbruptRejectPromise, the loop calling Promise.resolve on each value, and `done` once the
// iterator is exhausted.
Completion performCombinator(Realm& realm, const Value& iterable, PromiseCapability capability, const ElementStep& step,
                             const std::function<Completion()>& done) {
  auto rejectWith = [&](const Value& reason) {
    const Value args[] = {reason};
    Call(realm, capability.reject, Undefined{}, args);
    return Completion::normal(capability.promise);
  };
  std::vector<Value> elements;
  if (Completion it = IterableToList(realm, iterable, elements); it.isAbrupt())
    return rejectWith(it.value);  // IfAbruptRejectPromise(iteratorRecord, promiseCapability)
  for (std::size_t index = 0; index < elements.size(); ++index) {
    // Let nextPromise be ? Call(promiseResolve, constructor, « next »).
    const Value nextPromise = PromiseResolve(realm, elements[index]);
    if (Completion r = step(index, nextPromise); r.isAbrupt()) return rejectWith(r.value);
  }
  if (Completion r = done(); r.isAbrupt()) return rejectWith(r.value);
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

Completion rejectWithAggregate(Realm& realm, const PromiseCapability& capability, const Remaining& remaining) {
  ErrorObject* error = realm.makeError("AggregateError", std::nullopt, true);
  error->set("errors", realm.makeArray(remaining.values));
  const Value args[] = {error};
  return Call(realm, capability.reject, Undefined{}, args);
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

Completion performCounting(Realm& realm, const Value& iterable, const MakeHandlers& makeHandlers, Settle settle) {
  PromiseCapability capability = NewPromiseCapability(realm);
  auto remaining = std::make_shared<Remaining>();
  // The element functions keep `remaining` alive; what it holds must not keep it alive in turn.
  remaining->finish = [&realm, capability, state = remaining.get(), settle] {
    return settle(realm, capability, *state);
  };
  auto step = [&](std::size_t index, const Value& nextPromise) {
    remaining->values.emplace_back(Undefined{});
    auto [onFulfilled, onRejected] = makeHandlers(capability, remaining, index);
    ++remaining->count;
    return invokeThen(realm, nextPromise, onFulfilled, onRejected);
  };
  auto done = [&]() -> Completion {
    if (--remaining->count == 0) return remaining->finish();
    return Completion::normal();
  };
  return performCombinator(realm, iterable, capability, step, done);
}

Value identity(Realm&, const Value& x) { return x; }
Value fulfilledRecord(Realm& realm, const Value& x) { return settledRecord(realm, "fulfilled", "value", x); }
Value rejectedRecord(Realm& realm, const Value& x) { return settledRecord(realm, "rejected", "reason", x); }

}  // namespace

// 27.2.4.1 Promise.all ( iterable ), with 27.2.4.1.2 PerformPromiseAll — https://tc39.es/ecma262/2025/#sec-promise.all
Completion PromiseAll(Realm& realm, const Value& iterable) {
  auto handlers = [&realm](const PromiseCapability& capability, const std::shared_ptr<Remaining>& values,
                           std::size_t i) {
    Object* onFulfilled = makeElementFunction(realm, values, realm.heap.makeRecord<AlreadyCalledRecord>(), i, identity);
    return HandlerPair{onFulfilled, capability.reject};
  };
  return performCounting(realm, iterable, handlers, resolveWithArray);
}

// 27.2.4.2 Promise.allSettled ( iterable ), with 27.2.4.2.1 PerformPromiseAllSettled — https://tc39.es/ecma262/2025/#sec-promise.allsettled
Completion PromiseAllSettled(Realm& realm, const Value& iterable) {
  auto handlers = [&realm](const PromiseCapability&, const std::shared_ptr<Remaining>& values, std::size_t i) {
    auto* alreadyCalled = realm.heap.makeRecord<AlreadyCalledRecord>();  // shared by both element functions
    return HandlerPair{makeElementFunction(realm, values, alreadyCalled, i, fulfilledRecord),
                       makeElementFunction(realm, values, alreadyCalled, i, rejectedRecord)};
  };
  return performCounting(realm, iterable, handlers, resolveWithArray);
}

// 27.2.4.3 Promise.any ( iterable ), with 27.2.4.3.1 PerformPromiseAny — https://tc39.es/ecma262/2025/#sec-promise.any
Completion PromiseAny(Realm& realm, const Value& iterable) {
  auto handlers = [&realm](const PromiseCapability& capability, const std::shared_ptr<Remaining>& errors,
                           std::size_t i) {
    Object* onRejected = makeElementFunction(realm, errors, realm.heap.makeRecord<AlreadyCalledRecord>(), i, identity);
    return HandlerPair{capability.resolve, onRejected};
  };
  return performCounting(realm, iterable, handlers, rejectWithAggregate);
}

// 27.2.4.5 Promise.race ( iterable ), with 27.2.4.5.1 PerformPromiseRace — https://tc39.es/ecma262/2025/#sec-promise.race
Completion PromiseRace(Realm& realm, const Value& iterable) {
  PromiseCapability capability = NewPromiseCapability(realm);
  auto step = [&](std::size_t, const Value& nextPromise) {
    return invokeThen(realm, nextPromise, capability.resolve, capability.reject);
  };
  return performCombinator(realm, iterable, capability, step, [] { return Completion::normal(); });
}

}  // namespace pc::es
