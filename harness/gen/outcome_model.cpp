#include "harness/gen/outcome_model.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <vector>

namespace pc::gen {
namespace {

using State = Outcome::State;
const Json kUndefined{{"undefined", true}};

Outcome fulfilled(Json v) { return {State::Fulfilled, std::move(v)}; }
Outcome rejected(Json v) { return {State::Rejected, std::move(v)}; }
Outcome pending() { return {State::Pending, Json()}; }
Outcome unknown() { return {State::Unknown, Json()}; }

// Who calls a promise's resolving functions first wins: calls are ordered by when they happen.
// (phase: 0 during the script, 1 a script-queued microtask, 2 a timer; then due time and the
// order in which statements ran.)
using CallTime = std::array<long, 4>;

struct SettleCall {
  CallTime when;
  bool resolve;
  Json value;  // evaluated in a body whose argument is undefined
};

class Model {
 public:
  explicit Model(const Json& program) {
    for (std::size_t i = 0; i < program.size(); ++i) {
      bind(program[i], static_cast<long>(i));
      // A custom constructor settles what it made through functions the model does not follow either,
      // and a prototype method called on any value may throw and end the script early.
      ownProperties_ = ownProperties_ || program[i].contains("set") || program[i].contains("define") ||
                       program[i].contains("customConstructor") || program[i].contains("subclass") ||
                       program[i].contains("on") || program[i].contains("callPrototype");
    }
  }

  std::map<std::string, Outcome> all() {
    std::map<std::string, Outcome> out;
    // An own then changes what every later reader of the promise does (then, the combinators,
    // resolving with it): the model does not follow it, so it predicts nothing for such programs.
    for (const auto& [name, statement] : binding_) out[name] = ownProperties_ ? unknown() : outcomeOf(name);
    return out;
  }

 private:
  // --- who binds what, and who settles the deferreds ----------------------------------------
  void bind(const Json& s, long index) {
    collectSettleCall(s, index);
    std::string name;
    if (s.contains("deferred"))
      name = s["deferred"];
    else if (s.contains("new"))
      name = s["new"];
    else if (s.contains("as"))
      name = s["as"];
    else
      return;
    binding_[name] = &s;
    if (s.contains("resolved") && s["resolved"].is_object() && s["resolved"].contains("promise"))
      alias_[name] = canonical(s["resolved"]["promise"].get<std::string>());  // Promise.resolve(p) is p
    if (s.contains("new")) collectExecutorCalls(name, s["executor"], index);
  }

  void collectSettleCall(const Json& s, long index) {
    if (s.contains("of"))
      addCall(s, {0, index, 0, 0});
    else if (s.contains("microtask") && s["microtask"].size() == 1 && s["microtask"][0].contains("of"))
      addCall(s["microtask"][0], {1, index, 0, 0});
    else if (s.contains("timer") && s["do"].size() == 1 && s["do"][0].contains("of"))
      addCall(s["do"][0], {2, due(s["timer"]), index, 0});
  }

  void addCall(const Json& call, CallTime when) {
    const bool resolve = call.contains("resolve");
    calls_[call["of"].get<std::string>()].push_back({when, resolve, call[resolve ? "resolve" : "reject"]});
  }

  // An executor runs during its `new` statement; a throw ends it (and rejects, if nothing was called).
  void collectExecutorCalls(const std::string& name, const Json& body, long index) {
    long sub = 0;
    for (const Json& s : body) {
      ++sub;
      if (s.contains("resolve") || s.contains("reject"))
        addCall(withOf(s, name), {0, index, 0, sub});
      else if (s.contains("throw")) {
        calls_[name].push_back({{0, index, 0, sub}, false, s["throw"]});
        return;
      } else if (s.contains("timer") && s["do"].size() == 1)
        addCall(withOf(asSettleStatement(s["do"][0]), name), {2, due(s["timer"]), index, sub});
    }
  }

  // {"call": {"resolveFunction": true}, "args": [v]} does what {"resolve": v} does (and reject alike).
  static Json asSettleStatement(const Json& s) {
    if (!s.contains("call") || !s["call"].is_object()) return s;
    const Json& f = s["call"];
    const Json v = s.contains("args") && !s["args"].empty() ? s["args"][0] : kUndefined;
    if (f.contains("resolveFunction")) return Json{{"resolve", v}};
    if (f.contains("rejectFunction")) return Json{{"reject", v}};
    return s;
  }

  static Json withOf(Json call, const std::string& name) {
    call["of"] = name;
    return call;
  }

  static long due(const Json& ms) { return std::max<long>(1, ms.get<long>()); }

  std::string canonical(const std::string& name) const {
    auto a = alias_.find(name);
    return a == alias_.end() ? name : a->second;
  }

  // --- outcomes ------------------------------------------------------------------------------
  // Promise.try(f, ...args): f's argument is the first of "args" (generated ones are plain values).
  Outcome tryCall(const Json& s) {
    if (!s.contains("args") || s["args"].empty()) return runBody(s["try"], kUndefined, false);
    const std::optional<Json> first = encode(s["args"][0], kUndefined);
    return first ? runBody(s["try"], *first, false) : unknown();
  }

