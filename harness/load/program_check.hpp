#pragma once
// Checks a program (and every body nested in it) against the case language, reporting each
// problem with its JSON pointer, and records on the way the names it binds and uses and the
// features it needs. Mirrors $defs/body, statement and value of spec/case.schema.json, plus what a
// schema cannot say: where await and resolve/reject without "of" may appear.
#include <string>

#include "harness/core/feature.hpp"
#include "harness/core/grammar.hpp"
#include "harness/core/trace.hpp"
#include "harness/load/json_pointer.hpp"
#include "harness/load/load_error.hpp"
#include "harness/load/names.hpp"

namespace pc::load {

// What the body being checked may do, inherited by the bodies nested in it as closures are.
struct Scope {
  bool async = false;        // await allowed: directly in an async or asyncGenerator body only
  bool resolvers = false;    // resolve/reject without "of" have a function to call
  bool handler = false;      // {"this": true} allowed: directly in a handler, method, getter or setter body
  bool tryBody = false;      // {"arguments": true} allowed: directly in a try body
  bool generator = false;    // yield allowed: directly in an asyncGenerator body
  bool beforeSuper = false;  // return not allowed: directly in the part of a subclass constructor before super
};

class ProgramChecker {
 public:
  ProgramChecker(Diagnostics& out, Names& names) : out_(out), names_(names) {}

  // `what` names the body in messages, e.g. "'program'" or "'executor'".
  void body(const Json& b, const Pointer& at, Scope scope, std::string_view what);
  FeatureSet features() const { return features_; }

 private:
  void statement(const Json& s, const Pointer& at, Scope scope);
  const grammar::Verb* verbOf(const Json& s, const Pointer& at);
  void checkKeys(const Json& s, const grammar::Verb& verb, const Pointer& at);
  void checkPlacement(const Json& s, const grammar::Verb& verb, const Pointer& at, Scope scope);
  void checkPropertyForm(const Json& s, const grammar::Verb& verb, const Pointer& at);
  void checkBuiltinKey(const Json& s, const grammar::Verb& verb, const Pointer& at);
  void builtinTarget(const std::string& target, const Pointer& at, std::string_view key);
  void slot(grammar::Slot slot, const Json& v, const Pointer& at, Scope scope, std::string_view key);
  std::optional<std::string> name(const Json& v, const Pointer& at, std::string_view need);

  // value_check.cpp
  void value(const Json& v, const Pointer& at, Scope scope);
  void taggedValue(const Json& v, const Pointer& at, Scope scope);
  void errorValue(const Json& v, const Pointer& at);
  void thenable(const Json& t, const Pointer& at, Scope scope);

  Diagnostics& out_;
  Names& names_;
  FeatureSet features_;
};

}  // namespace pc::load
