#pragma once
// Shrinking a failing generated program to a small one that still fails. RapidCheck's shrinkables
// propose the candidates (fewer statements, simpler values, earlier references); each round's
// candidates are tried as batches, because the oracle (V8) answers a batch in one round-trip.
#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

#include <rapidcheck.h>

#include "harness/core/trace.hpp"

namespace pc::gen {

// Given candidate programs, the index of the first one that still fails, if any.
using FirstFailing = std::function<std::optional<std::size_t>(const std::vector<Json>& candidates)>;

// Greedy: move to the first failing candidate of the current program and start over, until no
// candidate fails. `batchSize` candidates are tried per call of `firstFailing`.
rc::Shrinkable<Json> shrinkFailure(rc::Shrinkable<Json> failing, const FirstFailing& firstFailing,
                                   std::size_t batchSize = 200);

// Statements in a program, counting those nested in bodies (a measure of how small a case is).
std::size_t countStatements(const Json& program);

}  // namespace pc::gen
