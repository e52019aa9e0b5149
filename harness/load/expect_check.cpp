#include "harness/load/expect_check.hpp"

#include <fmt/format.h>

#include "harness/core/grammar.hpp"
#include "harness/load/json_pointer.hpp"

namespace pc::load {
namespace {

using grammar::contains;

class ExpectChecker {
 public:
  ExpectChecker(Names& names, Diagnostics& out) : names_(names), out_(out) {}

  void trace(const Json& t, const std::string& at);
  void final(const Json& f, const std::string& at);

 private:
  void event(const Json& e, const std::string& at);
  void eventObject(const Json& e, const std::string& at);
  void promiseNameOrNull(const Json& v, const std::string& at, std::string_view key);
  void finalState(const Json& s, const std::string& at);
  void value(const Json& v, const std::string& at);
  void taggedValue(const Json& v, const std::string& at);
  void errorValue(const Json& v, const std::string& at);

  Names& names_;
  Diagnostics& out_;
};

void ExpectChecker::trace(const Json& t, const std::string& at) {
  if (!t.is_array()) {
    out_.add(at, fmt::format("'trace' must be an array of events, not {}", describeType(t)));
    return;
  }
  for (std::size_t i = 0; i < t.size(); ++i) event(t[i], child(at, i));
}

void ExpectChecker::event(const Json& e, const std::string& at) {
  if (e.is_array()) {
    if (e.size() != 2 || !e[0].is_string()) {
      out_.add(at, "a log event is [\"label\", value]: two items, the first a string");
      return;
    }
    value(e[1], child(at, 1));
  } else if (e.is_object()) {
    eventObject(e, at);
  } else {
    out_.add(at, fmt::format("a trace event is [\"label\", value] or an object with one of the keys {}, "
                             "not {}",
                             grammar::join(grammar::traceEventKeys()), describeType(e)));
  }
}

void ExpectChecker::eventObject(const Json& e, const std::string& at) {
  std::vector<std::string> kinds;
  for (const auto& [key, unused] : e.items())
    if (contains(grammar::traceEventKeys(), key)) kinds.push_back(key);
  if (kinds.size() != 1) {
    out_.add(at, fmt::format("a trace event object has exactly one of the keys {}",
                             grammar::join(grammar::traceEventKeys())));
    return;
  }
  const std::string& kind = kinds.front();
  for (const auto& [key, unused] : e.items())
    if (key != kind && !(kind == "unhandled" && key == "reason"))
      out_.add(child(at, key), fmt::format("'{}' does not go in this '{}' event", key, kind));
  if (kind == "uncaught") {
    value(e.at(kind), child(at, kind));
    return;
  }
  promiseNameOrNull(e.at(kind), child(at, kind), kind);
  if (kind == "unhandled") {
    if (e.contains("reason"))
      value(e.at("reason"), child(at, "reason"));
    else
      out_.add(at, "an 'unhandled' event needs the 'reason' the promise was rejected with");
  }
}

void ExpectChecker::promiseNameOrNull(const Json& v, const std::string& at, std::string_view key) {
  if (v.is_null()) return;  // an anonymous promise
  if (v.is_string() && !v.get_ref<const std::string&>().empty()) {
    names_.use(v.get<std::string>(), NameUse::TracePromise, at);
    return;
  }
  out_.add(at, fmt::format("'{}' holds the name of a promise, or null when it has none", key));
}

void ExpectChecker::final(const Json& f, const std::string& at) {
  if (!f.is_object()) {
    out_.add(at, fmt::format("'final' maps each named promise to its state, not {}", describeType(f)));
    return;
  }
  for (const auto& [name, state] : f.items()) {
    const std::string stateAt = child(at, name);
    finalState(state, stateAt);
    const auto kind = names_.kindOf(name);
    if (!kind)
      out_.add(stateAt, fmt::format("'{}' is not a promise of this case", name));
    else if (*kind == NameKind::Let)
      out_.add(stateAt, fmt::format("'{}' is bound by let, not to a promise; 'final' lists promises only", name));
  }
}

void ExpectChecker::finalState(const Json& s, const std::string& at) {
  const bool settled = s.is_array() && s.size() == 2 && (s[0] == "fulfilled" || s[0] == "rejected");
  const bool pending = s.is_array() && s.size() == 1 && s[0] == "pending";
  if (settled)
    value(s[1], child(at, 1));
  else if (!pending)
    out_.add(at, "a final state is [\"fulfilled\", value], [\"rejected\", value] or [\"pending\"]");
}

void ExpectChecker::value(const Json& v, const std::string& at) {
  if (v.is_array()) {
    for (std::size_t i = 0; i < v.size(); ++i) value(v[i], child(at, i));
  } else if (v.is_object()) {
    taggedValue(v, at);
  }
}

void ExpectChecker::taggedValue(const Json& v, const std::string& at) {
  std::vector<std::string> forms;
  for (const auto& [key, unused] : v.items())
    if (contains(grammar::traceValueForms(), key)) forms.push_back(key);
  if (forms.size() != 1) {
    out_.add(at, fmt::format("a value in a trace is an object with exactly one of the keys {}{}",
                             grammar::join(grammar::traceValueForms()),
                             v.contains("thenable") || v.contains("argument")
                                 ? " ('thenable' and 'argument' are program forms)"
                                 : ""));
    return;
  }
  const std::string& form = forms.front();
  const Json& inner = v.at(form);
  const std::string innerAt = child(at, form);
  if (form == "error") {
    errorValue(v, at);
    return;
  }
  for (const auto& [key, unused] : v.items())
    if (key != form) out_.add(child(at, key), fmt::format("'{}' does not go with '{}' in a value", key, form));
  if (form == "undefined" || form == "function" || form == "accessor" || form == "globalObject") {
    if (inner != true) out_.add(innerAt, fmt::format("write {{\"{}\": true}}", form));
  } else if (form == "number") {
    if (!inner.is_string() || !contains(grammar::nonFiniteNumbers(), inner.get<std::string>()))
      out_.add(innerAt, "'number' is \"NaN\", \"Infinity\" or \"-Infinity\"; finite numbers are plain JSON numbers");
  } else if (form == "promise") {
    promiseNameOrNull(inner, innerAt, form);
  } else if (form == "ref") {
    if (inner.is_string() && !inner.get_ref<const std::string&>().empty())
      names_.use(inner.get<std::string>(), NameUse::TraceRef, innerAt);
    else
      out_.add(innerAt, "'ref' needs the name of a let binding (a non-empty string)");
  } else if (form == "object") {
    if (!inner.is_object()) {
      out_.add(innerAt,
               fmt::format("'object' holds a JSON object whose members are values, not {}", describeType(inner)));
      return;
    }
    for (const auto& [key, member] : inner.items()) value(member, child(innerAt, key));
  }
}

// An error in a trace: a program-made one keeps its message, an engine-made one has none, and an
// AggregateError carries "errors".
void ExpectChecker::errorValue(const Json& v, const std::string& at) {
  const Json& ctor = v.at("error");
  const bool known = ctor.is_string() && contains(grammar::traceErrorNames(), ctor.get<std::string>());
  if (!known)
    out_.add(child(at, "error"),
             fmt::format("an error in a trace is one of {}", grammar::join(grammar::traceErrorNames())));
  const bool aggregate = ctor == "AggregateError";
  for (const auto& [key, member] : v.items()) {
    if (key == "error") continue;
    if (key == "message") {
      if (!member.is_string()) out_.add(child(at, key), "'message' must be a string");
    } else if (key == "errors" && aggregate) {
      if (!member.is_array())
        out_.add(child(at, key), "'errors' must be an array of values");
      else
        value(member, child(at, key));
    } else {
      out_.add(child(at, key), key == "errors" ? "only an AggregateError carries 'errors'"
                                               : fmt::format("'{}' does not go in an error value", key));
    }
  }
  if (aggregate && !v.contains("errors")) out_.add(at, "an AggregateError carries its 'errors': an array of values");
}

}  // namespace

void checkExpect(const Json& expect, Names& names, Diagnostics& out) {
  const std::string at = "/expect";
  if (!expect.is_object()) {
    out.add(at, fmt::format("'expect' must be an object with 'trace' and 'final', not {}", describeType(expect)));
    return;
  }
  for (const auto& [key, unused] : expect.items())
    if (key != "trace" && key != "final")
      out.add(child(at, key), fmt::format("unknown key '{}'; 'expect' holds 'trace' and 'final'", key));
  ExpectChecker checker(names, out);
  if (expect.contains("trace"))
    checker.trace(expect.at("trace"), child(at, "trace"));
  else
    out.add(at, "'expect' needs 'trace': the observable events, in order");
  if (expect.contains("final"))
    checker.final(expect.at("final"), child(at, "final"));
  else
    out.add(at, "'expect' needs 'final': the final state of every named promise");
}

bool tracksRejections(const Json& trace) {
  if (!trace.is_array()) return false;
  for (const Json& e : trace)
    if (e.is_object() && (e.contains("unhandled") || e.contains("handled"))) return true;
  return false;
}

}  // namespace pc::load
