#pragma once
// Internals of buildConformanceReport shared by its parts (subjects, matrix, library summaries):
// the results regrouped per subject and the lookups every part needs.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "harness/report/conformance_report.hpp"

namespace pc::conformance {

inline constexpr Level kLevels[] = {Level::Outcome, Level::Causal, Level::Exact};

struct SubjectView {
  ReportSubject about;
  Level required = Level::Exact;
  std::vector<const CaseResult*> results;  // this subject's, by case id
};

struct BuildContext {
  std::vector<SubjectView> subjects;  // in the suite's (registry) order
  std::map<std::string, const Case*, std::less<>> cases;
  const RuleCatalog& rules;

  const Case* findCase(const std::string& id) const;
};

BuildContext makeBuildContext(const ReportInput& input);

// Pass, fail and no-trace results ran; not-applicable and invalid ones did not.
bool ran(Status s);
// The level a result reached, None when it left no trace; empty when it did not run.
std::optional<Level> reached(const CaseResult& r);
// Below the subject's required level, or no trace.
bool failing(const CaseResult& r);
// The features a not-applicable result's case needs and its subject lacks.
std::vector<std::string> missingFeatures(const CaseResult& r, const SubjectView& s, const BuildContext& ctx);

Json subjectsToJson(const BuildContext& ctx);
Json matrixToJson(const BuildContext& ctx);
Json librariesToJson(const BuildContext& ctx);
// The level part of a library summary (conformance_variants.cpp).
Json levelsToJson(const std::vector<const SubjectView*>& variants);
Json variantDifferencesToJson(const std::vector<const SubjectView*>& variants);

}  // namespace pc::conformance
