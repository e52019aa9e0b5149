#pragma once
// Findings: what a C++ developer choosing a library needs to know, in their words (does a
// continuation run inside then(), on which thread, in which order, does a future follow another,
// what does misuse do). Each finding is derived from a variant's results by one rule over traces and
// outcomes, the same rule for every library; nothing here is written about a particular library.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "harness/core/case.hpp"
#include "harness/core/result.hpp"

namespace pc::findings {

struct Rule {
  const char* id;     // stable: "runs-inside-then"
  const char* topic;  // what a reader looks for: "synchronous continuations"
  const char* text;   // one sentence, true of every variant the finding holds for
  // False for facts that are not a difference from JavaScript (continuations in attachment order):
  // such a finding is reported but never explains a failing case.
  bool difference;
  // True when the rule reads the order of events: it is not applied to a subject whose threads decide
  // that order (a result with repeats), where the next run may order them otherwise.
  bool readsOrder;
  // Whether this result of this case shows the finding: empty when not; otherwise a detail for the
  // reader ("std::future_error: Promise already satisfied"), or "" when there is none.
  std::optional<std::string> (*shows)(const CaseResult&, const Case&);
};

// Every rule, in the order a report lists them.
std::span<const Rule> rules();

// What rule.shows says of this result, unless the rule reads an order the result's runs do not fix.
std::optional<std::string> shows(const Rule& rule, const CaseResult& result, const Case& c);

// The finding that explains a failing result: the first difference it shows in the order of
// explanation (no trace first, then how continuations run, then what they compute); null if none.
const Rule* explaining(const CaseResult& result, const Case& c);

// The order of several continuations on one future, read from a case whose expected trace logs
// them in attachment order (used by the order rules; exposed for tests).
enum class ContinuationOrder { NotShown, Attachment, Reverse, LastOnly, Other };
ContinuationOrder continuationOrder(const CaseResult& result, const Case& c);

}  // namespace pc::findings
