#pragma once
// The last step of generation: gives every promise-making statement of a raw program a name
// ("p0", "p1", ...) and replaces each placeholder reference "#k" by the k-th name bound before
// (counted from the latest, modulo how many there are). A reference with nothing to point at
// becomes a plain value, and a settlement with no deferred to settle becomes a log.
#include "harness/core/trace.hpp"

namespace pc::gen {

Json bindNames(const Json& rawProgram);

}  // namespace pc::gen
