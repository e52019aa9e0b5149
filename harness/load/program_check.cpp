#include "harness/load/program_check.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "harness/load/json_pointer.hpp"

namespace pc::load {

using grammar::Slot;
using grammar::Verb;

void ProgramChecker::body(const Json& b, const Pointer& at, Scope scope, std::string_view what) {
  if (!b.is_array()) {
    out_.add(at, fmt::format("{} must be a body: an array of statements, not {}", what, describeType(b)));
    return;
  }
  for (std::size_t i = 0; i < b.size(); ++i) statement(b[i], child(at, i), scope);
}

void ProgramChecker::statement(const Json& s, const Pointer& at, Scope scope) {
  if (!s.is_object()) {
    out_.add(at,
             fmt::format("a statement is an object with one verb, like {{\"log\": \"x\"}}, not {}", describeType(s)));
    return;
  }
  const Verb* verb = verbOf(s, at);
  if (verb == nullptr) return;
  if (verb->feature) features_.add(*verb->feature);
  // A static method called on another this value needs what only JavaScript offers.
  if (s.contains("on")) features_.add(Feature::Constructors);
  checkKeys(s, *verb, at);
  checkPlacement(s, *verb, at, scope);
  checkPropertyForm(s, *verb, at);
  slot(verb->slot, s.at(std::string(verb->name)), child(at, verb->name), scope, verb->name);
  for (const grammar::Key& k : verb->modifiers) {
    const auto it = s.find(std::string(k.name));
    if (it != s.end()) slot(k.slot, *it, child(at, k.name), scope, k.name);
  }
}

// The statement's one verb, or null after reporting none or several.
const Verb* ProgramChecker::verbOf(const Json& s, const Pointer& at) {
  std::vector<const Verb*> found;
  std::string others;
  for (const auto& [key, unused] : s.items()) {
    if (const Verb* v = grammar::findVerb(key))
      found.push_back(v);
    else
      others += (others.empty() ? "'" : ", '") + key + "'";
  }
  if (found.size() == 1) return found.front();
  if (found.empty())
    out_.add(at, fmt::format("no verb in this statement ({}); a statement needs exactly one of: {}",
                             others.empty() ? "it is empty" : "it has " + others, grammar::verbList()));
  else
    out_.add(at, fmt::format("one statement, one verb: this one has '{}' and '{}'; write one statement each",
                             found[0]->name, found[1]->name));
  return nullptr;
}

void ProgramChecker::checkKeys(const Json& s, const Verb& verb, const Pointer& at) {
  std::string takes;
  for (const grammar::Key& k : verb.modifiers) takes += (takes.empty() ? "" : ", ") + std::string(k.name);
  for (const auto& item : s.items()) {
    const std::string& key = item.key();
    if (key == verb.name) continue;
    const bool known =
        std::any_of(verb.modifiers.begin(), verb.modifiers.end(), [&](const grammar::Key& k) { return k.name == key; });
    if (!known)
      out_.add(child(at, key), fmt::format("'{}' does not go with '{}' ({})", key, verb.name,
                                           takes.empty() ? "it takes no other key" : "it takes " + takes));
  }
  for (const grammar::Key& k : verb.modifiers)
    if (k.required && !s.contains(std::string(k.name))) out_.add(at, fmt::format("'{}' needs '{}'", verb.name, k.name));
}

// Rules about where a statement may stand, which depend on the enclosing bodies.
void ProgramChecker::checkPlacement(const Json& s, const Verb& verb, const Pointer& at, Scope scope) {
  if (verb.onlyInAsyncBody && !scope.async)
    out_.add(at,
             "'await' is only allowed directly in an async body (the list of an \"async\" statement or the "
             "\"body\" of an \"asyncGenerator\"), not in the script or in a handler, executor or callback");
  if (verb.statement == grammar::Statement::Return && scope.beforeSuper)
    out_.add(at, "'return' cannot stand in 'before', which runs before super(...) binds this; return from 'after'");
  if (verb.onlyInGeneratorBody && !scope.generator)
    out_.add(at,
             "'yield' is only allowed directly in the \"body\" of an \"asyncGenerator\", not in the script, "
             "an async body or a handler, executor or callback");
  if (verb.usesEnclosingResolvers && !scope.resolvers && !s.contains("of"))
    out_.add(at, fmt::format("'{0}' without 'of' calls the {0} function of the enclosing executor or "
                             "thenable 'then', and there is none here; add \"of\": \"<promise>\"",
                             verb.name));
}

// set gives its property a value or a method; define makes an accessor: a getter (which may yield a
// value or a method) and/or a setter.
void ProgramChecker::checkPropertyForm(const Json& s, const Verb& verb, const Pointer& at) {
  if (verb.statement == grammar::Statement::Constructor && s.contains("body") && !s["body"].is_array())
    out_.add(child(at, "body"), "'customConstructor' needs a 'body': the statements of function C(executor) { ... }");
  if (verb.statement == grammar::Statement::Subclass)
    for (const char* part : {"before", "after"})
      if (s.contains(part) && !s[part].is_array())
        out_.add(child(at, part), fmt::format("'{}' is a body: the statements of the constructor {} super(...)", part,
                                              part == std::string_view("before") ? "before" : "after"));
  if (verb.statement == grammar::Statement::Call && s.contains("args") && !s["args"].is_array())
    out_.add(child(at, "args"), "'args' is the array of values the function is called with");
  if (verb.statement != grammar::Statement::Set && verb.statement != grammar::Statement::Define) return;
  const bool value = s.contains("value"), method = s.contains("method");
  if (value && method)
    out_.add(at, fmt::format("'{}' takes 'value' or 'method', not both", verb.name));
  else if (verb.statement == grammar::Statement::Set && !value && !method)
    out_.add(at, "'set' needs 'value' (name[key] = value) or 'method' (name[key] = function (resolve, reject) {...})");
  checkBuiltinKey(s, verb, at);
  if (verb.statement != grammar::Statement::Define) return;
  if (!s.contains("getter") && !s.contains("setter"))
    out_.add(at, "'define' makes an accessor: it needs 'getter', 'setter' or both (use 'set' for a data property)");
  else if ((value || method) && !s.contains("getter"))
    out_.add(at, "'value' and 'method' are what the getter yields: they need a 'getter'");
}

// "%Promise%", "%Promise.prototype%" or "%Array.prototype%" as the object set or define changes.
void ProgramChecker::builtinTarget(const std::string& target, const Pointer& at, std::string_view key) {
  features_.add(Feature::Builtins);
  if (grammar::findBuiltinTarget(target)) return;
  out_.add(at, fmt::format("'{}' names no built-in a case may change; '{}' takes a name bound earlier or one of {}",
                           target, key, grammar::builtinTargetList()));
}

// A built-in is changed only in the property promise algorithms read from it by name.
void ProgramChecker::checkBuiltinKey(const Json& s, const Verb& verb, const Pointer& at) {
  const Json& target = s.at(std::string(verb.name));
  if (!target.is_string()) return;
  const grammar::BuiltinTarget* builtin = grammar::findBuiltinTarget(target.get<std::string>());
  const auto key = s.find("key");
  if (!builtin || key == s.end() || *key == builtin->key) return;
  out_.add(child(at, "key"), fmt::format("on {} a case may change only '{}', the property promise algorithms read",
                                         builtin->name, builtin->key));
}

void ProgramChecker::slot(Slot slot, const Json& v, const Pointer& at, Scope scope, std::string_view key) {
  const std::string quoted = fmt::format("'{}'", key);
  switch (slot) {
    case Slot::Label:
      if (!v.is_string()) out_.add(at, fmt::format("'{}' needs a label (a string), not {}", key, describeType(v)));
      break;
    case Slot::Value: value(v, at, scope); break;
    case Slot::Handler:
      if (v.is_array())
        body(v, at, {false, scope.resolvers, true}, quoted);
      else
        value(v, at, scope);  // a non-callable handler, passed as-is
      break;
    case Slot::Body: body(v, at, {false, scope.resolvers}, quoted); break;
    case Slot::ExecutorBody:
      if (v.is_array())
        body(v, at, {false, true, true}, quoted);  // {"this": true} is what Promise calls it with
      else
        value(v, at, scope);  // a non-callable executor: the constructor throws
      break;
    case Slot::AsyncBody: body(v, at, {true, scope.resolvers}, quoted); break;
    case Slot::GeneratorBody: body(v, at, {true, scope.resolvers, false, false, true}, quoted); break;
    case Slot::TryBody: body(v, at, {false, scope.resolvers, false, true}, quoted); break;
    case Slot::Delay:
      if (!v.is_number())
        out_.add(at,
                 fmt::format("'{}' needs a delay in virtual milliseconds (a number), not {}", key, describeType(v)));
      break;
    case Slot::TimerId: name(v, at, fmt::format("'{}' needs the id of a timer", key)); break;
    case Slot::BindPromise:
    case Slot::BindResolvable:
    case Slot::BindLet:
      if (auto n = name(v, at, fmt::format("'{}' needs a name", key))) {
        const NameKind kind = slot == Slot::BindLet          ? NameKind::Let
                              : slot == Slot::BindResolvable ? NameKind::Resolvable
                                                             : NameKind::Promise;
        names_.bind(*n, kind, at, out_);
      }
      break;
    case Slot::Receiver:
      if (auto n = name(v, at, fmt::format("'{}' needs the name of a promise", key)))
        names_.use(*n, NameUse::Receiver, at);
      break;
    case Slot::ResolverOf:
      if (auto n = name(v, at, "'of' needs the name of a promise made by new or deferred"))
        names_.use(*n, NameUse::ResolverOf, at);
      break;
    case Slot::Target:
      if (v.is_string() && grammar::isBuiltinTargetSpelling(v.get<std::string>())) {
        builtinTarget(v.get<std::string>(), at, key);
      } else if (auto n = name(v, at, fmt::format("'{}' needs the name of the object or promise to change", key))) {
        names_.use(*n, NameUse::Ref, at);
      }
      break;
    case Slot::PrototypeMethod:
      if (!v.is_string() || !grammar::contains(grammar::prototypeMethods(), v.get<std::string>()))
        out_.add(at, fmt::format("'{}' names a method of Promise.prototype: one of {}", key,
                                 grammar::join(grammar::prototypeMethods())));
      break;
    case Slot::GeneratorMethod:
      if (!v.is_string() || !grammar::contains(grammar::generatorMethods(), v.get<std::string>()))
        out_.add(at, fmt::format("'{}' names a method of an async generator: one of {}", key,
                                 grammar::join(grammar::generatorMethods())));
      break;
    case Slot::PropertyKey:
      if (!v.is_string() || !grammar::isPropertyKey(v.get<std::string>()))
        out_.add(at, fmt::format("'{}' needs a property name: an identifier other than {}, or {}", key,
                                 grammar::join(grammar::reservedPropertyKeys()),
                                 grammar::join(grammar::symbolPropertyKeys())));
      break;
    // resolve/reject are a method's first two arguments; a getter and a setter see the enclosing
    // ones. All three see the object as {"this": true}.
    case Slot::MethodBody: body(v, at, {false, true, true}, quoted); break;
    case Slot::GetterBody:
    case Slot::SetterBody: body(v, at, {false, scope.resolvers, true}, quoted); break;
    case Slot::ConstructorBody:
      if (v.is_array()) body(v, at, {false, scope.resolvers, true}, quoted);
      break;
    case Slot::BeforeSuperBody: {
      Scope before{false, scope.resolvers};
      before.beforeSuper = true;
      body(v, at, before, quoted);
      break;
    }
    case Slot::Arguments:
      if (v.is_array()) value(v, at, scope);
      break;
  }
}

std::optional<std::string> ProgramChecker::name(const Json& v, const Pointer& at, std::string_view need) {
  if (v.is_string() && !v.get_ref<const std::string&>().empty()) return v.get<std::string>();
  out_.add(at,
           fmt::format("{} (a non-empty string), not {}", need, v.is_string() ? "an empty string" : describeType(v)));
  return std::nullopt;
}

}  // namespace pc::load
