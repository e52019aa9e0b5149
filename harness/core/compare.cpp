#include "harness/core/compare.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>
#include <vector>

#include "harness/core/happens_before.hpp"

namespace pc {
namespace {

// Traces may carry strings that are not valid UTF-8 (a library adapter can produce anything), so
// dumping replaces bad bytes instead of throwing.
std::string show(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

// Outcome: the same final states, and the same events counted as a multiset.
std::optional<std::string> outcomeDifference(const Trace& expected, const Trace& actual) {
  if (expected.final != actual.final) {
    for (const auto& [name, state] : expected.final.items())
      if (!actual.final.contains(name)) return "final state of " + name + " missing";
      else if (actual.final[name] != state)
        return "final state of " + name + ": expected " + show(state) + ", got " + show(actual.final[name]);
    return "unexpected final states: " + show(actual.final);
  }
  std::map<std::string, int> balance;  // dumped event -> expected count minus actual count
  for (const Json& e : expected.events) ++balance[show(e)];
  for (const Json& e : actual.events) --balance[show(e)];
  for (const auto& [event, count] : balance) {
    if (count > 0) return "missing event " + event;
    if (count < 0) return "unexpected event " + event;
  }
  return std::nullopt;
}

std::string firstOrderDifference(const Trace& expected, const Trace& actual) {
  for (std::size_t i = 0; i < expected.events.size(); ++i)
    if (expected.events[i] != actual.events[i])
      return "event " + std::to_string(i + 1) + ": expected " + show(expected.events[i]) + ", got " +
             show(actual.events[i]);
  return "events in another order";
}

// Causal: `actual` must list the witness's events in an order that respects its happens-before
// relation. Equal events are interchangeable, so each actual event takes the earliest equal witness
// event that is ready (all its predecessors already taken).
std::optional<std::string> causalDifference(const Trace& actual, const Trace& witness) {
  const HappensBefore hb(witness);
  const std::size_t n = witness.events.size();
  std::vector<bool> taken(n, false);
  for (std::size_t a = 0; a < actual.events.size(); ++a) {
    std::optional<std::size_t> match;
    for (std::size_t w = 0; w < n && !match; ++w)
      if (!taken[w] && witness.events[w] == actual.events[a] && hb.ready(w, taken)) match = w;
    if (!match)
      return "event " + std::to_string(a + 1) + " " + show(actual.events[a]) +
             " happens before something it depends on";
    taken[*match] = true;
  }
  return std::nullopt;
}

}  // namespace

Comparison compareTraces(const Trace& expected, const Trace& actual, const Trace* causal) {
  if (actual.failure) return {Level::None, *actual.failure};
  if (auto why = outcomeDifference(expected, actual)) return {Level::None, *why};
  if (expected.events == actual.events) return {Level::Exact, ""};
  const std::string orderWhy = firstOrderDifference(expected, actual);
  // The witness must be a run of this very case that agrees with the expectation.
  const bool usableWitness = causal && causal->hasCausality() && causal->events == expected.events;
  if (!usableWitness) return {Level::Outcome, orderWhy + " (no causal witness, so order is exact)"};
  if (auto why = causalDifference(actual, *causal)) return {Level::Outcome, *why + "; " + orderWhy};
  return {Level::Causal, orderWhy};
}

}  // namespace pc
