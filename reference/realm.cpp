#include "reference/realm.hpp"

#include "reference/promise_builtins.hpp"

namespace pc::es {

Realm::Realm(Host& host) : host(host) {
  promiseThen = makeFunction(
      [this](const Value& thisArgument, std::span<const Value> args) {
        auto arg = [&](std::size_t i) { return i < args.size() ? args[i] : Value(Undefined{}); };
        return PromisePrototypeThen(*this, thisArgument, arg(0), arg(1));
      },
      "then");
  promiseConstructor = heap.make<PromiseConstructorObject>();
  promiseConstructor->set("resolve", makeFunction(
                                         [this](const Value& thisArgument, std::span<const Value> args) {
                                           return PromiseResolveFunction(*this, thisArgument,
                                                                         args.empty() ? Value() : args[0]);
                                         },
                                         "resolve"));
}

FunctionObject* Realm::makeConstructor(Behaviour behaviour) {
  return heap.make<ConstructorFunctionObject>(std::move(behaviour));
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

Completion PromiseConstructorObject::construct(Realm& realm, std::span<const Value> arguments) {
  return PromiseConstructor(realm, arguments.empty() ? Value() : arguments[0]);
}

FunctionObject* Realm::makeFunction(Behaviour behaviour, const char* name) {
  return heap.make<ClosureFunctionObject>(std::move(behaviour), name);
}

PromiseObject* Realm::makePromise() { return heap.make<PromiseObject>(); }

ArrayObject* Realm::makeArray(std::vector<Value> elements) { return heap.make<ArrayObject>(std::move(elements)); }

Object* Realm::makeObject() { return heap.make<Object>(ObjectKind::Ordinary); }

ErrorObject* Realm::makeError(std::string name, std::optional<std::string> message, bool engineMade) {
  return heap.make<ErrorObject>(std::move(name), std::move(message), engineMade);
}

Completion Realm::throwTypeError(std::string message) {
  return Completion::throwing(makeError("TypeError", std::move(message), true));
}

// 7.2.3 IsCallable ( argument ) — https://tc39.es/ecma262/2025/#sec-iscallable
bool IsCallable(const Value& v) { return v.isObject() && v.asObject()->kind() == ObjectKind::Function; }

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

// 7.3.13 Call ( F, V [ , argumentsList ] ) — https://tc39.es/ecma262/2025/#sec-call
Completion Call(Realm& realm, const Value& f, const Value& thisArgument, std::span<const Value> arguments) {
  if (!IsCallable(f)) return realm.throwTypeError("not a function");
  auto* function = static_cast<FunctionObject*>(f.asObject());
  return function->call(realm, thisArgument, arguments);
}

// 7.3.2 Get ( O, P ), and 7.3.3 GetV ( V, P ) for primitives — https://tc39.es/ecma262/2025/#sec-get-o-p
Completion Get(Realm& realm, const Value& o, std::string_view key) {
  if (!o.isObject()) return Completion::normal();  // primitives have no "then" worth reading here
  Object* object = o.asObject();
  if (object->kind() == ObjectKind::Promise && key == "then" && !object->findOwn(key))
    return Completion::normal(realm.promiseThen);  // inherited from %Promise.prototype%
  if (object->kind() == ObjectKind::Promise && key == "constructor")
    return Completion::normal(realm.promiseConstructor);  // %Promise.prototype%.constructor
  const Property* p = object->findOwn(key);
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
  const Property* own = object->findOwn(key);
  // 10.1.9.2 step 2: no own property; the inherited one is a writable data property (or there is
  // none), so step 3 applies with the receiver itself: CreateDataProperty(Receiver, P, V).
  if (own == nullptr || !own->isAccessor()) {
    // Step 3.d.iii-iv (an existing writable data property: its [[Value]] becomes V) or 3.e.
    object->set(std::string(key), v);
    return Completion::normal();
  }
  // Steps 4-7: an accessor. Without a setter [[Set]] returns false and Set throws (its step 2).
  if (own->setter == nullptr) return realm.throwTypeError("the property has a getter and no setter");
  // Step 7: Perform ? Call(setter, Receiver, « V »).
  Object* setter = own->setter;
  const Value args[] = {v};
  Completion called = Call(realm, setter, o, args);
  if (called.isAbrupt()) return called;
  return Completion::normal();
}

// 7.3.20 Invoke ( V, P [ , argumentsList ] ) — https://tc39.es/ecma262/2025/#sec-invoke
Completion Invoke(Realm& realm, const Value& v, std::string_view key, std::span<const Value> arguments) {
  Completion func = Get(realm, v, key);
  if (func.isAbrupt()) return func;
  return Call(realm, func.value, v, arguments);
}

}  // namespace pc::es
