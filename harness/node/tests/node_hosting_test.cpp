// The host around a case, on V8: virtual timers, rejection tracking, uncaught throws and the final
// states. Every expectation is worked out from spec/case-language.md ("Time and the host", "The
// trace") and ECMA-262's job ordering, as the comments say.
#include "harness/node/tests/node_test_support.hpp"

namespace pc::node_tests {
namespace {

class NodeHosting : public NodeSuite {};

Json event(const std::string& label, Json v) { return Json::array({label, std::move(v)}); }
const Json kUndefined = {{"undefined", true}};

TEST_F(NodeHosting, TimersRunByDueTimeThenSchedulingOrderEachAfterTheMicrotasks) {
  Json program = Json::parse(R"([
    {"timer": 10, "do": [{"log": "a@10"}]},
    {"timer": 0,  "do": [{"log": "b@1"}, {"timer": 0, "do": [{"log": "b+1@2"}]}]},
    {"timer": 1,  "do": [{"log": "c@1"}]},
    {"timer": 2,  "do": [{"log": "d@2"}]},
    {"timer": 5,  "do": [{"log": "e@5"}, {"microtask": [{"log": "e's microtask"}]}]},
    {"timer": 5,  "do": [{"log": "f@5"}]},
    {"microtask": [{"log": "script's microtask"}]},
    {"log": "script"}
  ])");
  // A delay of 0 counts as 1, so b is due at 1 with c, and runs first because it was scheduled
  // first. b schedules b+1 at 1+1 = 2, later than d (also due at 2), so d runs before it. e's
  // microtask runs before the next timer, f, due at the same time.
  Json events = Json::array({
      event("script", kUndefined),
      event("script's microtask", kUndefined),
      event("b@1", kUndefined),
      event("c@1", kUndefined),
      event("d@2", kUndefined),
      event("b+1@2", kUndefined),
      event("e@5", kUndefined),
      event("e's microtask", kUndefined),
      event("f@5", kUndefined),
      event("a@10", kUndefined),
  });
  expectTrace(runOne(subject(), {{"id", "timers"}, {"program", program}}), events, Json::object());
}

TEST_F(NodeHosting, RejectionsAreReportedAfterTheMicrotasksAndHandledWhenLateHandlersArrive) {
  Json program = Json::parse(R"([
    {"rejected": "r1", "as": "r"},
    {"rejected": "anon"},
    {"rejected": 5, "as": "h"},
    {"catch": "h", "onRejected": []},
    {"deferred": "d"},
    {"timer": 1, "do": [{"catch": "r", "onRejected": [{"log": "late"}]}]},
    {"timer": 2, "do": [{"reject": "x", "of": "d"}]},
    {"timer": 3, "do": [{"then": "d", "onRejected": [{"log": "d late"}]}]}
  ])");
  // h gets its handler in the same macrotask, so it is never reported. r and the anonymous
  // promise are reported after the script, in the order they were rejected. A handler attached
  // later runs in its timer's microtasks, and `handled` follows once they are drained.
  Json events = Json::array({
      {{"unhandled", "r"}, {"reason", "r1"}},
      {{"unhandled", nullptr}, {"reason", "anon"}},
      event("late", "r1"),
      {{"handled", "r"}},
      {{"unhandled", "d"}, {"reason", "x"}},
      event("d late", "x"),
      {{"handled", "d"}},
  });
  Json final = {{"r", {"rejected", "r1"}}, {"h", {"rejected", 5}}, {"d", {"rejected", "x"}}};
  expectTrace(runOne(subject(), {{"id", "tracking"}, {"program", program}}), events, final);
}

