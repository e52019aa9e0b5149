// Containment: a worker that hangs, segfaults, aborts, throws or exits on some cases costs exactly
// those cases; every other case of the batch still gets its trace, and the suite still reports all.
#include <gtest/gtest.h>

#include <sstream>

#include "harness/core/reference_subject.hpp"
#include "harness/isolate/isolated_subject.hpp"
#include "harness/report/json_report.hpp"
#include "harness/run/runner.hpp"

namespace pc {
namespace {

Case logCase(const std::string& id) {
  Case c;
  c.id = id;
  c.program = Json::parse(R"([{"log": "ran", "value": 1}])");
  c.expected.events = {Json::parse(R"(["ran", 1])")};
  return c;
}

std::vector<Case> mixedBatch() {
  std::vector<Case> cases;
  for (const char* id : {"ok/1", "hang/a", "ok/2", "segfault/b", "ok/3", "abort/c", "throw/d", "exit/e", "ok/4"})
    cases.push_back(logCase(id));
  return cases;
}

IsolatedSubject misbehaving() {
  return IsolatedSubject("misbehaving", FeatureSet::all(),
                         ChildCommand{{PC_MISBEHAVING_WORKER}, {}, "the misbehaving worker"},
                         std::chrono::milliseconds(700));
}

std::vector<Trace> runAll(const std::vector<Case>& cases) {
  std::vector<const Case*> batch;
  for (const Case& c : cases) batch.push_back(&c);
  IsolatedSubject subject = misbehaving();
  return subject.run(batch);
}

TEST(Isolation, EveryHealthyCaseOfTheBatchStillRuns) {
  const std::vector<Case> cases = mixedBatch();
  const std::vector<Trace> traces = runAll(cases);
  ASSERT_EQ(traces.size(), cases.size());
  for (std::size_t i = 0; i < cases.size(); ++i) {
    if (!cases[i].id.starts_with("ok/")) continue;
    EXPECT_FALSE(traces[i].failure) << cases[i].id << ": " << traces[i].failure.value_or("");
    EXPECT_EQ(traces[i].events, cases[i].expected.events) << cases[i].id;
  }
}

// The failure of each bad case says what happened to the worker.
TEST(Isolation, EachFaultIsRecordedAsWhatItWas) {
  const std::vector<Case> cases = mixedBatch();
  const std::vector<Trace> traces = runAll(cases);
  const auto failureOf = [&](const std::string& id) {
    for (std::size_t i = 0; i < cases.size(); ++i)
      if (cases[i].id == id) return traces[i].failure.value_or("(no failure)");
    return std::string("(no such case)");
  };
  {
    EXPECT_NE(failureOf("hang/a").find("timed out"), std::string::npos) << failureOf("hang/a");
    EXPECT_NE(failureOf("segfault/b").find("signal 11"), std::string::npos) << failureOf("segfault/b");
    EXPECT_NE(failureOf("abort/c").find("signal 6"), std::string::npos) << failureOf("abort/c");
    // An exception that escapes everything ends in std::terminate, whose words name it.
    EXPECT_NE(failureOf("throw/d").find("std::runtime_error"), std::string::npos) << failureOf("throw/d");
    EXPECT_NE(failureOf("throw/d").find("the library lost its way"), std::string::npos) << failureOf("throw/d");
    EXPECT_NE(failureOf("exit/e").find("exit status 3"), std::string::npos) << failureOf("exit/e");
  }
}

// Through the runner: the bad cases are crashed, the others pass, and the report lists them all.
TEST(Isolation, TheSuiteReportsEveryCase) {
  const std::vector<Case> cases = mixedBatch();
  IsolatedSubject subject = misbehaving();
  ReferenceSubject reference;
  const SubjectPlan plans[] = {{&subject, Level::Exact}};
  const SuiteResult suite = runSuite(cases, {}, plans, &reference);
  ASSERT_EQ(suite.summaries.size(), 1u);
  EXPECT_EQ(suite.summaries[0].pass, 4u);
  EXPECT_EQ(suite.summaries[0].noTrace(), 5u);
  std::ostringstream json;
  writeJsonReport(json, suite);
  const Json report = Json::parse(json.str());
  EXPECT_EQ(report["results"].size(), cases.size());
}

}  // namespace
}  // namespace pc
