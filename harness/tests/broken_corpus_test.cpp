// One broken case file among good ones: a clear error for it, results for all the others.
#include <gtest/gtest.h>

#include <sstream>

#include "harness/cli/corpus.hpp"
#include "harness/report/console.hpp"
#include "harness/tests/fakes.hpp"

namespace pc::tests {
namespace {

struct Breakage {
  const char* name;
  const char* text;     // the broken file's contents
  const char* pointer;  // where the problem is
};

class BrokenCorpus : public testing::TestWithParam<Breakage> {};

TEST_P(BrokenCorpus, ReportsTheBrokenFileAndRunsTheOthers) {
  ScratchDir dir;
  writeRules(dir, "rules");
  for (const std::string id : {"a/first", "b/second", "c/third"}) dir.write("cases/" + id + ".json", validCaseText(id));
  dir.write("cases/b/broken.json", GetParam().text);

  const cli::Corpus corpus = cli::loadCorpus(dir.path() / "cases", dir.path() / "rules");
  ASSERT_EQ(corpus.cases.size(), 3u);
  ASSERT_EQ(corpus.invalid.size(), 1u);
  EXPECT_EQ(corpus.invalid[0].id, "b/broken");
  const std::string& message = corpus.invalid[0].message;
  EXPECT_NE(message.find("broken.json: " + std::string(GetParam().pointer)), std::string::npos) << message;

  ScriptedSubject lib("lib", FeatureSet::all());
  const std::vector<SubjectPlan> plans = {{&lib, Level::Exact}};
  const SuiteResult suite = runSuite(corpus.cases, corpus.invalid, plans, nullptr);
  EXPECT_EQ(suite.summaries[0].pass, 3u);
  EXPECT_EQ(suite.summaries[0].invalid, 1u);
  std::ostringstream out;
  writeConsoleReport(out, suite, {});
  EXPECT_NE(out.str().find("INVALID b/broken"), std::string::npos) << out.str();
}

INSTANTIATE_TEST_SUITE_P(
    Kinds, BrokenCorpus,
    testing::Values(Breakage{"BadJsonSyntax", R"({"id": "b/broken", "title": )", ""},
                    Breakage{"UnknownVerb", R"({"id": "b/broken", "title": "t", "rules": ["es.Test"],
                               "program": [{"thne": "p"}], "expect": {"trace": [], "final": {}}})",
                             "/program/0"},
                    Breakage{"IdDoesNotMatchPath", R"({"id": "b/other", "title": "t", "rules": ["es.Test"],
                               "program": [], "expect": {"trace": [], "final": {}}})",
                             "/id"},
                    Breakage{"UnknownRule", R"({"id": "b/broken", "title": "t", "rules": ["es.NoSuchRule"],
                               "program": [], "expect": {"trace": [], "final": {}}})",
                             "/rules/0"}),
    [](const testing::TestParamInfo<Breakage>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace pc::tests
