#include "harness/core/compare.hpp"
namespace pc {
// Placeholder until the real comparison lands: exact equality only.
Comparison compareTraces(const Trace& expected, const Trace& actual, const Trace*) {
  if (expected.events == actual.events && expected.final == actual.final) return {Level::Exact, ""};
  return {Level::None, "traces differ"};
}
}  // namespace pc
