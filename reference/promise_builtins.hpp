#pragma once
// The Promise constructor and its built-in functions, ECMA-262 27.2.3 to 27.2.5. Each returns what
// the JavaScript function returns, as a completion: a normal one with the result, or a throw. A
// static method takes its this value C (a custom constructor, or anything a program calls it on);
// without one it runs on %Promise%.
#include <span>

#include "reference/completion.hpp"
#include "reference/realm.hpp"

namespace pc::es {

Completion PromiseConstructor(Realm& realm, const Value& executor);  // 27.2.3.1 Promise ( executor )
// The same with NewTarget a class extending Promise, whose "prototype" is `prototype`.
Completion PromiseConstructor(Realm& realm, const Value& executor, Object* prototype);
Completion PromiseAll(Realm& realm, const Value& iterable);         // 27.2.4.1 Promise.all
Completion PromiseAllSettled(Realm& realm, const Value& iterable);  // 27.2.4.2 Promise.allSettled
Completion PromiseAny(Realm& realm, const Value& iterable);         // 27.2.4.3 Promise.any
Completion PromiseRace(Realm& realm, const Value& iterable);        // 27.2.4.5 Promise.race
Completion PromiseReject(Realm& realm, const Value& r);             // 27.2.4.6 Promise.reject
Completion PromiseResolveFunction(Realm& realm, const Value& x);    // 27.2.4.7 Promise.resolve
Completion PromiseTry(Realm& realm, const Value& callback,
                      std::span<const Value> arguments = {});  // 27.2.4.8 Promise.try
Completion PromiseWithResolvers(Realm& realm);                 // 27.2.4.9 Promise.withResolvers

// The static methods called with this = C.
Completion PromiseAll(Realm& realm, const Value& C, const Value& iterable);
Completion PromiseAllSettled(Realm& realm, const Value& C, const Value& iterable);
Completion PromiseAny(Realm& realm, const Value& C, const Value& iterable);
Completion PromiseRace(Realm& realm, const Value& C, const Value& iterable);
Completion PromiseReject(Realm& realm, const Value& C, const Value& r);
Completion PromiseResolveFunction(Realm& realm, const Value& C, const Value& x);
Completion PromiseTry(Realm& realm, const Value& C, const Value& callback, std::span<const Value> arguments);
Completion PromiseWithResolvers(Realm& realm, const Value& C);
Completion PromisePrototypeCatch(Realm& realm, const Value& promise,
                                 const Value& onRejected);  // 27.2.5.1
Completion PromisePrototypeFinally(Realm& realm, const Value& promise,
                                   const Value& onFinally);  // 27.2.5.3
Completion PromisePrototypeThen(Realm& realm, const Value& promise, const Value& onFulfilled,
                                const Value& onRejected);  // 27.2.5.4

}  // namespace pc::es
