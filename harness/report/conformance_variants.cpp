// The level part of library summaries: how far each variant gets, and where one variant of a library
// gets further than another.
#include <map>

#include "harness/report/conformance_build.hpp"

namespace pc::conformance {
namespace {

// Each case's level on a variant, for the cases that ran there (no trace: None).
std::map<std::string, Level> levelsByCase(const SubjectView& v) {
  std::map<std::string, Level> out;
  for (const CaseResult* r : v.results)
    if (auto l = reached(*r)) out.emplace(r->caseId, *l);
  return out;
}

Json levelsOf(const SubjectView& v) {
  std::size_t ranCount = 0;
  std::map<Level, std::size_t> atLeast;
  Json belowExact = nullptr;
  for (const CaseResult* r : v.results) {
    const std::optional<Level> l = reached(*r);
    if (!l) continue;
    ++ranCount;
    for (Level level : kLevels) atLeast[level] += *l >= level ? 1 : 0;
    // A case that ran to the end but not in JavaScript's order shows what "below exact" means here.
    if (belowExact.is_null() && !producedNoTrace(r->status) && *l < Level::Exact)
      belowExact = Json{{"case", r->caseId}, {"level", levelName(*l)}};
  }
  Json out{{"subject", v.about.name}, {"ran", ranCount}};
  for (Level level : kLevels) out[std::string(levelName(level))] = atLeast[level];
  if (!belowExact.is_null()) out["belowExact"] = belowExact;
  return out;
}

// Cases where `higher` reaches a higher level than `lower`; null when there are none.
Json difference(const SubjectView& higher, const std::map<std::string, Level>& high, const SubjectView& lower,
                const std::map<std::string, Level>& low) {
  std::size_t count = 0;
  Json example = nullptr;
  for (const auto& [id, level] : high) {
    auto other = low.find(id);
    if (other == low.end() || level <= other->second) continue;
    if (count++ == 0)
      example = Json{{"example", id}, {"higherLevel", levelName(level)}, {"lowerLevel", levelName(other->second)}};
  }
  if (count == 0) return nullptr;
  example["higher"] = higher.about.name;
  example["lower"] = lower.about.name;
  example["cases"] = count;
  return example;
}

}  // namespace

Json levelsToJson(const std::vector<const SubjectView*>& variants) {
  Json out = Json::array();
  for (const SubjectView* v : variants) out.push_back(levelsOf(*v));
  return out;
}

Json variantDifferencesToJson(const std::vector<const SubjectView*>& variants) {
  std::vector<std::map<std::string, Level>> levels;
  for (const SubjectView* v : variants) levels.push_back(levelsByCase(*v));
  Json out = Json::array();
  for (std::size_t a = 0; a < variants.size(); ++a)
    for (std::size_t b = 0; b < variants.size(); ++b)
      if (a != b)
        if (Json d = difference(*variants[a], levels[a], *variants[b], levels[b]); !d.is_null())
          out.push_back(std::move(d));
  return out;
}

}  // namespace pc::conformance
