#include "harness/core/compare.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <vector>

#include "harness/core/happens_before.hpp"

namespace pc {
namespace {

// Traces may carry strings that are not valid UTF-8 (a library adapter can produce anything), so
// dumping replaces bad bytes instead of throwing.
std::string show(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

// The first position where the two traces differ, in words naming both sides: "event 3: expected
// ["a",1], got ["b",2]". A trace that ends early has "nothing (the trace ends)" there.
std::string firstDivergence(const Trace& expected, const Trace& actual) {
  const auto at = [](const Trace& t, std::size_t i) {
    return i < t.events.size() ? show(t.events[i]) : std::string("nothing (the trace ends)");
  };
  const std::size_t n = std::max(expected.events.size(), actual.events.size());
  for (std::size_t i = 0; i < n; ++i)
    if (i >= expected.events.size() || i >= actual.events.size() || expected.events[i] != actual.events[i])
      return "event " + std::to_string(i + 1) + ": expected " + at(expected, i) + ", got " + at(actual, i);
  return "the events agree";
}

std::optional<std::string> finalDifference(const Trace& expected, const Trace& actual) {
  for (const auto& [name, state] : expected.final.items())
    if (!actual.final.contains(name))
      return "/expect/final lists " + name + " as " + show(state) + ", but the run never bound " + name +
             " (its binding is in code that did not run, such as a handler that was never called); remove " + name +
             " from /expect/final";
    else if (actual.final[name] != state)
      return "final state of " + name + ": expected " + show(state) + ", got " + show(actual.final[name]);
  for (const auto& [name, state] : actual.final.items())
    if (!expected.final.contains(name))
      return name + " was bound when the case ran (final state " + show(state) + ") but is missing from " +
             "/expect/final; add \"" + name + "\": " + show(state);
  return std::nullopt;
}

// Outcome: the same final states, and the same events counted as a multiset.
std::optional<std::string> outcomeDifference(const Trace& expected, const Trace& actual) {
  if (auto why = finalDifference(expected, actual)) return why;
  std::map<std::string, int> balance;  // dumped event -> expected count minus actual count
  for (const Json& e : expected.events) ++balance[show(e)];
  for (const Json& e : actual.events) --balance[show(e)];
  for (const auto& [event, count] : balance) {
    if (count > 0) return "missing event " + event + "; first difference at " + firstDivergence(expected, actual);
    if (count < 0) return "unexpected event " + event + "; first difference at " + firstDivergence(expected, actual);
  }
  return std::nullopt;
}

// Causal: `actual` must list the witness's events in an order that respects its happens-before
// relation. Equal events are interchangeable, so this searches for an assignment of actual events to
// witness events: depth first, trying the ready equal witness events in order, and remembering the
// sets of taken events from which no assignment exists. Without repeated events there is never a
// choice, so the search is linear.
class LinearExtension {
 public:
  LinearExtension(const Trace& actual, const Trace& witness)
      : actual_(actual), witness_(witness), hb_(witness), taken_(witness.events.size(), false) {}

  // The first actual event that no assignment can place, or nothing when one exists.
  std::optional<std::size_t> firstUnplaceable() {
    if (place(0)) return std::nullopt;
    return deepest_;
  }

  // Why actual event `a` cannot come where it does: a witness event equal to it and one of its
  // predecessors that the actual trace has not produced yet, as the search left them at its deepest.
  std::string whyNot(std::size_t a) const {
    for (std::size_t w = 0; w < deepestTaken_.size(); ++w) {
      if (deepestTaken_[w] || witness_.events[w] != actual_.events[a]) continue;
      for (std::size_t p = 0; p < deepestTaken_.size(); ++p)
        if (!deepestTaken_[p] && hb_.before(p, w))
          return "it must come after " + show(witness_.events[p]) + " by " + edgeName(witness_, p, w);
    }
    return "it happens before something it depends on";
  }

 private:
  bool place(std::size_t a) {
    if (a == actual_.events.size()) return true;
    if (a >= deepest_) {
      deepest_ = a;
      deepestTaken_ = taken_;
    }
    if (failed_.contains(taken_)) return false;
    for (std::size_t w = 0; w < taken_.size(); ++w) {
      if (taken_[w] || witness_.events[w] != actual_.events[a] || !hb_.ready(w, taken_)) continue;
      taken_[w] = true;
      if (place(a + 1)) return true;
      taken_[w] = false;
    }
    failed_.insert(taken_);
    return false;
  }

  const Trace& actual_;
  const Trace& witness_;
  const HappensBefore hb_;
  std::vector<bool> taken_;
  std::set<std::vector<bool>> failed_;
  std::size_t deepest_ = 0;
  std::vector<bool> deepestTaken_;
};

std::optional<std::string> causalDifference(const Trace& actual, const Trace& witness) {
  LinearExtension search(actual, witness);
  const std::optional<std::size_t> a = search.firstUnplaceable();
  if (!a) return std::nullopt;
  return "event " + std::to_string(*a + 1) + " " + show(actual.events[*a]) + " is too early: " + search.whyNot(*a);
}

}  // namespace

Comparison compareTraces(const Trace& expected, const Trace& actual, const Trace* causal) {
  if (actual.failure) return {Level::None, *actual.failure};
  if (auto why = outcomeDifference(expected, actual)) return {Level::None, *why};
  // Seen breaking run to completion: whatever the order of events, not causal (spec/levels.md).
  if (actual.brokeRunToCompletion) return {Level::Outcome, *actual.brokeRunToCompletion};
  if (expected.events == actual.events) return {Level::Exact, ""};
  const std::string orderWhy = firstDivergence(expected, actual);
  // The witness must be a run of this very case that agrees with the expectation.
  const bool usableWitness = causal && causal->hasCausality() && causal->events == expected.events;
  if (!usableWitness)
    return {Level::Outcome, orderWhy + " (causal not judged: the reference's run of this case, which gives the " +
                                "happens-before relation, is missing or disagrees with the expectation; " +
                                "only the exact order counts)"};
  if (auto why = causalDifference(actual, *causal)) return {Level::Outcome, *why + "; " + orderWhy};
  return {Level::Causal, orderWhy};
}

}  // namespace pc
