// The conformance report: counts per level, the rules matrix, failing cases side by side, findings
// per library, Markdown determinism and the staleness check. The suite is written out by hand, result by
// result, so every expected number below can be counted from the table in suiteResults().
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "harness/report/conformance_build.hpp"
#include "harness/report/conformance_markdown.hpp"
#include "harness/report/conformance_report.hpp"
#include "harness/tests/fakes.hpp"

namespace pc {
namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const std::string kCrash = "threw std::future_error: Promise already satisfied";

RuleCatalog catalog() {
  RuleCatalog rules;
  rules.add({"es.A", "es", "a test", "Rule A holds.", RuleStatus::Confirmed, "", {}});
  rules.add({"es.B", "es", "a test", "Rule B holds.", RuleStatus::Confirmed, "", {}});
  rules.add({"es.C", "es", "a test", "Rule C has no case.", RuleStatus::Confirmed, "", {}});
  return rules;
}

Case caseCiting(const std::string& id, std::vector<std::string> rules, FeatureSet features = {}) {
  Case c = tests::makeCase(id, features);
  c.rules = std::move(rules);
  return c;
}

FeatureSet thenables() {
  FeatureSet f;
  f.add(Feature::Thenables);
  return f;
}

std::vector<Case> cases() {
  return {caseCiting("c/four", {"es.B"}), caseCiting("c/one", {"es.A"}),
          caseCiting("c/thenable", {"es.A"}, thenables()), caseCiting("c/three", {"es.B"}),
          caseCiting("c/two", {"es.A", "es.B"})};
}

CaseResult result(const std::string& subject, const std::string& id, Status status, Level level,
                  std::string message = "") {
  CaseResult r;
  r.subject = subject;
  r.caseId = id;
  r.status = status;
  r.level = level;
  r.message = std::move(message);
  if (producedNoTrace(status)) r.actual = tests::crashedTrace(r.message);
  if (status == Status::Pass || status == Status::Fail) r.actual = tests::makeCase(id).expected;
  return r;
}

// ref (exact):       everything passes at exact; c/bad is an invalid file everywhere.
// lib/fast (causal): c/one exact; c/two fails at outcome; c/three and c/four crash; c/thenable n/a.
// lib/slow (causal): c/one, c/two causal; c/three fails reaching nothing; c/four exact; c/thenable n/a.
std::vector<CaseResult> suiteResults() {
  const Level E = Level::Exact, C = Level::Causal, O = Level::Outcome, N = Level::None;
  std::vector<CaseResult> r;
  for (const char* id : {"c/four", "c/one", "c/thenable", "c/three", "c/two"})
    r.push_back(result("ref", id, Status::Pass, E));
  r.push_back(result("ref", "c/bad", Status::Invalid, N, "broken"));
  r.push_back(result("lib/fast", "c/bad", Status::Invalid, N, "broken"));
  r.push_back(result("lib/fast", "c/four", Status::Crash, N, kCrash));
  r.push_back(result("lib/fast", "c/one", Status::Pass, E));
  r.push_back(result("lib/fast", "c/thenable", Status::NotApplicable, N, "needs thenables"));
  r.push_back(result("lib/fast", "c/three", Status::Crash, N, kCrash));
  r.push_back(result("lib/fast", "c/two", Status::Fail, O, "the events are in another order"));
  r.back().actual.events = {Json::array({"got", 2})};
  r.push_back(result("lib/slow", "c/bad", Status::Invalid, N, "broken"));
  r.push_back(result("lib/slow", "c/four", Status::Pass, E));
  r.push_back(result("lib/slow", "c/one", Status::Pass, C));
  r.push_back(result("lib/slow", "c/thenable", Status::NotApplicable, N, "needs thenables"));
  r.push_back(result("lib/slow", "c/three", Status::Fail, N, "p is pending, expected fulfilled"));
  r.push_back(result("lib/slow", "c/two", Status::Pass, C));
  return r;
}

SuiteResult suiteOf(std::vector<CaseResult> results) {
  SuiteResult suite;
  suite.results = std::move(results);
  for (const auto& [name, required] :
       {std::pair{"ref", Level::Exact}, {"lib/fast", Level::Causal}, {"lib/slow", Level::Causal}})
    suite.summaries.push_back(summarize(name, required, suite.results));
  return suite;
}

std::vector<ReportSubject> subjects(FeatureSet libFeatures = FeatureSet::all().missingFrom(thenables())) {
  return {{"ref", "", "the reference", FeatureSet::all(), true},
          {"lib/fast", "Lib 1", "continuations on threads", libFeatures, false},
          {"lib/slow", "Lib 1", "continuations inline", libFeatures, true}};
}

Json build(const std::vector<CaseResult>& results, const std::vector<ReportSubject>& about = subjects()) {
  const SuiteResult suite = suiteOf(results);
  const std::vector<Case> cs = cases();
  const RuleCatalog rules = catalog();
  return buildConformanceReport({suite, cs, rules, about});
}

const Json& subjectIn(const Json& report, const std::string& name) {
  for (const Json& s : report.at("subjects"))
    if (s.at("name") == name) return s;
  throw std::runtime_error("no subject " + name);
}

Json counts(std::size_t pass, std::size_t fail, std::size_t na, std::size_t crashed, std::size_t invalid) {
  return {{"pass", pass},     {"fail", fail}, {"not-applicable", na}, {"library-error", 0},
          {"crash", crashed}, {"hang", 0},    {"harness-error", 0},   {"invalid", invalid}};
}

TEST(ConformanceReport, CountsEveryStatusAtEachLevel) {
  const Json report = build(suiteResults());
  const Json& fast = subjectIn(report, "lib/fast").at("counts");
  EXPECT_EQ(fast.at("outcome"), counts(2, 0, 1, 2, 1));
  EXPECT_EQ(fast.at("causal"), counts(1, 1, 1, 2, 1));
  EXPECT_EQ(fast.at("exact"), counts(1, 1, 1, 2, 1));
  const Json& slow = subjectIn(report, "lib/slow").at("counts");
  EXPECT_EQ(slow.at("outcome"), counts(3, 1, 1, 0, 1));
  EXPECT_EQ(slow.at("causal"), counts(3, 1, 1, 0, 1));
  EXPECT_EQ(slow.at("exact"), counts(1, 3, 1, 0, 1));
  EXPECT_EQ(subjectIn(report, "ref").at("counts").at("exact"), counts(5, 0, 0, 0, 1));
}

TEST(ConformanceReport, SubjectsKeepRegistryOrderAndSayWhatTheyAre) {
  const Json report = build(suiteResults());
  ASSERT_EQ(report.at("subjects").size(), 3u);
  EXPECT_EQ(report["subjects"][0]["name"], "ref");
  EXPECT_EQ(report["subjects"][1]["name"], "lib/fast");
  const Json& fast = subjectIn(report, "lib/fast");
  EXPECT_EQ(fast.at("library"), "Lib 1");
  EXPECT_EQ(fast.at("required"), "causal");
  EXPECT_EQ(fast.at("deterministic"), false);
  const Json features = fast.at("features");
  EXPECT_EQ(std::count(features.begin(), features.end(), Json("thenables")), 0);
  EXPECT_EQ(std::count(features.begin(), features.end(), Json("timers")), 1);
  EXPECT_EQ(fast.at("notApplicable").at("byFeature"),
            Json::parse(R"([{"feature": "thenables", "cases": 1, "example": "c/thenable"}])"));
}

TEST(ConformanceReport, MatrixCellsCountTheRulesCasesAtTheRequiredLevel) {
  const Json report = build(suiteResults());
  ASSERT_EQ(report.at("matrix").size(), 3u);
  const Json& a = report["matrix"][0];
  const Json& b = report["matrix"][1];
  const Json& c = report["matrix"][2];
  EXPECT_EQ(a.at("rule"), "es.A");
  EXPECT_EQ(a["cells"]["ref"], Json::parse(R"({"pass": 3, "fail": 0, "no-trace": 0})"));
  EXPECT_EQ(a["cells"]["lib/fast"], Json::parse(R"({"pass": 1, "fail": 1, "no-trace": 0})"));
  EXPECT_EQ(b["cells"]["lib/fast"], Json::parse(R"({"pass": 0, "fail": 1, "no-trace": 2})"));
  EXPECT_EQ(b["cells"]["lib/slow"], Json::parse(R"({"pass": 2, "fail": 1, "no-trace": 0})"));
  EXPECT_EQ(c["cells"]["lib/slow"], Json::parse(R"({"pass": 0, "fail": 0, "no-trace": 0})"));

  const std::string rules = renderConformanceMarkdown(report).at("rules.md");
  EXPECT_TRUE(has(rules, "| `es.A` | 3/3 | **1/2** | 2/2 |")) << rules;
  EXPECT_TRUE(has(rules, "| `es.B` | 3/3 | **0/3** †2 | **2/3** |")) << rules;
  EXPECT_TRUE(has(rules, "| `es.C` | n/a | n/a | n/a |")) << rules;
}

TEST(ConformanceReport, OnlyFailingCasesCarryTraces) {
  const Json report = build(suiteResults());
  const Json& fast = subjectIn(report, "lib/fast").at("failures");
  std::vector<std::string> ids;
  for (const Json& f : fast) ids.push_back(f.at("case"));
  EXPECT_EQ(ids, (std::vector<std::string>{"c/four", "c/three", "c/two"}));
  EXPECT_TRUE(subjectIn(report, "ref").at("failures").empty());
  EXPECT_EQ(fast[2].at("actual").at("trace"), Json::parse(R"([["got", 2]])"));
  EXPECT_EQ(fast[2].at("expected").at("trace"), Json::parse(R"([["got", 1]])"));
  EXPECT_EQ(fast[0].at("actual").at("failure"), kCrash);
}

TEST(ConformanceReport, AFailingCaseIsShownSideBySideWithItsRules) {
  const ReportFiles files = renderConformanceMarkdown(build(suiteResults()));
  ASSERT_TRUE(files.contains("subjects/lib-fast.md"));
  const std::string& page = files.at("subjects/lib-fast.md");
  const std::size_t at = page.find("### `c/two`");
  ASSERT_NE(at, std::string::npos) << page;
  const std::string section = page.substr(at, page.find("### ", at + 4) - at);
  EXPECT_TRUE(has(section, "- verdict: reaches outcome, needs causal")) << section;
  EXPECT_TRUE(has(section, "- why: the events are in another order")) << section;
  EXPECT_TRUE(has(section, "- rule `es.A`: Rule A holds.")) << section;
  EXPECT_TRUE(has(section, "- rule `es.B`: Rule B holds.")) << section;
  EXPECT_TRUE(has(section, "```\n  expected")) << section;
  EXPECT_TRUE(has(section, "| lib/fast\n")) << "the actual column is titled with the subject: " << section;
  EXPECT_TRUE(has(section, "> [\"got\",1]")) << "the first differing row is marked: " << section;
  EXPECT_TRUE(has(section, "| [\"got\",2]")) << section;
  EXPECT_FALSE(has(files.at("subjects/ref.md"), "### ")) << "a subject with no failing case lists none";
}

TEST(ConformanceReport, LibrarySummaryIsFindingsByVariantAndWhatItDoesNotOffer) {
  const Json report = build(suiteResults());
  ASSERT_EQ(report.at("libraries").size(), 1u) << "ref has no library; the two lib/ variants share one";
  const Json& lib = report["libraries"][0];
  EXPECT_EQ(lib.at("subjects"), Json::parse(R"(["lib/fast", "lib/slow"])"));
  EXPECT_EQ(lib.at("missingFeatures"), Json::parse(R"([{"feature": "thenables", "javascriptOnly": true, "cases": 1,
                                                        "example": "c/thenable", "subjects": ["lib/fast", "lib/slow"]}])"));
  // lib/fast crashed twice; no other finding holds for this hand-made suite.
  ASSERT_EQ(lib.at("findings").size(), 1u) << lib.at("findings").dump(1);
  const Json& crashes = lib.at("findings")[0];
  EXPECT_EQ(crashes.at("id"), "crashes");
  EXPECT_EQ(
      crashes.at("variants"),
      Json::parse(
          R"({"lib/fast": {"cases": 2, "example": "c/four", "details": ["threw std::future_error: Promise already satisfied"]}})"));
  EXPECT_EQ(subjectIn(report, "lib/fast").at("failures")[0].at("finding"), "crashes");
  EXPECT_FALSE(subjectIn(report, "lib/slow").at("failures")[0].contains("finding"));
  EXPECT_EQ(subjectIn(report, "lib/slow").at("notApplicable").at("javascriptOnly"), 1);

