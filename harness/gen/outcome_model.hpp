#pragma once
// A small model of what a program computes, with no scheduler at all: the final state and value of
// every named promise, derived from the program's data flow alone (who settles whom with what).
// It is written from spec/case-language.md and ECMA-262's definitions, independently of reference/,
// so that comparing the two checks the reference's outcomes without trusting its job order.
//
// Where the outcome genuinely depends on job order (Promise.race between two settled inputs, two
// rejections racing in Promise.all, a promise whose value depends on itself) or the program uses a
// construct the model does not know, the prediction is Unknown and a property skips that promise.
#include <map>
#include <string>

#include "harness/core/trace.hpp"

namespace pc::gen {

struct Outcome {
  enum class State { Fulfilled, Rejected, Pending, Unknown };
  State state = State::Unknown;
  Json value;  // the trace encoding of the value or reason

  bool known() const { return state != State::Unknown; }
  // The form of expect.final: ["fulfilled", V], ["rejected", V] or ["pending"].
  Json toFinal() const;
  bool operator==(const Outcome&) const = default;
};

// The prediction for every promise the program names.
std::map<std::string, Outcome> predictOutcomes(const Json& program);

}  // namespace pc::gen
