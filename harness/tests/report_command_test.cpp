// `promise-conformance report`, driven in-process with fake subjects and a scratch corpus: it writes
// the report, --check passes on what it wrote and fails after an edit.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <tuple>

#include "harness/cli/context.hpp"
#include "harness/report/conformance_report.hpp"
#include "harness/tests/cli_driver.hpp"
#include "harness/tests/fakes.hpp"

namespace pc::cli {
namespace {

using tests::ScratchDir;
using tests::ScriptedSubject;

using Outcome = tests::CliOutcome;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

SubjectEntry entry(std::string name, std::string library, bool deterministic, void (*setup)(ScriptedSubject&)) {
  SubjectEntry e{name, "a subject made by a test", library.empty() ? Level::Exact : Level::Causal, [name, setup] {
                   auto s = std::make_unique<ScriptedSubject>(name, FeatureSet::all());
                   setup(*s);
                   return Opened{std::move(s), {}};
                 }};
  e.library = std::move(library);
  e.deterministic = deterministic;
  return e;
}

// "good" passes everything; "lib/wrong" and "lib/threads" (one library) get every final state wrong.
SubjectRegistry registry() {
  return {entry("good", "", true, [](ScriptedSubject&) {}),
          entry("lib/wrong", "Lib", true, [](ScriptedSubject& s) { s.otherwise = Trace{}; }),
          entry("lib/threads", "Lib", false, [](ScriptedSubject& s) { s.otherwise = Trace{}; })};
}

class ReportCommand : public testing::Test {
 protected:
  ReportCommand() {
    tests::writeRules(dir_, "rules");
    dir_.write("cases/t/one-event.json", tests::validCaseText("t/one-event"));
  }

  Outcome run(std::vector<std::string> args) { return tests::runCommand(registry_, dir_.path(), std::move(args)); }
  std::string read(const std::filesystem::path& relative) { return tests::readFile(dir_.path() / relative); }

  std::string out() const { return (dir_.path() / "out").string(); }

  ScratchDir dir_;
  SubjectRegistry registry_ = registry();
};

TEST_F(ReportCommand, WritesTheJsonTheIndexAndOnePagePerSubject) {
  const Outcome o = run({"report", "--output", out()});
  EXPECT_EQ(o.code, 0) << o.out << o.err;
  const Json report = Json::parse(read("out/conformance.json"));
  EXPECT_EQ(report.at("format"), "promise-conformance/conformance/2");
  EXPECT_EQ(report.at("subjects").size(), 3u);
  EXPECT_TRUE(has(read("out/conformance.md"), "[`lib/wrong`](subjects/lib-wrong.md)"));
  EXPECT_TRUE(has(read("out/subjects/lib-wrong.md"), "### `t/one-event`"));
  EXPECT_TRUE(has(read("out/subjects/good.md"), "Every case that ran reaches the required level."));
  EXPECT_TRUE(has(o.out, "3 subject pages")) << o.out;
}

TEST_F(ReportCommand, CheckPassesOnWhatItWroteAndFailsAfterAnEdit) {
  ASSERT_EQ(run({"report", "--output", out()}).code, 0);
  const Outcome current = run({"report", "--check", out()});
  EXPECT_EQ(current.code, 0) << current.out << current.err;
  EXPECT_TRUE(has(current.out, "is current")) << current.out;

  const std::string page = read("out/subjects/good.md");
  dir_.write("out/subjects/good.md", page + "edited by hand\n");
  const Outcome edited = run({"report", "--check", out()});
  EXPECT_EQ(edited.code, 1);
  EXPECT_TRUE(has(edited.out, "subjects/good.md: not the rendering of conformance.json")) << edited.out;
  EXPECT_TRUE(has(edited.out, "regenerate it with: promise-conformance report --subject all --output")) << edited.out;
  dir_.write("out/subjects/good.md", page);

  Json report = Json::parse(read("out/conformance.json"));
  report["subjects"][1]["counts"]["outcome"]["pass"] = 1;
  dir_.write("out/conformance.json", report.dump(2));
  const Outcome stale = run({"report", "--check", out()});
  EXPECT_EQ(stale.code, 1);
  EXPECT_TRUE(has(stale.out, "subjects[\"lib/wrong\"].counts.outcome.pass: 1 in the committed report, 0 now"))
      << stale.out;
}

// Commits `report` as the command would: the JSON and its rendering.
void commit(const ScratchDir& dir, const Json& report) {
  dir.write("out/conformance.json", report.dump(2) + "\n");
  for (const auto& [path, text] : renderConformanceMarkdown(report))
    dir.write(std::filesystem::path("out") / path, text);
}

TEST_F(ReportCommand, CheckToleratesChangedCountsOnlyOnANondeterministicSubject) {
  ASSERT_EQ(run({"report", "--output", out()}).code, 0);
  const Json report = Json::parse(read("out/conformance.json"));
  for (const auto& [index, name, code] : {std::tuple{1, "lib/wrong", 1}, {2, "lib/threads", 0}}) {
    Json edited = report;
    ASSERT_EQ(edited["subjects"][index]["name"], name);
    edited["subjects"][index]["counts"]["causal"]["pass"] = 1;
    edited["subjects"][index]["counts"]["causal"]["fail"] = 0;
    commit(dir_, edited);
    const Outcome o = run({"report", "--check", out()});
    EXPECT_EQ(o.code, code) << name << ": " << o.out;
  }
}

TEST_F(ReportCommand, RemovesPagesOfSubjectsItNoLongerReports) {
  dir_.write("out/subjects/renamed.md", "# an old subject\n");
  const Outcome o = run({"report", "--subject", "good", "--output", out()});
  EXPECT_EQ(o.code, 0) << o.err;
  EXPECT_FALSE(std::filesystem::exists(dir_.path() / "out/subjects/renamed.md"));
  EXPECT_TRUE(has(o.out, "removed the stale page subjects/renamed.md")) << o.out;
}

TEST_F(ReportCommand, WritesToTheReportsFolderBesideTheCasesByDefault) {
  EXPECT_EQ(run({"report", "--subject", "good"}).code, 0);
  EXPECT_TRUE(std::filesystem::exists(dir_.path() / "reports/conformance.json"));
  EXPECT_TRUE(std::filesystem::exists(dir_.path() / "reports/subjects/good.md"));
}

TEST_F(ReportCommand, CheckOfAFolderWithoutAReportIsStale) {
  const Outcome o = run({"report", "--check", out()});
  EXPECT_EQ(o.code, 1);
  EXPECT_TRUE(has(o.out, "conformance.json: missing")) << o.out;
}

TEST_F(ReportCommand, UsageErrorsAndUnknownSubjects) {
  EXPECT_EQ(run({"report", "--check", out(), "--output", out()}).code, 2);
  EXPECT_EQ(run({"report", "--subject", "nosuch"}).code, 1);
  const Outcome help = run({"report", "--help"});
  EXPECT_EQ(help.code, 0);
  for (const char* option : {"--subject", "--output", "--check", "--cases", "--rules"})
    EXPECT_TRUE(has(help.out, option)) << help.out;
}

}  // namespace
}  // namespace pc::cli
