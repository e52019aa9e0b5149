#pragma once
// The harness's side of a worker (worker.hpp): asking it what it offers, before any case runs, so
// that a worker that is missing, dies at start or answers something else is told apart from a
// library that fails cases, with a message naming the worker and what was expected.
#include <filesystem>
#include <string>
#include <vector>

#include "harness/core/feature.hpp"
#include "harness/sdk/registry.hpp"

namespace pc::worker {

struct DescribedVariant {
  Variant about;
  FeatureSet features;
};

struct Description {
  std::vector<DescribedVariant> variants;
  std::string problem;  // non-empty: why there are no variants, for a person
};

// Runs `worker --describe` and reads its answer.
Description describeWorker(const std::filesystem::path& worker);

// The answer of --describe, parsed; throws std::runtime_error saying what is wrong with it.
std::vector<DescribedVariant> parseDescription(const std::string& answer);

}  // namespace pc::worker
