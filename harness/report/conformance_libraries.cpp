// Library summaries: how each library (all its variants together) differs from JavaScript promises,
// derived from the results alone. Every item names a case that shows it.
#include <algorithm>
#include <map>

#include "harness/report/conformance_build.hpp"

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
                     {"cases", it->second.cases},
                     {"example", it->second.example},
                     {"subjects", it->second.subjects}});
  return out;
}

// One variant's cases of one rule that ran and fell below the required level (crashes are told apart).
Json deviationOf(const SubjectView& v, const std::string& rule, const BuildContext& ctx) {
  std::size_t failingCount = 0, ranCount = 0;
  std::string example;
  for (const CaseResult* r : v.results) {
    const Case* c = ctx.findCase(r->caseId);
    if (c == nullptr || std::find(c->rules.begin(), c->rules.end(), rule) == c->rules.end()) continue;
    if (!ran(r->status)) continue;
    ++ranCount;
    if (r->status != Status::Fail) continue;
    if (failingCount++ == 0) example = r->caseId;
  }
  if (failingCount == 0) return nullptr;
  return Json{{"subject", v.about.name}, {"failing", failingCount}, {"ran", ranCount}, {"example", example}};
}

Json deviationsToJson(const Variants& variants, const BuildContext& ctx) {
  Json out = Json::array();
  for (const Rule& rule : ctx.rules.rules()) {
    Json perVariant = Json::array();
    for (const SubjectView* v : variants)
      if (Json d = deviationOf(*v, rule.id, ctx); !d.is_null()) perVariant.push_back(std::move(d));
    if (!perVariant.empty())
      out.push_back({{"rule", rule.id}, {"statement", rule.statement}, {"variants", perVariant}});
  }
  return out;
}

// Cases that left no trace, grouped by their kind and reason, the most frequent first.
Json noTraceToJson(const Variants& variants) {
  struct Group {
    std::size_t cases = 0;
    std::string example;
    Json subjects = Json::array();
  };
  std::map<std::pair<std::string, std::string>, Group> byReason;  // (kind, reason)
  for (const SubjectView* v : variants)
    for (const CaseResult* r : v->results) {
      if (!producedNoTrace(r->status)) continue;
      Group& g = byReason[{std::string(statusName(r->status)), r->message}];
      if (g.cases++ == 0) g.example = r->caseId;
      if (g.subjects.empty() || g.subjects.back() != v->about.name) g.subjects.push_back(v->about.name);
    }
  std::vector<std::pair<std::pair<std::string, std::string>, Group>> sorted(byReason.begin(), byReason.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second.cases > b.second.cases; });
  Json out = Json::array();
  for (const auto& [why, g] : sorted)
    out.push_back({{"kind", why.first},
                   {"reason", why.second},
                   {"cases", g.cases},
                   {"example", g.example},
                   {"subjects", g.subjects}});
  return out;
}

}  // namespace

Json librariesToJson(const BuildContext& ctx) {
  Json out = Json::array();
  for (const auto& [library, variants] : groupByLibrary(ctx))
    out.push_back({{"library", library},
                   {"subjects", names(variants)},
                   {"missingFeatures", missingFeaturesToJson(variants, ctx)},
                   {"deviations", deviationsToJson(variants, ctx)},
                   {"noTrace", noTraceToJson(variants)},
                   {"levels", levelsToJson(variants)},
                   {"variantDifferences", variantDifferencesToJson(variants)}});
  return out;
}

}  // namespace pc::conformance
