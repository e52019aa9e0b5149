// The finding rules. Each reads one result beside its case: the run-to-completion breaks the SDK
// saw (spec/levels.md), the failure kind, the actual trace and final states against the expected
// ones, and the case's program for which promises anything waits on.
#include "harness/report/findings.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <numeric>
#include <regex>
#include <set>

namespace pc::findings {
namespace {

using Detail = std::optional<std::string>;

bool ranToTheEnd(const CaseResult& r) { return r.status == Status::Pass || r.status == Status::Fail; }

// What the SDK saw of a handler entered synchronously or concurrently; empty when nothing.
std::string breakSeen(const CaseResult& r) {
  if (r.actual.brokeRunToCompletion) return *r.actual.brokeRunToCompletion;
  return r.message.starts_with("a handler ran ") ? r.message : "";
}

Detail whenBreakSays(const CaseResult& r, std::string_view phrase) {
  const std::string seen = breakSeen(r);
  if (seen.find(phrase) == std::string::npos) return std::nullopt;
  return std::string();
}

// Promise names with a handler of their own (receivers of then/catch/finally) and, with
// `references`, every {"promise": name} too (a combinator's input, a value resolved with a promise,
// one returned from a handler): all that the program waits on.
void collectWaitedOn(const Json& j, std::set<std::string>& out, bool references = true) {
  if (j.is_array())
    for (const Json& item : j) collectWaitedOn(item, out, references);
  if (!j.is_object()) return;
  for (const char* verb : {"then", "catch", "finally"})
    if (auto it = j.find(verb); it != j.end() && it->is_string()) out.insert(it->get<std::string>());
  if (auto it = j.find("promise"); references && it != j.end() && it->is_string() && j.size() == 1)
    out.insert(it->get<std::string>());
  for (const auto& [key, value] : j.items()) collectWaitedOn(value, out, references);
}

// Every continuation statement (then/catch/finally with "as") anywhere in the program: (input, output).
void collectContinuations(const Json& j, std::vector<std::pair<std::string, std::string>>& out) {
  if (j.is_array())
    for (const Json& item : j) collectContinuations(item, out);
  if (!j.is_object()) return;
  for (const char* verb : {"then", "catch", "finally"})
    if (auto it = j.find(verb); it != j.end() && it->is_string() && j.contains("as") && j.at("as").is_string())
      out.emplace_back(it->get<std::string>(), j.at("as").get<std::string>());
  for (const auto& [key, value] : j.items()) collectContinuations(value, out);
}

// The labels that handlers attached to one promise log first, for promises with several handlers:
// their events show the order of that promise's continuations, and nothing else.
std::set<std::string> labelsOfSiblingHandlers(const Json& program) {
  std::map<std::string, std::vector<std::string>> byReceiver;
  auto visit = [&](const auto& self, const Json& j) -> void {
    if (j.is_array())
      for (const Json& item : j) self(self, item);
    if (!j.is_object()) return;
    for (const char* verb : {"then", "catch", "finally"}) {
      auto receiver = j.find(verb);
      if (receiver == j.end() || !receiver->is_string()) continue;
      for (const char* body : {"onFulfilled", "onRejected", "onFinally"})
        if (auto b = j.find(body); b != j.end() && b->is_array() && !b->empty() && b->front().contains("log"))
          byReceiver[receiver->get<std::string>()].push_back(b->front().at("log").dump());
    }
    for (const auto& [key, value] : j.items()) self(self, value);
  };
  visit(visit, program);
  std::set<std::string> out;
  for (const auto& [receiver, labels] : byReceiver)
    if (labels.size() >= 2) out.insert(labels.begin(), labels.end());
  return out;
}

std::vector<Json> eventsLabelled(const std::vector<Json>& events, const std::set<std::string>& labels) {
  std::vector<Json> out;
  for (const Json& e : events)
    if (e.is_array() && !e.empty() && labels.contains(e[0].dump())) out.push_back(e);
  return out;
}

std::string stateOf(const Json& final, const std::string& name) {
  auto it = final.find(name);
  if (it == final.end() || !it->is_array() || it->empty() || !it->front().is_string()) return "";
  return it->front().get<std::string>();
}

// The promise settled in the subject the way it settles in JavaScript (fulfilled or rejected both
// times), so a continuation on it had the same reason to run.
bool completedAsInJavaScript(const CaseResult& r, const Case& c, const std::string& name) {
  const std::string actual = stateOf(r.actual.final, name);
  return (actual == "fulfilled" || actual == "rejected") && actual == stateOf(c.expected.final, name);
}

bool isPromiseValue(const Json& state) {
  return state.is_array() && state.size() == 2 && state[1].is_object() && state[1].contains("promise") &&
         state[1].size() == 1;
}

Detail insideThen(const CaseResult& r, const Case&) { return whenBreakSays(r, "synchronously inside then()"); }
Detail insideCompletion(const CaseResult& r, const Case&) {
  return whenBreakSays(r, "synchronously inside the call that completed its future");
}
Detail insideAnotherCall(const CaseResult& r, const Case&) {
  const std::string seen = breakSeen(r);
  const std::string prefix = "a handler ran synchronously inside ";
  if (!seen.starts_with(prefix) || insideThen(r, {}) || insideCompletion(r, {})) return std::nullopt;
  return seen.substr(prefix.size());
}
Detail concurrently(const CaseResult& r, const Case&) { return whenBreakSays(r, "concurrently"); }

Detail inOrder(const CaseResult& r, const Case& c, ContinuationOrder order) {
  return continuationOrder(r, c) == order ? Detail(std::string()) : std::nullopt;
}
Detail attachmentOrder(const CaseResult& r, const Case& c) { return inOrder(r, c, ContinuationOrder::Attachment); }
Detail reverseOrder(const CaseResult& r, const Case& c) { return inOrder(r, c, ContinuationOrder::Reverse); }
Detail lastOnly(const CaseResult& r, const Case& c) { return inOrder(r, c, ContinuationOrder::LastOnly); }
Detail otherOrder(const CaseResult& r, const Case& c) { return inOrder(r, c, ContinuationOrder::Other); }

std::vector<std::string> labels(const std::vector<Json>& events) {
  std::vector<std::string> out;
  for (const Json& e : events)
    out.push_back(e.is_array() && !e.empty() && e[0].is_string() ? e[0].get<std::string>() : e.dump());
  return out;
}

// Each label's events form one block: a, a, b, b rather than a, b, a, b.
bool grouped(const std::vector<std::string>& ls) {
  std::set<std::string> closed;
  for (std::size_t i = 0; i < ls.size(); ++i) {
    if (closed.contains(ls[i])) return false;
    if (i + 1 < ls.size() && ls[i + 1] != ls[i]) closed.insert(ls[i]);
  }
  return true;
}

// JavaScript alternates between chains that are ready together; the subject ran them one by one.
Detail depthFirst(const CaseResult& r, const Case& c) {
  if (!ranToTheEnd(r)) return std::nullopt;
  const std::vector<std::string> expected = labels(c.expected.events), actual = labels(r.actual.events);
  if (std::set<std::string>(expected.begin(), expected.end()).size() < 2 || grouped(expected)) return std::nullopt;
  if (!std::is_permutation(c.expected.events.begin(), c.expected.events.end(), r.actual.events.begin(),
                           r.actual.events.end()))
    return std::nullopt;
  return grouped(actual) ? Detail(std::string()) : std::nullopt;
}

// A promise JavaScript settles with a value holds one of the library's futures instead.
Detail noAdoption(const CaseResult& r, const Case& c) {
  if (!ranToTheEnd(r)) return std::nullopt;
  for (const auto& [name, state] : r.actual.final.items())
    if (isPromiseValue(state) && !isPromiseValue(c.expected.final.value(name, Json()))) return std::string();
  return std::nullopt;
}

// A continuation whose input completed stayed unrun, and nothing waits for its result.
Detail runsOnlyWhenAwaited(const CaseResult& r, const Case& c) {
  if (!ranToTheEnd(r) || !breakSeen(r).empty()) return std::nullopt;
  std::vector<std::pair<std::string, std::string>> continuations;
  collectContinuations(c.program, continuations);
  std::set<std::string> waitedOn;
  collectWaitedOn(c.program, waitedOn);
  for (const auto& [input, output] : continuations) {
    if (completedAsInJavaScript(r, c, input) && stateOf(r.actual.final, output) == "pending" &&
        !waitedOn.contains(output) && stateOf(c.expected.final, output) != "pending")
      return std::string();
  }
  return std::nullopt;
}

// The first label each handler of an unnamed then/catch/finally logs, with the promise it waits on.
void collectDroppedContinuations(const Json& j, std::vector<std::pair<std::string, Json>>& out) {
  if (j.is_array())
    for (const Json& item : j) collectDroppedContinuations(item, out);
  if (!j.is_object()) return;
  for (const char* verb : {"then", "catch", "finally"}) {
    auto receiver = j.find(verb);
    if (receiver == j.end() || !receiver->is_string() || j.contains("as")) continue;
    for (const char* body : {"onFulfilled", "onRejected", "onFinally"})
      if (auto b = j.find(body); b != j.end() && b->is_array() && !b->empty() && b->front().contains("log"))
        out.emplace_back(receiver->get<std::string>(), b->front().at("log"));
  }
  for (const auto& [key, value] : j.items()) collectDroppedContinuations(value, out);
}

// How many log statements with this label the program has: only a label of its own ties an event
// to one handler.
std::size_t logStatements(const Json& j, const Json& label) {
  if (j.is_array())
    return std::accumulate(j.begin(), j.end(), std::size_t{0},
                           [&](std::size_t n, const Json& x) { return n + logStatements(x, label); });
  if (!j.is_object()) return 0;
  std::size_t n = j.contains("log") && j.at("log") == label ? 1 : 0;
  for (const auto& [key, value] : j.items()) n += logStatements(value, label);
  return n;
}

bool logs(const std::vector<Json>& events, const Json& label) {
  return std::any_of(events.begin(), events.end(),
                     [&](const Json& e) { return e.is_array() && !e.empty() && e[0] == label; });
}

// A continuation whose future the program dropped never ran, although its input completed.
Detail droppedContinuationCancelled(const CaseResult& r, const Case& c) {
  if (!ranToTheEnd(r) || !breakSeen(r).empty()) return std::nullopt;
  std::vector<std::pair<std::string, Json>> dropped;
  collectDroppedContinuations(c.program, dropped);
  for (const auto& [input, label] : dropped) {
    if (logStatements(c.program, label) == 1 && completedAsInJavaScript(r, c, input) &&
        logs(c.expected.events, label) && !logs(r.actual.events, label))
      return std::string();
  }
  return std::nullopt;
}

// A promise JavaScript leaves pending (nothing can settle it any more) failed in the library.
Detail droppedProducerFails(const CaseResult& r, const Case& c) {
  if (!ranToTheEnd(r)) return std::nullopt;
  for (const auto& [name, state] : r.actual.final.items())
    if (stateOf(r.actual.final, name) == "rejected" && stateOf(c.expected.final, name) == "pending")
      return state.size() == 2 && state[1].is_object() && state[1].contains("error") && state[1]["error"].is_string()
                 ? state[1]["error"].get<std::string>()
                 : std::string();
  return std::nullopt;
}

// The SDK saw destroying a dropped future wait for good for its continuation (LibraryRuntime::
// dropDropped): the continuation waited for work the same thread was to do later.
Detail droppingBlocks(const CaseResult& r, const Case&) {
  if (r.status != Status::Hang || r.message.find("destroying a future the case dropped") == std::string::npos)
    return std::nullopt;
  return std::string();
}

bool hasRejectedAll(const Json& j, const Json& expectedFinal) {
  if (j.is_array())
    return std::any_of(j.begin(), j.end(), [&](const Json& x) { return hasRejectedAll(x, expectedFinal); });
  if (!j.is_object()) return false;
  if (j.contains("all") && j.contains("as") && j.at("as").is_string() &&
      stateOf(expectedFinal, j.at("as").get<std::string>()) == "rejected")
    return true;
  return std::any_of(j.begin(), j.end(), [&](const Json& x) { return hasRejectedAll(x, expectedFinal); });
}

// Promise.all rejected in JavaScript; the subject got there too, but later than events JavaScript
// puts after the rejection (it waited for the other inputs).
Detail waitsForAll(const CaseResult& r, const Case& c) {
  if (!ranToTheEnd(r) || r.level < Level::Outcome || concurrently(r, c)) return std::nullopt;
  if (!hasRejectedAll(c.program, c.expected.final) || r.actual.events == c.expected.events) return std::nullopt;
  return std::string();
}

// "std::future_error: std::future_error: Promise already satisfied" says the type once.
std::string exceptionOf(const std::string& message) {
  std::string out = message.starts_with("threw ") ? message.substr(6) : message;
  const std::size_t colon = out.find(": ");
  if (colon == std::string::npos) return out;
  const std::string type = out.substr(0, colon + 2);
  if (out.compare(colon + 2, type.size(), type) == 0) out.erase(0, type.size());
  return out;
}

Detail misuseThrows(const CaseResult& r, const Case&) {
  if (r.status != Status::LibraryError) return std::nullopt;
  return exceptionOf(r.message);
}

std::string signalOf(const std::string& message) {
  static const std::regex signal("SIG[A-Z]+");
  std::smatch m;
  return std::regex_search(message, m, signal) ? m.str() : message;
}

// A promise that ends rejected with no handler of its own (at most a combinator over it).
bool leavesAFailureUnobserved(const Case& c) {
  std::set<std::string> handled;
  collectWaitedOn(c.program, handled, /*references=*/false);
  for (const auto& [name, state] : c.expected.final.items())
    if (stateOf(c.expected.final, name) == "rejected" && !handled.contains(name)) return true;
  return false;
}

// A promise the program uses more than once: a receiver of two handlers, or one handler and a
// combinator, an adoption or a return that takes it too.
bool usesAFutureTwice(const Case& c) {
  std::map<std::string, int> uses;
  auto visit = [&](const auto& self, const Json& j) -> void {
    if (j.is_array())
      for (const Json& item : j) self(self, item);
    if (!j.is_object()) return;
    for (const char* verb : {"then", "catch", "finally"})
      if (auto it = j.find(verb); it != j.end() && it->is_string()) ++uses[it->get<std::string>()];
    if (auto it = j.find("promise"); it != j.end() && it->is_string() && j.size() == 1) ++uses[it->get<std::string>()];
    for (const auto& [key, value] : j.items()) self(self, value);
  };
  visit(visit, c.program);
  return std::any_of(uses.begin(), uses.end(), [](const auto& u) { return u.second > 1; });
}

// How many calls of one promise's resolvers a body makes: bare resolve/reject, and a throw, which
// rejects an executor's promise. Nested executors have resolvers of their own.
int settleCalls(const Json& body) {
  int n = 0;
  auto visit = [&](const auto& self, const Json& j) -> void {
    if (j.is_array())
      for (const Json& item : j) self(self, item);
    if (!j.is_object() || j.contains("new")) return;
    if ((j.contains("resolve") || j.contains("reject")) && !j.contains("of")) ++n;
    if (j.contains("throw")) ++n;
    for (const auto& [key, value] : j.items()) self(self, value);
  };
  visit(visit, body);
  return n;
}

// A promise whose resolvers the program calls twice: two calls in one executor, or two naming it.
bool settlesAPromiseTwice(const Case& c) {
  std::map<std::string, int> byName;
  bool twice = false;
  auto visit = [&](const auto& self, const Json& j) -> void {
    if (j.is_array())
      for (const Json& item : j) self(self, item);
    if (!j.is_object()) return;
    if (auto e = j.find("executor"); e != j.end() && e->is_array() && settleCalls(*e) > 1) twice = true;
    if (auto of = j.find("of"); of != j.end() && of->is_string() && (j.contains("resolve") || j.contains("reject")))
      twice = ++byName[of->get<std::string>()] > 1 || twice;
    for (const auto& [key, value] : j.items()) self(self, value);
  };
  visit(visit, c.program);
  return twice;
}

// A crash is put down to one cause only when the case has that cause and not the other; a case with
// both, or neither, is a crash without a cause.
Detail unobservedFailureEnds(const CaseResult& r, const Case& c) {
  if (r.status != Status::Crash || !leavesAFailureUnobserved(c) || usesAFutureTwice(c)) return std::nullopt;
  return signalOf(r.message);
}
Detail usingAFutureTwiceCrashes(const CaseResult& r, const Case& c) {
  if (r.status != Status::Crash || !usesAFutureTwice(c) || leavesAFailureUnobserved(c)) return std::nullopt;
  return signalOf(r.message);
}
Detail completingTwiceCrashes(const CaseResult& r, const Case& c) {
  if (r.status != Status::Crash || !settlesAPromiseTwice(c) || usesAFutureTwice(c) || leavesAFailureUnobserved(c))
    return std::nullopt;
  return signalOf(r.message);
}
Detail crashes(const CaseResult& r, const Case& c) {
  if (r.status != Status::Crash || unobservedFailureEnds(r, c) || usingAFutureTwiceCrashes(r, c) ||
      completingTwiceCrashes(r, c))
    return std::nullopt;
  return signalOf(r.message);
}
Detail hangs(const CaseResult& r, const Case& c) {
  return r.status == Status::Hang && !droppingBlocks(r, c) ? Detail(std::string()) : std::nullopt;
}

constexpr std::array kRules = {
    Rule{"runs-inside-then", "synchronous continuations",
         "A continuation attached to a future that is already complete runs inside then(), before then() returns "
         "(\"Zalgo\": the code after then() sees it done).",
         true, false, insideThen},
    Rule{"runs-inside-completion", "synchronous continuations",
         "A continuation runs inside the call that completes its future (set_value, a fulfiller, finish), before "
         "that call returns.",
         true, false, insideCompletion},
    Rule{"runs-inside-another-call", "synchronous continuations",
         "A continuation runs synchronously inside another library call.", true, false, insideAnotherCall},
    Rule{"runs-concurrently", "threads",
         "Continuations run on the library's threads while the code that attached them, or another continuation, "
         "is still running: state they share needs a lock.",
         true, false, concurrently},
    Rule{"order-attachment", "order of continuations",
         "Several continuations on one future run in the order they were attached, as in JavaScript.", false, true,
         attachmentOrder},
    Rule{"order-reverse", "order of continuations",
         "Continuations waiting on a future run in reverse order of attachment when it completes.", true, true,
         reverseOrder},
    Rule{"order-last-only", "order of continuations",
         "A pending future keeps only its last continuation: the ones attached before it never run.", true, true,
         lastOnly},
    Rule{"order-other", "order of continuations",
         "Several continuations on one future run in an order that is neither attachment order nor its reverse.", true,
         true, otherOrder},
    Rule{"depth-first", "chains",
         "Chains run depth-first: one chain runs to its end before another chain that was ready at the same time "
         "takes a step (JavaScript alternates, one step each).",
         true, true, depthFirst},
    Rule{"no-adoption", "adoption and unwrap",
         "A future does not follow another: completing a promise with a future, or returning one from a "
         "continuation, makes that future the value.",
         true, false, noAdoption},
    Rule{"runs-only-when-awaited", "evaluation",
         "A continuation runs only when something waits for its result: one whose future nobody uses never runs, "
         "although its input completed.",
         true, false, runsOnlyWhenAwaited},
    Rule{"dropped-continuation-is-cancelled", "cancellation on drop",
         "Dropping the future then() returned cancels the continuation: it never runs, although its input "
         "completed (JavaScript runs it).",
         true, false, droppedContinuationCancelled},
    Rule{"dropped-producer-fails-its-future", "cancellation on drop",
         "A promise dropped before it is completed fails its future (a broken promise), where JavaScript leaves "
         "it pending.",
         true, false, droppedProducerFails},
    Rule{"dropping-a-future-blocks", "cancellation on drop",
         "Dropping a future whose continuation has not run blocks until it runs: a program that completes the "
         "antecedent later on the same thread deadlocks.",
         true, false, droppingBlocks},
    Rule{"all-waits-for-every-input", "combinators",
         "The all-combinator waits for every input even after one has failed; JavaScript's Promise.all rejects as "
         "soon as one input rejects.",
         true, true, waitsForAll},
    Rule{"misuse-throws", "misuse",
         "A library call throws a C++ exception where JavaScript carries on (completing a promise twice, for "
         "example).",
         true, false, misuseThrows},
    Rule{"unobserved-failure-ends-the-process", "unobserved failures",
         "A failure that no continuation of its own observes ends the process.", true, false, unobservedFailureEnds},
    Rule{"using-a-future-twice-crashes", "misuse",
         "A future can be used once: a second then() on it, or using it again after another call took it, "
         "crashes the process (JavaScript allows any number).",
         true, false, usingAFutureTwiceCrashes},
    Rule{"completing-twice-crashes", "misuse",
         "Completing a promise that is already complete crashes the process (JavaScript ignores the second "
         "call).",
         true, false, completingTwiceCrashes},
    Rule{"crashes", "misuse", "The process crashes.", true, false, crashes},
    Rule{"hangs", "misuse", "A program that finishes in JavaScript never finishes.", true, false, hangs},
};

// The order in which a failing result is explained: no trace, then how continuations run, then
// what they compute.
constexpr std::array kExplanationOrder = {"misuse-throws",
                                          "unobserved-failure-ends-the-process",
                                          "using-a-future-twice-crashes",
                                          "completing-twice-crashes",
                                          "crashes",
                                          "hangs",
                                          "dropping-a-future-blocks",
                                          "runs-inside-then",
                                          "runs-inside-completion",
                                          "runs-inside-another-call",
                                          "runs-concurrently",
                                          "dropped-producer-fails-its-future",
                                          "dropped-continuation-is-cancelled",
                                          "order-last-only",
                                          "order-reverse",
                                          "order-other",
                                          "runs-only-when-awaited",
                                          "no-adoption",
                                          "depth-first",
                                          "all-waits-for-every-input"};

}  // namespace

std::span<const Rule> rules() { return kRules; }

Detail shows(const Rule& rule, const CaseResult& result, const Case& c) {
  if (rule.readsOrder && result.repeats) return std::nullopt;
  return rule.shows(result, c);
}

const Rule* explaining(const CaseResult& result, const Case& c) {
  for (std::string_view id : kExplanationOrder)
    for (const Rule& rule : kRules)
      if (id == rule.id && shows(rule, result, c)) return &rule;
  return nullptr;
}

ContinuationOrder continuationOrder(const CaseResult& r, const Case& c) {
  const bool aboutOrder = std::any_of(c.rules.begin(), c.rules.end(),
                                      [](const std::string& rule) { return rule.starts_with("aplus.2.2.6"); });
  if (!aboutOrder || !ranToTheEnd(r)) return ContinuationOrder::NotShown;
  const std::set<std::string> logged = labelsOfSiblingHandlers(c.program);
  const std::vector<Json> expected = eventsLabelled(c.expected.events, logged);
  const std::vector<Json> seen = eventsLabelled(r.actual.events, logged);
  if (expected.size() < 2 || seen.empty()) return ContinuationOrder::NotShown;
  if (seen == expected) return ContinuationOrder::Attachment;
  const std::vector<Json> reversed(expected.rbegin(), expected.rend());
  if (reversed != expected && seen == reversed) return ContinuationOrder::Reverse;
  if (seen.size() < expected.size() && std::equal(seen.rbegin(), seen.rend(), expected.rbegin()))
    return ContinuationOrder::LastOnly;
  return ContinuationOrder::Other;
}

}  // namespace pc::findings