TEST_F(NodeHosting, ThrowsEscapingTheScriptTimersAndMicrotasksAreUncaught) {
  Json program = Json::parse(R"([
    {"microtask": [{"throw": {"error": "RangeError", "message": "in a microtask"}}]},
    {"timer": 1, "do": [{"throw": "from a timer"}, {"log": "never"}]},
    {"log": "before"},
    {"throw": {"object": {"k": [1, {"undefined": true}]}}},
    {"log": "never"}
  ])");
  Json events = Json::array({
      event("before", kUndefined),
      {{"uncaught", {{"object", {{"k", Json::array({1, kUndefined})}}}}}},
      {{"uncaught", {{"error", "RangeError"}, {"message", "in a microtask"}}}},
      {{"uncaught", "from a timer"}},
  });
  expectTrace(runOne(subject(), {{"id", "uncaught"}, {"program", program}}), events, Json::object());
}

TEST_F(NodeHosting, ErrorsTheEngineMakesHaveNoMessage) {
  Json program = Json::parse(R"([
    {"any": [], "as": "none"},
    {"resolved": 1, "as": "p"},
    {"then": "p", "onFulfilled": [{"then": "ghost", "onFulfilled": []}], "as": "q"}
  ])");
  // Promise.any([]) rejects at once with an empty AggregateError; the handler's use of an unbound
  // name throws a ReferenceError one microtask later. Both are reported in rejection order.
  Json aggregate = {{"error", "AggregateError"}, {"errors", Json::array()}};
  Json reference = {{"error", "ReferenceError"}};
  Json events = Json::array({
      {{"unhandled", "none"}, {"reason", aggregate}},
      {{"unhandled", "q"}, {"reason", reference}},
  });
  Json final = {{"none", {"rejected", aggregate}}, {"p", {"fulfilled", 1}}, {"q", {"rejected", reference}}};
  expectTrace(runOne(subject(), {{"id", "engine-errors"}, {"program", program}}), events, final);
}

TEST_F(NodeHosting, FinalStatesAreReadWithoutShowingInTheTrace) {
  Json program = Json::parse(R"([
    {"new": "pending", "executor": []},
    {"resolved": {"thenable": {"then": [{"log": "then called", "value": 1}]}}, "as": "locked"},
    {"let": "t", "value": {"object": {"a": 1}}},
    {"deferred": "d"},
    {"resolve": {"object": {"p": {"promise": "pending"}, "t": {"ref": "t"}}}, "of": "d"},
    {"resolved": {"number": "-Infinity"}, "as": "ninf"},
    {"finally": "ninf", "onFinally": [{"log": "finally"}], "as": "f"},
    {"rejected": "z", "as": "z"}
  ])");
  // `locked` follows a thenable that never calls back: pending for good. `z` is reported
  // unhandled; reading its state at the end attaches a handler, which must not add `handled`.
  Json events = Json::array({
      event("then called", 1),
      event("finally", kUndefined),
      {{"unhandled", "z"}, {"reason", "z"}},
  });
  Json final = {
      {"pending", {"pending"}},
      {"locked", {"pending"}},
      {"d", {"fulfilled", {{"object", {{"p", {{"promise", "pending"}}}, {"t", {{"ref", "t"}}}}}}}},
      {"ninf", {"fulfilled", {{"number", "-Infinity"}}}},
      {"f", {"fulfilled", {{"number", "-Infinity"}}}},
      {"z", {"rejected", "z"}},
  };
  Json source = {{"id", "final"}, {"program", program}};
  // Twice in one batch: the second run sees nothing of the first (no late `handled` for z).
  auto traces = runAll(subject(), {makeCase(source), makeCase(source)});
  for (const Trace& t : traces) expectTrace(t, events, final);
}

TEST_F(NodeHosting, AsyncBodiesAwaitIntoTheirArgument) {
  Json program = Json::parse(R"([
    {"resolved": "v", "as": "p"},
    {"async": [{"log": "start"}, {"await": {"promise": "p"}}, {"log": "after await"},
               {"return": {"argument": true}}], "as": "fn"},
    {"log": "script"}
  ])");
  Json events = Json::array({event("start", kUndefined), event("script", kUndefined), event("after await", "v")});
  Json final = {{"p", {"fulfilled", "v"}}, {"fn", {"fulfilled", "v"}}};
  expectTrace(runOne(subject(), {{"id", "async"}, {"program", program}}), events, final);
}

}  // namespace
}  // namespace pc::node_tests
