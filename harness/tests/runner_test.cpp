// The runner: applicability, batching, verdicts, the witness, invalid files and ordering.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <vector>

#include "harness/run/runner.hpp"
#include "harness/tests/fakes.hpp"

namespace pc {
namespace {

using tests::crashedTrace;
using tests::makeCase;
using tests::ScriptedSubject;

FeatureSet only(std::initializer_list<Feature> fs) {
  FeatureSet s;
  for (Feature f : fs) s.add(f);
  return s;
}

const CaseResult& resultOf(const SuiteResult& suite, const std::string& subject, const std::string& id) {
  for (const CaseResult& r : suite.results)
    if (r.subject == subject && r.caseId == id) return r;
  throw std::runtime_error("no result for " + subject + " " + id);
}

TEST(Runner, ACaseNeedingAMissingFeatureIsNotApplicableAndNeverRun) {
  const std::vector<Case> cases = {makeCase("a/plain", only({Feature::Executor})),
                                   makeCase("a/timed", only({Feature::Executor, Feature::Timers}))};
  ScriptedSubject lib("lib", only({Feature::Executor}));
  const std::vector<SubjectPlan> plans = {{&lib, Level::Exact}};
  const SuiteResult suite = runSuite(cases, {}, plans, nullptr);

  EXPECT_EQ(lib.ran, std::vector<std::string>{"a/plain"});
  const CaseResult& na = resultOf(suite, "lib", "a/timed");
  EXPECT_EQ(na.status, Status::NotApplicable);
  EXPECT_NE(na.message.find("timers"), std::string::npos) << na.message;
  EXPECT_EQ(na.message.find("executor"), std::string::npos) << "only missing features are named: " << na.message;
  EXPECT_EQ(resultOf(suite, "lib", "a/plain").status, Status::Pass);
  EXPECT_TRUE(suite.allPassed()) << "not-applicable cases do not make a run fail";
}

TEST(Runner, EachSubjectGetsOneBatch) {
  const std::vector<Case> cases = {makeCase("a/1"), makeCase("a/2"), makeCase("a/3")};
  ScriptedSubject one("one", FeatureSet::all()), two("two", FeatureSet::all());
  const std::vector<SubjectPlan> plans = {{&one, Level::Exact}, {&two, Level::Exact}};
  runSuite(cases, {}, plans, nullptr);
  EXPECT_EQ(one.batches, 1);
  EXPECT_EQ(two.batches, 1);
  EXPECT_EQ(two.ran.size(), 3u);
}

TEST(Runner, AFailureInTheTraceIsItsKindAndDoesNotStopTheOthers) {
  const std::vector<Case> cases = {makeCase("a/1"), makeCase("a/2")};
  ScriptedSubject lib("lib", FeatureSet::all());
  lib.answers["a/1"] = crashedTrace("timed out after 20 s");
  const std::vector<SubjectPlan> plans = {{&lib, Level::Exact}};
  const SuiteResult suite = runSuite(cases, {}, plans, nullptr);
  const CaseResult& crashed = resultOf(suite, "lib", "a/1");
  EXPECT_EQ(crashed.status, Status::Crash);
  EXPECT_EQ(crashed.message, "timed out after 20 s");
  EXPECT_EQ(resultOf(suite, "lib", "a/2").status, Status::Pass);
  EXPECT_FALSE(suite.allPassed());
}

// Each kind of failure keeps its own status, so that a report can tell a library's exception from
// a dead process, a hang and our own fault.
TEST(Runner, EachFailureKindHasItsStatus) {
  const std::pair<FailureKind, Status> kinds[] = {{FailureKind::LibraryError, Status::LibraryError},
                                                  {FailureKind::Crash, Status::Crash},
                                                  {FailureKind::Hang, Status::Hang},
                                                  {FailureKind::HarnessError, Status::HarnessError}};
  for (const auto& [kind, status] : kinds) {
    Trace t;
    t.failure = "why";
    t.failureKind = kind;
    const CaseResult r = judge(makeCase("a/1"), "lib", t, nullptr, Level::Exact);
    EXPECT_EQ(r.status, status) << statusName(status);
    EXPECT_EQ(r.message, "why");
  }
}

TEST(Runner, ADifferentFinalStateFailsAtEveryLevel) {
  const std::vector<Case> cases = {makeCase("a/1")};
  ScriptedSubject lib("lib", FeatureSet::all());
  Trace wrong = cases[0].expected;
  wrong.final["p"] = Json::array({"rejected", 1});
  lib.answers["a/1"] = wrong;
  for (Level required : {Level::Outcome, Level::Causal, Level::Exact}) {
    const std::vector<SubjectPlan> plans = {{&lib, required}};
    const SuiteResult suite = runSuite(cases, {}, plans, nullptr);
    const CaseResult& r = resultOf(suite, "lib", "a/1");
    EXPECT_EQ(r.status, Status::Fail) << levelName(required);
    EXPECT_EQ(r.level, Level::None);
    EXPECT_FALSE(r.message.empty()) << "a failure says why";
    EXPECT_EQ(r.actual.final["p"], Json::array({"rejected", 1})) << "the report keeps what the subject saw";
  }
}

// The same events in another order keep the outcome (same multiset and final states) but not the
// exact order: the verdict then depends on the level the subject must reach.
TEST(Runner, TheRequiredLevelDecidesBetweenPassAndFail) {
  Case c = makeCase("a/order");
  c.expected.events = {Json::array({"A", 1}), Json::array({"B", 2})};
  ScriptedSubject lib("lib", FeatureSet::all());
  Trace swapped = c.expected;
  std::swap(swapped.events[0], swapped.events[1]);
  lib.answers["a/order"] = swapped;
  const std::vector<Case> cases = {c};

  const std::vector<SubjectPlan> lenient = {{&lib, Level::Outcome}};
  const CaseResult pass = resultOf(runSuite(cases, {}, lenient, nullptr), "lib", "a/order");
  EXPECT_EQ(pass.status, Status::Pass);
  EXPECT_EQ(pass.level, Level::Outcome);

  const std::vector<SubjectPlan> strict = {{&lib, Level::Exact}};
  const CaseResult fail = resultOf(runSuite(cases, {}, strict, nullptr), "lib", "a/order");
  EXPECT_EQ(fail.status, Status::Fail);
  EXPECT_EQ(fail.level, Level::Outcome);
}

TEST(Runner, TheWitnessRunsEachCaseOnceEvenWhenItIsAlsoASubject) {
  const std::vector<Case> cases = {makeCase("a/1"), makeCase("a/2")};
  ScriptedSubject reference("reference", FeatureSet::all()), lib("lib", FeatureSet::all());
  const std::vector<SubjectPlan> plans = {{&reference, Level::Exact}, {&lib, Level::Exact}};
  const SuiteResult suite = runSuite(cases, {}, plans, &reference);
  EXPECT_EQ(reference.batches, 1);
  EXPECT_EQ(reference.ran.size(), 2u);
  EXPECT_EQ(resultOf(suite, "reference", "a/2").status, Status::Pass);
  EXPECT_EQ(resultOf(suite, "lib", "a/2").status, Status::Pass);
}

TEST(Runner, TheWitnessRunsEvenWhenNotPlanned) {
  const std::vector<Case> cases = {makeCase("a/1")};
  ScriptedSubject reference("reference", FeatureSet::all()), lib("lib", FeatureSet::all());
  const std::vector<SubjectPlan> plans = {{&lib, Level::Exact}};
  const SuiteResult suite = runSuite(cases, {}, plans, &reference);
  EXPECT_EQ(reference.batches, 1);
  ASSERT_EQ(suite.summaries.size(), 1u) << "the witness is not reported unless planned";
  EXPECT_EQ(suite.summaries[0].subject, "lib");
}

TEST(Runner, AnInvalidFileIsAnInvalidResultOnEverySubject) {
  const std::vector<Case> cases = {makeCase("a/good")};
  const std::vector<InvalidCase> invalid = {{"a/broken", "cases/a/broken.json: /program/0: unknown verb 'thne'"}};
  ScriptedSubject one("one", FeatureSet::all()), two("two", FeatureSet::all());
  const std::vector<SubjectPlan> plans = {{&one, Level::Exact}, {&two, Level::Exact}};
  const SuiteResult suite = runSuite(cases, invalid, plans, nullptr);
  for (const char* s : {"one", "two"}) {
    const CaseResult& r = resultOf(suite, s, "a/broken");
    EXPECT_EQ(r.status, Status::Invalid);
    EXPECT_EQ(r.message, invalid[0].message);
    EXPECT_EQ(resultOf(suite, s, "a/good").status, Status::Pass);
  }
  EXPECT_FALSE(suite.allPassed());
}

TEST(Runner, ResultsAreInPlanOrderThenByCaseId) {
  const std::vector<Case> cases = {makeCase("b/2"), makeCase("a/1"), makeCase("b/1")};
  const std::vector<InvalidCase> invalid = {{"a/2", "broken"}};
  ScriptedSubject zed("zed", FeatureSet::all()), alpha("alpha", FeatureSet::all());
  const std::vector<SubjectPlan> plans = {{&zed, Level::Exact}, {&alpha, Level::Exact}};
  const SuiteResult suite = runSuite(cases, invalid, plans, nullptr);
  std::vector<std::string> order;
  for (const CaseResult& r : suite.results) order.push_back(r.subject + ":" + r.caseId);
  EXPECT_EQ(order, (std::vector<std::string>{"zed:a/1", "zed:a/2", "zed:b/1", "zed:b/2", "alpha:a/1", "alpha:a/2",
                                             "alpha:b/1", "alpha:b/2"}));
}

// A subject breaking its contract (wrong number of traces) must not have traces paired with the
// wrong cases: every case of the batch is reported as crashed instead.
TEST(Runner, AWrongNumberOfTracesCrashesTheWholeBatch) {
  class Short final : public Subject {
   public:
    std::string name() const override { return "short"; }
    FeatureSet features() const override { return FeatureSet::all(); }
    std::vector<Trace> run(std::span<const Case* const> cases) override { return {cases.front()->expected}; }
  } lib;
  const std::vector<Case> cases = {makeCase("a/1"), makeCase("a/2")};
  const std::vector<SubjectPlan> plans = {{&lib, Level::Exact}};
  const SuiteResult suite = runSuite(cases, {}, plans, nullptr);
  for (const CaseResult& r : suite.results) {
    EXPECT_EQ(r.status, Status::HarnessError) << r.caseId << ": a broken contract is our fault";
    EXPECT_NE(r.message.find("returned 1 traces for 2 cases"), std::string::npos) << r.message;
  }
}

TEST(Runner, TheSummaryCountsEachStatusAndTheLowestLevelReached) {
  const std::vector<Case> cases = {makeCase("a/pass"), makeCase("a/crash"),
                                   makeCase("a/timers", only({Feature::Timers}))};
  const std::vector<InvalidCase> invalid = {{"a/bad", "broken"}};
  ScriptedSubject lib("lib", only({Feature::Executor}));
  lib.answers["a/crash"] = crashedTrace("boom");
  const std::vector<SubjectPlan> plans = {{&lib, Level::Causal}};
  const SuiteResult suite = runSuite(cases, invalid, plans, nullptr);
  ASSERT_EQ(suite.summaries.size(), 1u);
  const SubjectSummary& s = suite.summaries[0];
  EXPECT_EQ(s.subject, "lib");
  EXPECT_EQ(s.required, Level::Causal);
  EXPECT_EQ(s.pass, 1u);
  EXPECT_EQ(s.fail, 0u);
  EXPECT_EQ(s.crash, 1u);
  EXPECT_EQ(s.noTrace(), 1u);
  EXPECT_EQ(s.notApplicable, 1u);
  EXPECT_EQ(s.invalid, 1u);
  EXPECT_EQ(s.reached, Level::None) << "a crash reaches no level";
}

// Traces come from other processes and libraries; one the comparison cannot digest (here a string
// that is not UTF-8) is that case's problem and must not end the run.
TEST(Runner, ATraceThatCannotBeComparedFailsOnlyItsCase) {
  const std::vector<Case> cases = {makeCase("a/1"), makeCase("a/2")};
  ScriptedSubject lib("lib", FeatureSet::all());
  Trace garbled = cases[0].expected;
  garbled.events.push_back(Json::array({"\xFF\xFE", 1}));
  lib.answers["a/1"] = garbled;
  const std::vector<SubjectPlan> plans = {{&lib, Level::Exact}};
  SuiteResult suite;
  ASSERT_NO_THROW(suite = runSuite(cases, {}, plans, nullptr));
  const Status garbledStatus = resultOf(suite, "lib", "a/1").status;
  EXPECT_TRUE(garbledStatus == Status::Fail || garbledStatus == Status::HarnessError) << statusName(garbledStatus);
  EXPECT_EQ(resultOf(suite, "lib", "a/2").status, Status::Pass);
}

TEST(Runner, ASubjectThatRanNothingHasNoLevel) {
  const std::vector<Case> cases = {makeCase("a/timers", only({Feature::Timers}))};
  ScriptedSubject lib("lib", only({Feature::Executor}));
  const std::vector<SubjectPlan> plans = {{&lib, Level::Exact}};
  const SuiteResult suite = runSuite(cases, {}, plans, nullptr);
  EXPECT_FALSE(suite.summaries[0].reached.has_value());
  EXPECT_EQ(lib.batches, 0) << "an empty batch is not sent";
}

}  // namespace
}  // namespace pc

