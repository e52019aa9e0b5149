#include "harness/load/final_check.hpp"

#include <set>

#include <fmt/format.h>

#include "harness/core/grammar.hpp"
#include "harness/load/json_pointer.hpp"

namespace pc::load {
namespace {

using grammar::Slot;

// Walks the bodies that surely run, in the order they run, and stops each at the first statement
// that may end it early (a throw, a return, an await, or something that may throw).
class SureBindings {
 public:
  void body(const Json& b, const Pointer& at) {
    if (!b.is_array()) return;
    for (std::size_t i = 0; i < b.size(); ++i)
      if (!statement(b[i], child(at, i))) return;
  }

  std::vector<std::pair<std::string, std::string>> promises;

 private:
  // Runs one statement; false when the statements after it may not run.
  bool statement(const Json& s, const Pointer& at) {
    const grammar::Verb* verb = grammar::verbOf(s);
    if (verb == nullptr || !mayRun(*verb, s)) return false;
    if (verb->slot == Slot::ExecutorBody || verb->slot == Slot::AsyncBody || verb->statement == grammar::Statement::Try)
      body(s.at(std::string(verb->name)), child(at, verb->name));
    for (const grammar::Key& k : verb->modifiers)
      if (k.slot == Slot::ExecutorBody && s.contains(std::string(k.name)))
        body(s.at(std::string(k.name)), child(at, k.name));  // new: the executor runs inside the constructor
    bindAll(*verb, s, at);
    return true;
  }

  // Whether the statement surely completes: it is not one that ends its body, it calls no
  // non-callable executor (a TypeError) and it names nothing unbound yet (a ReferenceError).
  bool mayRun(const grammar::Verb& verb, const Json& s) const {
    using St = grammar::Statement;
    if (verb.statement == St::Throw || verb.statement == St::Return || verb.statement == St::Await) return false;
    // An assignment may run a setter or meet a primitive; defineProperty may meet a primitive.
    if (verb.statement == St::Set || verb.statement == St::Define) return false;
    // A call may throw; so may a static method called on a this value that is not a constructor.
    if (verb.statement == St::Call || verb.statement == St::CallPrototype || s.contains("on")) return false;
    if (verb.statement == St::New && !s.value("executor", Json()).is_array()) return false;
    if (!namesBound(verb.slot, s.at(std::string(verb.name)))) return false;
    for (const grammar::Key& k : verb.modifiers)
      if (s.contains(std::string(k.name)) && !namesBound(k.slot, s.at(std::string(k.name)))) return false;
    return true;
  }

  bool namesBound(Slot slot, const Json& v) const {
    switch (slot) {
      case Slot::Target:
        if (v.is_string() && grammar::isBuiltinTargetSpelling(v.get<std::string>())) return true;
        [[fallthrough]];
      case Slot::Receiver:
      case Slot::ResolverOf: return v.is_string() && bound_.contains(v.get<std::string>());
      case Slot::Value:
      case Slot::Arguments: return valueNamesBound(v);
      case Slot::Handler:
      case Slot::ExecutorBody: return v.is_array() || valueNamesBound(v);
      default: return true;
    }
  }

  // A value names promises and let bindings with {"promise": n} and {"ref": n}, at any depth
  // (including a thenable's bodies, which is more than needed and so only ever stops early).
  bool valueNamesBound(const Json& v) const {
    if (v.is_array()) {
      for (const Json& item : v)
        if (!valueNamesBound(item)) return false;
    } else if (v.is_object()) {
      for (const auto& [key, member] : v.items()) {
        if ((key == "promise" || key == "ref") && member.is_string() && !bound_.contains(member.get<std::string>()))
          return false;
        if (!valueNamesBound(member)) return false;
      }
    }
    return true;
  }

  void bindAll(const grammar::Verb& verb, const Json& s, const Pointer& at) {
    bind(verb.slot, s.at(std::string(verb.name)), at);
    for (const grammar::Key& k : verb.modifiers)
      if (s.contains(std::string(k.name))) bind(k.slot, s.at(std::string(k.name)), at);
  }