  const ReportFiles files = renderConformanceMarkdown(report);
  const std::string& index = files.at("conformance.md");
  EXPECT_TRUE(has(index, "### Lib 1")) << index;
  EXPECT_TRUE(
      has(index, "| The process crashes. | yes, 2 cases (threw std::future\\_error: Promise already satisfied) | – |"))
      << index;
  EXPECT_TRUE(has(index, "- JavaScript-only, so not applicable: thenables (1 case).")) << index;
  EXPECT_TRUE(has(index, "- Does not offer: nothing the cases need.")) << index;
  EXPECT_TRUE(has(files.at("rules.md"), "| `es.A` |")) << "the matrix has a page of its own";
  EXPECT_FALSE(has(index, "| `es.A` |")) << index;
  const std::string& slow = files.at("subjects/lib-slow.md");
  EXPECT_TRUE(has(slow, "### Other differences (1 case)")) << slow;
  EXPECT_TRUE(has(files.at("subjects/lib-fast.md"), "### The process crashes. (2 cases)"));
}

TEST(ConformanceReport, ALibraryShowsADozenFindingsAndNamesTheRest) {
  Json all = Json::array();
  for (int i = 0; i < 14; ++i) all.push_back({{"id", "d" + std::to_string(i)}, {"difference", i != 3}});
  const auto [kept, omitted] = conformance::shortList(all);
  EXPECT_EQ(kept.size(), 12u);
  ASSERT_EQ(omitted.size(), 2u);
  EXPECT_EQ(omitted[0].at("id"), "d3") << "the fact goes first";
  EXPECT_EQ(omitted[1].at("id"), "d13") << "then the last difference";
  EXPECT_EQ(conformance::shortList(Json::array({all[0]})).second, Json::array());
}