namespace pc {
namespace {

// A subject whose batches may run at once: it answers each case with its expectation, except that
// cases whose id ends in "/bad" get a trace in the wrong order, and it counts its batches.
class ShardableSubject final : public Subject {
 public:
  std::string name() const override { return "shardable"; }
  FeatureSet features() const override { return FeatureSet::all(); }
  bool concurrentBatches() const override { return true; }
  std::vector<Trace> run(std::span<const Case* const> cases) override {
    ++batches;
    std::vector<Trace> out;
    for (const Case* c : cases) {
      Trace t = c->expected;
      if (c->id.ends_with("/bad")) t.events.push_back(Json::array({"extra", 1}));
      out.push_back(std::move(t));
    }
    return out;
  }
  std::atomic<int> batches{0};
};

std::vector<Case> manyCases() {
  std::vector<Case> cases;
  for (int i = 0; i < 40; ++i) cases.push_back(tests::makeCase("c/" + std::to_string(i) + (i % 7 == 0 ? "/bad" : "")));
  return cases;
}

SuiteResult runWith(unsigned jobs, int* batches) {
  const std::vector<Case> cases = manyCases();
  ShardableSubject shardable;
  tests::ScriptedSubject plain("plain", FeatureSet::all());
  const std::vector<SubjectPlan> plans = {{&shardable, Level::Exact}, {&plain, Level::Exact}};
  SuiteResult suite = runSuite(cases, {}, plans, nullptr, jobs);
  *batches = shardable.batches;
  return suite;
}

TEST(Runner, ResultsAreTheSameWhateverTheNumberOfJobs) {
  int oneJobBatches = 0, fourJobBatches = 0;
  const SuiteResult one = runWith(1, &oneJobBatches);
  const SuiteResult four = runWith(4, &fourJobBatches);
  EXPECT_EQ(oneJobBatches, 1);
  EXPECT_EQ(fourJobBatches, 4) << "a subject that allows it is split into one shard per job";
  ASSERT_EQ(one.results.size(), four.results.size());
  for (std::size_t i = 0; i < one.results.size(); ++i) {
    const CaseResult &a = one.results[i], &b = four.results[i];
    EXPECT_EQ(a.subject, b.subject);
    EXPECT_EQ(a.caseId, b.caseId);
    EXPECT_EQ(a.status, b.status) << a.caseId;
    EXPECT_EQ(a.message, b.message) << a.caseId;
    EXPECT_EQ(a.actual.events, b.actual.events) << a.caseId;
  }
  ASSERT_EQ(one.summaries.size(), 2u);
  EXPECT_EQ(one.summaries[0].fail, 6u);
  EXPECT_EQ(four.summaries[0].fail, 6u);
  EXPECT_EQ(four.wallTimes.size(), 2u);
}

// A subject that does not allow concurrent batches gets one batch, whatever the jobs.
TEST(Runner, OtherSubjectsGetOneBatchEvenWithManyJobs) {
  const std::vector<Case> cases = manyCases();
  tests::ScriptedSubject plain("plain", FeatureSet::all());
  const std::vector<SubjectPlan> plans = {{&plain, Level::Exact}};
  runSuite(cases, {}, plans, nullptr, 4);
  EXPECT_EQ(plain.batches, 1);
  EXPECT_EQ(plain.ran.size(), cases.size());
}

// A subject that records the schedule of each batch it is given.
class ScheduleRecorder final : public Subject {
 public:
  std::string name() const override { return "threads"; }
  FeatureSet features() const override { return FeatureSet::all(); }
  std::vector<Trace> run(std::span<const Case* const> cases) override {
    return runScheduled(cases, Schedule::AsScheduled);
  }
  std::vector<Trace> runScheduled(std::span<const Case* const> cases, Schedule schedule) override {
    schedules.push_back(schedule);
    std::vector<Trace> traces(cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i) traces[i] = cases[i]->expected;
    return traces;
  }
  std::vector<Schedule> schedules;
};

// Repeated runs alternate schedules, so that both sides of a race with the library's threads are seen.
TEST(Runner, RepeatedRunsAlternateAsScheduledAndLibraryThreadsFirst) {
  const std::vector<Case> cases = manyCases();
  ScheduleRecorder threads;
  const std::vector<SubjectPlan> plans = {{&threads, Level::Exact, 5}};
  runSuite(cases, {}, plans, nullptr, 1);
  std::vector<Schedule> sorted = threads.schedules;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(sorted, (std::vector<Schedule>{Schedule::AsScheduled, Schedule::AsScheduled, Schedule::AsScheduled,
                                           Schedule::LibraryThreadsFirst, Schedule::LibraryThreadsFirst}));
}

}  // namespace
}  // namespace pc

