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
// Features only JavaScript has (thenable objects, async functions, JS rejection tracking): a library
// cannot offer them through the SDK, so the cases needing them are counted apart from what it does
// not offer.
bool javascriptOnly(const std::string& feature);
// A not-applicable result whose missing features are all JavaScript-only.
bool javascriptOnly(const CaseResult& r, const SubjectView& s, const BuildContext& ctx);
// The features a not-applicable result's case needs and its subject lacks.
std::vector<std::string> missingFeatures(const CaseResult& r, const SubjectView& s, const BuildContext& ctx);

// At most kFindingsPerLibrary of a library's findings, since a reader takes in a dozen sentences, not
// more: facts that are how JavaScript behaves go first, then the last differences. Returns the kept
// findings and the ids of those that went.
inline constexpr std::size_t kFindingsPerLibrary = 12;
std::pair<Json, Json> shortList(Json findings);

Json subjectsToJson(const BuildContext& ctx);
Json matrixToJson(const BuildContext& ctx);
Json librariesToJson(const BuildContext& ctx);

}  // namespace pc::conformance
