// The rules x subjects matrix: for each rule, on each subject, how many of the rule's cases that ran
// pass at the subject's required level, fail below it, or left no trace (library error, crash, hang,
// harness error).
#include <algorithm>

#include "harness/report/conformance_build.hpp"

namespace pc::conformance {
namespace {

bool cites(const Case& c, const std::string& rule) {
  return std::find(c.rules.begin(), c.rules.end(), rule) != c.rules.end();
}

Json cell(const std::string& rule, const SubjectView& s, const BuildContext& ctx) {
  std::size_t pass = 0, fail = 0, noTrace = 0;
  for (const CaseResult* r : s.results) {
    const Case* c = ctx.findCase(r->caseId);
    if (c == nullptr || !cites(*c, rule)) continue;
    if (r->status == Status::Pass) ++pass;
    if (r->status == Status::Fail) ++fail;
    if (producedNoTrace(r->status)) ++noTrace;
  }
  return Json{{"pass", pass}, {"fail", fail}, {"no-trace", noTrace}};
}

}  // namespace

Json matrixToJson(const BuildContext& ctx) {
  Json rows = Json::array();
  for (const Rule& rule : ctx.rules.rules()) {
    Json cells = Json::object();
    for (const SubjectView& s : ctx.subjects) cells[s.about.name] = cell(rule.id, s, ctx);
    rows.push_back({{"rule", rule.id}, {"cells", cells}});
  }
  return rows;
}

}  // namespace pc::conformance
