// The Promise constructor and the static functions that are not combinators (27.2.3, 27.2.4.6-9).
#include "reference/promise_abstract_operations.hpp"
#include "reference/promise_builtins.hpp"

namespace pc::es {

// 27.2.3.1 Promise ( executor ) — https://tc39.es/ecma262/2025/#sec-promise-executor
Completion PromiseConstructor(Realm& realm, const Value& executor) {
  return PromiseConstructor(realm, executor, nullptr);
}

Completion PromiseConstructor(Realm& realm, const Value& executor, Object* prototype) {
  // 2. If IsCallable(executor) is false, throw a TypeError exception.
  if (!IsCallable(executor)) return realm.throwTypeError("Promise resolver is not a function");
  // 3-7. OrdinaryCreateFromConstructor(NewTarget, "%Promise.prototype%"): a new pending promise, not
  // handled, with no reactions, whose prototype is NewTarget's "prototype".
  PromiseObject* promise = realm.makePromise();
  if (prototype != nullptr) realm.setPrototypeOf(promise, prototype);
  // 8. Let resolvingFunctions be CreateResolvingFunctions(promise).
  ResolvingFunctions f = CreateResolvingFunctions(realm, promise);
  // 9. Let completion be Completion(Call(executor, undefined, « resolve, reject »)).
  const Value args[] = {f.resolve, f.reject};
  Completion completion = Call(realm, executor, Undefined{}, args);
  // 10. If completion is abrupt, perform ? Call(resolvingFunctions.[[Reject]], undefined, « value »).
  if (completion.isAbrupt()) {
    const Value reason[] = {completion.value};
    Call(realm, f.reject, Undefined{}, reason);
  }
  return Completion::normal(promise);
}

// 27.2.4.6 Promise.reject ( r ) — https://tc39.es/ecma262/2025/#sec-promise.reject
Completion PromiseReject(Realm& realm, const Value& C, const Value& r) {
  // 1. Let C be the this value. 2. Let promiseCapability be ? NewPromiseCapability(C).
  PromiseCapability promiseCapability;
  if (Completion c = NewPromiseCapability(realm, C, promiseCapability); c.isAbrupt()) return c;
  // 3. Perform ? Call(promiseCapability.[[Reject]], undefined, « r »).
  const Value args[] = {r};
  if (Completion called = Call(realm, promiseCapability.reject, Undefined{}, args); called.isAbrupt()) return called;
  // 4. Return promiseCapability.[[Promise]].
  return Completion::normal(promiseCapability.promise);
}

// 27.2.4.7 Promise.resolve ( x ) — https://tc39.es/ecma262/2025/#sec-promise.resolve
Completion PromiseResolveFunction(Realm& realm, const Value& C, const Value& x) {
  // 1. Let C be the this value. 2. If C is not an Object, throw a TypeError exception.
  if (!C.isObject()) return realm.throwTypeError("PromiseResolve called on non-object");
  // 3. Return ? PromiseResolve(C, x).
  return PromiseResolve(realm, C, x);
}

// 27.2.4.8 Promise.try ( callback, ...args ) — https://tc39.es/ecma262/2025/#sec-promise.try
Completion PromiseTry(Realm& realm, const Value& C, const Value& callback, std::span<const Value> arguments) {
  // 1. Let C be the this value. 2. If C is not an Object, throw a TypeError exception.
  if (!C.isObject()) return realm.throwTypeError("Promise.try called on non-object");
  // 3. Let promiseCapability be ? NewPromiseCapability(C).
  PromiseCapability promiseCapability;
  if (Completion c = NewPromiseCapability(realm, C, promiseCapability); c.isAbrupt()) return c;
  // 4. Let status be Completion(Call(callbackfn, undefined, args)).
  Completion status = Call(realm, callback, Undefined{}, arguments);
  // 5. If status is an abrupt completion, perform ? Call(promiseCapability.[[Reject]], undefined,
  //    « status.[[Value]] »). 6. Else, perform ? Call(promiseCapability.[[Resolve]], undefined,
  //    « status.[[Value]] »).
  const Value args[] = {status.value};
  Completion called =
      Call(realm, status.isAbrupt() ? promiseCapability.reject : promiseCapability.resolve, Undefined{}, args);
  if (called.isAbrupt()) return called;
  // 7. Return promiseCapability.[[Promise]].
  return Completion::normal(promiseCapability.promise);
}

// 27.2.4.9 Promise.withResolvers ( ) — https://tc39.es/ecma262/2025/#sec-promise.withResolvers
Completion PromiseWithResolvers(Realm& realm, const Value& C) {
  // 1. Let C be the this value. 2. Let promiseCapability be ? NewPromiseCapability(C).
  PromiseCapability promiseCapability;
  if (Completion c = NewPromiseCapability(realm, C, promiseCapability); c.isAbrupt()) return c;
  // 3-6. obj = OrdinaryObjectCreate(%Object.prototype%) with promise, resolve and reject.
  Object* obj = realm.makeObject();
  obj->set("promise", promiseCapability.promise);
  obj->set("resolve", promiseCapability.resolve);
  obj->set("reject", promiseCapability.reject);
  // 7. Return obj.
  return Completion::normal(obj);
}

// On %Promise%, as a program that names no other constructor calls them.
Completion PromiseReject(Realm& realm, const Value& r) { return PromiseReject(realm, realm.promiseConstructor, r); }
Completion PromiseResolveFunction(Realm& realm, const Value& x) {
  return PromiseResolveFunction(realm, realm.promiseConstructor, x);
}
Completion PromiseTry(Realm& realm, const Value& callback, std::span<const Value> arguments) {
  return PromiseTry(realm, realm.promiseConstructor, callback, arguments);
}
Completion PromiseWithResolvers(Realm& realm) { return PromiseWithResolvers(realm, realm.promiseConstructor); }

}  // namespace pc::es