  Outcome outcomeOf(const std::string& name) {
    if (auto m = memo_.find(name); m != memo_.end()) return m->second;
    if (!binding_.contains(name) || !inProgress_.insert(name).second) return unknown();  // a cycle
    Outcome o = compute(*binding_[name], name);
    inProgress_.erase(name);
    memo_[name] = o;
    return o;
  }

  Outcome compute(const Json& s, const std::string& name) {
    if (s.contains("deferred") || s.contains("new")) return firstCall(name);
    if (s.contains("resolved")) return resolveValue(s["resolved"], kUndefined);
    if (s.contains("rejected")) return encodeInto(s["rejected"], kUndefined, State::Rejected);
    if (s.contains("try")) return tryCall(s);
    if (s.contains("async")) return runBody(s["async"], kUndefined, true);
    if (s.contains("then")) return react(s["then"], s.value("onFulfilled", Json()), s.value("onRejected", Json()));
    if (s.contains("catch")) return react(s["catch"], Json(), s.value("onRejected", Json()));
    if (s.contains("finally")) return afterFinally(s["finally"], s.value("onFinally", Json()));
    for (const char* verb : {"all", "allSettled", "race", "any"})
      if (s.contains(verb)) return combinator(verb, s[verb]);
    return unknown();
  }

  Outcome firstCall(const std::string& name) {
    auto found = calls_.find(name);
    if (found == calls_.end() || found->second.empty()) return pending();
    const SettleCall& first =
        *std::min_element(found->second.begin(), found->second.end(),
                          [](const SettleCall& a, const SettleCall& b) { return a.when < b.when; });
    return first.resolve ? resolveValue(first.value, kUndefined) : encodeInto(first.value, kUndefined, State::Rejected);
  }

  // then(onFulfilled, onRejected): a body runs with the value; anything else passes it along.
  Outcome react(const Json& receiver, const Json& onFulfilled, const Json& onRejected) {
    const Outcome source = outcomeOf(canonical(receiver.get<std::string>()));
    const Json* fulfil = bodyOfHandler(onFulfilled);
    const Json* reject = bodyOfHandler(onRejected);
    if (source.state == State::Fulfilled && fulfil) return runBody(*fulfil, source.value, false);
    if (source.state == State::Rejected && reject) return runBody(*reject, source.value, false);
    return source;
  }

  // A handler's body: the handler itself, or a non-strict function's; none for a non-callable value.
  static const Json* bodyOfHandler(const Json& h) {
    if (h.is_array()) return &h;
    if (h.is_object() && h.contains("sloppyFunction")) return &h["sloppyFunction"];
    return nullptr;
  }

  // finally: the source's outcome, unless the callback throws or returns something that rejects.
  Outcome afterFinally(const Json& receiver, const Json& onFinally) {
    const Outcome source = outcomeOf(canonical(receiver.get<std::string>()));
    const Json* callbackBody = bodyOfHandler(onFinally);  // a body or a non-strict function's
    if (!source.known() || source.state == State::Pending || !callbackBody) return source;
    const Outcome callback = runBody(*callbackBody, kUndefined, false);
    return callback.state == State::Fulfilled ? source : callback;
  }

  // A function body: handler, Promise.try callback or async function (which may await).
  Outcome runBody(const Json& body, Json argument, bool async) {
    for (const Json& s : body) {
      if (s.contains("log")) continue;
      if (s.contains("return")) return resolveValue(s["return"], argument);
      if (s.contains("throw")) return encodeInto(s["throw"], argument, State::Rejected);
      if (!async || !s.contains("await")) return unknown();
      const Outcome awaited = resolveValue(s["await"], argument);
      if (awaited.state != State::Fulfilled) return awaited;
      argument = awaited.value;
    }
    return fulfilled(kUndefined);
  }

  // What a promise resolved with `v` becomes: promises and thenables are adopted.
  Outcome resolveValue(const Json& v, const Json& argument) {
    if (v.is_object() && v.contains("argument")) return resolveValue(argument, kUndefined);
    if (v.is_object() && v.contains("promise") && v["promise"].is_string())
      return outcomeOf(canonical(v["promise"].get<std::string>()));
    if (v.is_object() && v.contains("thenable")) return adoptThenable(v["thenable"]);
    return encodeInto(v, argument, State::Fulfilled);
  }

  // A thenable's `then` runs with fresh resolving functions: its first call wins, a throw before
  // any call rejects, and calls on timers come after the synchronous ones, earliest due first.
  Outcome adoptThenable(const Json& t) {
    if (t.contains("getter"))
      for (const Json& s : t["getter"])
        if (s.contains("throw")) return encodeInto(s["throw"], kUndefined, State::Rejected);
    const Json& then = t["then"];
    if (!then.is_array()) return unknown();
    std::vector<std::pair<long, Json>> later;
    for (const Json& s : then) {
      if (s.contains("resolve")) return resolveValue(s["resolve"], kUndefined);
      if (s.contains("reject") || s.contains("throw"))
        return encodeInto(s.contains("reject") ? s["reject"] : s["throw"], kUndefined, State::Rejected);
      if (s.contains("timer") && !s["do"].empty()) later.emplace_back(due(s["timer"]), asSettleStatement(s["do"][0]));
    }
    std::stable_sort(later.begin(), later.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [when, call] : later) {
      if (call.contains("resolve")) return resolveValue(call["resolve"], kUndefined);
      if (call.contains("reject")) return encodeInto(call["reject"], kUndefined, State::Rejected);
    }
    return pending();
  }

