// Loading a whole cases directory: good files load into pc::Case, each broken file yields errors
// naming it and the JSON pointer of its problem, and no broken file stops the others.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "harness/load/tests/test_support.hpp"

namespace pc::load_tests {
namespace {

Json J(const char* text) { return Json::parse(text); }

// A corpus of good and broken files, each broken one wrong in exactly one way.
class CorpusTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_.writeJson("cases/es/then/b-good.json", goodCase("es/then/b-good"));
    dir_.writeJson("cases/a-good.json", goodCase("a-good"));
    Json adopt = caseWith(J(R"([
      {"new": "p3", "executor": [{"resolve": "B"}]},
      {"new": "p1", "executor": [{"resolve": {"promise": "p3"}}]},
      {"new": "p2", "executor": [{"resolve": "A"}]},
      {"then": "p1", "onFulfilled": [{"log": "p1"}]},
      {"then": "p2", "onFulfilled": [{"log": "p2"}]}
    ])"),
                          J(R"([["p2", "A"], ["p1", "B"]])"),
                          J(R"({"p1": ["fulfilled", "B"], "p2": ["fulfilled", "A"], "p3": ["fulfilled", "B"]})"));
    adopt["id"] = "es/ordering/adopt";
    dir_.writeJson("cases/es/ordering/adopt.json", adopt);
    dir_.write("cases/README.md", "not a case");

    dir_.write("cases/bad/syntax.json", "{\"id\": \"bad/syntax\",\n  \"title\": \"x\"\n  \"rules\": []}");
    broken("bad/wrong-type", [](Json& d) { d["program"][1]["then"] = 7; });
    broken("bad/unknown-verb", [](Json& d) { d["program"].push_back(J(R"({"print": "x"})")); });
    broken("bad/two-verbs", [](Json& d) { d["program"].push_back(J(R"({"then": "p", "catch": "p"})")); });
    broken("bad/unknown-key", [](Json& d) { d["program"][1]["onResolved"] = J("[]"); });
    broken("bad/wrong-id", [](Json& d) { d["id"] = "bad/some-other-name"; });
    broken("bad/unknown-rule", [](Json& d) { d["rules"].push_back("es.NotARule"); });
    broken("bad/unbound-name", [](Json& d) { d["program"].push_back(J(R"({"catch": "nobody"})")); });
    broken("bad/await-outside-async", [](Json& d) { d["program"].push_back(J(R"({"await": {"promise": "p"}})")); });
  }

  template <typename Edit>
  void broken(const std::string& id, Edit edit) {
    Json doc = goodCase(id);
    edit(doc);
    dir_.writeJson("cases/" + id + ".json", doc);
  }

  std::filesystem::path casesDir() const { return dir_.path() / "cases"; }
  std::filesystem::path file(const std::string& id) const { return casesDir() / (id + ".json"); }

  // The errors of one file, as pointer -> messages.
  static std::vector<LoadError> errorsOfFile(const LoadedCases& loaded, const std::filesystem::path& f) {
    std::vector<LoadError> out;
    for (const LoadError& e : loaded.errors)
      if (e.file == f) out.push_back(e);
    return out;
  }

  ScratchDir dir_;
};

TEST_F(CorpusTest, GoodFilesLoadSortedByIdAndBrokenOnesDoNotStopThem) {
  const LoadedCases loaded = loadCases(casesDir(), &testCatalog());
  std::vector<std::string> ids;
  for (const Case& c : loaded.cases) ids.push_back(c.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"a-good", "es/ordering/adopt", "es/then/b-good"}));
}

