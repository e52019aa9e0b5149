// The "expect" part of a case: trace events, trace values and final states
// (spec/case-language.md, "The trace").
#include <gtest/gtest.h>

#include "harness/load/tests/test_support.hpp"

namespace pc::load_tests {
namespace {

Json J(const char* text) { return Json::parse(text); }

// goodCase() with one more trace event.
Json withEvent(Json event) {
  Json doc = goodCase();
  doc["expect"]["trace"].push_back(std::move(event));
  return doc;
}

TEST(Expect, NeedsTraceAndFinalAndNothingElse) {
  Json doc = goodCase();
  doc["expect"].erase("final");
  doc["expect"]["order"] = "exact";
  const auto errors = errorsOf(doc);
  EXPECT_TRUE(hasError(errors, "/expect", "needs 'final'")) << dump(errors);
  EXPECT_TRUE(hasError(errors, "/expect/order", "unknown key")) << dump(errors);
  doc["expect"] = Json::array();
  EXPECT_TRUE(rejectedAt(doc, "/expect", "must be an object"));
}

TEST(Expect, EveryEventFormIsAccepted) {
  Json doc = goodCase();
  doc["expect"]["trace"] = J(R"([
    ["got", 1],
    ["values", [{"undefined": true}, {"number": "Infinity"}, {"function": true}, {"promise": null},
                {"promise": "q"}, {"object": {"a": [1]}}, {"error": "TypeError"},
                {"error": "Error", "message": "mine"},
                {"error": "AggregateError", "errors": [{"error": "RangeError", "message": "r"}]}]],
    {"unhandled": "p", "reason": 1},
    {"unhandled": null, "reason": {"error": "TypeError"}},
    {"handled": "p"},
    {"handled": null},
    {"uncaught": {"error": "ReferenceError"}}
  ])");
  EXPECT_TRUE(accepted(doc));
}

TEST(Expect, ALogEventIsALabelAndAValue) {
  EXPECT_TRUE(rejectedAt(withEvent(J(R"(["got"])")), "/expect/trace/1", "[\"label\", value]"));
  EXPECT_TRUE(rejectedAt(withEvent(J(R"(["got", 1, 2])")), "/expect/trace/1", "[\"label\", value]"));
  EXPECT_TRUE(rejectedAt(withEvent(J(R"([1, 1])")), "/expect/trace/1", "the first a string"));
  EXPECT_TRUE(rejectedAt(withEvent("got"), "/expect/trace/1", "a trace event is"));
}

TEST(Expect, EventObjectsHaveOneKindAndItsKeys) {
  EXPECT_TRUE(rejectedAt(withEvent(J(R"({"rejected": "p"})")), "/expect/trace/1", "exactly one of the keys"));
  EXPECT_TRUE(rejectedAt(withEvent(J(R"({"handled": "p", "uncaught": 1})")), "/expect/trace/1", "exactly one"));
  EXPECT_TRUE(rejectedAt(withEvent(J(R"({"unhandled": "p"})")), "/expect/trace/1", "needs the 'reason'"));
  EXPECT_TRUE(rejectedAt(withEvent(J(R"({"handled": "p", "reason": 1})")), "/expect/trace/1/reason",
                         "does not go in this 'handled' event"));
  EXPECT_TRUE(rejectedAt(withEvent(J(R"({"handled": 3})")), "/expect/trace/1/handled", "or null"));
}

TEST(Expect, TraceNamesMustBeNamesOfTheCase) {
  EXPECT_TRUE(
      rejectedAt(withEvent(J(R"({"unhandled": "zz", "reason": 1})")), "/expect/trace/1/unhandled", "not bound"));
  EXPECT_TRUE(rejectedAt(withEvent(J(R"(["x", {"promise": "zz"}])")), "/expect/trace/1/1/promise", "not bound"));
  // In a trace a ref is a let binding; a promise is written {"promise": name}.
  EXPECT_TRUE(rejectedAt(withEvent(J(R"(["x", {"ref": "p"}])")), "/expect/trace/1/1/ref", "{\"promise\": \"p\"}"));
}

TEST(Expect, TraceValuesUseTheTraceForms) {
  EXPECT_TRUE(rejectedAt(withEvent(J(R"(["x", {"argument": true}])")), "/expect/trace/1/1", "program forms"));
  EXPECT_TRUE(rejectedAt(withEvent(J(R"(["x", {"thenable": {"then": 1}}])")), "/expect/trace/1/1", "program forms"));
  EXPECT_TRUE(rejectedAt(withEvent(J(R"(["x", {"function": 1}])")), "/expect/trace/1/1/function"));
  EXPECT_TRUE(
      rejectedAt(withEvent(J(R"(["x", {"error": "AggregateError"}])")), "/expect/trace/1/1", "carries its 'errors'"));
  EXPECT_TRUE(rejectedAt(withEvent(J(R"(["x", {"error": "TypeError", "errors": []}])")), "/expect/trace/1/1/errors",
                         "only an AggregateError"));
  EXPECT_TRUE(rejectedAt(withEvent(J(R"(["x", {"error": "EvalError"}])")), "/expect/trace/1/1/error"));
  EXPECT_TRUE(rejectedAt(withEvent(J(R"(["x", {"object": {"k": {"bad": 1}}}])")), "/expect/trace/1/1/object/k"));
}

TEST(Final, MayLeaveOutAPromiseWhoseBindingNeverRan) {
  // A name bound inside a handler that never runs is never a promise; only the comparison with a
  // subject's run can tell which names were bound, so the loader does not demand them.
  Json doc = goodCase();
  doc["program"][1]["onRejected"] = J(R"([{"resolved": 2, "as": "never"}])");
  EXPECT_TRUE(accepted(doc));
  // q is bound by the script itself, so it must be listed (final_check_test.cpp has the rest).
  doc["expect"]["final"].erase("q");
  EXPECT_TRUE(rejectedAt(doc, "/expect/final", "q is bound at /program/1 but missing from /expect/final"));
}

TEST(Final, ListsOnlyNamedPromises) {
  Json doc = goodCase();
  doc["expect"]["final"]["zz"] = {"pending"};
  EXPECT_TRUE(rejectedAt(doc, "/expect/final/zz", "not a promise of this case"));
  doc = goodCase();
  doc["program"].push_back(J(R"({"let": "t", "value": 1})"));
  doc["expect"]["final"]["t"] = {"pending"};
  EXPECT_TRUE(rejectedAt(doc, "/expect/final/t", "bound by let"));
}

TEST(Final, PromisesFromEveryBindingFormAreNamed) {
  // new, deferred and "as" (even inside a handler) name promises; let does not.
  Json doc = caseWith(J(R"([
    {"new": "n", "executor": []},
    {"deferred": "d"},
    {"then": "n", "onFulfilled": [{"resolved": 1, "as": "inner"}]},
    {"let": "t", "value": 1}
  ])"));
  doc["expect"]["final"] = J(R"({"n": ["pending"], "d": ["pending"], "inner": ["pending"]})");
  EXPECT_TRUE(accepted(doc));
  doc["expect"]["final"]["t"] = J(R"(["pending"])");
  EXPECT_TRUE(rejectedAt(doc, "/expect/final/t", "bound by let"));
}

TEST(Final, StatesHaveTheirShapes) {
  Json doc = goodCase();
  for (const char* bad : {R"(["pending", 1])", R"(["fulfilled"])", R"(["done", 1])", R"("pending")"}) {
    doc["expect"]["final"]["q"] = J(bad);
    EXPECT_TRUE(rejectedAt(doc, "/expect/final/q", "a final state is")) << bad;
  }
  doc["expect"]["final"]["q"] = J(R"(["rejected", {"error": "TypeError"}])");
  EXPECT_TRUE(accepted(doc));
}

}  // namespace
}  // namespace pc::load_tests
