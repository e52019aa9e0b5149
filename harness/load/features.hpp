#pragma once
// The features a case needs, derived from what it uses so they cannot lie (spec/case-language.md).
#include "harness/core/feature.hpp"
#include "harness/core/trace.hpp"

namespace pc {

// From the verbs and values of `program` (executor for new, thenables for any thenable value,
// async for async and await...) and, when given, from the expected `trace`: rejection tracking
// when it holds unhandled or handled events. Tolerates invalid input: it counts what it recognises.
FeatureSet featuresOf(const Json& program, const Json& trace = Json::array());

}  // namespace pc