// A reader of the index gets the findings left out of the table in words, not as ids.
TEST(ConformanceReport, FindingsLeftOutOfTheTableAreSaidInWords) {
  const Json library = {
      {"library", "Lib"},
      {"subjects", Json::array()},
      {"missingFeatures", Json::array()},
      {"findings", Json::array()},
      {"omittedFindings", Json::array({{{"id", "order-attachment"},
                                        {"text", "Continuations run in attachment order."},
                                        {"variants", {{"lib/a", {{"cases", 7}, {"details", Json::array()}}}}}}})}};
  const std::string text = conformance::renderLibrarySummary(library);
  EXPECT_TRUE(has(text, "  - Continuations run in attachment order. (`lib/a`: 7 cases)\n")) << text;
  EXPECT_FALSE(has(text, "`order-attachment`")) << text;
}

TEST(ConformanceReport, SameInputSameBytesWhateverTheOrderOfResults) {
  std::vector<CaseResult> shuffled = suiteResults();
  std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(7));
  const Json a = build(suiteResults()), b = build(shuffled);
  EXPECT_EQ(a.dump(2), b.dump(2));
  const ReportFiles first = renderConformanceMarkdown(a), second = renderConformanceMarkdown(Json::parse(b.dump(2)));
  EXPECT_EQ(first, second);
  EXPECT_EQ(first.size(), 5u);  // the index, the rules page and three subject pages
}

