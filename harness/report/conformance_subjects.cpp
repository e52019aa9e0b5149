// The per-subject part of the conformance report: counts at each level, not-applicable cases by
// missing feature, and every failing case with both traces.
#include <map>

#include "harness/report/conformance_build.hpp"
#include "harness/report/findings.hpp"
#include "harness/run/summary.hpp"

namespace pc::conformance {
namespace {

Json countsByLevel(const SubjectView& s) {
  Json out = Json::object();
  for (Level l : kLevels)
    out[std::string(levelName(l))] = countsToJson(summarizeAt(l, s.results));  // as if L were required
  return out;
}

// How many cases each missing feature makes not applicable, in feature order, with the first case.
Json notApplicableToJson(const SubjectView& s, const BuildContext& ctx) {
  std::map<std::string, std::pair<std::size_t, std::string>> byFeature;
  std::size_t total = 0, jsOnly = 0;
  for (const CaseResult* r : s.results) {
    if (r->status != Status::NotApplicable) continue;
    ++total;
    jsOnly += javascriptOnly(*r, s, ctx) ? 1 : 0;
    for (const std::string& f : missingFeatures(*r, s, ctx)) {
      auto& [count, example] = byFeature[f];
      if (count++ == 0) example = r->caseId;
    }
  }
  Json list = Json::array();
  for (const std::string& f : FeatureSet::all().names())
    if (auto it = byFeature.find(f); it != byFeature.end())
      list.push_back({{"feature", f}, {"cases", it->second.first}, {"example", it->second.second}});
  return Json{{"cases", total}, {"javascriptOnly", jsOnly}, {"byFeature", list}};
}

Json actualToJson(const Trace& t) {
  Json out = t.toJson();
  if (t.failure) out["failure"] = *t.failure;
  return out;
}

// How often each level was reached, in words only: the counts behind them vary from run to run.
Json stabilityToJson(const Repeats& r) {
  Json out = Json::object();
  for (Level l : kLevels) out[std::string(levelName(l))] = howOften(r, l);
  return out;
}

// What a committed report says of a case that ran several times: the weakest run's reason in words
// that do not depend on the run (runner.hpp, stableReason), and no trace, since the next run may
// order its events otherwise; the command line (run -v) shows one run's trace.
Json failureToJson(const CaseResult& r, const BuildContext& ctx) {
  const Case* c = ctx.findCase(r.caseId);
  // A subject whose threads decide the order of events may give another trace next time even when
  // every run of this one agreed: its committed report shows the verdict and the reason.
  const bool sameTrace = !r.repeats;
  Json out{{"case", r.caseId},
           {"title", c ? c->title : ""},
           {"status", statusName(r.status)},
           {"level", levelName(r.level)},
           {"message", r.repeats ? stableReason(r.message) : r.message},
           {"rules", c ? Json(c->rules) : Json::array()},
           {"expected", c ? c->expected.toJson() : Json(nullptr)},
           {"actual", sameTrace ? actualToJson(r.actual) : Json(nullptr)}};
  if (r.repeats) out["stability"] = stabilityToJson(*r.repeats);
  if (const findings::Rule* f = c ? findings::explaining(r, *c) : nullptr) out["finding"] = f->id;
  return out;
}

Json featuresToJson(const ReportSubject& about) { return Json(about.features.names()); }

Json subjectToJson(const SubjectView& s, const BuildContext& ctx) {
  Json failures = Json::array();
  for (const CaseResult* r : s.results)
    if (failing(*r)) failures.push_back(failureToJson(*r, ctx));
  return Json{{"name", s.about.name},
              {"library", s.about.library},
              {"description", s.about.description},
              {"required", levelName(s.required)},
              {"deterministic", s.about.deterministic},
              {"features", featuresToJson(s.about)},
              {"counts", countsByLevel(s)},
              {"notApplicable", notApplicableToJson(s, ctx)},
              {"failures", failures}};
}

}  // namespace

Json subjectsToJson(const BuildContext& ctx) {
  Json out = Json::array();
  for (const SubjectView& s : ctx.subjects) out.push_back(subjectToJson(s, ctx));
  return out;
}

}  // namespace pc::conformance
