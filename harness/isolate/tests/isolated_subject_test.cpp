// Containment: a worker that hangs, segfaults, aborts, throws or exits on some cases costs exactly
// those cases; every other case of the batch still gets its trace, and the suite still reports all.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
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

// The worker is built with this test's flags. Under the asan and tsan presets the sanitizer catches
// the signal and ends the worker with its one-line summary, which the crash message carries instead.
// (GCC defines __SANITIZE_ADDRESS__ and __SANITIZE_THREAD__; Clang 14 answers __has_feature.)
#if !defined(__has_feature)
#define __has_feature(x) 0
#endif
#if defined(__SANITIZE_ADDRESS__) || __has_feature(address_sanitizer)
constexpr const char* kSegfaultWords = "SUMMARY: AddressSanitizer: SEGV";
#elif defined(__SANITIZE_THREAD__) || __has_feature(thread_sanitizer)
constexpr const char* kSegfaultWords = "SUMMARY: ThreadSanitizer: SEGV";
#else
constexpr const char* kSegfaultWords = "killed by SIGSEGV";
#endif

IsolatedSubject misbehaving() {
  return IsolatedSubject("misbehaving", FeatureSet::all(),
                         ChildCommand{{PC_MISBEHAVING_WORKER}, {}, "the misbehaving worker"},
                         std::chrono::milliseconds(700));
}

