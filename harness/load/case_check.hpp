#pragma once
// Checks one parsed case file as a whole: its keys, id, title, rules, program and expectation,
// and the names that tie them together.
#include <string_view>

#include "harness/core/feature.hpp"
#include "harness/core/trace.hpp"
#include "harness/load/load_error.hpp"
#include "harness/load/rules.hpp"

namespace pc::load {

// `expectedId` is the file's path under cases/ without ".json". `rules` may be null, and then
// rule ids are checked for their form only. Returns the features the case needs (meaningful only
// when nothing was reported). A `draft` may leave out "expect", and its "expect" is not checked:
// `record` is about to replace it with V8's.
FeatureSet checkCase(const Json& doc, std::string_view expectedId, const RuleCatalog* rules, Diagnostics& out,
                     bool draft = false);

}  // namespace pc::load
