// Each adapter variant's counts (pass, fail, not applicable, no trace at each level) against its
// baseline: the counts in the committed reports/conformance.json. A change in a library's behaviour,
// or in its adapter, shows up here by name and in the review of the regenerated reports.
#include <gtest/gtest.h>

#include <fstream>

#include "adapters/registry.hpp"
#include "harness/core/trace.hpp"

namespace pc {
namespace {

std::vector<std::string> adapterNames() {
  std::vector<std::string> names;
  for (const LibraryVariant& v : adapters::adapterSubjects()) names.push_back(v.about.name);
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

// This variant's part of the fresh report that reports.committed_reports_are_current wrote: the
// corpus run on every subject in its workers, as the command does, once for all variants.
Json measuredSubject(const std::string& name) {
  std::ifstream in(PC_FRESH_REPORT);
  const Json fresh = in ? Json::parse(in, nullptr, false) : Json();
  for (const Json& s : fresh.value("subjects", Json::array()))
    if (s.value("name", "") == name) return s;
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
  ASSERT_FALSE(measured.is_null()) << GetParam() << " is not in " << PC_FRESH_REPORT
                                   << ": run reports.committed_reports_are_current first (ctest does)";
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
