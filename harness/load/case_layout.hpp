#pragma once
// The layout of the corpus's case files, for tools that write them (`record`): one statement, trace
// event or final state per line, each written inline as {"a": 1, "b": [2, 3]}, as
// cases/generators/aplus-2.3.3.js writes them too. And a way to replace one top-level member of a
// case file while keeping every other byte of it.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "harness/core/trace.hpp"

namespace pc::load {

// `value` on one line, with ", " and ": " separators. Object keys come in the order the case
// language writes them ({"unhandled": p, "reason": r}, {"error": E, "message": m}), then the others.
std::string inlineJson(const Json& value);

// The "expect" member's value as it stands at the top of a case file: two-space indentation, one
// event and one final state per line, the final states in the order of `finalOrder` (names missing
// from it follow in alphabetical order).
std::string expectLayout(const std::vector<Json>& trace, const Json& final, const std::vector<std::string>& finalOrder);

// Where the value of one top-level member of a JSON object text lies: [begin, end) in bytes.
struct MemberSpan {
  std::size_t begin = 0, end = 0;
};
// nullopt when `text` is not one JSON object or has no such member (at the top level).
std::optional<MemberSpan> findTopLevelMember(std::string_view text, std::string_view key);

// `text` with the top-level member `key` set to `valueText`: its old value replaced, or, when it has
// none, the member added after the last one. nullopt when `text` is not one JSON object.
std::optional<std::string> withTopLevelMember(std::string_view text, std::string_view key, std::string_view valueText);

}  // namespace pc::load