TEST(ConformanceReport, MarkdownKeepsHostileStringsInert) {
  std::vector<CaseResult> results = suiteResults();
  for (CaseResult& r : results)
    if (r.caseId == "c/three" && r.subject == "lib/fast") r.message = "a | b\n# not a heading ``` <b>x</b>";
  const std::string index = renderConformanceMarkdown(build(results)).at("conformance.md");
  EXPECT_TRUE(has(index, "a \\| b \\# not a heading \\`\\`\\` \\<b\\>x\\</b\\>")) << index;
}

TEST(CompareReports, AReportComparedWithItselfIsCurrent) {
  const Json report = build(suiteResults());
  EXPECT_TRUE(compareReports(report, report).empty());
}

std::vector<CaseResult> withLevel(const std::string& subject, const std::string& id, Status status, Level level) {
  std::vector<CaseResult> results = suiteResults();
  for (CaseResult& r : results)
    if (r.subject == subject && r.caseId == id) {
      r.status = status;
      r.level = level;
    }
  return results;
}

TEST(CompareReports, ACountThatChangedOnADeterministicSubjectIsStale) {
  const Json committed = build(suiteResults());
  const Json fresh = build(withLevel("lib/slow", "c/four", Status::Pass, Level::Causal));  // was exact
  const std::vector<std::string> d = compareReports(committed, fresh);
  ASSERT_FALSE(d.empty());
  EXPECT_TRUE(std::any_of(d.begin(), d.end(), [](const std::string& line) {
    return has(line, "subjects[\"lib/slow\"].counts.exact.pass: 1 in the committed report, 0 now");
  })) << testing::PrintToString(d);
}