std::vector<Trace> runAll(const std::vector<Case>& cases) {
  // Through the subject, as the runner calls it.
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

// The failure of each bad case says what happened to the worker, and which kind of failure it is.
TEST(Isolation, EachFaultIsRecordedAsWhatItWas) {
  const std::vector<Case> cases = mixedBatch();
  const std::vector<Trace> traces = runAll(cases);
  const auto traceOf = [&](const std::string& id) {
    for (std::size_t i = 0; i < cases.size(); ++i)
      if (cases[i].id == id) return traces[i];
    return Trace{};
  };
  const auto failureOf = [&](const std::string& id) { return traceOf(id).failure.value_or("(no failure)"); };
  // Asleep for ever: the worker sees itself deadlocked long before the case timeout.
  EXPECT_NE(failureOf("hang/a").find("deadlock"), std::string::npos) << failureOf("hang/a");
  EXPECT_EQ(traceOf("hang/a").failureKind, FailureKind::Hang);
  EXPECT_NE(failureOf("segfault/b").find(kSegfaultWords), std::string::npos) << failureOf("segfault/b");
  EXPECT_EQ(traceOf("segfault/b").failureKind, FailureKind::Crash);
  EXPECT_NE(failureOf("abort/c").find("killed by SIGABRT"), std::string::npos) << failureOf("abort/c");
  EXPECT_EQ(traceOf("abort/c").failureKind, FailureKind::Crash);
  // An exception that escapes everything ends in std::terminate, whose words name it.
  EXPECT_NE(failureOf("throw/d").find("std::runtime_error"), std::string::npos) << failureOf("throw/d");
  EXPECT_NE(failureOf("throw/d").find("the library lost its way"), std::string::npos) << failureOf("throw/d");
  EXPECT_EQ(traceOf("throw/d").failureKind, FailureKind::Crash);
  EXPECT_NE(failureOf("exit/e").find("exit status 3"), std::string::npos) << failureOf("exit/e");
  EXPECT_EQ(traceOf("exit/e").failureKind, FailureKind::Crash) << "a library that calls exit() crashed the case";
}

// Under the sanitizer presets a worker that ASan stops is a crash whose message is ASan's one-line
// summary, not a lost result.
TEST(Isolation, AWorkerStoppedByASanIsACrashWithItsSummary) {
  const std::vector<Case> cases = {logCase("ok/1"), logCase("asan/a"), logCase("ok/2")};
  const std::vector<Trace> traces = runAll(cases);
  ASSERT_EQ(traces.size(), 3u);
  ASSERT_TRUE(traces[1].failure);
  EXPECT_EQ(traces[1].failureKind, FailureKind::Crash);
  EXPECT_NE(traces[1].failure->find("SUMMARY: AddressSanitizer: heap-use-after-free host.cpp:90"), std::string::npos)
      << *traces[1].failure;
  // The rest of the report (its process id, addresses, stack) differs in every run: left out.
  EXPECT_EQ(traces[1].failure->find("==42=="), std::string::npos) << *traces[1].failure;
  EXPECT_FALSE(traces[2].failure) << "the next case runs in a fresh worker";
}

// A worker that stays busy is stopped by the case timeout: a hang.
TEST(Isolation, ABusyWorkerTimesOutAsAHang) {
  const std::vector<Case> cases = {logCase("spin/a"), logCase("ok/1")};
  const std::vector<Trace> traces = runAll(cases);
  ASSERT_TRUE(traces[0].failure);
  EXPECT_NE(traces[0].failure->find("timed out"), std::string::npos) << *traces[0].failure;
  EXPECT_EQ(traces[0].failureKind, FailureKind::Hang);
  EXPECT_FALSE(traces[1].failure) << *traces[1].failure;
}

// The failure kind and the run-to-completion note travel through the answer line.
TEST(Isolation, AnswersCarryTheFailureKindAndRunToCompletion) {
  const std::vector<Case> cases = {logCase("liberror/a"), logCase("ok/1")};
  const std::vector<Trace> traces = runAll(cases);
  ASSERT_TRUE(traces[0].failure);
  EXPECT_EQ(*traces[0].failure, "threw std::logic_error: broken");
  EXPECT_EQ(traces[0].failureKind, FailureKind::LibraryError);
  EXPECT_EQ(traces[0].brokeRunToCompletion.value_or(""), "a handler ran inside then()");
  EXPECT_FALSE(traces[1].brokeRunToCompletion);
}

TEST(Isolation, AFailureWithoutAKindReadsAsAHarnessError) {
  const Json line = Json::parse(answerLine("x", Trace{}));
  EXPECT_FALSE(line.contains("failureKind")) << "a trace without a failure has no kind";
  Trace failed;
  failed.failure = "no";
  failed.failureKind = FailureKind::Hang;
  EXPECT_EQ(Json::parse(answerLine("x", failed))["failureKind"], "hang");
}

// A crash from a thread case A left behind lands on A, not on B, which was running when it struck.
TEST(Isolation, ACrashFromWorkLeftBehindIsChargedToTheCaseThatLeftIt) {
  const std::vector<Case> cases = {logCase("leaves/A"), logCase("slow/B"), logCase("ok/C")};
  const std::vector<Trace> traces = runAll(cases);
  ASSERT_TRUE(traces[0].failure) << "A's crash was lost";
  EXPECT_NE(traces[0].failure->find("from work it left behind"), std::string::npos) << *traces[0].failure;
  EXPECT_NE(traces[0].failure->find("SIGTRAP"), std::string::npos) << *traces[0].failure;
  EXPECT_EQ(traces[0].failureKind, FailureKind::Crash);
  EXPECT_FALSE(traces[1].failure) << "B passes alone: " << *traces[1].failure;
  EXPECT_EQ(traces[1].events, cases[1].expected.events);
  EXPECT_FALSE(traces[2].failure) << *traces[2].failure;
}

// A case whose crash strikes only as its worker ends, after the batch's last answer, is charged.
TEST(Isolation, ACrashAfterTheLastAnswerIsChargedToTheLastCase) {
  const std::vector<Case> cases = {logCase("ok/1"), logCase("dies-late/A")};
  const std::vector<Trace> traces = runAll(cases);
  EXPECT_FALSE(traces[0].failure) << *traces[0].failure;
  ASSERT_TRUE(traces[1].failure) << "A's crash was lost";
  EXPECT_EQ(traces[1].failureKind, FailureKind::Crash);
  EXPECT_NE(traces[1].failure->find("from work it left behind"), std::string::npos) << *traces[1].failure;
}

// The case that was running when the worker died fails alone, but not by ending its worker: the
// crash is still looked for in the case before it.
TEST(Isolation, ACaseThatFailsAloneWithoutCrashingStillClearsTheOneBefore) {
  const std::vector<Case> cases = {logCase("leaves/A"), logCase("slow/liberror/B"), logCase("ok/C")};
  const std::vector<Trace> traces = runAll(cases);
  ASSERT_TRUE(traces[0].failure) << "A's crash was lost";
  EXPECT_EQ(traces[0].failureKind, FailureKind::Crash);
  EXPECT_NE(traces[0].failure->find("from work it left behind"), std::string::npos) << *traces[0].failure;
  ASSERT_TRUE(traces[1].failure);
  EXPECT_EQ(traces[1].failureKind, FailureKind::LibraryError) << *traces[1].failure;
  EXPECT_FALSE(traces[2].failure) << *traces[2].failure;
}

// Which batches the workers of `subject` ran, one line per worker started, in order.
std::vector<std::string> batchesOf(const std::function<void(IsolatedSubject&)>& use) {
  const std::filesystem::path log =
      std::filesystem::temp_directory_path() / ("pc-misbehaving-starts-" + std::to_string(::getpid()));
  std::filesystem::remove(log);
  IsolatedSubject subject("misbehaving", FeatureSet::all(),
                          ChildCommand{{PC_MISBEHAVING_WORKER}, {"MISBEHAVING_STARTS=" + log.string()}, "the worker"},
                          std::chrono::milliseconds(700));
  use(subject);
  std::vector<std::string> lines;
  std::ifstream in(log);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::filesystem::remove(log);
  return lines;
}

// A case that crashed a worker of its own once gets one of its own in the next batch: the others
// no longer pay for a dead worker, its replacement and a run alone, and the verdicts are the same.
TEST(Isolation, ACaseThatCrashedAloneRunsAloneInTheNextBatch) {
  const std::vector<Case> cases = {logCase("ok/1"), logCase("segfault/b"), logCase("ok/2")};
  std::vector<const Case*> batch;
  for (const Case& c : cases) batch.push_back(&c);
  std::vector<Trace> first, second;
  const std::vector<std::string> workers = batchesOf([&](IsolatedSubject& subject) {
    first = subject.run(batch);
    second = subject.run(batch);
  });
  // The first batch: all three, then segfault/b alone (it was not the worker's first), then ok/2.
  // The second: ok/1, segfault/b alone, ok/2.
  EXPECT_EQ(workers, (std::vector<std::string>{"ok/1 segfault/b ok/2 ", "segfault/b ", "ok/2 ", "ok/1 ", "segfault/b ",
                                               "ok/2 "}));
  for (const std::vector<Trace>* traces : {&first, &second}) {
    ASSERT_EQ(traces->size(), 3u);
    EXPECT_FALSE((*traces)[0].failure);
    EXPECT_EQ((*traces)[1].failureKind, FailureKind::Crash);
    EXPECT_NE((*traces)[1].failure.value_or("").find(kSegfaultWords), std::string::npos);
    EXPECT_FALSE((*traces)[2].failure);
  }
}

// A case that crashed only in the middle of a batch (alone it passes) is not sent alone later; the
// case whose left-behind work crashed it is.
TEST(Isolation, ACaseThatCrashedOnlyAfterAnotherStaysInTheBatch) {
  const std::vector<Case> cases = {logCase("leaves/A"), logCase("slow/B"), logCase("ok/C")};
  std::vector<const Case*> batch;
  for (const Case& c : cases) batch.push_back(&c);
  const std::vector<std::string> workers = batchesOf([&](IsolatedSubject& subject) {
    subject.run(batch);
    subject.run(batch);
  });
  const std::vector<std::string> expected = {"leaves/A slow/B ok/C ", "slow/B ", "leaves/A ", "ok/C ", "leaves/A ",
                                             "slow/B ok/C "};
  EXPECT_EQ(workers, expected);
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