TEST_F(CorpusTest, EachBrokenFileIsReportedWithItsPointer) {
  const LoadedCases loaded = loadCases(casesDir(), &testCatalog());
  const std::map<std::string, std::pair<std::string, std::string>> expected = {
      {"bad/syntax", {"", "line 3"}},
      {"bad/wrong-type", {"/program/1/then", "needs the name of a promise"}},
      {"bad/unknown-verb", {"/program/2", "no verb"}},
      {"bad/two-verbs", {"/program/2", "one verb"}},
      {"bad/unknown-key", {"/program/1/onResolved", "does not go with 'then'"}},
      {"bad/wrong-id", {"/id", "should be 'bad/wrong-id'"}},
      {"bad/unknown-rule", {"/rules/1", "unknown rule 'es.NotARule'"}},
      {"bad/unbound-name", {"/program/2/catch", "'nobody' is not bound"}},
      {"bad/await-outside-async", {"/program/2", "'await' is only allowed"}},
  };
  for (const auto& [id, where] : expected) {
    const auto errors = errorsOfFile(loaded, file(id));
    EXPECT_TRUE(hasError(errors, where.first, where.second))
        << id << ": expected an error at \"" << where.first << "\" saying \"" << where.second << "\"; got:\n"
        << dump(errors);
  }
  // Nothing but the broken files is reported.
  for (const LoadError& e : loaded.errors) EXPECT_TRUE(e.file.parent_path() == casesDir() / "bad") << formatError(e);
}

TEST_F(CorpusTest, ALoadedCaseCarriesItsParts) {
  const LoadedCases loaded = loadCases(casesDir(), &testCatalog());
  const auto it =
      std::find_if(loaded.cases.begin(), loaded.cases.end(), [](const Case& c) { return c.id == "es/ordering/adopt"; });
  ASSERT_NE(it, loaded.cases.end());
  const Case& c = *it;
  EXPECT_EQ(c.file, file("es/ordering/adopt"));
  EXPECT_EQ(c.title, goodCase()["title"]);
  EXPECT_EQ(c.rules, std::vector<std::string>{"es.PerformPromiseThen"});
  EXPECT_EQ(c.program.size(), 5u);
  EXPECT_EQ(c.program[0]["new"], "p3");
  EXPECT_EQ(c.expected.events, (std::vector<Json>{J(R"(["p2", "A"])"), J(R"(["p1", "B"])")}));
  EXPECT_EQ(c.expected.final["p3"], J(R"(["fulfilled", "B"])"));
  EXPECT_EQ(c.source["id"], "es/ordering/adopt");
  FeatureSet executor;
  executor.add(Feature::Executor);
  EXPECT_EQ(c.features, executor);
}

TEST_F(CorpusTest, WithoutACatalogRuleIdsAreCheckedForTheirFormOnly) {
  const LoadedCases loaded = loadCases(casesDir(), nullptr);
  EXPECT_TRUE(errorsOfFile(loaded, file("bad/unknown-rule")).empty());
  EXPECT_FALSE(errorsOfFile(loaded, file("bad/wrong-id")).empty());
}

TEST(Loader, FormatErrorNamesFileAndPointer) {
  EXPECT_EQ(formatError({"cases/es/x.json", "/program/2/then", "'then' needs the name of a promise"}),
            "cases/es/x.json: /program/2/then: 'then' needs the name of a promise");
  EXPECT_EQ(formatError({"cases/es/x.json", "", "not valid JSON"}), "cases/es/x.json: not valid JSON");
}

TEST(Loader, AMissingDirectoryIsAnError) {
  ScratchDir dir;
  const LoadedCases loaded = loadCases(dir.path() / "nothing-here", nullptr);
  EXPECT_TRUE(loaded.cases.empty());
  ASSERT_EQ(loaded.errors.size(), 1u);
  EXPECT_EQ(loaded.errors[0].file, dir.path() / "nothing-here");
}

TEST(Loader, AFileOutsideTheCasesDirectoryIsAnError) {
  ScratchDir dir;
  const auto f = dir.writeJson("elsewhere/t/case.json", goodCase());
  auto result = loadCaseFile(f, dir.path() / "cases", nullptr);
  ASSERT_TRUE(std::holds_alternative<std::vector<LoadError>>(result));
  EXPECT_TRUE(hasError(std::get<std::vector<LoadError>>(result), "", "not under the cases directory"));
}

TEST(Loader, RelativeAndAbsolutePathsAgreeOnTheId) {
  ScratchDir dir;
  const auto f = dir.writeJson("cases/t/case.json", goodCase());
  const auto cwd = std::filesystem::current_path();
  std::filesystem::current_path(dir.path());
  auto result = loadCaseFile(f, "cases", &testCatalog());
  std::filesystem::current_path(cwd);
  EXPECT_TRUE(std::holds_alternative<Case>(result));
}

}  // namespace
}  // namespace pc::load_tests