  // --- combinators -----------------------------------------------------------------------------
  Outcome combinator(const std::string& verb, const Json& elements) {
    if (!elements.is_array()) return unknown();
    std::vector<Outcome> inputs;
    for (const Json& e : elements) {
      inputs.push_back(resolveValue(e, kUndefined));
      if (!inputs.back().known()) return unknown();
    }
    if (verb == "all") return allOf(inputs);
    if (verb == "allSettled") return allSettledOf(inputs);
    if (verb == "any") return anyOf(inputs);
    return raceOf(inputs);
  }

  static std::vector<Outcome> withState(const std::vector<Outcome>& inputs, State state) {
    std::vector<Outcome> out;
    for (const Outcome& o : inputs)
      if (o.state == state && std::find(out.begin(), out.end(), o) == out.end()) out.push_back(o);
    return out;
  }

  static bool anyPending(const std::vector<Outcome>& inputs) {
    return std::any_of(inputs.begin(), inputs.end(), [](const Outcome& o) { return o.state == State::Pending; });
  }

  // Rejects with the first rejection in time: known only when all rejections look alike.
  static Outcome allOf(const std::vector<Outcome>& inputs) {
    const std::vector<Outcome> rejections = withState(inputs, State::Rejected);
    if (rejections.size() > 1) return unknown();
    if (rejections.size() == 1) return rejections[0];
    if (anyPending(inputs)) return pending();
    Json values = Json::array();
    for (const Outcome& o : inputs) values.push_back(o.value);
    return fulfilled(values);
  }

  static Outcome allSettledOf(const std::vector<Outcome>& inputs) {
    if (anyPending(inputs)) return pending();
    Json values = Json::array();
    for (const Outcome& o : inputs)
      values.push_back(o.state == State::Fulfilled ? Json{{"object", {{"status", "fulfilled"}, {"value", o.value}}}}
                                                   : Json{{"object", {{"status", "rejected"}, {"reason", o.value}}}});
    return fulfilled(values);
  }

  static Outcome anyOf(const std::vector<Outcome>& inputs) {
    const std::vector<Outcome> fulfilments = withState(inputs, State::Fulfilled);
    if (fulfilments.size() > 1) return unknown();
    if (fulfilments.size() == 1) return fulfilments[0];
    if (anyPending(inputs)) return pending();
    Json errors = Json::array();
    for (const Outcome& o : inputs) errors.push_back(o.value);
    return rejected(Json{{"error", "AggregateError"}, {"errors", errors}});
  }

  static Outcome raceOf(const std::vector<Outcome>& inputs) {
    std::vector<Outcome> settled = withState(inputs, State::Fulfilled);
    for (const Outcome& o : withState(inputs, State::Rejected)) settled.push_back(o);
    if (settled.empty()) return pending();
    return settled.size() == 1 ? settled[0] : unknown();
  }

  // --- values ----------------------------------------------------------------------------------
  Outcome encodeInto(const Json& v, const Json& argument, State state) {
    std::optional<Json> encoded = encode(v, argument);
    return encoded ? Outcome{state, *encoded} : unknown();
  }

  // The trace form of a value that is not adopted (a fulfilment value or a rejection reason).
  std::optional<Json> encode(const Json& v, const Json& argument) const {
    if (v.is_array()) {
      Json out = Json::array();
      for (const Json& e : v) {
        std::optional<Json> element = encode(e, argument);
        if (!element) return std::nullopt;
        out.push_back(*element);
      }
      return out;
    }
    if (!v.is_object()) return v;
    if (v.contains("argument")) return argument;
    if (v.contains("promise")) return Json{{"promise", canonical(v["promise"].get<std::string>())}};
    if (v.contains("undefined") || v.contains("error")) return v;
    return std::nullopt;  // objects and thenables: identity and shape the model does not track
  }

  std::map<std::string, const Json*> binding_;
  bool ownProperties_ = false;  // the program sets or defines a property somewhere
  std::map<std::string, std::string> alias_;
  std::map<std::string, std::vector<SettleCall>> calls_;
  std::map<std::string, Outcome> memo_;
  std::set<std::string> inProgress_;
};

}  // namespace

Json Outcome::toFinal() const {
  switch (state) {
    case State::Fulfilled: return Json::array({"fulfilled", value});
    case State::Rejected: return Json::array({"rejected", value});
    case State::Pending: return Json::array({"pending"});
    case State::Unknown: break;
  }
  return Json();
}

std::map<std::string, Outcome> predictOutcomes(const Json& program) { return Model(program).all(); }

}  // namespace pc::gen
