// The promise-conformance command driven in-process, with fake subjects and a scratch corpus.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "harness/cli/context.hpp"
#include "harness/tests/cli_driver.hpp"
#include "harness/tests/fakes.hpp"
#include "harness/tests/xml_check.hpp"

namespace pc::cli {
namespace {

using tests::ScratchDir;
using tests::ScriptedSubject;

using Outcome = tests::CliOutcome;

// Subjects for every verdict: an honest one, one that gets every final state wrong, one that
// crashes, one that logs in reverse order, and one that is not installed.
SubjectRegistry fakeRegistry() {
  const auto make = [](std::string name, void (*setup)(ScriptedSubject&)) {
    return [name, setup] {
      auto s = std::make_unique<ScriptedSubject>(name, FeatureSet::all());
      setup(*s);
      return Opened{std::move(s), {}};
    };
  };
  return {
      {"good", "answers every expectation", Level::Exact, make("good", [](ScriptedSubject&) {})},
      {"failing", "gets every final state wrong", Level::Exact,
       make("failing", [](ScriptedSubject& s) { s.otherwise = Trace{}; })},
      {"crashing", "crashes on everything", Level::Exact,
       make("crashing", [](ScriptedSubject& s) { s.otherwise = tests::crashedTrace("segfault in the library"); })},
      {"reversed", "logs in reverse order", Level::Exact,
       make("reversed", [](ScriptedSubject& s) { s.reverseEvents = true; })},
      {"absent", "a library that is not installed", Level::Exact,
       [] {
         return Opened{nullptr, "libabsent is not installed (apt-get install libabsent-dev)"};
       }},
  };
}

// A corpus of two valid cases (t/one-event with one log, t/two-events with two) and its rules.
class Cli : public testing::Test {
 protected:
  Cli() {
    tests::writeRules(dir_, "rules");
    dir_.write("cases/t/one-event.json", tests::validCaseText("t/one-event"));
    dir_.write("cases/t/two-events.json", R"({
  "id": "t/two-events",
  "title": "Two handlers of one promise run in the order they were added",
  "rules": ["es.Test"],
  "program": [
    {"resolved": 1, "as": "p"},
    {"then": "p", "onFulfilled": [{"log": "first"}]},
    {"then": "p", "onFulfilled": [{"log": "second"}]}
  ],
  "expect": {"trace": [["first", 1], ["second", 1]], "final": {"p": ["fulfilled", 1]}}
})");
  }

  Outcome run(std::vector<std::string> args) { return tests::runCommand(registry_, dir_.path(), std::move(args)); }
  std::string read(const std::filesystem::path& relative) { return tests::readFile(dir_.path() / relative); }

  void breakOneFile() {
    dir_.write("cases/t/broken.json", R"({"id": "t/broken", "title": "x", "rules": ["es.Test"],
    "program": [{"thne": "p"}], "expect": {"trace": [], "final": {}}})");
  }