namespace pc {
namespace {

CaseResult verdict(Status status, Level level, std::string message = "") {
  CaseResult r;
  r.caseId = "a/1";
  r.subject = "lib";
  r.status = status;
  r.level = level;
  r.message = std::move(message);
  return r;
}

// A case that ran several times counts at a level only when every run reached it: the verdict is the
// weakest run's, and how often each level was reached is kept.
TEST(RepeatedRuns, TheVerdictIsTheWeakestRunsAndSaysHowOftenEachLevelWasReached) {
  const CaseResult r = combineRuns({verdict(Status::Pass, Level::Exact), verdict(Status::Fail, Level::Outcome, "late"),
                                    verdict(Status::Pass, Level::Causal)});
  EXPECT_EQ(r.status, Status::Fail);
  EXPECT_EQ(r.level, Level::Outcome);
  EXPECT_EQ(r.message, "late");
  ASSERT_TRUE(r.repeats);
  EXPECT_EQ(r.repeats->runs, 3);
  EXPECT_EQ(r.repeats->outcome, 3);
  EXPECT_EQ(r.repeats->causal, 2);
  EXPECT_EQ(r.repeats->exact, 1);
  EXPECT_EQ(howOften(*r.repeats, Level::Outcome), "always");
  EXPECT_EQ(howOften(*r.repeats, Level::Causal), "sometimes");
  EXPECT_EQ(repeatsText(*r.repeats), "in 3 runs: outcome always, causal 2 of 3, exact 1 of 3");
}

TEST(RepeatedRuns, AmongEquallyWeakRunsTheReasonDoesNotDependOnTheirOrder) {
  const CaseResult a = verdict(Status::Fail, Level::Outcome, "a handler ran synchronously");
  const CaseResult b = verdict(Status::Fail, Level::Outcome, "a handler ran concurrently");
  EXPECT_EQ(combineRuns({a, b}).message, combineRuns({b, a}).message);
}

TEST(RepeatedRuns, ARunWithoutATraceIsWeakerThanAnyLevel) {
  const CaseResult r =
      combineRuns({verdict(Status::Fail, Level::None, "wrong"), verdict(Status::Hang, Level::None, "hung")});
  EXPECT_EQ(r.status, Status::Hang);
  EXPECT_EQ(r.repeats->outcome, 0);
  EXPECT_EQ(howOften(*r.repeats, Level::Outcome), "never");
}

TEST(RepeatedRuns, MessagesThatDifferOnlyInWhichEventsShowedTheBreakCountAsTheSame) {
  const std::string a = "event 1 [\"x\",1] is too early: it must come after [\"y\",1] by E3 registration order; more";
  const std::string b = "event 2 [\"z\",2] is too early: it must come after [\"w\",2] by E3 registration order; other";
  EXPECT_EQ(stableReason(a), "an event came too early, against E3 registration order");
  EXPECT_EQ(stableReason(a), stableReason(b));
  EXPECT_EQ(stableReason("the w worker ended (killed by SIGSEGV) while running this case; the w worker's stderr "
                         "ends with: 0x1234"),
            "the w worker ended (killed by SIGSEGV) while running this case");
  EXPECT_TRUE(combineRuns({verdict(Status::Fail, Level::Outcome, a), verdict(Status::Fail, Level::Outcome, b)})
                  .repeats->sameMessage);
}

TEST(RepeatedRuns, AConcurrentHandlerIsOneReasonWhateverJavaScriptItOverlappedInThatRun) {
  const std::string registering = "a handler ran concurrently with the code that registered it or settled its promise";
  const std::string another = "a handler ran concurrently with another handler";
  EXPECT_EQ(stableReason(registering), stableReason(another));
  EXPECT_NE(stableReason(registering), stableReason("a handler ran synchronously inside then()"));
}

}  // namespace
}  // namespace pc
