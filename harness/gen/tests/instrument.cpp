#include "harness/gen/tests/instrument.hpp"

#include <set>
#include <vector>

namespace pc::gen::test {
namespace {

const char* const kReactionVerbs[] = {"then", "catch", "finally"};
const char* const kHandlerSlots[] = {"onFulfilled", "onRejected", "onFinally"};

// The name a statement binds to a promise, if any.
std::string boundName(const Json& s) {
  for (const char* key : {"deferred", "new", "as"})
    if (s.contains(key)) return s[key];
  return "";
}

Json probe(const std::string& name) {
  return Json{{"then", name},
              {"onFulfilled", Json::array({Json{{"log", "@f:" + name}}})},
              {"onRejected", Json::array({Json{{"log", "@r:" + name}}})}};
}

// The names of promises that get an own property anywhere in the program, with their aliases
// (Promise.resolve(p) is p).
std::set<std::string> withOwnProperties(const Json& program) {
  std::set<std::string> out;
  for (const Json& s : program)
    for (const char* verb : {"set", "define"})
      if (s.contains(verb)) out.insert(s[verb].get<std::string>());
  for (bool grew = true; grew;) {
    grew = false;
    for (const Json& s : program)
      if (s.contains("resolved") && s["resolved"].is_object() && s["resolved"].contains("promise") &&
          s.contains("as") && out.contains(s["resolved"]["promise"].get<std::string>()))
        grew = out.insert(s["as"].get<std::string>()).second || grew;
  }
  for (bool grew = true; grew;) {  // and the names an alias was made from
    grew = false;
    for (const Json& s : program)
      if (s.contains("resolved") && s["resolved"].is_object() && s["resolved"].contains("promise") &&
          s.contains("as") && out.contains(s["as"].get<std::string>()))
        grew = out.insert(s["resolved"]["promise"].get<std::string>()).second || grew;
  }
  return out;
}

// Whether the program changes a built-in (set or define on "%Promise.prototype%"...): then every
// promise may have a then of the program's, and no property of these rewrites holds.
bool changesBuiltins(const Json& program) {
  for (const Json& s : program)
    for (const char* verb : {"set", "define"})
      if (s.contains(verb) && s[verb].is_string() && s[verb].get<std::string>().starts_with('%')) return true;
  return false;
}

}  // namespace

LabelledHandlers labelHandlers(const Json& program) {
  LabelledHandlers out;
  if (changesBuiltins(program)) return {program, {}};
  out.program = Json::array();
  std::map<std::string, std::string> firstName;  // Promise.resolve(p) is p: one promise, two names
  int registration = 0;
  const std::set<std::string> skipped = withOwnProperties(program);
  for (Json s : program) {
    for (const char* verb : kReactionVerbs) {
      // A verb key that is not a reaction's receiver name (a function value's body) is no reaction.
      if (!s.contains(verb) || !s[verb].is_string() || skipped.contains(s[verb].get<std::string>())) continue;
      const std::string receiver = s[verb];
      out.receiverOf[registration] = firstName.contains(receiver) ? firstName[receiver] : receiver;
      const std::string tag = std::to_string(registration++);
      for (const char* slot : kHandlerSlots)
        if (s.contains(slot) && s[slot].is_array()) s[slot].insert(s[slot].begin(), Json{{"log", "@h" + tag}});
      out.program.push_back(Json{{"log", "@t" + tag}});
    }
    if (s.contains("resolved") && s["resolved"].is_object() && s["resolved"].contains("promise") && s.contains("as")) {
      const std::string target = s["resolved"]["promise"];
      firstName[s["as"]] = firstName.contains(target) ? firstName[target] : target;
    }
    out.program.push_back(std::move(s));
  }
  return out;
}

Json addSettlementProbes(const Json& program) {
  if (changesBuiltins(program)) return program;
  Json out = Json::array();
  Json late = Json::array();
  const std::set<std::string> skipped = withOwnProperties(program);
  for (const Json& s : program) {
    out.push_back(s);
    const std::string name = boundName(s);
    if (name.empty() || skipped.contains(name)) continue;
    out.push_back(probe(name));
    late.push_back(probe(name));
  }
  out.push_back(Json{{"timer", 1000}, {"do", late}});
  return out;
}

}  // namespace pc::gen::test
