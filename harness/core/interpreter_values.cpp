// Values of the case language (spec/case-language.md, "Values") and the names a case binds.
#include <limits>

#include "harness/core/interpreter_run.hpp"

namespace pc::interp {

Completion Run::evaluate(const Json& v, const Env& env) {
  if (v.is_string()) return Completion::normal(v.get<std::string>());
  if (v.is_number()) return Completion::normal(v.get<double>());
  if (v.is_boolean()) return Completion::normal(v.get<bool>());
  if (v.is_null()) return Completion::normal(es::Null{});
  if (v.is_array()) {
    std::vector<Value> elements;
    for (const Json& e : v) {
      Completion c = evaluate(e, env);
      if (c.isAbrupt()) return c;
      elements.push_back(c.value);
    }
    return Completion::normal(realm_.makeArray(std::move(elements)));
  }
  return evaluateTagged(v, env);
}

// The object forms: {"undefined": true}, {"number": ...}, {"argument": true}, {"resolveFunction": true},
// {"rejectFunction": true}, {"this": true},
// {"error": ...}, {"promise": n}, {"ref": n}, {"object": {...}}, {"thenable": {...}},
// {"function": B}, {"symbol": d}.
Completion Run::evaluateTagged(const Json& v, const Env& env) {
  if (v.contains("undefined")) return Completion::normal();
  if (v.contains("argument")) return Completion::normal(env.argument);
  if (v.contains("arguments")) return Completion::normal(env.arguments);
  if (v.contains("resolveFunction") || v.contains("rejectFunction")) {
    // The functions `resolve` and `reject` name in the running body (the loader checks there are some).
    if (!env.resolvers) return referenceError(v.contains("resolveFunction") ? "resolve" : "reject");
    return Completion::normal(v.contains("resolveFunction") ? env.resolvers->first : env.resolvers->second);
  }
  if (v.contains("this")) return Completion::normal(env.receiver);
  if (v.contains("number")) {
    const std::string n = v["number"].get<std::string>();
    const double inf = std::numeric_limits<double>::infinity();
    if (n == "NaN") return Completion::normal(std::numeric_limits<double>::quiet_NaN());
    return Completion::normal(n == "Infinity" ? inf : -inf);
  }
  if (v.contains("error"))
    return Completion::normal(
        realm_.makeError(v["error"].get<std::string>(), v.value("message", std::string()), false));
  if (v.contains("promise")) return lookup(v["promise"].get<std::string>());
  if (v.contains("ref")) return lookupTarget(v["ref"].get<std::string>());  // a name, or a built-in
  if (v.contains("thenable")) return makeThenable(v["thenable"], env);
  if (v.contains("symbol")) return Completion::normal(Value::symbol(v["symbol"].get<std::string>()));  // Symbol(d)
  if (v.contains("sameValue")) return sameValue(v["sameValue"], env);
  if (v.contains("function")) return Completion::normal(makeFunction(v["function"], env, Params::ArgumentAndResolvers));
  if (v.contains("sloppyFunction"))
    return Completion::normal(makeFunction(v["sloppyFunction"], env, Params::SloppyArgumentAndResolvers));
  es::Object* object = realm_.makeObject();
  for (const auto& [key, value] : v["object"].items()) {
    Completion c = evaluate(value, env);
    if (c.isAbrupt()) return c;
    object->set(key, c.value);
  }
  return Completion::normal(object);
}

// {"thenable": {"then": B | V, "getter": B0}}: an object whose `then` is a method running B (or
// the plain value V), optionally behind an accessor that runs B0 each time it is read.
Completion Run::makeThenable(const Json& spec, const Env& env) {
  Value then;
  if (spec.contains("then")) {
    if (spec["then"].is_array()) {
      then = makeFunction(spec["then"], env, Params::Resolvers);
    } else {
      Completion c = evaluate(spec["then"], env);
      if (c.isAbrupt()) return c;
      then = c.value;
    }
  }
  es::Object* thenable = realm_.makeObject();
  if (!spec.contains("getter")) {
    thenable->set("then", then);
    return Completion::normal(thenable);
  }
  const Json* getterBody = &spec["getter"];
  const Env getterEnv{Undefined{}, env.resolvers, Undefined{}};
  thenable->defineGetter("then",
                         realm_.makeFunction([this, getterBody, getterEnv, then](const Value&, std::span<const Value>) {
                           Completion c = runBody(*getterBody, getterEnv);
                           return c.isAbrupt() ? c : Completion::normal(then);
                         }));
  return Completion::normal(thenable);
}

// A handler argument: absent is undefined, a body is a function, anything else is that value.
Completion Run::handler(const Json& s, const char* key, const Env& env) {
  if (!s.contains(key)) return Completion::normal();
  const Json& h = s[key];
  if (h.is_array()) return Completion::normal(makeFunction(h, env, Params::Argument));
  return evaluate(h, env);
}

Completion Run::lookup(const std::string& name) {
  auto found = bindings_.find(name);
  if (found == bindings_.end()) return referenceError(name);
  return Completion::normal(found->second);
}

// Object.is(a, b): SameValue (7.2.9) of the two values, evaluated left to right.
Completion Run::sameValue(const Json& pair, const Env& env) {
  Completion a = evaluate(pair[0], env);
  if (a.isAbrupt()) return a;
  Completion b = evaluate(pair[1], env);
  if (b.isAbrupt()) return b;
  return Completion::normal(SameValue(a.value, b.value));  // found by ADL: a friend of Value
}

Completion Run::lookupTarget(const std::string& target) {
  if (target == "%Promise%") return Completion::normal(realm_.promiseConstructor);
  if (target == "%Promise.prototype%") return Completion::normal(realm_.promisePrototype);
  if (target == "%Array.prototype%") return Completion::normal(realm_.arrayPrototype);
  return lookup(target);
}

Completion Run::referenceError(const std::string& name) {
  return Completion::throwing(realm_.makeError("ReferenceError", name + " is not defined", true));
}

void Run::bind(const std::string& name, const Value& value, bool namesAPromise) {
  bindings_[name] = value;
  if (namesAPromise) promiseNames_.insert(name);
  // A trace names a promise by any of its names, and another object only by a `let` (the first
  // name stays): what a promise statement's "as" got that is no promise (an own then, a replaced
  // Promise.resolve may return anything) is written out as a value, as node's runtime does.
  if (value.isObject() && (!namesAPromise || rt_.isPromise(value))) names_.emplace(value.asObject(), name);
}

}  // namespace pc::interp
