#include "reference/realm.hpp"

#include "reference/promise_builtins.hpp"

namespace pc::es {

namespace {

Value argumentAt(std::span<const Value> args, std::size_t i) { return i < args.size() ? args[i] : Value(Undefined{}); }

// O.[[GetOwnProperty]](P), and when it is undefined, the same on O.[[GetPrototypeOf]](), up the chain
// (10.1.8.1 steps 2-3, 10.1.9.2 step 2).
const Property* findProperty(const Realm& realm, const Object* object, std::string_view key) {
  for (const Object* o = object; o != nullptr; o = realm.prototypeOf(o))
    if (const Property* own = o->findOwn(key)) return own;
  return nullptr;
}

}  // namespace

Realm::Realm(Host& host) : host(host) {
  // 27.2.5 Properties of the Promise Prototype Object.
  promiseThen = makeFunction(
      [this](const Value& thisArgument, std::span<const Value> args) {
        return PromisePrototypeThen(*this, thisArgument, argumentAt(args, 0), argumentAt(args, 1));
      },
      "then");
  promisePrototype = makeObject();
  promisePrototype->defineBuiltinMethod("then", promiseThen);
  promisePrototype->defineBuiltinMethod("catch", makeFunction(
                                                     [this](const Value& thisArgument, std::span<const Value> args) {
                                                       return PromisePrototypeCatch(*this, thisArgument,
                                                                                    argumentAt(args, 0));
                                                     },
                                                     "catch"));
  promisePrototype->defineBuiltinMethod("finally", makeFunction(
                                                       [this](const Value& thisArgument, std::span<const Value> args) {
                                                         return PromisePrototypeFinally(*this, thisArgument,
                                                                                        argumentAt(args, 0));
                                                       },
                                                       "finally"));
  // 27.2.4 Properties of the Promise Constructor.
  promiseConstructor = heap.make<PromiseConstructorObject>();
  using Static = Completion (*)(Realm&, const Value& C, const Value& argument);
  auto defineStatic = [this](const char* name, Static steps) {
    promiseConstructor->defineBuiltinMethod(
        name, makeFunction([this, steps](const Value& C,
                                         std::span<const Value> args) { return steps(*this, C, argumentAt(args, 0)); },
                           name));
  };
  defineStatic("all", PromiseAll);
  defineStatic("allSettled", PromiseAllSettled);
  defineStatic("any", PromiseAny);
  defineStatic("race", PromiseRace);
  defineStatic("reject", PromiseReject);
  defineStatic("resolve", PromiseResolveFunction);
  promiseConstructor->defineBuiltinMethod("try", makeFunction(
                                                     [this](const Value& C, std::span<const Value> args) {
                                                       return PromiseTry(*this, C, argumentAt(args, 0),
                                                                         args.empty() ? args : args.subspan(1));
                                                     },
                                                     "try"));
  promiseConstructor->defineBuiltinMethod(
      "withResolvers",
      makeFunction([this](const Value& C, std::span<const Value>) { return PromiseWithResolvers(*this, C); },
                   "withResolvers"));
  globalObject = heap.make<Object>(ObjectKind::Global);
  // 27.2.5.2 Promise.prototype.constructor, and 27.2.4.9 get Promise [ %Symbol.species% ].
  promisePrototype->defineBuiltinMethod("constructor", promiseConstructor);
  promiseConstructor->defineBuiltinGetter(std::string(kSymbolSpecies), speciesGetter());
  arrayPrototype = makeArray();
  arrayConstructor = heap.make<ArrayConstructorObject>();
  // 23.1.3.3 Array.prototype.constructor, and 23.1.2.5 get Array [ %Symbol.species% ].
  arrayPrototype->defineBuiltinMethod("constructor", arrayConstructor);
  arrayConstructor->defineBuiltinGetter(std::string(kSymbolSpecies), speciesGetter());
}

// get C [ %Symbol.species% ] of %Promise% and %Array% (27.2.4.9, 23.1.2.5): 1. Return the this value.
FunctionObject* Realm::speciesGetter() {
  return makeFunction([](const Value& thisValue, std::span<const Value>) { return Completion::normal(thisValue); },
                      "get [Symbol.species]");
}

Object* Realm::prototypeOf(const Object* object) const {
  if (!explicitPrototypes_.empty())
    if (auto it = explicitPrototypes_.find(object); it != explicitPrototypes_.end()) return it->second;
  if (object->kind() == ObjectKind::Promise) return promisePrototype;
  if (object->kind() == ObjectKind::Array && object != arrayPrototype) return arrayPrototype;
  return nullptr;
}

void Realm::setPrototypeOf(const Object* object, Object* prototype) { explicitPrototypes_[object] = prototype; }

bool Realm::isPlainPromise(const Object* promise) const {
  return promise->properties().empty() && prototypeOf(promise) == promisePrototype;
}

FunctionObject* Realm::makeConstructor(Behaviour behaviour) {
  return heap.make<ConstructorFunctionObject>(std::move(behaviour));
}

// 15.7.14 ClassDefinitionEvaluation, for ClassHeritage `extends Promise` — https://tc39.es/ecma262/2025/#sec-runtime-semantics-classdefinitionevaluation
FunctionObject* Realm::makePromiseSubclass(Behaviour before, Behaviour after) {
  // 8.g. protoParent is Get(superclass, "prototype"), %Promise.prototype%; constructorParent is %Promise%.
  // 9. Let proto be OrdinaryObjectCreate(protoParent).
  Object* proto = makeObject();
  setPrototypeOf(proto, promisePrototype);
  // 14-18. F, a derived constructor whose [[Prototype]] is constructorParent; MakeConstructor(F,
  // false, proto) gives it its "prototype".
  auto* F = heap.make<DerivedConstructorFunctionObject>(std::move(before), std::move(after), proto);
  setPrototypeOf(F, promiseConstructor);
  // 19. CreateMethodProperty(proto, "constructor", F): not enumerable.
  proto->defineBuiltinMethod("constructor", F);
  return F;
}

// 10.2.1 [[Call]] ( thisArgument, argumentsList ), step 2: a class constructor throws when called.
Completion DerivedConstructorFunctionObject::call(Realm& realm, const Value&, std::span<const Value>) {
  return realm.throwTypeError("Class constructor cannot be invoked without 'new'");
}

// 10.2.2 [[Construct]] ( argumentsList, newTarget ), for a derived constructor, newTarget = F —
// https://tc39.es/ecma262/2025/#sec-ecmascript-function-objects-construct-argumentslist-newtarget
Completion DerivedConstructorFunctionObject::construct(Realm& realm, std::span<const Value> arguments) {
  // 4-8. The body runs with its this binding uninitialized up to the super call.
  if (Completion first = before(Undefined{}, arguments); first.isAbrupt()) return first;
  // 13.3.7.1 SuperCall: Construct(GetSuperConstructor(), argList, NewTarget), GetSuperConstructor being
  // F.[[GetPrototypeOf]](), %Promise%; then BindThisValue.
  Completion made = PromiseConstructor(realm, arguments.empty() ? Value() : arguments[0], prototype);
  if (made.isAbrupt()) return made;
  const Value thisValue = made.value;
  Completion result = after(thisValue, arguments);
  if (result.isAbrupt()) return result;
  // 10-12. A return of an Object is the result; undefined gives the this binding; else a TypeError.
  if (result.value.isObject()) return result;
  if (!result.value.isUndefined())
    return realm.throwTypeError("Derived constructors may only return object or undefined");
  return Completion::normal(thisValue);
}

Completion FunctionObject::construct(Realm& realm, std::span<const Value>) {
  return realm.throwTypeError("not a constructor");  // never reached: Construct checks IsConstructor
}

// 10.2.2 [[Construct]] ( argumentsList, newTarget ), for a base constructor —
// https://tc39.es/ecma262/2025/#sec-ecmascript-function-objects-construct-argumentslist-newtarget
Completion ConstructorFunctionObject::construct(Realm& realm, std::span<const Value> arguments) {
  // 3.a. Let thisArgument be ? OrdinaryCreateFromConstructor(newTarget, "%Object.prototype%").
  const Value thisArgument = realm.makeObject();
  // 6-8. Run the body with this bound to thisArgument.
  Completion result = behaviour(thisArgument, arguments);
  if (result.isAbrupt()) return result;
  // 10-12. A return of an Object is the result; anything else gives thisArgument.
  if (result.value.isObject()) return result;
  return Completion::normal(thisArgument);
}

// 27.2.3.1 Promise ( executor ), step 1: called as a function (NewTarget undefined), it throws.
Completion PromiseConstructorObject::call(Realm& realm, const Value&, std::span<const Value>) {
  return realm.throwTypeError("Promise constructor cannot be invoked without 'new'");
}

// 23.1.1.1 Array ( ...values ), for the calls the promise algorithms make: NewPromiseCapability
// constructs it with one function, the executor, which gives an array holding it (the one-number
// form, new Array(3), is never reached).
Completion ArrayConstructorObject::construct(Realm& realm, std::span<const Value> arguments) {
  return Completion::normal(realm.makeArray(std::vector<Value>(arguments.begin(), arguments.end())));
}

Completion PromiseConstructorObject::construct(Realm& realm, std::span<const Value> arguments) {
  return PromiseConstructor(realm, arguments.empty() ? Value() : arguments[0]);
}

FunctionObject* Realm::makeFunction(Behaviour behaviour, const char* name) {
  return heap.make<ClosureFunctionObject>(std::move(behaviour), name);
}

ArrayObject* Realm::makeArray(std::vector<Value> elements) { return heap.make<ArrayObject>(std::move(elements)); }

Object* Realm::makeObject() { return heap.make<Object>(ObjectKind::Ordinary); }

ErrorObject* Realm::makeError(std::string name, std::optional<std::string> message, bool engineMade) {
  return heap.make<ErrorObject>(std::move(name), std::move(message), engineMade);
}

Completion Realm::throwTypeError(std::string message) {
  return Completion::throwing(makeError("TypeError", std::move(message), true));
}

// 7.2.4 IsConstructor ( argument ) — https://tc39.es/ecma262/2025/#sec-isconstructor
bool IsConstructor(const Value& v) {
  // 1-3. An Object with a [[Construct]] internal method.
  return IsCallable(v) && static_cast<const FunctionObject*>(v.asObject())->isConstructor();
}

// 7.3.15 Construct ( F [ , argumentsList [ , newTarget ] ] ) — https://tc39.es/ecma262/2025/#sec-construct
Completion Construct(Realm& realm, const Value& f, std::span<const Value> arguments) {
  // 1. If newTarget is not present, set newTarget to F. 3. Return ? F.[[Construct]](argumentsList, newTarget).
  return static_cast<FunctionObject*>(f.asObject())->construct(realm, arguments);
}

// 7.3.2 Get ( O, P ), and 7.3.3 GetV ( V, P ) for primitives — https://tc39.es/ecma262/2025/#sec-get-o-p
Completion Get(Realm& realm, const Value& o, std::string_view key) {
  if (!o.isObject()) return Completion::normal();  // primitives have no "then" worth reading here
  Object* object = o.asObject();
  // OrdinaryGet 10.1.8.1 steps 1-3: the own property, else the prototype's, read with O as receiver.
  const Property* p = findProperty(realm, object, key);
  if (!p) return Completion::normal();
  if (p->isAccessor()) {
    // OrdinaryGet 10.1.8.1 steps 5-7: an accessor without a getter reads as undefined.
    if (!p->getter) return Completion::normal();
    return Call(realm, p->getter, o);
  }
  return Completion::normal(p->value);
}

// 7.3.4 Set ( O, P, V, Throw ) — https://tc39.es/ecma262/2025/#sec-set-o-p-v-throw
// O.[[Set]] is OrdinarySet (10.1.9.1) and OrdinarySetWithOwnDescriptor (10.1.9.2). The inherited
// properties a case can reach by the keys the loader lets it set are writable data properties
// (Promise.prototype.then, Object.prototype's methods), so a missing own property is created.
Completion Set(Realm& realm, const Value& o, std::string_view key, const Value& v) {
  // PutValue 6.2.5.6 step 3.a: ToObject(base) throws for undefined and null; for other primitives
  // OrdinarySetWithOwnDescriptor step 2.c returns false (the receiver is not an object), and
  // Set's step 2 throws a TypeError since Throw is true.
  if (!o.isObject()) return realm.throwTypeError("cannot set a property of a primitive");
  Object* object = o.asObject();
  // 10.1.9.1 OrdinarySet steps 1-2: the own property, else the prototype's (OrdinarySetWithOwnDescriptor
  // step 2.a-b).
  const Property* found = findProperty(realm, object, key);
  // 10.1.9.2 step 2.c and 3: no property, or a writable data property (every one is writable): the
  // receiver gets it as a data property (CreateDataProperty(Receiver, P, V)).
  if (found == nullptr || !found->isAccessor()) {
    // Step 3.d.iii-iv (an existing writable data property: its [[Value]] becomes V) or 3.e.
    object->set(std::string(key), v);
    return Completion::normal();
  }
  // Steps 4-7: an accessor. Without a setter [[Set]] returns false and Set throws (its step 2).
  if (found->setter == nullptr) return realm.throwTypeError("the property has a getter and no setter");
  // Step 7: Perform ? Call(setter, Receiver, « V »).
  Object* setter = found->setter;
  const Value args[] = {v};
  Completion called = Call(realm, setter, o, args);
  if (called.isAbrupt()) return called;
  return Completion::normal();
}

// 7.3.22 SpeciesConstructor ( O, defaultConstructor ) — https://tc39.es/ecma262/2025/#sec-speciesconstructor
Completion SpeciesConstructor(Realm& realm, const Value& o, const Value& defaultConstructor) {
  // 1. Let C be ? Get(O, "constructor").
  Completion C = Get(realm, o, "constructor");
  if (C.isAbrupt()) return C;
  // 2. If C is undefined, return defaultConstructor.
  if (C.value.isUndefined()) return Completion::normal(defaultConstructor);
  // 3. If C is not an Object, throw a TypeError exception.
  if (!C.value.isObject()) return realm.throwTypeError("the constructor is not an object");
  // 4. Let S be ? Get(C, %Symbol.species%).
  Completion species = Get(realm, C.value, kSymbolSpecies);
  if (species.isAbrupt()) return species;
  const Value& S = species.value;
  // 5. If S is either undefined or null, return defaultConstructor.
  if (S.isUndefined() || S.isNull()) return Completion::normal(defaultConstructor);
  // 6. If IsConstructor(S) is true, return S.
  if (IsConstructor(S)) return Completion::normal(S);
  // 7. Throw a TypeError exception.
  return realm.throwTypeError("the species is not a constructor");
}

// 7.3.20 Invoke ( V, P [ , argumentsList ] ) — https://tc39.es/ecma262/2025/#sec-invoke
Completion Invoke(Realm& realm, const Value& v, std::string_view key, std::span<const Value> arguments) {
  Completion func = Get(realm, v, key);
  if (func.isAbrupt()) return func;
  return Call(realm, func.value, v, arguments);
}

}  // namespace pc::es
