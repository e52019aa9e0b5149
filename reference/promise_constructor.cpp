// The Promise constructor and the static functions that are not combinators (27.2.3, 27.2.4.6-9).
#include "reference/promise_abstract_operations.hpp"
#include "reference/promise_builtins.hpp"

namespace pc::es {

// 27.2.3.1 Promise ( executor ) — https://tc39.es/ecma262/2025/#sec-promise-executor
Completion PromiseConstructor(Realm& realm, const Value& executor) {
  // 2. If IsCallable(executor) is false, throw a TypeError exception.
  if (!IsCallable(executor)) return realm.throwTypeError("Promise resolver is not a function");
  // 3-7. A new pending promise, not handled, with no reactions.
  PromiseObject* promise = realm.makePromise();
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
Completion PromiseReject(Realm& realm, const Value& r) {
  PromiseCapability capability = NewPromiseCapability(realm);
  const Value args[] = {r};
  Call(realm, capability.reject, Undefined{}, args);
  return Completion::normal(capability.promise);
}

// 27.2.4.7 Promise.resolve ( x ) — https://tc39.es/ecma262/2025/#sec-promise.resolve
Completion PromiseResolveFunction(Realm& realm, const Value& x) { return Completion::normal(PromiseResolve(realm, x)); }

// 27.2.4.8 Promise.try ( callback, ...args ) — https://tc39.es/ecma262/2025/#sec-promise.try
Completion PromiseTry(Realm& realm, const Value& callback, std::span<const Value> arguments) {
  PromiseCapability capability = NewPromiseCapability(realm);
  // 4. Let status be Completion(Call(callbackfn, undefined, args)).
  Completion status = Call(realm, callback, Undefined{}, arguments);
  // 5-6. Reject with a throw, resolve with a value.
  const Value args[] = {status.value};
  Call(realm, status.isAbrupt() ? capability.reject : capability.resolve, Undefined{}, args);
  return Completion::normal(capability.promise);
}

// 27.2.4.9 Promise.withResolvers ( ) — https://tc39.es/ecma262/2025/#sec-promise.withResolvers
Completion PromiseWithResolvers(Realm& realm) {
  PromiseCapability capability = NewPromiseCapability(realm);
  Object* obj = realm.makeObject();
  obj->set("promise", capability.promise);
  obj->set("resolve", capability.resolve);
  obj->set("reject", capability.reject);
  return Completion::normal(obj);
}

}  // namespace pc::es
