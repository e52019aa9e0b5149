#pragma once
// A realm with its heap and intrinsics, and the host it runs in: everything one run of promise code
// needs. The abstract operations of ECMA-262 7.2 and 7.3 that promise algorithms use (IsCallable,
// Get, Call, Invoke) are free functions over it.
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "reference/completion.hpp"
#include "reference/host.hpp"
#include "reference/object.hpp"

namespace pc::es {

class Realm {
 public:
  // `host` (node_host.hpp by default) must outlive the realm.
  explicit Realm(Host& host);
  Realm(const Realm&) = delete;
  Realm& operator=(const Realm&) = delete;

  Heap heap;
  Host& host;  // the host hooks of host.hpp: where jobs go, who tracks rejections

  // %Promise.prototype.then%.
  Object* promiseThen = nullptr;
  // %Promise%, with its static methods and get [ %Symbol.species% ] as its own properties (27.2.4):
  // the constructor static methods run on when a program names no other, and the "constructor" of
  // %Promise.prototype%, which every promise inherits.
  Object* promiseConstructor = nullptr;
  // %Promise.prototype%, with then, catch and finally (27.2.5): the prototype of every promise.
  Object* promisePrototype = nullptr;
  // %Array.prototype% (23.1.3): the prototype of every array. None of its methods is modelled, and
  // its %Symbol.iterator% is implicit while a program has not put one in; its "constructor" is
  // %Array% (23.1.1), whose [[Construct]] makes an array of its arguments, as `new Array(executor)`.
  Object* arrayPrototype = nullptr;
  Object* arrayConstructor = nullptr;
  // The global object (19): what a non-strict function gets as this when it is called with undefined
  // or null (OrdinaryCallBindThis, 10.2.1.2). None of its properties is modelled.
  Object* globalObject = nullptr;

  // The [[Prototype]] of `object` when it is one the model has (a promise's, an array's, or one a class
  // set); else null, for %Object.prototype% and %Function.prototype% have no property a promise
  // algorithm reads.
  Object* prototypeOf(const Object* object) const;
  // Gives `object` a [[Prototype]] other than the one its kind implies (OrdinaryObjectCreate(proto)).
  void setPrototypeOf(const Object* object, Object* prototype);
  // A promise that has no own property and inherits from %Promise.prototype% itself: what it reads as
  // "constructor" is %Promise%, which no case can change.
  bool isPlainPromise(const Object* promise) const;

  FunctionObject* makeFunction(Behaviour behaviour, const char* name = "");
  FunctionObject* speciesGetter();
  // A function the program wrote with `function`: callable, and a constructor (10.2.2).
  FunctionObject* makeConstructor(Behaviour behaviour);
  // 15.7.14 ClassDefinitionEvaluation of `class extends Promise { constructor(...args) { before;
  // super(...args); after } }`: the class C, with C.prototype, whose [[Prototype]] is %Promise.prototype%.
  FunctionObject* makePromiseSubclass(Behaviour before, Behaviour after);
  PromiseObject* makePromise() { return heap.make<PromiseObject>(); }
  ArrayObject* makeArray(std::vector<Value> elements = {});
  Object* makeObject();
  ErrorObject* makeError(std::string name, std::optional<std::string> message, bool engineMade);
  // A throw completion carrying a new engine-made TypeError.
  Completion throwTypeError(std::string message);

 private:
  // NON-SPEC, layout only: [[Prototype]] is kept here, for the few objects whose prototype is not the
  // one their kind implies (a class, its prototype object, its instances), not in every object.
  std::unordered_map<const Object*, Object*> explicitPrototypes_;
};

// The property key of the well-known symbol %Symbol.species% (6.1.5.1), a string as kSymbolIterator is.
inline constexpr std::string_view kSymbolSpecies = "Symbol.species";

// 7.2.3 IsCallable ( argument ) — https://tc39.es/ecma262/2025/#sec-iscallable
inline bool IsCallable(const Value& v) { return v.isObject() && v.asObject()->kind() == ObjectKind::Function; }
// 7.2.4 IsConstructor ( argument ) — https://tc39.es/ecma262/2025/#sec-isconstructor
bool IsConstructor(const Value& v);
// 7.3.15 Construct ( F [ , argumentsList [ , newTarget ] ] ), newTarget = F — https://tc39.es/ecma262/2025/#sec-construct
Completion Construct(Realm& realm, const Value& f, std::span<const Value> arguments = {});
// 7.3.13 Call ( F, V [ , argumentsList ] ) — https://tc39.es/ecma262/2025/#sec-call
inline Completion Call(Realm& realm, const Value& f, const Value& thisArgument, std::span<const Value> arguments = {}) {
  if (!IsCallable(f)) return realm.throwTypeError("not a function");
  return static_cast<FunctionObject*>(f.asObject())->call(realm, thisArgument, arguments);
}
// 7.3.2 Get ( O, P ), and 7.3.3 GetV ( V, P ) for primitives — https://tc39.es/ecma262/2025/#sec-get-o-p
Completion Get(Realm& realm, const Value& o, std::string_view key);
// 7.3.4 Set ( O, P, V, Throw ), with Throw true (a case's program is strict code), for a base that
// may be a primitive as PutValue (6.2.5.6) allows — https://tc39.es/ecma262/2025/#sec-set-o-p-v-throw
Completion Set(Realm& realm, const Value& o, std::string_view key, const Value& v);
// 7.3.22 SpeciesConstructor ( O, defaultConstructor ) — https://tc39.es/ecma262/2025/#sec-speciesconstructor
Completion SpeciesConstructor(Realm& realm, const Value& o, const Value& defaultConstructor);
// 7.3.20 Invoke ( V, P [ , argumentsList ] ) — https://tc39.es/ecma262/2025/#sec-invoke
Completion Invoke(Realm& realm, const Value& v, std::string_view key, std::span<const Value> arguments);

}  // namespace pc::es
