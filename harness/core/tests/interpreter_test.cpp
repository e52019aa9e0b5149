// What the interpreter adds to a trace beyond the events: the job of every event and the journal
// that explains it. (The events themselves are checked against V8 by the case corpus.)
#include <gtest/gtest.h>

#include "harness/core/interpreter.hpp"
#include "harness/core/reference_runtime.hpp"

namespace pc {
namespace {

Trace runProgram(const char* program) {
  ReferenceRuntime runtime;
  return interpret(Json::parse(program), runtime);
}

const JobRecord& jobOfEvent(const Trace& t, std::size_t event) {
  for (const JobRecord& j : t.jobs)
    if (j.id == t.eventJob.at(event)) return j;
  throw std::out_of_range("no such job");
}

TEST(Interpreter, EveryEventNamesTheJobItRanIn) {
  const Trace t = runProgram(R"([
    {"log": "script"},
    {"resolved": 1, "as": "p"},
    {"then": "p", "onFulfilled": [{"log": "handler"}]},
    {"timer": 5, "do": [{"log": "timer"}]}
  ])");
  ASSERT_TRUE(t.hasCausality());
  EXPECT_EQ(jobOfEvent(t, 0).kind, "script");
  EXPECT_EQ(jobOfEvent(t, 1).kind, "PromiseReactionJob");
  EXPECT_EQ(jobOfEvent(t, 1).enqueuedBy, jobOfEvent(t, 0).id);
  EXPECT_EQ(jobOfEvent(t, 1).enqueuedAfterEvents, 1u) << "enqueued after the script logged once";
  EXPECT_EQ(jobOfEvent(t, 2).kind, "timer");
  EXPECT_EQ(jobOfEvent(t, 2).enqueuedBy, jobOfEvent(t, 0).id) << "a timer is caused by its setTimeout";
}

TEST(Interpreter, RejectionReportsRunInAHostJobAfterTheMacrotasksJobs) {
  const Trace t = runProgram(R"([
    {"rejected": "r", "as": "p"},
    {"then": "p", "onFulfilled": [{"log": "never"}], "as": "q"}
  ])");
  ASSERT_EQ(t.events.size(), 1u);
  EXPECT_EQ(t.events[0], Json::parse(R"({"unhandled": "q", "reason": "r"})"));
  const JobRecord& host = jobOfEvent(t, 0);
  EXPECT_EQ(host.kind, "host");
  EXPECT_EQ(host.after.size(), t.jobs.size() - 1) << "after the script and the reaction job";
}

TEST(Interpreter, AThrowEscapingATimerIsReportedAndTheRunGoesOn) {
  const Trace t = runProgram(R"([
    {"timer": 1, "do": [{"throw": {"error": "RangeError", "message": "out"}}]},
    {"timer": 2, "do": [{"log": "later"}]}
  ])");
  ASSERT_EQ(t.events.size(), 2u);
  EXPECT_EQ(t.events[0], Json::parse(R"({"uncaught": {"error": "RangeError", "message": "out"}})"));
  EXPECT_EQ(t.events[1][0], "later");
}

TEST(Interpreter, ANameUsedBeforeItIsBoundThrowsAnEngineReferenceError) {
  const Trace t = runProgram(R"([
    {"new": "p", "executor": [{"then": "p", "onFulfilled": []}]}
  ])");
  EXPECT_EQ(t.final["p"], Json::parse(R"(["rejected", {"error": "ReferenceError"}])"));
}

TEST(Interpreter, EachRunHasItsOwnRealmSoNothingLeaksBetweenRuns) {
  const char* program = R"([{"new": "p", "executor": []}, {"timer": 1, "do": [{"resolve": 1, "of": "p"}]}])";
  const Trace first = runProgram(program), second = runProgram(program);
  EXPECT_EQ(first.final, second.final);
  EXPECT_EQ(first.final["p"], Json::parse(R"(["fulfilled", 1])"));
}

// set and define (the corpus checks them against V8; these pin what only the interpreter decides:
// the getter's return value is ignored, the setter gets the value, this is the object).
TEST(Interpreter, DefineRunsTheGetterOnEachReadAndTheSetterOnEachAssignment) {
  const Trace t = runProgram(R"([
    {"new": "p", "executor": []},
    {"define": "p", "key": "then", "getter": [{"log": "get", "value": {"this": true}}, {"return": 1}],
     "setter": [{"log": "set"}], "method": [{"log": "then", "value": {"this": true}}]},
    {"set": "p", "key": "then", "value": "ignored"},
    {"then": "p", "onFulfilled": [], "as": "q"},
    {"log": "q", "value": {"promise": "q"}}
  ])");
  const Json expected = Json::parse(R"([["set", "ignored"], ["get", {"promise": "p"}], ["then", {"promise": "p"}],
                                        ["q", {"undefined": true}]])");
  EXPECT_EQ(Json(t.events), expected) << "the getter's return is ignored: the method is what then reads";
}

TEST(Interpreter, CatchOnAPromiseWithAnOwnCatchCallsIt) {
  const Trace t = runProgram(R"([
    {"new": "p", "executor": []},
    {"set": "p", "key": "catch", "method": [{"log": "own catch", "value": {"this": true}}, {"return": 7}]},
    {"catch": "p", "onRejected": []},
    {"set": "p", "key": "finally", "value": 5},
    {"finally": "p"}
  ])");
  ASSERT_EQ(t.events.size(), 2u);
  EXPECT_EQ(t.events[0], Json::parse(R"(["own catch", {"promise": "p"}])"));
  EXPECT_EQ(t.events[1], Json::parse(R"({"uncaught": {"error": "TypeError"}})")) << "p.finally is 5";
}

// What only the interpreter decides about custom constructors: a function value is no constructor,
// a constructor's body sees the object being made as this and the executor as its argument.
TEST(Interpreter, AStaticMethodOnACustomConstructorReturnsWhatItMade) {
  const Trace t = runProgram(R"([
    {"customConstructor": "C", "body": [{"let": "made", "value": {"this": true}},
      {"call": {"argument": true}, "args": [{"function": [{"log": "resolved with"}]}, {"function": []}]}]},
    {"resolved": 1, "on": {"ref": "C"}, "as": "q"},
    {"log": "q", "value": {"ref": "q"}},
    {"rejected": 2, "on": {"function": []}},
    {"log": "no"}
  ])");
  const Json expected = Json::parse(R"([["resolved with", 1], ["q", {"ref": "made"}],
                                        {"uncaught": {"error": "TypeError"}}])");
  EXPECT_EQ(Json(t.events), expected);
}

TEST(Interpreter, SetOnAPrimitiveThrowsATypeError) {
  const Trace t = runProgram(R"([{"let": "n", "value": 1}, {"set": "n", "key": "then", "value": 2}, {"log": "no"}])");
  ASSERT_EQ(t.events.size(), 1u);
  EXPECT_EQ(t.events[0], Json::parse(R"({"uncaught": {"error": "TypeError"}})"));
}

}  // namespace
}  // namespace pc