TEST(CompareReports, CountsOfANondeterministicSubjectMayVary) {
  const Json committed = build(suiteResults());
  // lib/fast: c/one drops from exact to causal (still passes), c/two rises from outcome to causal.
  std::vector<CaseResult> fresh = withLevel("lib/fast", "c/one", Status::Pass, Level::Causal);
  for (CaseResult& r : fresh)
    if (r.subject == "lib/fast" && r.caseId == "c/two") {
      r.status = Status::Pass;
      r.level = Level::Causal;
    }
  EXPECT_TRUE(compareReports(committed, build(fresh)).empty())
      << testing::PrintToString(compareReports(committed, build(fresh)));
  // Even its outcome: which handler settles a shared promise first can change a value.
  const Json failing = build(withLevel("lib/fast", "c/two", Status::Fail, Level::None));
  EXPECT_TRUE(compareReports(committed, failing).empty()) << testing::PrintToString(compareReports(committed, failing));
  // The same change on a deterministic subject is stale.
  EXPECT_FALSE(compareReports(committed, build(withLevel("lib/slow", "c/two", Status::Fail, Level::None))).empty());
}

TEST(CompareReports, ANotApplicableCountThatChangedIsStaleEvenWhenNondeterministic) {
  const Json committed = build(suiteResults());
  // lib/fast now offers thenables, so c/thenable runs (and passes) there.
  std::vector<ReportSubject> about = subjects();
  about[1].features = FeatureSet::all();
  const Json fresh = build(withLevel("lib/fast", "c/thenable", Status::Pass, Level::Exact), about);
  const std::vector<std::string> d = compareReports(committed, fresh);
  EXPECT_TRUE(std::any_of(d.begin(), d.end(), [](const std::string& line) {
    return has(line, "subjects[\"lib/fast\"].notApplicable.cases: 1 in the committed report, 0 now");
  })) << testing::PrintToString(d);
}

TEST(CompareReports, ASubjectMissingFromTheRunIsStale) {
  const Json committed = build(suiteResults());
  Json fresh = committed;
  fresh["subjects"].erase(0);
  const std::vector<std::string> d = compareReports(committed, fresh);
  EXPECT_NE(std::find(d.begin(), d.end(), "subjects.ref: only in the committed report"), d.end())
      << testing::PrintToString(d);
}

TEST(CompareRenderings, MarkdownMustBeTheRenderingOfTheJson) {
  const Json report = build(suiteResults());
  ReportFiles files = renderConformanceMarkdown(report);
  EXPECT_TRUE(compareRenderings(report, files).empty());

  ReportFiles edited = files;
  edited["conformance.md"] += "a note by hand\n";
  EXPECT_EQ(compareRenderings(report, edited).size(), 1u);
  EXPECT_TRUE(has(compareRenderings(report, edited)[0], "conformance.md: not the rendering of conformance.json"));

  ReportFiles extra = files;
  extra["subjects/gone.md"] = "# gone\n";
  EXPECT_EQ(compareRenderings(report, extra),
            std::vector<std::string>{"subjects/gone.md: a page conformance.json does not have"});

  ReportFiles missing = files;
  missing.erase("subjects/ref.md");
  EXPECT_EQ(compareRenderings(report, missing), std::vector<std::string>{"subjects/ref.md: missing"});
}

}  // namespace
}  // namespace pc
