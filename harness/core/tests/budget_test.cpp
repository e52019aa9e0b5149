// Per-case budgets (run_budget.hpp): a case that would run forever on the reference ends with a hang
// whose message names the budget it exhausted; a case within its budgets is not touched.
#include <gtest/gtest.h>

#include "harness/core/interpreter.hpp"
#include "harness/core/reference_runtime.hpp"

namespace pc {
namespace {

Trace runWithin(const char* program, const Budgets& budgets) {
  ReferenceRuntime runtime;
  return interpret(Json::parse(program), runtime, budgets);
}

Budgets small() {
  Budgets b;
  b.jobs = 5'000;
  b.promises = 5'000;
  b.virtualTimeMs = 1e6;
  b.traceEvents = 1'000;
  return b;
}

::testing::AssertionResult stoppedBy(const Trace& t, std::string_view budget) {
  if (!t.failure) return ::testing::AssertionFailure() << "the run ended: " << t.toJson().dump();
  if (t.failureKind != FailureKind::Hang) return ::testing::AssertionFailure() << "not a hang: " << *t.failure;
  if (t.failure->find("budget exhausted: " + std::string(budget)) == std::string::npos)
    return ::testing::AssertionFailure() << "another budget: " << *t.failure;
  return ::testing::AssertionSuccess();
}

// A thenable whose then resolves with the thenable itself: NewPromiseResolveThenableJob forever.
constexpr const char* kThenableLoop = R"([
  {"let": "t", "value": {"thenable": {"then": [{"resolve": {"ref": "t"}}]}}},
  {"resolved": {"ref": "t"}, "as": "p"}
])";

TEST(Budgets, AThenableResolvingWithItselfRunsOutOfJobs) {
  EXPECT_TRUE(stoppedBy(runWithin(kThenableLoop, small()), "jobs run"));
}

TEST(Budgets, TheDefaultJobBudgetStopsTheSameLoop) {
  ReferenceRuntime runtime;
  const Trace t = interpret(Json::parse(kThenableLoop), runtime);
  EXPECT_TRUE(stoppedBy(t, "jobs run"));
  EXPECT_NE(t.failure->find("at most 100000"), std::string::npos) << *t.failure;
}

TEST(Budgets, ATimerThatSetsItselfAgainRunsOutOfVirtualTime) {
  // Each then call sets a timer a day later whose callback resolves with the thenable again.
  EXPECT_TRUE(stoppedBy(runWithin(R"([
    {"let": "t", "value": {"thenable": {"then": [{"timer": 86400000, "do": [{"resolve": {"ref": "t"}}]}]}}},
    {"resolved": {"ref": "t"}}
  ])",
                                  small()),
                        "virtual time"));
}

TEST(Budgets, ALoopThatLogsRunsOutOfTrace) {
  EXPECT_TRUE(stoppedBy(runWithin(R"([
    {"let": "t", "value": {"thenable": {"then": [{"log": "a"}, {"log": "b"}, {"log": "c"}, {"log": "d"},
                                                 {"log": "e"}, {"log": "f"}, {"resolve": {"ref": "t"}}]}}},
    {"resolved": {"ref": "t"}}
  ])",
                                  small()),
                        "trace length"));
}

TEST(Budgets, ALoopThatMakesPromisesRunsOutOfPromises) {
  EXPECT_TRUE(stoppedBy(runWithin(R"([
    {"let": "t", "value": {"thenable": {"then": [{"resolved": 1}, {"resolved": 2}, {"resolved": 3},
                                                 {"resolved": 4}, {"resolve": {"ref": "t"}}]}}},
    {"resolved": {"ref": "t"}}
  ])",
                                  small()),
                        "promises created"));
}

TEST(Budgets, ACaseWithinItsBudgetsIsNotTouched) {
  Budgets tight;
  tight.jobs = 3;  // the script, one reaction, one timer
  tight.virtualTimeMs = 10;
  tight.traceEvents = 2;
  const Trace t = runWithin(R"([
    {"resolved": 1, "as": "p"},
    {"then": "p", "onFulfilled": [{"log": "handler"}]},
    {"timer": 10, "do": [{"log": "timer"}]}
  ])",
                            tight);
  ASSERT_FALSE(t.failure) << *t.failure;
  EXPECT_EQ(t.events.size(), 2u);
  tight.jobs = 2;
  EXPECT_TRUE(stoppedBy(runWithin(R"([{"timer": 10, "do": [{"timer": 1, "do": []}]}])", tight), "jobs run"));
}

}  // namespace
}  // namespace pc
