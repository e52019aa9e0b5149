// `promise-conformance record` with the real node subject: V8 answers, and these tests compare its
// answer with expectations worked out by hand from the rules (a handler runs in a job after the
// script; then's derived promise fulfils with the handler's return value).
#include <gtest/gtest.h>

#include "harness/cli/subjects.hpp"
#include "harness/tests/cli_driver.hpp"
#include "harness/tests/fakes.hpp"

namespace pc::cli {
namespace {

using tests::ScratchDir;

constexpr const char* kProgram = R"({
  "id": "t/draft",
  "title": "A handler of a resolved promise runs after the script that registered it",
  "rules": ["es.Test"],
  "program": [
    {"resolved": 1, "as": "p"},
    {"then": "p", "onFulfilled": [{"log": "handler"}], "as": "q"},
    {"log": "script"}
  ])";

constexpr const char* kRightExpect = R"({
    "trace": [
      ["script", {"undefined": true}],
      ["handler", 1]
    ],
    "final": {
      "p": ["fulfilled", 1],
      "q": ["fulfilled", {"undefined": true}]
    }
  })";

// The order of the two events swapped, and q's state wrong.
constexpr const char* kWrongExpect = R"({"trace": [["handler", 1], ["script", {"undefined": true}]],
    "final": {"p": ["fulfilled", 1], "q": ["pending"]}})";

std::string caseText(const char* expect) {
  return std::string(kProgram) + (expect ? std::string(",\n  \"expect\": ") + expect : "") + "\n}\n";
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

class Record : public testing::Test {
 protected:
  Record() { tests::writeRules(dir_, "rules"); }

  tests::CliOutcome record(std::vector<std::string> args) {
    args.insert(args.begin(), "record");
    return tests::runCommand(registry_, dir_.path(), std::move(args));
  }
  std::string draft(const char* expect) {
    dir_.write("cases/t/draft.json", caseText(expect));
    return (dir_.path() / "cases/t/draft.json").string();
  }

  ScratchDir dir_;
  SubjectRegistry registry_ = builtinSubjects(PC_TEST_NODE_DIR);
};

TEST_F(Record, ADraftWithoutExpectShowsV8sAnswerAndChangesNothing) {
  const std::string file = draft(nullptr);
  const auto r = record({file});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_TRUE(has(r.out, "no expectation yet; V8's answer:\n+   \"expect\": {\n")) << r.out;
  EXPECT_TRUE(has(r.out, "+       [\"script\", {\"undefined\": true}],\n+       [\"handler\", 1]\n")) << r.out;
  EXPECT_TRUE(has(r.out, "nothing written: --write applies")) << r.out;
  EXPECT_EQ(tests::readFile(file), caseText(nullptr));
}

TEST_F(Record, WriteFillsInTheExpectationInTheCorpusLayoutAndCheckThenAgrees) {
  const std::string file = draft(nullptr);
  const auto written = record({file, "--write"});
  EXPECT_EQ(written.code, 0) << written.out << written.err;
  EXPECT_TRUE(has(written.out, "read the expectation before you commit it")) << written.out;
  EXPECT_EQ(tests::readFile(file), caseText(kRightExpect));
  const auto checked = record({file, "--check"});
  EXPECT_EQ(checked.code, 0) << checked.out << checked.err;
  EXPECT_TRUE(has(checked.out, "V8 agrees with the expectation")) << checked.out;
}

TEST_F(Record, CheckExitsOneOnAWrongExpectationAndShowsTheLinesThatDiffer) {
  const std::string file = draft(kWrongExpect);
  const auto r = record({file, "--check"});
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_TRUE(has(r.out, "V8 disagrees with the expectation:")) << r.out;
  EXPECT_TRUE(has(r.out, "-   \"expect\": {\"trace\": [[\"handler\", 1], [\"script\", {\"undefined\": true}]],"))
      << r.out;
  EXPECT_TRUE(has(r.out, "+       [\"script\", {\"undefined\": true}],")) << r.out;
  EXPECT_TRUE(has(r.out, "+       \"q\": [\"fulfilled\", {\"undefined\": true}]")) << r.out;
  EXPECT_EQ(tests::readFile(file), caseText(kWrongExpect)) << "--check changes nothing";
  EXPECT_EQ(record({file, "--check", "--write"}).code, 2) << "the two exclude each other";
}

TEST_F(Record, WriteReplacesAWrongExpectationAndKeepsTheRestOfTheFile) {
  const std::string file = draft(kWrongExpect);
  EXPECT_EQ(record({file, "--write"}).code, 0);
  EXPECT_EQ(tests::readFile(file), caseText(kRightExpect));
}

TEST_F(Record, AnInvalidDraftIsReportedWithItsPointerAndNothingRuns) {
  dir_.write("cases/t/draft.json", R"({"id": "t/draft", "title": "x", "rules": ["es.Test"],
    "program": [{"then": "nowhere"}]})");
  const auto r = record({(dir_.path() / "cases/t/draft.json").string()});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(has(r.err, "draft.json: /program/0/then: 'nowhere' is not bound anywhere")) << r.err;
}

// A reviewed corpus file, its expectation taken out, comes back byte for byte.
TEST_F(Record, ACorpusCaseRecordedFromItsDraftIsTheCommittedFile) {
  const std::string id = "es/then/returning-a-promise-from-a-handler-costs-two-jobs";
  const std::string original = tests::readFile(std::filesystem::path(PC_TEST_CASES_DIR) / (id + ".json"));
  const std::size_t cut = original.find(",\n  \"expect\": {");
  ASSERT_NE(cut, std::string::npos);
  std::filesystem::copy(std::filesystem::path(PC_TEST_RULES_DIR), dir_.path() / "rules",
                        std::filesystem::copy_options::overwrite_existing | std::filesystem::copy_options::recursive);
  dir_.write("cases/" + id + ".json", original.substr(0, cut) + "\n}\n");
  const auto r = record({(dir_.path() / "cases" / (id + ".json")).string(), "--write"});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_EQ(tests::readFile(dir_.path() / "cases" / (id + ".json")), original);
}

}  // namespace
}  // namespace pc::cli