  ScratchDir dir_;
  SubjectRegistry registry_ = fakeRegistry();
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// t/mirror cites `paths` in its "test262" field.
void writeMirror(const ScratchDir& dir, const std::string& paths) {
  std::string text = tests::validCaseText("t/mirror");
  text.insert(text.find("  \"program\""), "  \"test262\": [" + paths + "],\n");
  dir.write("cases/t/mirror.json", text);
}

TEST_F(Cli, CoverageTest262CountsTheListedFilesByClassAndSaysWhatTheOthersNeed) {
  writeMirror(dir_, R"("built-ins/P/a.js")");
  dir_.write("test262/p.tsv",
             "# a list\n"
             "built-ins/P/a.js\tS\n"
             "built-ins/P/b.js\tS\tneeds: an own then property\n"
             "built-ins/P/c.js\tB\tneeds: a custom iterable\n"
             "built-ins/P/d.js\tN\n"
             "built-ins/P/k.js\tS\tout of goal: not in the pinned node\n");
  const Outcome o = run({"coverage", "--test262"});
  EXPECT_EQ(o.code, 0) << o.out << o.err;
  for (const char* line :
       {"S    1/2     50.0%", "B    0/1      0.0%", "S built-ins/P/b.js  needs: an own then property",
        "B built-ins/P/c.js  needs: a custom iterable", "1  out of goal: not in the pinned node"})
    EXPECT_TRUE(has(o.out, line)) << line << " in " << o.out;
  EXPECT_FALSE(has(o.out, "built-ins/P/a.js")) << "a covered file is not listed: " << o.out;
}

TEST_F(Cli, CoverageTest262FailsOnACaseCitingAFileNoListHas) {
  writeMirror(dir_, R"("built-ins/P/a.js", "built-ins/P/typo.js")");
  dir_.write("test262/p.tsv", "built-ins/P/a.js\tS\n");
  const Outcome o = run({"coverage", "--test262"});
  EXPECT_EQ(o.code, 1);
  EXPECT_TRUE(has(o.err, "mirror.json: /test262/1: 'built-ins/P/typo.js' is in no test262 list")) << o.err;
}

TEST_F(Cli, CoverageTest262FailsOnAMissingOrStaleNote) {
  writeMirror(dir_, R"("built-ins/P/a.js")");
  dir_.write("test262/p.tsv", "built-ins/P/a.js\tS\tneeds: something\nbuilt-ins/P/b.js\tB\n");
  const Outcome o = run({"coverage", "--test262"});
  EXPECT_EQ(o.code, 1);
  EXPECT_TRUE(has(o.err, "p.tsv: line 1: 'built-ins/P/a.js' has a case now; drop the note")) << o.err;
  EXPECT_TRUE(has(o.err, "p.tsv: line 2: no case mirrors 'built-ins/P/b.js' (B)")) << o.err;
}

TEST_F(Cli, RunExitsZeroWhenEveryCasePasses) {
  const Outcome o = run({"run", "--subject", "good"});
  EXPECT_EQ(o.code, 0) << o.out << o.err;
  EXPECT_TRUE(has(o.out, "good         2 pass, 0 fail")) << o.out;
}

TEST_F(Cli, RunExitsOneWhenASubjectFails) {
  const Outcome o = run({"run", "--subject", "good,failing"});
  EXPECT_EQ(o.code, 1);
  EXPECT_TRUE(has(o.out, "FAIL  failing t/one-event")) << o.out;
  EXPECT_TRUE(has(o.out, "good         2 pass")) << "the other subject still ran: " << o.out;
}

TEST_F(Cli, RunExitsOneWhenASubjectCrashes) {
  const Outcome o = run({"run", "--subject", "crashing"});
  EXPECT_EQ(o.code, 1);
  EXPECT_TRUE(has(o.out, "CRASH crashing t/one-event: segfault in the library")) << o.out;
}

TEST_F(Cli, AnInvalidCaseFileFailsTheRunAndTheOthersStillRun) {
  breakOneFile();
  const Outcome o = run({"run", "--subject", "good"});
  EXPECT_EQ(o.code, 1);
  EXPECT_TRUE(has(o.out, "INVALID t/broken")) << o.out;
  EXPECT_TRUE(has(o.out, "broken.json: /program/0")) << o.out;
  EXPECT_TRUE(has(o.out, "2 pass, 0 fail, 0 n/a, 1 invalid")) << o.out;
}

TEST_F(Cli, AllRunsEveryAvailableSubjectAndSaysWhyOthersAreMissing) {
  registry_ = {fakeRegistry()[0], fakeRegistry()[4]};  // good, absent
  const Outcome o = run({"run", "--subject", "all"});
  EXPECT_EQ(o.code, 0) << o.err;
  EXPECT_TRUE(has(o.err, "subject absent is not available: libabsent is not installed")) << o.err;
}

TEST_F(Cli, NamingAnUnavailableSubjectFails) {
  const Outcome o = run({"run", "--subject", "absent"});
  EXPECT_EQ(o.code, 1);
  EXPECT_TRUE(has(o.err, "error: subject absent is not available")) << o.err;
}

TEST_F(Cli, AnUnavailableSubjectNamedBesideOthersFailsTheRunAndTheOthersStillRun) {
  registry_ = {fakeRegistry()[0], fakeRegistry()[4]};  // good, absent
  const Outcome o = run({"run", "--subject", "good,absent"});
  EXPECT_EQ(o.code, 1);
  EXPECT_TRUE(has(o.err, "error: subject absent is not available: libabsent is not installed")) << o.err;
  EXPECT_TRUE(has(o.out, "good         2 pass")) << "the other subject still ran: " << o.out;
}

TEST_F(Cli, NamingAnUnknownSubjectFails) {
  const Outcome o = run({"run", "--subject", "nosuch"});
  EXPECT_EQ(o.code, 1);
  EXPECT_TRUE(has(o.err, "unknown subject 'nosuch'")) << o.err;
}

TEST_F(Cli, LevelOverridesWhatASubjectMustReach) {
  EXPECT_EQ(run({"run", "--subject", "reversed"}).code, 1) << "reversed order is not exact";
  const Outcome lenient = run({"run", "--subject", "reversed", "--level", "outcome"});
  EXPECT_EQ(lenient.code, 0) << lenient.out;
  EXPECT_EQ(run({"run", "--subject", "good", "--level", "sloppy"}).code, 2) << "not a level";
}

TEST_F(Cli, FilterSelectsCasesByGlob) {
  const Outcome o = run({"run", "--subject", "good", "--filter", "t/one*", "--verbose"});
  EXPECT_EQ(o.code, 0);
  EXPECT_TRUE(has(o.out, "PASS  good t/one-event")) << o.out;
  EXPECT_FALSE(has(o.out, "t/two-events")) << o.out;
}

TEST_F(Cli, OutputWritesBothReportsAndTheyAreByteIdenticalAcrossRuns) {
  breakOneFile();
  EXPECT_EQ(run({"run", "--subject", "good,failing", "--output", (dir_.path() / "r1").string()}).code, 1);
  EXPECT_EQ(run({"run", "--subject", "good,failing", "--output", (dir_.path() / "r2").string()}).code, 1);
  const std::string json = read("r1/results.json"), xml = read("r1/junit.xml");
  ASSERT_FALSE(json.empty());
  ASSERT_FALSE(xml.empty());
  EXPECT_EQ(json, read("r2/results.json"));
  EXPECT_EQ(xml, read("r2/junit.xml"));
  EXPECT_EQ(Json::parse(json)["results"].size(), 6u);  // 2 subjects x (2 cases + 1 broken file)
  EXPECT_EQ(tests::parseXml(xml).childrenNamed("testsuite").size(), 2u);
}

TEST_F(Cli, JsonAndJUnitOptionsWriteTheirFiles) {
  const auto json = dir_.path() / "out" / "r.json", xml = dir_.path() / "out" / "r.xml";
  EXPECT_EQ(run({"run", "--subject", "good", "--json", json.string(), "--junit", xml.string()}).code, 0);
  EXPECT_EQ(Json::parse(read("out/r.json"))["subjects"][0]["counts"]["pass"], 2);
  EXPECT_NO_THROW(tests::parseXml(read("out/r.xml")));
}

TEST_F(Cli, EverySubcommandHasHelp) {
  const Outcome top = run({"--help"});
  EXPECT_EQ(top.code, 0);
  for (const char* sub : {"run", "list", "validate", "explain"}) {
    EXPECT_TRUE(has(top.out, sub)) << top.out;
    const Outcome o = run({sub, "--help"});
    EXPECT_EQ(o.code, 0) << sub;
    EXPECT_TRUE(has(o.out, "--cases")) << sub << ": " << o.out;
  }
  EXPECT_TRUE(has(run({"run", "--help"}).out, "--filter"));
}

TEST_F(Cli, NoSubcommandIsAUsageError) { EXPECT_EQ(run({}).code, 2); }

TEST_F(Cli, ValidatePrintsEveryProblemWithFileAndPointer) {
  EXPECT_EQ(run({"validate"}).code, 0);
  breakOneFile();
  const Outcome o = run({"validate"});
  EXPECT_EQ(o.code, 1);
  EXPECT_TRUE(has(o.err, "broken.json: /program/0")) << o.err;
  EXPECT_TRUE(has(o.out, "2 valid case files, 1 invalid")) << o.out;
}

TEST_F(Cli, ValidateNamesAPromiseMissingFromFinalWithWhereItIsBound) {
  dir_.write("cases/t/missing-final.json", R"({"id": "t/missing-final", "title": "x", "rules": ["es.Test"],
    "program": [{"resolved": 1, "as": "p1"}, {"then": "p1", "as": "p2"}],
    "expect": {"trace": [], "final": {"p1": ["fulfilled", 1]}}})");
  const Outcome o = run({"validate"});
  EXPECT_EQ(o.code, 1);
  EXPECT_TRUE(has(o.err,
                  "missing-final.json: /expect/final: p2 is bound at /program/1 but missing from "
                  "/expect/final; add \"p2\":"))
      << o.err;
}

