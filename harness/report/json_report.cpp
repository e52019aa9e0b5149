#include "harness/report/json_report.hpp"

#include <string>

namespace pc {
namespace {

Json summaryToJson(const SubjectSummary& s) {
  return Json{{"name", s.subject},
              {"required", levelName(s.required)},
              {"reached", s.reached ? Json(levelName(*s.reached)) : Json(nullptr)},
              {"counts", countsToJson(s)}};
}

bool ran(Status s) { return s == Status::Pass || s == Status::Fail || producedNoTrace(s); }

Json actualToJson(const CaseResult& r) {
  if (!ran(r.status)) return nullptr;
  Json actual = r.actual.toJson();
  if (r.actual.failure) actual["failure"] = *r.actual.failure;
  return actual;
}

Json resultToJson(const CaseResult& r) {
  Json out{{"case", r.caseId},
           {"subject", r.subject},
           {"status", statusName(r.status)},
           {"level", levelName(r.level)},
           {"message", r.message},
           {"actual", actualToJson(r)}};
  if (r.repeats)
    out["repeats"] = {{"runs", r.repeats->runs},
                      {"outcome", r.repeats->outcome},
                      {"causal", r.repeats->causal},
                      {"exact", r.repeats->exact}};
  return out;
}

}  // namespace

Json suiteToJson(const SuiteResult& suite) {
  Json subjects = Json::array();
  for (const SubjectSummary& s : suite.summaries) subjects.push_back(summaryToJson(s));
  Json results = Json::array();
  for (const CaseResult& r : suite.results) results.push_back(resultToJson(r));
  Json out{{"format", "promise-conformance/results/1"}, {"subjects", subjects}, {"results", results}};
  if (!suite.corpusVersion.empty()) out["corpus"] = {{"version", suite.corpusVersion}};
  return out;
}

void writeJsonReport(std::ostream& out, const SuiteResult& suite) {
  // Invalid UTF-8 from a subject is replaced rather than thrown on: a report must always be written.
  out << suiteToJson(suite).dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace pc
