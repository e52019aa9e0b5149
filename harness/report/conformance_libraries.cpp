// Library summaries: what each library (all its variants together) does that a C++ developer needs to
// know, as findings (findings.hpp) derived from the results alone. Every finding names a case.
#include <algorithm>
#include <map>
#include <set>

#include "harness/report/conformance_build.hpp"
#include "harness/report/findings.hpp"

namespace pc::conformance {
namespace {

using Variants = std::vector<const SubjectView*>;

// Libraries in the order their first variant appears; subjects with no library are nobody's variant.
std::vector<std::pair<std::string, Variants>> groupByLibrary(const BuildContext& ctx) {
  std::vector<std::pair<std::string, Variants>> groups;
  for (const SubjectView& s : ctx.subjects) {
    if (s.about.library.empty()) continue;
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == s.about.library; });
    if (it == groups.end()) it = groups.insert(groups.end(), {s.about.library, {}});
    it->second.push_back(&s);
  }
  return groups;
}

Json names(const Variants& variants) {
  Json out = Json::array();
  for (const SubjectView* v : variants) out.push_back(v->about.name);
  return out;
}

// A feature some variant lacks and at least one case needs: how many cases that makes not applicable.
Json missingFeaturesToJson(const Variants& variants, const BuildContext& ctx) {
  struct Missing {
    std::size_t cases = 0;
    std::string example;
    Json subjects = Json::array();
  };
  std::map<std::string, Missing> byFeature;
  for (const SubjectView* v : variants) {
    std::map<std::string, std::size_t> counted;
    for (const CaseResult* r : v->results) {
      if (r->status != Status::NotApplicable) continue;
      for (const std::string& f : missingFeatures(*r, *v, ctx))
        if (counted[f]++ == 0 && byFeature[f].example.empty()) byFeature[f].example = r->caseId;
    }
    for (const auto& [f, n] : counted) {
      byFeature[f].cases = std::max(byFeature[f].cases, n);
      byFeature[f].subjects.push_back(v->about.name);
    }
  }
  Json out = Json::array();
  for (const std::string& f : FeatureSet::all().names())
    if (auto it = byFeature.find(f); it != byFeature.end())
      out.push_back({{"feature", f},
                     {"javascriptOnly", javascriptOnly(f)},
                     {"cases", it->second.cases},
                     {"example", it->second.example},
                     {"subjects", it->second.subjects}});
  return out;
}

// One finding on one variant: the cases that show it, the first of them, and the details they give
// (which exception, which signal), at most a few.
Json findingOnVariant(const findings::Rule& rule, const SubjectView& v, const BuildContext& ctx) {
  constexpr std::size_t kDetails = 3;
  std::size_t cases = 0;
  std::string example;
  std::set<std::string> details;
  for (const CaseResult* r : v.results) {
    const Case* c = ctx.findCase(r->caseId);
    if (c == nullptr) continue;
    const std::optional<std::string> detail = findings::shows(rule, *r, *c);
    if (!detail) continue;
    if (cases++ == 0) example = r->caseId;
    if (!detail->empty() && details.size() < kDetails) details.insert(*detail);
  }
  if (cases == 0) return nullptr;
  return Json{{"cases", cases}, {"example", example}, {"details", Json(details)}};
}

// The findings that hold for at least one variant, in the order of findings::rules().
Json findingsToJson(const Variants& variants, const BuildContext& ctx) {
  std::map<std::string, Json> byRule;
  for (const findings::Rule& rule : findings::rules())
    for (const SubjectView* v : variants)
      if (Json f = findingOnVariant(rule, *v, ctx); !f.is_null()) byRule[rule.id][v->about.name] = std::move(f);
  Json out = Json::array();
  for (const findings::Rule& rule : findings::rules()) {
    Json holds = byRule[rule.id].is_null() ? Json::object() : byRule[rule.id];
    // A fact that is how JavaScript behaves ("in attachment order") holds for a variant only when no
    // difference on the same topic does: a variant that sometimes runs them in another order does not
    // keep attachment order.
    if (!rule.difference)
      for (const findings::Rule& other : findings::rules())
        if (other.difference && std::string_view(other.topic) == rule.topic)
          for (const auto& [variant, _] : byRule[other.id].items()) holds.erase(variant);
    if (holds.empty()) continue;
    out.push_back({{"id", rule.id},
                   {"topic", rule.topic},
                   {"text", rule.text},
                   {"difference", rule.difference},
                   {"variants", std::move(holds)}});
  }
  return out;
}

}  // namespace

std::pair<Json, Json> shortList(Json findings) {
  Json omitted = Json::array();
  while (findings.size() > kFindingsPerLibrary) {
    auto fact = std::find_if(findings.rbegin(), findings.rend(), [](const Json& f) { return !f.at("difference"); });
    auto gone = fact != findings.rend() ? std::prev(fact.base()) : std::prev(findings.end());
    omitted.push_back(std::move(*gone));
    findings.erase(gone);
  }
  return {std::move(findings), std::move(omitted)};
}

Json librariesToJson(const BuildContext& ctx) {
  Json out = Json::array();
  for (const auto& [library, variants] : groupByLibrary(ctx)) {
    auto [findings, omitted] = shortList(findingsToJson(variants, ctx));
    out.push_back({{"library", library},
                   {"subjects", names(variants)},
                   {"missingFeatures", missingFeaturesToJson(variants, ctx)},
                   {"findings", std::move(findings)},
                   {"omittedFindings", std::move(omitted)}});
  }
  return out;
}

}  // namespace pc::conformance