TEST_F(Cli, ValidateOfOneFileAddsNotesForItsAuthor) {
  const std::string file = (dir_.path() / "cases/t/two-events.json").string();
  const Outcome o = run({"validate", file});
  EXPECT_EQ(o.code, 0) << o.err;
  EXPECT_TRUE(has(o.out, "two-events.json: /program/1/onFulfilled/0: note: {\"log\": \"first\"} records")) << o.out;
  EXPECT_TRUE(has(o.out, "1 files, 0 problems, 2 notes")) << o.out;
}

TEST_F(Cli, VerboseRunShowsAFailingCaseTracesSideBySide) {
  const Outcome o = run({"run", "--subject", "reversed", "-v"});
  EXPECT_EQ(o.code, 1);
  EXPECT_TRUE(has(o.out, "FAIL  reversed t/two-events (reached outcome, needs exact): ")) << o.out;
  EXPECT_TRUE(has(o.out, "event 1: expected [\"first\",1], got [\"second\",1]")) << o.out;
  EXPECT_TRUE(has(o.out,
                  "        expected           | reversed\n"
                  "      > [\"first\",1]        | [\"second\",1]\n"))
      << o.out;
}

TEST_F(Cli, RunHelpExplainsTheLevelsAndTheWordsOfTheOutput) {
  const Outcome o = run({"run", "--help"});
  for (const char* words :
       {"reached no level", "reached outcome", "reached causal", "causal not judged", "'>' marks the first row"})
    EXPECT_TRUE(has(o.out, words)) << words << "\n" << o.out;
}

