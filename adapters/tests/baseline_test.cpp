// Each adapter variant's counts (pass, fail, not applicable, crashed at each level) against its
// baseline: the counts in the committed reports/conformance.json. A change in a library's behaviour,
// or in its adapter, shows up here by name and in the review of the regenerated reports.
#include <gtest/gtest.h>

#include <fstream>

#include "adapters/registry.hpp"
#include "harness/core/reference_subject.hpp"
#include "harness/isolate/isolated_subject.hpp"
#include "harness/load/loader.hpp"
#include "harness/load/rules.hpp"
#include "harness/report/conformance_report.hpp"

namespace pc {
namespace {

std::vector<std::string> adapterNames() {
  std::vector<std::string> names;
  for (const SubjectEntry& e : adapters::adapterSubjects()) names.push_back(e.name);
  return names;
}

const Json& committedReport() {
  static const Json report = [] {
    std::ifstream in(std::filesystem::path(PC_REPORTS_DIR) / "conformance.json");
    return in ? Json::parse(in, nullptr, false) : Json();
  }();
  return report;
}

Json committedSubject(const std::string& name) {
  for (const Json& s : committedReport().value("subjects", Json::array()))
    if (s.value("name", "") == name) return s;
  return nullptr;
}

// This variant's part of a fresh report: the corpus run on it in its workers, as the command does.
Json measuredSubject(const std::string& name) {
  const LoadedRules rules = loadRules(PC_RULES_DIR);
  const LoadedCases corpus = loadCases(PC_DEFAULT_CASES_DIR, &rules.catalog);
  const SubjectRegistry registry =
      isolateEntries(adapters::adapterSubjects(), {PC_COMMAND, "worker", "--subject"});
  for (const SubjectEntry& entry : registry) {
    if (entry.name != name) continue;
    Opened opened = entry.open();
    if (!opened.subject) return nullptr;
    ReferenceSubject witness;
    const SubjectPlan plans[] = {{opened.subject.get(), entry.required}};
    const SuiteResult suite = runSuite(corpus.cases, {}, plans, &witness);
    const ReportSubject described{entry.name, entry.library, entry.description, opened.subject->features(),
                                  entry.deterministic};
    const Json report = buildConformanceReport({suite, corpus.cases, rules.catalog, {&described, 1}});
    return report["subjects"][0];
  }
  return nullptr;
}

// What must not move between runs: every count of a deterministic variant; for one whose threads
// decide the order of events, only how many cases are not applicable (see compareReports).
Json stableCounts(const Json& subject) {
  if (subject.is_null()) return nullptr;
  if (subject.value("deterministic", true)) return {{"counts", subject["counts"]}};
  return {{"notApplicable", subject["counts"]["outcome"]["not-applicable"]}};
}

class Baseline : public testing::TestWithParam<std::string> {};

TEST_P(Baseline, CountsMatchTheCommittedReport) {
  const Json committed = committedSubject(GetParam());
  ASSERT_FALSE(committed.is_null()) << GetParam() << " is not in reports/conformance.json: run "
                                    << "`promise-conformance report` and review the new reports";
  const Json measured = measuredSubject(GetParam());
  ASSERT_FALSE(measured.is_null()) << GetParam() << " could not be opened";
  EXPECT_EQ(stableCounts(measured), stableCounts(committed))
      << "measured: " << measured["counts"].dump() << "\nIf the change is intended, regenerate the reports "
      << "(`promise-conformance report`) and review the diff.";
}

INSTANTIATE_TEST_SUITE_P(Adapters, Baseline, testing::ValuesIn(adapterNames()),
                         [](const testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

}  // namespace
}  // namespace pc
