#include "harness/load/grammar.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <regex>

namespace pc::grammar {
namespace {

using S = Slot;

const std::vector<Verb>& table() {
  // Same order as the statement table of spec/case-language.md.
  static const std::vector<Verb> t = {
      {"log", S::Label, {{"value", S::Value, false}}, std::nullopt},
      {"return", S::Value, {}, std::nullopt},
      {"throw", S::Value, {}, std::nullopt},
      {"resolve", S::Value, {{"of", S::ResolverOf, false}}, std::nullopt, false, true},
      {"reject", S::Value, {{"of", S::ResolverOf, false}}, std::nullopt, false, true},
      {"new", S::BindResolvable, {{"executor", S::ExecutorBody, true}}, Feature::Executor},
      {"deferred", S::BindResolvable, {}, Feature::Deferred},
      {"resolved", S::Value, {{"as", S::BindPromise, false}}, Feature::ResolvedRejected},
      {"rejected", S::Value, {{"as", S::BindPromise, false}}, Feature::ResolvedRejected},
      {"then", S::Receiver,
       {{"onFulfilled", S::Handler, false}, {"onRejected", S::Handler, false}, {"as", S::BindPromise, false}},
       std::nullopt},
      {"catch", S::Receiver, {{"onRejected", S::Handler, false}, {"as", S::BindPromise, false}}, Feature::Catch},
      {"finally", S::Receiver, {{"onFinally", S::Handler, false}, {"as", S::BindPromise, false}},
       Feature::Finally},
      {"all", S::Value, {{"as", S::BindPromise, false}}, Feature::All},
      {"allSettled", S::Value, {{"as", S::BindPromise, false}}, Feature::AllSettled},
      {"race", S::Value, {{"as", S::BindPromise, false}}, Feature::Race},
      {"any", S::Value, {{"as", S::BindPromise, false}}, Feature::Any},
      {"try", S::Body, {{"as", S::BindPromise, false}}, Feature::Try},
      {"async", S::AsyncBody, {{"as", S::BindPromise, false}}, Feature::Async},
      {"await", S::Value, {}, Feature::Async, true},
      {"timer", S::Delay, {{"do", S::Body, true}, {"id", S::TimerId, false}}, Feature::Timers},
      {"clearTimer", S::TimerId, {}, Feature::Timers},
      {"microtask", S::Body, {}, Feature::Microtask},
      {"let", S::BindLet, {{"value", S::Value, true}}, std::nullopt},
  };
  return t;
}

constexpr std::array<std::string_view, 8> kProgramForms = {"undefined", "number", "argument", "error",
                                                           "promise",   "ref",    "object",   "thenable"};
constexpr std::array<std::string_view, 8> kTraceForms = {"undefined", "number", "error",  "promise",
                                                         "ref",       "object", "function", "accessor"};
constexpr std::array<std::string_view, 3> kNonFinite = {"NaN", "Infinity", "-Infinity"};
constexpr std::array<std::string_view, 5> kProgramErrors = {"Error", "TypeError", "RangeError",
                                                            "ReferenceError", "SyntaxError"};
constexpr std::array<std::string_view, 6> kTraceErrors = {"Error",          "TypeError",   "RangeError",
                                                          "ReferenceError", "SyntaxError", "AggregateError"};
constexpr std::array<std::string_view, 3> kEvents = {"unhandled", "handled", "uncaught"};
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

}  // namespace pc::grammar
