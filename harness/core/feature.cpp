#include "harness/core/feature.hpp"

#include <array>

namespace pc {
namespace {
constexpr std::array<std::string_view, static_cast<std::size_t>(Feature::Count_)> kNames = {"executor",
                                                                                            "deferred",
                                                                                            "resolved-rejected",
                                                                                            "catch",
                                                                                            "finally",
                                                                                            "all",
                                                                                            "allSettled",
                                                                                            "race",
                                                                                            "any",
                                                                                            "try",
                                                                                            "async",
                                                                                            "thenables",
                                                                                            "timers",
                                                                                            "microtask",
                                                                                            "rejection-tracking",
                                                                                            "own-properties",
                                                                                            "constructors",
                                                                                            "builtins",
                                                                                            "symbols",
                                                                                            "async-generators"};
}

std::string_view featureName(Feature f) { return kNames[static_cast<std::size_t>(f)]; }

std::optional<Feature> featureFromName(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == name) return static_cast<Feature>(i);
  return std::nullopt;
}

FeatureSet FeatureSet::all() {
  FeatureSet s;
  for (std::size_t i = 0; i < kNames.size(); ++i) s.add(static_cast<Feature>(i));
  return s;
}

std::vector<std::string> FeatureSet::names() const {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < kNames.size(); ++i)
    if (has(static_cast<Feature>(i))) out.emplace_back(kNames[i]);
  return out;
}

}  // namespace pc
