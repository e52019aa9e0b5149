// The values of a program (spec/case-language.md, "Values"): JSON scalars and arrays stand for
// themselves; an object is always exactly one tagged form.
#include <fmt/format.h>

#include "harness/load/json_pointer.hpp"
#include "harness/load/program_check.hpp"

namespace pc::load {

using grammar::contains;

void ProgramChecker::value(const Json& v, const Pointer& at, Scope scope) {
  if (v.is_array()) {
    for (std::size_t i = 0; i < v.size(); ++i) value(v[i], child(at, i), scope);
  } else if (v.is_object()) {
    taggedValue(v, at, scope);
  }  // strings, numbers, booleans and null are themselves
}

void ProgramChecker::taggedValue(const Json& v, const Pointer& at, Scope scope) {
  std::vector<std::string> forms;
  for (const auto& [key, unused] : v.items())
    if (contains(grammar::programValueForms(), key)) forms.push_back(key);
  if (forms.empty()) {
    out_.add(at, fmt::format("an object value needs one of the keys {}; a plain object is written "
                             "{{\"object\": {{...}}}}",
                             grammar::join(grammar::programValueForms())));
    return;
  }
  if (forms.size() > 1) {
    out_.add(at, fmt::format("one value, one form: this object has '{}' and '{}'", forms[0], forms[1]));
    return;
  }
  const std::string& form = forms.front();
  for (const auto& [key, unused] : v.items())
    if (key != form && !(form == "error" && key == "message"))
      out_.add(child(at, key), fmt::format("'{}' does not go with '{}' in a value", key, form));

  const Json& inner = v.at(form);
  const Pointer innerAt = child(at, form);
  if (form == "undefined" || form == "argument" || form == "arguments" || form == "this" || form == "resolveFunction" ||
      form == "rejectFunction") {
    if (inner != true) out_.add(innerAt, fmt::format("write {{\"{}\": true}}", form));
    if (form == "arguments" && !scope.tryBody)
      out_.add(at,
               "{\"arguments\": true} is only allowed directly in a try body (the arguments try's \"args\" gave it)");
    if ((form == "resolveFunction" || form == "rejectFunction") && !scope.resolvers)
      out_.add(at, fmt::format("{{\"{}\": true}} is the function a '{}' statement without \"of\" calls, and here "
                               "there is none (only in an executor, a then method, a function value or a body "
                               "inside one)",
                               form, form == "resolveFunction" ? "resolve" : "reject"));
    if (form == "this" && !scope.handler)
      out_.add(at,
               "{\"this\": true} is only allowed directly in a handler body (onFulfilled, onRejected, onFinally), an "
               "executor, the method, getter or setter of set and define, or a constructor's body");
  } else if (form == "number") {
    if (!inner.is_string() || !contains(grammar::nonFiniteNumbers(), inner.get<std::string>()))
      out_.add(innerAt, "'number' is \"NaN\", \"Infinity\" or \"-Infinity\"; finite numbers are plain JSON numbers");
  } else if (form == "error") {
    errorValue(v, at);
  } else if (form == "ref" && inner.is_string() && grammar::isBuiltinTargetSpelling(inner.get<std::string>())) {
    // %Promise%, %Promise.prototype% or %Array.prototype% itself, as a value.
    features_.add(Feature::Builtins);
    if (!grammar::findBuiltinTarget(inner.get<std::string>()))
      out_.add(innerAt, fmt::format("'{}' names no built-in; a ref may name one of {}", inner.get<std::string>(),
                                    grammar::builtinTargetList()));
  } else if (form == "promise" || form == "ref") {
    if (auto n = name(inner, innerAt, fmt::format("'{}' needs a name", form)))
      names_.use(*n, form == "promise" ? NameUse::PromiseValue : NameUse::Ref, innerAt);
  } else if (form == "object") {
    if (!inner.is_object()) {
      out_.add(innerAt,
               fmt::format("'object' holds a JSON object whose members are values, not {}", describeType(inner)));
      return;
    }
    for (const auto& [key, member] : inner.items()) value(member, child(innerAt, key), scope);
  } else if (form == "function") {
    // function (a, b) { B }: {"argument": true} is a, and resolve/reject call a and b.
    features_.add(Feature::Constructors);
    body(inner, innerAt, {false, true}, "'function'");
  } else if (form == "sloppyFunction") {
    // The same in non-strict code, a `function` whose {"this": true} may be the global object.
    features_.add(Feature::Constructors);
    body(inner, innerAt, {false, true, true}, "'sloppyFunction'");
  } else if (form == "thenable") {
    features_.add(Feature::Thenables);
    thenable(inner, innerAt, scope);
  } else if (form == "sameValue") {
    // Object.is(a, b): whether two values are one (a function kept and a function received, say).
    if (!inner.is_array() || inner.size() != 2) {
      out_.add(innerAt, "'sameValue' holds an array of the two values it compares");
      return;
    }
    for (std::size_t i = 0; i < 2; ++i) value(inner[i], child(innerAt, i), scope);
  } else if (form == "symbol") {
    features_.add(Feature::Symbols);
    if (!inner.is_string()) out_.add(innerAt, "'symbol' holds the description of a new symbol: a string");
  }
}

// {"error": "TypeError", "message": "m"}: new TypeError("m").
void ProgramChecker::errorValue(const Json& v, const Pointer& at) {
  const Json& ctor = v.at("error");
  if (!ctor.is_string() || !contains(grammar::programErrorNames(), ctor.get<std::string>()))
    out_.add(child(at, "error"),
             fmt::format("a program can make these errors: {}", grammar::join(grammar::programErrorNames())));
  const auto message = v.find("message");
  if (message == v.end())
    out_.add(at, "an error the program makes needs a 'message' (a string)");
  else if (!message->is_string())
    out_.add(child(at, "message"), fmt::format("'message' must be a string, not {}", describeType(*message)));
}

// {"then": B} | {"then": V} | {"getter": B0, "then": B}
void ProgramChecker::thenable(const Json& t, const Pointer& at, Scope scope) {
  if (!t.is_object()) {
    out_.add(at,
             fmt::format("'thenable' holds {{\"then\": ...}} with an optional \"getter\", not {}", describeType(t)));
    return;
  }
  for (const auto& [key, unused] : t.items())
    if (key != "then" && key != "getter")
      out_.add(child(at, key), fmt::format("'{}' does not go in a thenable (it takes then and getter)", key));

  const auto getter = t.find("getter");
  if (getter != t.end()) body(*getter, child(at, "getter"), {false, scope.resolvers}, "'getter'");
  const auto then = t.find("then");
  if (then == t.end()) {
    out_.add(at, "a thenable needs 'then': a body, or a value that is not callable");
  } else if (then->is_array()) {
    body(*then, child(at, "then"), {false, true}, "'then'");  // resolve/reject are its arguments
  } else if (getter != t.end()) {
    out_.add(child(at, "then"), "with a 'getter', 'then' must be a body: the method the getter yields");
  } else {
    value(*then, child(at, "then"), scope);  // a non-callable then
  }
}

}  // namespace pc::load
