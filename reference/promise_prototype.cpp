// Promise.prototype.then, catch and finally (27.2.5).
#include "reference/promise_abstract_operations.hpp"
#include "reference/promise_builtins.hpp"

namespace pc::es {
namespace {

// SpeciesConstructor(promise, %Promise%) (7.3.22) for a promise. NON-SPEC, allocation only: a
// promise without properties of its own whose prototype is %Promise.prototype% inherits
// %Promise.prototype%.constructor, which is %Promise%,
// whose get [ %Symbol.species% ] returns %Promise%; no case can change either built-in property (the
// loader lets a case change only then and resolve on built-ins), so the two reads are skipped.
Completion PromiseSpeciesConstructor(Realm& realm, const Value& promise) {
  if (realm.isPlainPromise(promise.asObject())) return Completion::normal(realm.promiseConstructor);
  return SpeciesConstructor(realm, promise, realm.promiseConstructor);
}

// The closures of 27.2.5.3 steps 6.a-b: a thenFinally (or catchFinally) function that calls
// onFinally, waits for its result, and then passes the original value on (or rethrows the reason).
Object* makeFinallyReaction(Realm& realm, const Value& C, const Value& onFinally, bool rethrow) {
  return realm.makeFunction(
      [&realm, C, onFinally, rethrow](const Value&, std::span<const Value> args) {
        const Value original = args.empty() ? Value(Undefined{}) : args[0];
        // i. Let result be ? Call(onFinally, undefined).
        Completion result = Call(realm, onFinally, Undefined{});
        if (result.isAbrupt()) return result;
        // ii. Let p be ? PromiseResolve(C, result).
        Completion p = PromiseResolve(realm, C, result.value);
        if (p.isAbrupt()) return p;
        // iii-iv. A valueThunk returning the value, or a thrower throwing the reason.
        Object* passOn = realm.makeFunction(
            [original, rethrow](const Value&, std::span<const Value>) {
              return rethrow ? Completion::throwing(original) : Completion::normal(original);
            },
            rethrow ? "thrower" : "valueThunk");
        // v. Return ? Invoke(p, "then", « valueThunk » or « thrower »).
        const Value thenArgs[] = {passOn};
        return Invoke(realm, p.value, "then", thenArgs);
      },
      "");
}

}  // namespace

// 27.2.5.1 Promise.prototype.catch ( onRejected ) — https://tc39.es/ecma262/2025/#sec-promise.prototype.catch
Completion PromisePrototypeCatch(Realm& realm, const Value& promise, const Value& onRejected) {
  // 2. Return ? Invoke(promise, "then", « undefined, onRejected »).
  const Value args[] = {Undefined{}, onRejected};
  return Invoke(realm, promise, "then", args);
}

// 27.2.5.3 Promise.prototype.finally ( onFinally ) — https://tc39.es/ecma262/2025/#sec-promise.prototype.finally
Completion PromisePrototypeFinally(Realm& realm, const Value& promise, const Value& onFinally) {
  // 2. If promise is not an Object, throw a TypeError exception.
  if (!promise.isObject()) return realm.throwTypeError("Promise.prototype.finally called on a non-object");
  // 3. Let C be ? SpeciesConstructor(promise, %Promise%). (An array's is %Array%.)
  Completion C = SpeciesConstructor(realm, promise, realm.promiseConstructor);
  if (C.isAbrupt()) return C;
  // 5-6. With a non-callable onFinally, both reactions are onFinally itself.
  Value thenFinally = onFinally, catchFinally = onFinally;
  if (IsCallable(onFinally)) {
    thenFinally = makeFinallyReaction(realm, C.value, onFinally, false);
    catchFinally = makeFinallyReaction(realm, C.value, onFinally, true);
  }
  // 8. Return ? Invoke(promise, "then", « thenFinally, catchFinally »).
  const Value args[] = {thenFinally, catchFinally};
  return Invoke(realm, promise, "then", args);
}

// 27.2.5.4 Promise.prototype.then ( onFulfilled, onRejected ) — https://tc39.es/ecma262/2025/#sec-promise.prototype.then
Completion PromisePrototypeThen(Realm& realm, const Value& promise, const Value& onFulfilled, const Value& onRejected) {
  // 2. If IsPromise(promise) is false, throw a TypeError exception.
  PromiseObject* p = asPromise(promise);
  if (!p) return realm.throwTypeError("Promise.prototype.then called on a non-promise");
  // 3. Let C be ? SpeciesConstructor(promise, %Promise%).
  Completion C = PromiseSpeciesConstructor(realm, promise);
  if (C.isAbrupt()) return C;
  // 4. Let resultCapability be ? NewPromiseCapability(C).
  PromiseCapability resultCapability;
  if (C.value.asObject() == realm.promiseConstructor)
    resultCapability = NewPromiseCapabilityForReaction(realm);
  else if (Completion made = NewPromiseCapability(realm, C.value, resultCapability); made.isAbrupt())
    return made;
  // 5. Return PerformPromiseThen(promise, onFulfilled, onRejected, resultCapability).
  return Completion::normal(PerformPromiseThen(realm, p, onFulfilled, onRejected, resultCapability));
}

}  // namespace pc::es
