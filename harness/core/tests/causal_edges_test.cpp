// Each edge of the causal level (spec/levels.md) on its own: a witness whose happens-before relation
// holds that edge, a trace that respects it (causal) and one that breaks only that edge, which must
// fall to outcome. The witnesses are written out by hand, as the reference would journal them.
#include <gtest/gtest.h>

#include "harness/core/compare.hpp"

namespace pc {
namespace {

Json log(const char* label) { return Json::array({label, Json{{"undefined", true}}}); }

JobRecord job(int id, int enqueuedBy, std::size_t afterEvents, const char* kind, double time = 0,
              std::vector<int> after = {}) {
  return {id, enqueuedBy, afterEvents, kind, "", std::move(after), time};
}

Trace witnessOf(std::vector<Json> events, std::vector<int> eventJob, std::vector<JobRecord> jobs) {
  Trace t;
  t.events = std::move(events);
  t.eventJob = std::move(eventJob);
  t.jobs = std::move(jobs);
  return t;
}

// The expectation is the witness's events; the subject's trace lists them in `order`.
Level levelOf(const Trace& witness, std::vector<Json> order) {
  Trace expected;
  expected.events = witness.events;
  Trace actual;
  actual.events = std::move(order);
  return compareTraces(expected, actual, &witness).level;
}

TEST(CausalEdges, E1ProgramOrderKeepsTheEventsOfOneJobInOrder) {
  // p.then(v => { log("a"); log("b"); })
  const Trace w =
      witnessOf({log("a"), log("b")}, {1, 1}, {job(0, -1, 0, "script"), job(1, 0, 0, "PromiseReactionJob")});
  EXPECT_EQ(levelOf(w, {log("a"), log("b")}), Level::Exact);
  EXPECT_EQ(levelOf(w, {log("b"), log("a")}), Level::Outcome);
}

TEST(CausalEdges, E2RunToCompletionOrdersEventsAfterTheEnqueuePointToo) {
  // p = Promise.resolve(); p.then(() => log("handler")); log("after then")
  // The reaction job was enqueued before the script logged, yet the script's log comes first: a
  // library that runs the handler inside then() breaks exactly this.
  const Trace w = witnessOf({log("after then"), log("handler")}, {0, 1},
                            {job(0, -1, 0, "script"), job(1, 0, 0, "PromiseReactionJob")});
  EXPECT_EQ(levelOf(w, {log("after then"), log("handler")}), Level::Exact);
  EXPECT_EQ(levelOf(w, {log("handler"), log("after then")}), Level::Outcome);
}

TEST(CausalEdges, E2IsTransitiveThroughTheJobsAJobEnqueues) {
  // The script logs last; job 1 (its handler) enqueues job 2, which logs "grandchild".
  const Trace w =
      witnessOf({log("script"), log("grandchild")}, {0, 2},
                {job(0, -1, 0, "script"), job(1, 0, 0, "PromiseReactionJob"), job(2, 1, 0, "PromiseReactionJob")});
  EXPECT_EQ(levelOf(w, {log("grandchild"), log("script")}), Level::Outcome);
}

TEST(CausalEdges, E2DoesNotOrderSiblingJobs) {
  // Two handlers on two different promises: either order is a legal schedule.
  const Trace w =
      witnessOf({log("a"), log("b")}, {1, 2},
                {job(0, -1, 0, "script"), job(1, 0, 0, "PromiseReactionJob"), job(2, 0, 0, "PromiseReactionJob")});
  EXPECT_EQ(levelOf(w, {log("b"), log("a")}), Level::Causal);
}

TEST(CausalEdges, E3RegistrationOrderKeepsTheHandlersOfOnePromiseInOrder) {
  // p.then(() => log("first")); p.then(() => log("second")): job 2 is "after" job 1.
  const Trace w = witnessOf(
      {log("first"), log("second")}, {1, 2},
      {job(0, -1, 0, "script"), job(1, 0, 0, "PromiseReactionJob"), job(2, 0, 0, "PromiseReactionJob", 0, {1})});
  EXPECT_EQ(levelOf(w, {log("first"), log("second")}), Level::Exact);
  EXPECT_EQ(levelOf(w, {log("second"), log("first")}), Level::Outcome);
}

// all([rejectsAt10, fulfillsAt20]).catch(() => log("caught")); the timer at 20 logs "late input".
// The catch handler runs at t=10, enqueued by the timer at 10, not by the script.
Trace firstRejectionWitness() {
  return witnessOf({log("caught"), log("late input")}, {2, 3},
                   {job(0, -1, 0, "script"), job(1, 0, 0, "timer", 10), job(2, 1, 0, "PromiseReactionJob", 10),
                    job(3, 0, 0, "timer", 20, {1})});
}

TEST(CausalEdges, E4VirtualTimeRunsWorkOfTimeTBeforeTimersDueLater) {
  const Trace w = firstRejectionWitness();
  EXPECT_EQ(levelOf(w, {log("caught"), log("late input")}), Level::Exact);
  EXPECT_EQ(levelOf(w, {log("late input"), log("caught")}), Level::Outcome)
      << "a combinator that waits for every input holds its handler back past a later timer";
}

TEST(CausalEdges, E4IsStrictAboutTimeSoTimersDueAtTheSameTimeAreNotOrderedByIt) {
  // Two timers due at 5; the first one's handler (a microtask at t=5) and the second timer may run
  // in either order: A+ allows a library to schedule handlers as macrotasks.
  const Trace w = witnessOf({log("handler of first"), log("second timer")}, {2, 3},
                            {job(0, -1, 0, "script"), job(1, 0, 0, "timer", 5), job(2, 1, 0, "PromiseReactionJob", 5),
                             job(3, 0, 0, "timer", 5, {1})});
  EXPECT_EQ(levelOf(w, {log("second timer"), log("handler of first")}), Level::Causal);
}

TEST(CausalEdges, E4TimersRunInTheOrderTheyAreDue) {
  const Trace w = witnessOf({log("at 10"), log("at 20")}, {1, 2},
                            {job(0, -1, 0, "script"), job(1, 0, 0, "timer", 10), job(2, 0, 0, "timer", 20, {1})});
  EXPECT_EQ(levelOf(w, {log("at 20"), log("at 10")}), Level::Outcome);
}

TEST(CausalEdges, E5HostReportsComeAfterEveryJobOfTheirMacrotask) {
  // Promise.reject(1) and a handler elsewhere: Node reports the rejection after the checkpoint.
  const Json unhandled{{"unhandled", "p"}, {"reason", 1}};
  const Trace w =
      witnessOf({log("handler"), unhandled}, {1, 2},
                {job(0, -1, 0, "script"), job(1, 0, 0, "PromiseReactionJob"), job(2, -1, 1, "host", 0, {0, 1})});
  EXPECT_EQ(levelOf(w, {log("handler"), unhandled}), Level::Exact);
  EXPECT_EQ(levelOf(w, {unhandled, log("handler")}), Level::Outcome);
}

TEST(CausalEdges, EqualEventsAreInterchangeableWhereverTheSearchMustLookAhead) {
  // Jobs 1 and 2 both log "x"; job 2 enqueues job 3, which logs "y". The trace x, y, x is a linear
  // extension only if its first "x" is job 2's: taking the earliest equal event would miss it.
  const Trace w = witnessOf({log("x"), log("x"), log("y")}, {1, 2, 3},
                            {job(0, -1, 0, "script"), job(1, 0, 0, "PromiseReactionJob"),
                             job(2, 0, 0, "PromiseReactionJob"), job(3, 2, 1, "PromiseReactionJob")});
  EXPECT_EQ(levelOf(w, {log("x"), log("y"), log("x")}), Level::Causal);
  EXPECT_EQ(levelOf(w, {log("y"), log("x"), log("x")}), Level::Outcome);
}

TEST(CausalEdges, TheMessageNamesTheEventThatCameTooEarlyAndTheEdgeItBroke) {
  const Trace w = firstRejectionWitness();
  Trace expected;
  expected.events = w.events;
  Trace actual;
  actual.events = {log("late input"), log("caught")};
  const Comparison c = compareTraces(expected, actual, &w);
  EXPECT_NE(c.why.find("event 1 [\"late input\""), std::string::npos) << c.why;
  EXPECT_NE(c.why.find("after [\"caught\""), std::string::npos) << c.why;
  EXPECT_NE(c.why.find("E4 virtual time"), std::string::npos) << c.why;
}

TEST(CausalEdges, ASubjectSeenBreakingRunToCompletionIsNotCausalEvenInTheExpectedOrder) {
  const Trace w = firstRejectionWitness();
  Trace expected;
  expected.events = w.events;
  Trace actual = expected;
  actual.brokeRunToCompletion = "a handler ran concurrently with the code that registered it";
  const Comparison c = compareTraces(expected, actual, &w);
  EXPECT_EQ(c.level, Level::Outcome);
  EXPECT_EQ(c.why, *actual.brokeRunToCompletion);
}

}  // namespace
}  // namespace pc
