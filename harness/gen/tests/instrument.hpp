#pragma once
// Rewrites of a generated program that make reference properties observable in its trace.
#include <map>
#include <string>

#include "harness/core/trace.hpp"

namespace pc::gen::test {

struct LabelledHandlers {
  Json program;
  // Each then/catch/finally is registration r: it logs ["@t<r>"] just before the call, and each of
  // its handler bodies logs ["@h<r>", argument] first thing. receiverOf[r] is the promise (its
  // first name) the handlers were registered on.
  std::map<int, std::string> receiverOf;
};
// Registrations on a promise with an own then (set or define) are left unlabelled: that then may
// call a handler at once, twice or never, which the properties rightly do not promise. A program
// that changes a built-in is left as it is: any promise may have such a then.
LabelledHandlers labelHandlers(const Json& program);

// Adds, after each statement that binds a promise and once more on a late timer, a probe
// p.then(v => log("@f:p", v), r => log("@r:p", r)) for every named promise p, except those with
// an own then, whose then need not report the promise's state.
Json addSettlementProbes(const Json& program);

}  // namespace pc::gen::test
