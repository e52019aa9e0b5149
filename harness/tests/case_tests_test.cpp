// The per-case test binary itself, pointed at a scratch corpus: a good case passes, a wrong
// expectation fails with both traces side by side, and a broken file is a failing test of its own.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "harness/tests/fakes.hpp"

namespace pc::tests {
namespace {

struct Ran {
  int code;
  std::string output;
};

class CaseTestsBinary : public testing::Test {
 protected:
  CaseTestsBinary() {
    writeRules(dir_, "rules");
    dir_.write("cases/t/good.json", validCaseText("t/good"));
    std::string wrong = validCaseText("t/wrong-expectation");
    wrong.replace(wrong.find(R"([["got", 1]])"), 12, R"([["got", 2]])");
    dir_.write("cases/t/wrong-expectation.json", wrong);
    dir_.write("cases/t/broken.json", R"({"id": "t/broken", "title": "t", "rules": ["es.Test"],
      "program": [{"thne": "p"}], "expect": {"trace": [], "final": {}}})");
  }

  Ran run(const std::string& args) {
    const auto out = dir_.path() / "output.txt";
    const std::string command =
        fmt::format("PC_TEST_CASES_DIR='{}' PC_TEST_RULES_DIR='{}' PC_TEST_NODE_CACHE_DIR='{}' '{}' {} > '{}' 2>&1",
                    (dir_.path() / "cases").string(), (dir_.path() / "rules").string(),
                    (dir_.path() / "cache").string(), PC_TEST_CASE_TESTS_BINARY, args, out.string());
    const int status = std::system(command.c_str());
    std::ifstream in(out);
    std::ostringstream text;
    text << in.rdbuf();
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, text.str()};
  }

  ScratchDir dir_;
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST_F(CaseTestsBinary, EveryFileIsATestNamedAfterItsPath) {
  const Ran r = run("--gtest_list_tests");
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.output, "Cases.\n  t_broken\n  t_good\n  t_wrong_expectation\n");
}

TEST_F(CaseTestsBinary, AGoodCasePassesOnTheReferenceAndOnV8) {
  const Ran r = run("--gtest_filter=Cases.t_good");
  EXPECT_EQ(r.code, 0) << r.output;
  EXPECT_TRUE(has(r.output, "[  PASSED  ] 1 test")) << r.output;
}

TEST_F(CaseTestsBinary, AWrongExpectationFailsWithBothTracesSideBySide) {
  const Ran r = run("--gtest_filter=Cases.t_wrong_expectation");
  EXPECT_NE(r.code, 0);
  EXPECT_TRUE(has(r.output, "reference differs from the expectation of t/wrong-expectation")) << r.output;
  EXPECT_TRUE(has(r.output, "node (V8) differs from the expectation of t/wrong-expectation")) << r.output;
  EXPECT_TRUE(has(r.output, "> [\"got\",2]          | [\"got\",1]")) << r.output;
}

TEST_F(CaseTestsBinary, ABrokenFileIsAFailingTestWithFileAndPointer) {
  const Ran r = run("--gtest_filter=Cases.t_broken");
  EXPECT_NE(r.code, 0);
  EXPECT_TRUE(has(r.output, "[  FAILED  ] Cases.t_broken")) << r.output;
  EXPECT_TRUE(has(r.output, "broken.json: /program/0")) << r.output;
}

TEST_F(CaseTestsBinary, TheFixtureStoresV8TracesThatTheTestsThenUse) {
  EXPECT_EQ(run("--fill-node-cache").code, 0);
  std::size_t stored = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir_.path() / "cache"))
    stored += entry.path().extension() == ".json";
  EXPECT_EQ(stored, 2u) << "one per valid case";
  const Ran r = run("--gtest_filter=Cases.t_good:Cases.t_wrong_expectation");
  EXPECT_TRUE(has(r.output, "[  PASSED  ] 1 test")) << r.output;
  EXPECT_TRUE(has(r.output, "node (V8) differs from the expectation of t/wrong-expectation")) << r.output;
}

}  // namespace
}  // namespace pc::tests
