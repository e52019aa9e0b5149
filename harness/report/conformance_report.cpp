// buildConformanceReport: the top of the report and the helpers its parts share.
#include "harness/report/conformance_report.hpp"

#include <algorithm>

#include "harness/report/conformance_build.hpp"
#include "harness/report/findings.hpp"

namespace pc {
namespace conformance {

const Case* BuildContext::findCase(const std::string& id) const {
  auto it = cases.find(id);
  return it == cases.end() ? nullptr : it->second;
}

BuildContext makeBuildContext(const ReportInput& input) {
  BuildContext ctx{{}, {}, input.rules};
  for (const Case& c : input.cases) ctx.cases.emplace(c.id, &c);
  for (const SubjectSummary& summary : input.suite.summaries) {
    SubjectView view;
    view.about.name = summary.subject;
    auto about = std::find_if(input.subjects.begin(), input.subjects.end(),
                              [&](const ReportSubject& s) { return s.name == summary.subject; });
    if (about != input.subjects.end()) view.about = *about;
    view.required = summary.required;
    for (const CaseResult& r : input.suite.results)
      if (r.subject == summary.subject) view.results.push_back(&r);
    // The runner already sorts by case id; sorting again keeps the report's order its own promise.
    std::stable_sort(view.results.begin(), view.results.end(),
                     [](const CaseResult* a, const CaseResult* b) { return a->caseId < b->caseId; });
    ctx.subjects.push_back(std::move(view));
  }
  return ctx;
}

bool ran(Status s) { return s == Status::Pass || s == Status::Fail || producedNoTrace(s); }

std::optional<Level> reached(const CaseResult& r) {
  if (!ran(r.status)) return std::nullopt;
  return producedNoTrace(r.status) ? Level::None : r.level;
}

bool failing(const CaseResult& r) { return r.status == Status::Fail || producedNoTrace(r.status); }

std::vector<std::string> missingFeatures(const CaseResult& r, const SubjectView& s, const BuildContext& ctx) {
  const Case* c = ctx.findCase(r.caseId);
  if (c == nullptr) return {};
  return c->features.missingFrom(s.about.features).names();
}

bool javascriptOnly(const std::string& feature) {
  return feature == "thenables" || feature == "async" || feature == "rejection-tracking" ||
         feature == "own-properties" || feature == "constructors" || feature == "builtins" || feature == "symbols" ||
         feature == "async-generators";
}

bool javascriptOnly(const CaseResult& r, const SubjectView& s, const BuildContext& ctx) {
  const std::vector<std::string> missing = missingFeatures(r, s, ctx);
  return r.status == Status::NotApplicable && !missing.empty() &&
         std::all_of(missing.begin(), missing.end(), [](const std::string& f) { return javascriptOnly(f); });
}

}  // namespace conformance

namespace {

Json rulesToJson(const RuleCatalog& rules) {
  Json out = Json::array();
  for (const Rule& rule : rules.rules())
    out.push_back({{"id", rule.id}, {"statement", rule.statement}, {"status", ruleStatusName(rule.status)}});
  return out;
}

// Every finding rule, so that a page can name the finding that explains a failing case.
Json findingRulesToJson() {
  Json out = Json::array();
  for (const findings::Rule& rule : findings::rules())
    out.push_back({{"id", rule.id}, {"topic", rule.topic}, {"text", rule.text}, {"difference", rule.difference}});
  return out;
}

}  // namespace

Json buildConformanceReport(const ReportInput& input) {
  const conformance::BuildContext ctx = conformance::makeBuildContext(input);
  Json levels = Json::array();
  for (Level l : conformance::kLevels) levels.push_back(levelName(l));
  Json out{{"format", kConformanceFormat},
           {"levels", levels},
           {"rules", rulesToJson(input.rules)},
           {"findings", findingRulesToJson()},
           {"subjects", conformance::subjectsToJson(ctx)},
           {"matrix", conformance::matrixToJson(ctx)},
           {"libraries", conformance::librariesToJson(ctx)}};
  if (!input.suite.corpusVersion.empty()) out["corpus"] = {{"version", input.suite.corpusVersion}};
  return out;
}

}  // namespace pc
