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
  const Property* p = object->findOwn(key);
  if (!p) return Completion::normal();
  if (p->getter) return Call(realm, p->getter, o);
  return Completion::normal(p->value);
}

// 7.3.20 Invoke ( V, P [ , argumentsList ] ) — https://tc39.es/ecma262/2025/#sec-invoke
Completion Invoke(Realm& realm, const Value& v, std::string_view key, std::span<const Value> arguments) {
  Completion func = Get(realm, v, key);
  if (func.isAbrupt()) return func;
  return Call(realm, func.value, v, arguments);
}

}  // namespace pc::es
