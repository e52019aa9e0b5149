#include "harness/core/grammar.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <regex>

namespace pc::grammar {
namespace {

using S = Slot;
using St = Statement;
const Key as{"as", S::BindPromise, false};
// The this value of a static method (`Promise.all.call(C, ...)`); without it, %Promise%.
const Key on{"on", S::Value, false};

const std::vector<Verb>& table() {
  // Same order as the statement table of spec/case-language.md.
  // clang-format off
  static const std::vector<Verb> t = {
      {St::Log, "log", S::Label, {{"value", S::Value, false}}, std::nullopt},
      {St::Return, "return", S::Value, {}, std::nullopt},
      {St::Throw, "throw", S::Value, {}, std::nullopt},
      {St::Resolve, "resolve", S::Value, {{"of", S::ResolverOf, false}}, std::nullopt, false, true},
      {St::Reject, "reject", S::Value, {{"of", S::ResolverOf, false}}, std::nullopt, false, true},
      {St::New, "new", S::BindResolvable, {{"executor", S::ExecutorBody, true}}, Feature::Executor, false, false,
       "es.Promise"},
      {St::Deferred, "deferred", S::BindResolvable, {on}, Feature::Deferred, false, false, "es.Promise.withResolvers"},
      {St::Resolved, "resolved", S::Value, {as, on}, Feature::ResolvedRejected, false, false, "es.Promise.resolve"},
      {St::Rejected, "rejected", S::Value, {as, on}, Feature::ResolvedRejected, false, false, "es.Promise.reject"},
      {St::Then, "then", S::Receiver, {{"onFulfilled", S::Handler, false}, {"onRejected", S::Handler, false}, as},
       std::nullopt, false, false, "es.PerformPromiseThen"},
      {St::Catch, "catch", S::Receiver, {{"onRejected", S::Handler, false}, as}, Feature::Catch, false, false,
       "es.Promise.prototype.catch"},
      {St::Finally, "finally", S::Receiver, {{"onFinally", S::Handler, false}, as}, Feature::Finally, false, false,
       "es.Promise.prototype.finally"},
      {St::All, "all", S::Value, {as, on}, Feature::All, false, false, "es.Promise.all"},
      {St::AllSettled, "allSettled", S::Value, {as, on}, Feature::AllSettled, false, false, "es.Promise.allSettled"},
      {St::Race, "race", S::Value, {as, on}, Feature::Race, false, false, "es.Promise.race"},
      {St::Any, "any", S::Value, {as, on}, Feature::Any, false, false, "es.Promise.any"},
      {St::Try, "try", S::TryBody, {{"args", S::Arguments, false}, as, on}, Feature::Try, false, false,
       "es.Promise.try"},
      {St::Async, "async", S::AsyncBody, {as}, Feature::Async, false, false, "es.AsyncFunctionStart"},
      {St::Await, "await", S::Value, {}, Feature::Async, true, false, "es.Await"},
      {St::Timer, "timer", S::Delay, {{"do", S::Body, true}, {"id", S::TimerId, false}}, Feature::Timers},
      {St::ClearTimer, "clearTimer", S::TimerId, {}, Feature::Timers},
      {St::Microtask, "microtask", S::Body, {}, Feature::Microtask},
      {St::Let, "let", S::BindLet, {{"value", S::Value, true}}, std::nullopt},
      {St::Set, "set", S::Target, {{"key", S::PropertyKey, true}, {"value", S::Value, false},
       {"method", S::MethodBody, false}}, Feature::OwnProperties, false, false, "es.Set"},
      {St::Define, "define", S::Target, {{"key", S::PropertyKey, true}, {"getter", S::GetterBody, false},
       {"setter", S::SetterBody, false}, {"value", S::Value, false}, {"method", S::MethodBody, false}},
       Feature::OwnProperties, false, false, "es.DefinePropertyOrThrow"},
      {St::Constructor, "customConstructor", S::BindLet, {{"body", S::ConstructorBody, true}}, Feature::Constructors, false, false,
       "es.NewPromiseCapability"},
      {St::Call, "call", S::Value, {{"args", S::Arguments, false}}, Feature::Constructors, false, false, "es.Call"},
      {St::CallPrototype, "callPrototype", S::PrototypeMethod, {{"receiver", S::Value, true}, {"args", S::Arguments, false},
       as}, Feature::Constructors, false, false, "es.Promise.prototype.this-value"},
      {St::AsyncGenerator, "asyncGenerator", S::BindLet, {{"body", S::GeneratorBody, true}}, Feature::AsyncGenerators,
       false, false, "es.AsyncGeneratorStart"},
      {St::Yield, "yield", S::Value, {}, Feature::AsyncGenerators, false, false, "es.AsyncGeneratorYield", true},
      {St::Resume, "resume", S::Value, {{"with", S::GeneratorMethod, true}, {"value", S::Value, false}, as},
       Feature::AsyncGenerators, false, false, "es.AsyncGeneratorEnqueue"},
      {St::Subclass, "subclass", S::BindLet, {{"before", S::BeforeSuperBody, false}, {"after", S::ConstructorBody, false}},
       Feature::Constructors, false, false, "es.ClassDefinitionEvaluation.extends-Promise"},
  };
  // clang-format on
  return t;
}

constexpr std::array<std::string_view, 16> kProgramForms = {
    "undefined", "number", "argument", "arguments", "resolveFunction", "rejectFunction", "this",   "error",
    "promise",   "ref",    "object",   "thenable",  "function",        "sloppyFunction", "symbol", "sameValue"};
constexpr std::array<std::string_view, 10> kTraceForms = {
    "undefined", "number", "error", "promise", "ref", "object", "function", "accessor", "symbol", "globalObject"};
constexpr std::array<std::string_view, 3> kNonFinite = {"NaN", "Infinity", "-Infinity"};
constexpr std::array<std::string_view, 5> kProgramErrors = {"Error", "TypeError", "RangeError", "ReferenceError",
                                                            "SyntaxError"};
constexpr std::array<std::string_view, 6> kTraceErrors = {"Error",          "TypeError",   "RangeError",
                                                          "ReferenceError", "SyntaxError", "AggregateError"};
constexpr std::array<std::string_view, 3> kEvents = {"unhandled", "handled", "uncaught"};
constexpr std::array<std::string_view, 8> kReservedKeys = {"__proto__", "prototype", "length", "name",
                                                           "message",   "stack",     "caller", "arguments"};
// Well-known symbols a case may use as a property key, by the name JavaScript gives them.
constexpr std::array<std::string_view, 2> kSymbolKeys = {"Symbol.iterator", "Symbol.species"};
constexpr std::array<std::string_view, 3> kPrototypeMethods = {"then", "catch", "finally"};
constexpr std::array<std::string_view, 3> kGeneratorMethods = {"next", "return", "throw"};
constexpr std::array<BuiltinTarget, 3> kBuiltinTargets = {BuiltinTarget{"%Promise%", "resolve"},
                                                          BuiltinTarget{"%Promise.prototype%", "then"},
                                                          BuiltinTarget{"%Array.prototype%", "then"}};
constexpr std::array<std::string_view, 4> kFamilies = {"aplus", "es", "host", "seed"};

// One pattern per family; the "any family" pattern is their alternation.
constexpr std::array<std::string_view, 4> kFamilyPatterns = {
    R"(aplus\.[0-9]+(\.[0-9]+)*)",
    R"(es\.[A-Z][A-Za-z0-9]*(\.[A-Za-z0-9][A-Za-z0-9-]*)*)",
    R"(host\.[A-Za-z][A-Za-z0-9-]*(\.[A-Za-z0-9][A-Za-z0-9-]*)*)",
    R"(seed\.[a-z0-9]+(-[a-z0-9]+)*)",
};
constexpr std::array<std::string_view, 4> kFamilyShapes = {
    "aplus.<clause>, e.g. aplus.2.2.4",
    "es.<AlgorithmOrBuiltin>[.<detail>], e.g. es.PerformPromiseThen or es.Promise.all.empty",
    "host.<name>, e.g. host.unhandled-rejection",
    "seed.<short-name> in lowercase words joined by '-', e.g. seed.resolve-once",
};

std::string anchored(std::string_view body) { return "^" + std::string(body) + "$"; }

const std::string& anyRulePattern() {
  static const std::string p = [] {
    std::string alternatives;
    for (std::string_view f : kFamilyPatterns) alternatives += (alternatives.empty() ? "" : "|") + std::string(f);
    return "^(" + alternatives + ")$";
  }();
  return p;
}

const std::array<std::string, 4>& familyPatterns() {
  static const std::array<std::string, 4> p = {anchored(kFamilyPatterns[0]), anchored(kFamilyPatterns[1]),
                                               anchored(kFamilyPatterns[2]), anchored(kFamilyPatterns[3])};
  return p;
}

std::optional<std::size_t> familyIndex(std::string_view family) {
  const auto it = std::find(kFamilies.begin(), kFamilies.end(), family);
  if (it == kFamilies.end()) return std::nullopt;
  return static_cast<std::size_t>(it - kFamilies.begin());
}

bool matches(const std::regex& pattern, std::string_view text) {
  return std::regex_search(text.begin(), text.end(), pattern);
}

// ECMAScript grammar, like JSON Schema's "pattern"; compiled once.
const std::regex& compiled(const std::string& pattern) {
  static std::map<std::string, std::regex> cache;
  auto it = cache.find(pattern);
  if (it == cache.end()) it = cache.emplace(pattern, std::regex(pattern, std::regex::ECMAScript)).first;
  return it->second;
}

}  // namespace

std::span<const Verb> verbs() { return table(); }

const Verb* findVerb(std::string_view name) {
  for (const Verb& v : table())
    if (v.name == name) return &v;
  return nullptr;
}

const Verb* verbOf(const nlohmann::json& statement) {
  if (!statement.is_object()) return nullptr;
  for (const auto& item : statement.items())
    if (const Verb* v = findVerb(item.key())) return v;
  return nullptr;
}

bool Verb::takes(Slot modifier) const {
  return std::any_of(modifiers.begin(), modifiers.end(), [modifier](const Key& k) { return k.slot == modifier; });
}

std::string verbList() {
  std::string out;
  for (const Verb& v : table()) out += (out.empty() ? "" : ", ") + std::string(v.name);
  return out;
}

std::span<const std::string_view> programValueForms() { return kProgramForms; }
std::span<const std::string_view> traceValueForms() { return kTraceForms; }
std::span<const std::string_view> nonFiniteNumbers() { return kNonFinite; }
std::span<const std::string_view> programErrorNames() { return kProgramErrors; }
std::span<const std::string_view> traceErrorNames() { return kTraceErrors; }
std::span<const std::string_view> traceEventKeys() { return kEvents; }
std::span<const std::string_view> ruleFamilies() { return kFamilies; }

bool contains(std::span<const std::string_view> list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

std::string join(std::span<const std::string_view> list) {
  std::string out;
  for (std::string_view s : list) out += (out.empty() ? "" : ", ") + std::string(s);
  return out;
}

std::span<const std::string_view> reservedPropertyKeys() { return kReservedKeys; }
std::string_view propertyKeyPattern() { return "^[A-Za-z_$][A-Za-z0-9_$]*$"; }

std::span<const std::string_view> symbolPropertyKeys() { return kSymbolKeys; }
std::span<const std::string_view> prototypeMethods() { return kPrototypeMethods; }
std::span<const std::string_view> generatorMethods() { return kGeneratorMethods; }
std::span<const BuiltinTarget> builtinTargets() { return kBuiltinTargets; }

const BuiltinTarget* findBuiltinTarget(std::string_view name) {
  for (const BuiltinTarget& b : kBuiltinTargets)
    if (b.name == name) return &b;
  return nullptr;
}

bool isBuiltinTargetSpelling(std::string_view target) { return target.starts_with('%'); }

std::string builtinTargetList() {
  std::string known;
  for (const BuiltinTarget& b : kBuiltinTargets) known += (known.empty() ? "" : ", ") + std::string(b.name);
  return known;
}

bool isPropertyKey(std::string_view key) {
  if (contains(kSymbolKeys, key)) return true;
  return matches(compiled(std::string(propertyKeyPattern())), key) && !contains(kReservedKeys, key);
}

std::string_view caseIdPattern() { return "^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*$"; }
std::string_view ruleIdPattern() { return anyRulePattern(); }

std::optional<std::string_view> ruleIdPattern(std::string_view family) {
  if (auto i = familyIndex(family)) return familyPatterns()[*i];
  return std::nullopt;
}

std::string_view ruleIdShape(std::string_view family) {
  if (auto i = familyIndex(family)) return kFamilyShapes[*i];
  return "";
}

bool isCaseId(std::string_view id) { return matches(compiled(std::string(caseIdPattern())), id); }
bool isRuleId(std::string_view id) { return matches(compiled(anyRulePattern()), id); }

bool isRuleIdOf(std::string_view family, std::string_view id) {
  const auto pattern = ruleIdPattern(family);
  return pattern && matches(compiled(std::string(*pattern)), id);
}

std::string_view test262PathPattern() { return "^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*\\.js$"; }
bool isTest262Path(std::string_view path) { return matches(compiled(std::string(test262PathPattern())), path); }

}  // namespace pc::grammar
