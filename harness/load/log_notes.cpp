#include "harness/load/log_notes.hpp"

#include <fmt/format.h>

#include "harness/core/grammar.hpp"
#include "harness/load/json_pointer.hpp"

namespace pc::load {
namespace {

using grammar::Slot;

class LogNotes {
 public:
  // `argument`: whether the body's argument may be a value from its first statement on.
  void body(const Json& b, const Pointer& at, bool argument, bool async) {
    if (!b.is_array()) return;
    for (std::size_t i = 0; i < b.size(); ++i) {
      const Json& s = b[i];
      const grammar::Verb* verb = grammar::verbOf(s);
      if (verb == nullptr) continue;
      if (async && (verb->statement == grammar::Statement::Await || verb->statement == grammar::Statement::Yield))
        argument = true;
      if (verb->statement == grammar::Statement::Log && argument && !s.contains("value")) note(s, child(at, i));
      nested(s, *verb, child(at, i));
    }
  }

  std::vector<Note> notes;

 private:
  void note(const Json& s, const Pointer& at) {
    const std::string label = s.at("log").dump();
    notes.push_back(
        {at, fmt::format("{{\"log\": {0}}} records [{0}, <the argument>] here, where the argument is "
                         "a value; console.log({0}) is {{\"log\": {0}, \"value\": {{\"undefined\": true}}}}, "
                         "and {{\"log\": {0}, \"value\": {{\"argument\": true}}}} says the argument is "
                         "meant",
                         label)});
  }

  void nested(const Json& s, const grammar::Verb& verb, const Pointer& at) {
    const auto visit = [&](std::string_view key, Slot slot) {
      const auto it = s.find(std::string(key));
      if (it == s.end()) return;
      const Pointer where = child(at, key);
      // A setter's argument is the value assigned, as a handler's is the value it got.
      const bool handlerWithArgument = (slot == Slot::Handler && key != "onFinally") || slot == Slot::SetterBody ||
                                       slot == Slot::ConstructorBody || slot == Slot::BeforeSuperBody ||
                                       (slot == Slot::TryBody && s.contains("args"));
      if (slot == Slot::Handler || slot == Slot::Body || slot == Slot::TryBody || slot == Slot::ExecutorBody ||
          slot == Slot::AsyncBody || slot == Slot::MethodBody || slot == Slot::GetterBody || slot == Slot::SetterBody ||
          slot == Slot::ConstructorBody || slot == Slot::BeforeSuperBody || slot == Slot::GeneratorBody)
        body(*it, where, handlerWithArgument, slot == Slot::AsyncBody || slot == Slot::GeneratorBody);
      if (slot == Slot::Value || slot == Slot::Arguments || slot == Slot::Handler || slot == Slot::ExecutorBody)
        thenables(*it, where);
    };
    visit(verb.name, verb.slot);
    for (const grammar::Key& k : verb.modifiers) visit(k.name, k.slot);
  }

  // A thenable's then and getter bodies have no argument of their own.
  void thenables(const Json& v, const Pointer& at) {
    if (!v.is_object()) return;
    if (const auto t = v.find("thenable"); t != v.end() && t->is_object())
      for (const char* key : {"getter", "then"})
        if (t->contains(key)) body(t->at(key), child(child(at, "thenable"), key), false, false);
    // A function's argument is its first argument, as a handler's is.
    if (const auto f = v.find("function"); f != v.end() && f->is_array()) body(*f, child(at, "function"), true, false);
    for (const auto& [key, member] : v.items())
      if (key != "thenable" && key != "function") thenables(member, child(at, key));
  }
};

}  // namespace

std::vector<Note> logArgumentNotes(const Json& program) {
  LogNotes walk;
  walk.body(program, Pointer("/program"), false, false);
  return std::move(walk.notes);
}

}  // namespace pc::load