TEST_F(Cli, ListShowsCasesWithFeaturesAndRules) {
  const Outcome o = run({"list"});
  EXPECT_EQ(o.code, 0) << o.err;
  EXPECT_TRUE(has(o.out, "t/one-event  features=resolved-rejected  rules=es.Test")) << o.out;
  EXPECT_TRUE(has(o.out, "t/two-events")) << o.out;
}

TEST_F(Cli, ListSubjectsShowsFeaturesOrWhyNotAvailable) {
  const Outcome o = run({"list", "--subjects"});
  EXPECT_EQ(o.code, 0);
  EXPECT_TRUE(has(o.out, "good  answers every expectation\n  features: executor,")) << o.out;
  EXPECT_TRUE(has(o.out, "absent  a library that is not installed\n  not available: libabsent")) << o.out;
}

TEST_F(Cli, ExplainAnUnknownCaseSaysSo) {
  const Outcome o = run({"explain", "t/nosuch"});
  EXPECT_EQ(o.code, 1);
  EXPECT_TRUE(has(o.err, "no case 't/nosuch'")) << o.err;
}

// Expectation from the rules: Promise.resolve(1) is fulfilled; the handlers run in one reaction job
// each, in registration order, both enqueued by the script.
TEST_F(Cli, ExplainTellsTheJobsOfACaseOnTheReference) {
  for (const std::string& which : {std::string("t/two-events"), (dir_.path() / "cases/t/two-events.json").string()}) {
    const Outcome o = run({"explain", which});
    EXPECT_EQ(o.code, 0) << o.out << o.err;
    EXPECT_TRUE(has(o.out, "case t/two-events")) << o.out;
    EXPECT_TRUE(has(o.out, "event 1: [\"first\",1]")) << o.out;
    EXPECT_TRUE(has(o.out, "event 2: [\"second\",1]")) << o.out;
    EXPECT_TRUE(has(o.out, "enqueued by job")) << o.out;
    EXPECT_TRUE(has(o.out, "p: [\"fulfilled\",1]")) << o.out;
    EXPECT_TRUE(has(o.out, "the reference matches the expectation exactly")) << o.out;
  }
}

// A subject without job records is shown beside the reference's story: the reference ran each
// handler in a reaction job of its own, so the first row names that job and the handler the subject
// ran first instead.
TEST_F(Cli, ExplainShowsASubjectsOrderBesideTheReferencesStory) {
  const Outcome o = run({"explain", "t/two-events", "--subject", "reversed"});
  EXPECT_EQ(o.code, 1) << "reversed does not pass: " << o.out;
  EXPECT_TRUE(has(o.out, "FAIL  reversed t/two-events (reached outcome, needs exact)")) << o.out;
  EXPECT_TRUE(has(o.out, "reversed records no jobs; its events beside the reference's story:")) << o.out;
  const std::size_t marked = o.out.find("\n> job ");
  ASSERT_NE(marked, std::string::npos) << o.out;
  const std::string row = o.out.substr(marked + 1, o.out.find('\n', marked + 1) - marked - 1);
  EXPECT_TRUE(has(row, "PromiseReactionJob")) << row;
  EXPECT_TRUE(has(row, "[\"first\",1]")) << row;
  EXPECT_TRUE(row.ends_with("| [\"second\",1]")) << row;
}

}  // namespace
}  // namespace pc::cli
