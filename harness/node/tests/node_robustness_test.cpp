// The node subject when node misbehaves: a hang or a crash fails only the case in progress, and a
// missing or old node is refused with a message that says what to do. Hangs and crashes come from a
// runner of the tests' own, tests/misbehaving-run.js: run.js, whose worker thread misbehaves at the
// case ids it lists ("hangs", "spins", "stalls", "dies", ...).
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "harness/node/node_locate.hpp"
#include "harness/node/tests/node_test_support.hpp"

namespace pc::node_tests {
namespace {

// A node subject whose runner misbehaves at the case ids tests/misbehaving-run.js lists.
NodeOptions misbehaving() {
  NodeOptions options = testNodeOptions();
  options.runner = std::filesystem::path(PC_NODE_TESTS_DIR) / "misbehaving-run.js";
  return options;
}

Json loggingCase(const std::string& id) {
  return {{"id", id}, {"program", Json::array({{{"log", id}, {"value", 1}}})}};
}

void expectLogged(const Trace& t, const std::string& label) {
  expectTrace(t, Json::array({Json::array({label, 1})}), Json::object());
}

TEST(NodeRobustness, AHangFailsOneCaseAndTheRestRunInAFreshProcess) {
  NodeOptions options = misbehaving();
  options.caseTimeout = std::chrono::milliseconds(1500);
  NodeSubject subject(options);
  auto start = std::chrono::steady_clock::now();
  auto traces = runAll(
      subject, {makeCase(loggingCase("before")), makeCase(loggingCase("hangs")), makeCase(loggingCase("after"))});
  auto took = std::chrono::steady_clock::now() - start;

  expectLogged(traces.at(0), "before");
  ASSERT_TRUE(traces.at(1).failure.has_value());
  EXPECT_NE(traces[1].failure->find("timed out"), std::string::npos) << *traces[1].failure;
  expectLogged(traces.at(2), "after");
  EXPECT_LT(took, std::chrono::seconds(10)) << "the time bound did not cut the hang short";
}

// A loop that never yields is cut short by the CPU budget, long before the case timeout, even when
// it keeps making progress; the hang above, which uses no CPU, is not mistaken for it.
TEST(NodeRobustness, ACaseThatSpinsIsAHangOnceItHasUsedItsCpuBudget) {
  NodeOptions options = misbehaving();
  options.caseTimeout = std::chrono::minutes(10);
  options.caseCpuBudget = std::chrono::milliseconds(300);
  NodeSubject subject(options);
  auto traces = runAll(
      subject, {makeCase(loggingCase("before")), makeCase(loggingCase("spins")), makeCase(loggingCase("after"))});
  expectLogged(traces.at(0), "before");
  ASSERT_TRUE(traces.at(1).failure.has_value());
  EXPECT_EQ(traces[1].failureKind, FailureKind::Hang);
  EXPECT_NE(traces[1].failure->find("busy: node spent 300 ms of CPU time on this case without finishing it"),
            std::string::npos)
      << *traces[1].failure;
  expectLogged(traces.at(2), "after");
}

// A loop that makes no progress (no call into the runtime, no turn of the host loop), as q 1.5.1's
// queue does on self-resolution, is stopped after the stall budget, whatever the CPU budget.
TEST(NodeRobustness, ACaseThatSpinsWithoutProgressIsAHangAfterItsStallBudget) {
  NodeOptions options = misbehaving();
  options.caseTimeout = std::chrono::minutes(10);
  options.caseCpuBudget = std::chrono::minutes(1);
  options.caseStallBudget = std::chrono::milliseconds(80);
  NodeSubject subject(options);
  auto traces = runAll(
      subject, {makeCase(loggingCase("before")), makeCase(loggingCase("stalls")), makeCase(loggingCase("after"))});
  expectLogged(traces.at(0), "before");
  ASSERT_TRUE(traces.at(1).failure.has_value());
  EXPECT_EQ(traces[1].failureKind, FailureKind::Hang);
  EXPECT_NE(traces[1].failure->find("busy: node spent 80 ms of CPU time on this case without progress"),
            std::string::npos)
      << *traces[1].failure;
  expectLogged(traces.at(2), "after");
}

// A case that fails in a worker that had nothing left to run from the cases before it (no timer, no
// immediate, no I/O) fails on its own account, without a run alone: here, one that dies unless it
// is its worker's first.
TEST(NodeRobustness, AFailureWithNothingLeftBehindIsTheCasesOwn) {
  NodeSubject subject(misbehaving());
  auto traces = runAll(subject, {makeCase(loggingCase("before")), makeCase(loggingCase("dies-unless-first")),
                                 makeCase(loggingCase("after"))});
  expectLogged(traces.at(0), "before");
  ASSERT_TRUE(traces.at(1).failure.has_value());
  EXPECT_EQ(traces[1].failureKind, FailureKind::Crash);
  EXPECT_NE(traces[1].failure->find("exit status 71"), std::string::npos) << *traces[1].failure;
  expectLogged(traces.at(2), "after");
}

// After a case that left work behind (a timer), a failure may not be the next case's: it runs alone,
// and what it does alone is its verdict. Here it passes alone.
TEST(NodeRobustness, AFailureAfterWorkLeftBehindIsJudgedByTheCaseAlone) {
  NodeSubject subject(misbehaving());
  auto traces = runAll(subject, {makeCase(loggingCase("leaves-a-timer")), makeCase(loggingCase("dies-unless-first")),
                                 makeCase(loggingCase("after"))});
  expectLogged(traces.at(0), "leaves-a-timer");
  expectLogged(traces.at(1), "dies-unless-first");
  expectLogged(traces.at(2), "after");
}

// An uncaught exception from work a case left behind ends the worker during the next case; that case
// passes alone, and the one before, run alone, throws after answering: the crash is charged to it.
TEST(NodeRobustness, AnExceptionFromWorkLeftBehindIsChargedToTheCaseThatLeftIt) {
  NodeSubject subject(misbehaving());
  auto traces = runAll(subject, {makeCase(loggingCase("before")), makeCase(loggingCase("throws-later")),
                                 makeCase(loggingCase("after"))});
  expectLogged(traces.at(0), "before");
  ASSERT_TRUE(traces.at(1).failure.has_value());
  EXPECT_EQ(traces[1].failureKind, FailureKind::Crash);
  EXPECT_NE(traces[1].failure->find("from work it left behind"), std::string::npos) << *traces[1].failure;
  expectLogged(traces.at(2), "after");
}

TEST(NodeRobustness, ACrashFailsOneCaseAndTheRestRun) {
  NodeSubject subject(misbehaving());
  auto traces =
      runAll(subject, {makeCase(loggingCase("before")), makeCase(loggingCase("dies")), makeCase(loggingCase("after"))});
  expectLogged(traces.at(0), "before");
  ASSERT_TRUE(traces.at(1).failure.has_value());
  EXPECT_NE(traces[1].failure->find("exit status 70"), std::string::npos) << *traces[1].failure;
  expectLogged(traces.at(2), "after");
}

TEST(NodeRobustness, ARunawayCaseFailsInsteadOfGrowingForever) {
  NodeSubject subject(testNodeOptions());
  // A thenable that resolves with itself: each adoption calls its `then` again, logging each time.
  Json runaway = {{"id", "runaway"}, {"program", Json::parse(R"([
                    {"let": "t", "value": {"thenable": {"then": [{"log": "again", "value": 0},
                                                                  {"resolve": {"ref": "t"}}]}}},
                    {"resolved": {"ref": "t"}}
                  ])")}};
  auto traces = runAll(subject, {makeCase(runaway), makeCase(loggingCase("after"))});
  ASSERT_TRUE(traces.at(0).failure.has_value());
  EXPECT_NE(traces[0].failure->find("runaway"), std::string::npos) << *traces[0].failure;
  EXPECT_EQ(traces[0].failureKind, FailureKind::Hang) << "a case that would never end is a hang";
  expectLogged(traces.at(1), "after");
}

// A shell script standing in for node, printing `versionLine` for --version.
std::filesystem::path fakeNode(const std::string& name, const std::string& versionLine) {
  auto path = std::filesystem::path(testing::TempDir()) / name;
  std::ofstream(path) << "#!/bin/sh\necho '" << versionLine << "'\n";
  std::filesystem::permissions(path, std::filesystem::perms::owner_all);
  return path;
}

void expectRefused(const NodeOptions& options, const std::string& mention) {
  try {
    NodeSubject subject(options);
    FAIL() << "a subject was made with " << options.node;
  } catch (const std::runtime_error& e) {
    std::string what = e.what();
    EXPECT_NE(what.find(mention), std::string::npos) << what;
    EXPECT_NE(what.find("npm ci --prefix harness/node"), std::string::npos) << what;
  }
}

TEST(NodeRobustness, AnOldNodeIsRefusedWithTheSetupToRun) {
  NodeOptions options = testNodeOptions();
  options.node = fakeNode("old-node", "v18.19.1");
  expectRefused(options, "needs Node.js >= 22");
}

TEST(NodeRobustness, SomethingThatIsNotNodeIsRefused) {
  NodeOptions options = testNodeOptions();
  options.node = fakeNode("not-node", "hello");
  expectRefused(options, "does not answer `--version` like Node.js");
}

TEST(NodeRobustness, APcNodeThatDoesNotExistIsRefused) {
  const char* old = std::getenv("PC_NODE");
  std::string saved = old ? old : "";
  ::setenv("PC_NODE", "/nonexistent/node", 1);
  expectRefused(testNodeOptions(), "PC_NODE is set to /nonexistent/node");
  if (old)
    ::setenv("PC_NODE", saved.c_str(), 1);
  else
    ::unsetenv("PC_NODE");
}

// The command passes the folder of its runner; a subject made without one says so instead of
// guessing a path.
TEST(NodeRobustness, ASubjectWithoutTheFolderOfItsRunnerIsRefused) {
  try {
    NodeSubject subject{NodeOptions{}};
    FAIL() << "a subject was made without NodeOptions::home";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("NodeOptions::home"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace pc::node_tests