  void bind(Slot slot, const Json& name, const Pointer& at) {
    if (!name.is_string()) return;
    if (slot == Slot::BindPromise || slot == Slot::BindResolvable)
      promises.emplace_back(name.get<std::string>(), at.str());
    if (slot == Slot::BindPromise || slot == Slot::BindResolvable || slot == Slot::BindLet)
      bound_.insert(name.get<std::string>());
  }

  std::set<std::string> bound_;
};

// Every promise the program may bind, roughly in the order a run binds them: a statement's executor,
// try or async body before its own names (the constructor returns after the body ran), its own names
// before its handlers and callbacks, and the bodies of thenables in its values last.
class AllBindings {
 public:
  void body(const Json& b) {
    if (!b.is_array()) return;
    for (const Json& s : b) statement(s);
  }

  std::vector<std::string> promises;

 private:
  void statement(const Json& s) {
    const grammar::Verb* verb = grammar::verbOf(s);
    if (verb == nullptr) return;
    std::vector<std::pair<Slot, const Json*>> keys{{verb->slot, &s.at(std::string(verb->name))}};
    if (verb->statement == grammar::Statement::Try) keys.front().first = Slot::AsyncBody;  // runs at once too
    for (const grammar::Key& k : verb->modifiers)
      if (s.contains(std::string(k.name))) keys.emplace_back(k.slot, &s.at(std::string(k.name)));
    for (const auto& [slot, v] : keys)
      if (slot == Slot::ExecutorBody || slot == Slot::AsyncBody) body(*v);
    for (const auto& [slot, v] : keys)
      if ((slot == Slot::BindPromise || slot == Slot::BindResolvable) && v->is_string())
        promises.push_back(v->get<std::string>());
    for (const auto& [slot, v] : keys)
      if (slot == Slot::Body || slot == Slot::Handler || slot == Slot::MethodBody || slot == Slot::GetterBody ||
          slot == Slot::SetterBody || slot == Slot::ConstructorBody || slot == Slot::GeneratorBody ||
          slot == Slot::BeforeSuperBody)
        body(*v);
    for (const auto& [slot, v] : keys)
      if (slot == Slot::Value || slot == Slot::Arguments || slot == Slot::Handler || slot == Slot::ExecutorBody)
        thenableBodies(*v);
  }

  void thenableBodies(const Json& v) {
    if (v.is_array() && !v.empty() && v.front().is_object() && grammar::verbOf(v.front()) != nullptr) return;
    if (v.is_object() && v.contains("thenable") && v.at("thenable").is_object()) {
      const Json& t = v.at("thenable");
      for (const char* key : {"getter", "then"})
        if (t.contains(key)) body(t.at(key));
    }
    if (v.is_object() && v.contains("function")) body(v.at("function"));
    if (v.is_array() || v.is_object())
      for (const Json& item : v) thenableBodies(item);
  }
};

}  // namespace

std::vector<std::string> promisesInBindingOrder(const Json& program) {
  AllBindings walk;
  walk.body(program);
  return std::move(walk.promises);
}

std::vector<std::pair<std::string, std::string>> surelyBoundPromises(const Json& program) {
  SureBindings walk;
  walk.body(program, Pointer("/program"));
  return std::move(walk.promises);
}

void checkFinalNamesSureBindings(const Json& program, const Json& final, Diagnostics& out) {
  if (!final.is_object()) return;
  for (const auto& [name, at] : surelyBoundPromises(program))
    if (!final.contains(name))
      out.add("/expect/final",
              fmt::format("{} is bound at {} but missing from /expect/final; add \"{}\": [\"fulfilled\", V], "
                          "[\"rejected\", V] or [\"pending\"] (`promise-conformance record FILE` fills it in from V8)",
                          name, at, name));
}

}  // namespace pc::load
