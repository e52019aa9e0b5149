// The three conformance levels, on hand-built traces whose causality is written out.
#include <gtest/gtest.h>

#include "harness/core/compare.hpp"

namespace pc {
namespace {

Json log(const char* label) { return Json::array({label, Json{{"undefined", true}}}); }

// The script (job 0) registers handlers on two different promises: job 1 logs "a" and enqueues
// job 3, which logs "c"; job 2 logs "b". So a < c, while b is unordered with both.
Trace witness() {
  Trace t;
  t.events = {log("a"), log("b"), log("c")};
  t.eventJob = {1, 2, 3};
  t.jobs = {{0, -1, 0, "script", "", {}, 0},
            {1, 0, 0, "PromiseReactionJob", "", {}, 0},
            {2, 0, 0, "PromiseReactionJob", "", {}, 0},
            {3, 1, 1, "PromiseReactionJob", "", {}, 0}};
  t.final = Json{{"p", Json::array({"pending"})}};
  return t;
}

Trace expectation() {
  Trace t = witness();
  t.eventJob.clear();
  t.jobs.clear();
  return t;
}

Trace observed(std::vector<Json> events) {
  Trace t = expectation();
  t.events = std::move(events);
  return t;
}

TEST(CompareTraces, TheSameEventsInTheSameOrderAreExact) {
  const Trace w = witness();
  EXPECT_EQ(compareTraces(expectation(), observed({log("a"), log("b"), log("c")}), &w).level, Level::Exact);
}

TEST(CompareTraces, AnotherLinearExtensionOfHappensBeforeIsCausal) {
  const Trace w = witness();
  EXPECT_EQ(compareTraces(expectation(), observed({log("b"), log("a"), log("c")}), &w).level, Level::Causal);
  EXPECT_EQ(compareTraces(expectation(), observed({log("a"), log("c"), log("b")}), &w).level, Level::Causal);
}

TEST(CompareTraces, AnEventBeforeItsCauseIsOnlyOutcome) {
  const Trace w = witness();
  Comparison c = compareTraces(expectation(), observed({log("c"), log("a"), log("b")}), &w);
  EXPECT_EQ(c.level, Level::Outcome);
  EXPECT_NE(c.why.find("\"c\""), std::string::npos) << c.why;
}

TEST(CompareTraces, WithoutAWitnessAnyReorderingIsOnlyOutcome) {
  EXPECT_EQ(compareTraces(expectation(), observed({log("b"), log("a"), log("c")}), nullptr).level, Level::Outcome);
}

TEST(CompareTraces, AWitnessThatDisagreesWithTheExpectationIsNotUsed) {
  Trace w = witness();
  w.events[0] = log("z");
  EXPECT_EQ(compareTraces(expectation(), observed({log("b"), log("a"), log("c")}), &w).level, Level::Outcome);
}

TEST(CompareTraces, AMissingOrExtraEventOrAnotherFinalStateIsNone) {
  const Trace w = witness();
  EXPECT_EQ(compareTraces(expectation(), observed({log("a"), log("b")}), &w).level, Level::None);
  EXPECT_EQ(compareTraces(expectation(), observed({log("a"), log("b"), log("c"), log("c")}), &w).level, Level::None);
  Trace otherFinal = observed({log("a"), log("b"), log("c")});
  otherFinal.final["p"] = Json::array({"fulfilled", 1});
  Comparison c = compareTraces(expectation(), otherFinal, &w);
  EXPECT_EQ(c.level, Level::None);
  EXPECT_NE(c.why.find("final state of p"), std::string::npos) << c.why;
}

TEST(CompareTraces, AMissingEventNamesBothSidesWhereTheTracesFirstDiffer) {
  const Comparison c = compareTraces(expectation(), observed({log("a"), log("c"), log("x")}), nullptr);
  EXPECT_EQ(c.level, Level::None);
  EXPECT_NE(c.why.find(R"(missing event ["b",{"undefined":true}])"), std::string::npos) << c.why;
  EXPECT_NE(c.why.find(R"(event 2: expected ["b",{"undefined":true}], got ["c",{"undefined":true}])"),
            std::string::npos)
      << c.why;
  const Comparison shorter = compareTraces(expectation(), observed({log("a"), log("b")}), nullptr);
  EXPECT_NE(shorter.why.find(R"(event 3: expected ["c",{"undefined":true}], got nothing (the trace ends))"),
            std::string::npos)
      << shorter.why;
}

TEST(CompareTraces, AFinalStateTheRunNeverBoundSaysToRemoveIt) {
  Trace expected = expectation();
  expected.final["never"] = Json::array({"pending"});
  const Comparison c = compareTraces(expected, observed({log("a"), log("b"), log("c")}), nullptr);
  EXPECT_EQ(c.level, Level::None);
  EXPECT_NE(c.why.find("the run never bound never"), std::string::npos) << c.why;
  EXPECT_NE(c.why.find("remove never from /expect/final"), std::string::npos) << c.why;
  EXPECT_EQ(c.why.find(" missing"), std::string::npos) << "it is not the expectation that is incomplete: " << c.why;
}

TEST(CompareTraces, APromiseTheExpectationLeavesOutIsNamedWithItsState) {
  Trace actual = observed({log("a"), log("b"), log("c")});
  actual.final["p2"] = Json::array({"fulfilled", 2});
  const Comparison c = compareTraces(expectation(), actual, nullptr);
  EXPECT_EQ(c.level, Level::None);
  EXPECT_NE(c.why.find(R"(p2 was bound when the case ran (final state ["fulfilled",2]) but is missing from )"
                       R"(/expect/final; add "p2": ["fulfilled",2])"),
            std::string::npos)
      << c.why;
}

TEST(CompareTraces, AFailedRunIsNone) {
  Trace failed;
  failed.failure = "timed out";
  EXPECT_EQ(compareTraces(expectation(), failed, nullptr).level, Level::None);
}

TEST(CompareTraces, RegistrationOrderEdgesOrderOtherwiseIndependentJobs) {
  // Jobs 1 and 2 are both enqueued by the script, but job 2 must follow job 1 ("after" edge), as the
  // second handler of one promise must follow the first.
  Trace w = witness();
  w.jobs[2].after = {1};
  EXPECT_EQ(compareTraces(expectation(), observed({log("b"), log("a"), log("c")}), &w).level, Level::Outcome);
}

}  // namespace
}  // namespace pc
