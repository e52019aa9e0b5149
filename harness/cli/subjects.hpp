#pragma once
// The subject registry: the one place that lists every subject the command can run. Adapters add
// an entry here (in builtinSubjects) and nowhere else.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "harness/core/result.hpp"
#include "harness/core/subject.hpp"

namespace pc::cli {

// Opening a subject either yields it or says, for a person, why it is not available here.
struct Opened {
  std::unique_ptr<Subject> subject;
  std::string unavailable;  // set when subject is null: what is missing and how to get it
};

struct SubjectEntry {
  std::string name;
  std::string description;        // one line for `list --subjects`
  Level required = Level::Exact;  // what a case must reach to pass, unless --level says otherwise
  std::function<Opened()> open;
};

using SubjectRegistry = std::vector<SubjectEntry>;

// reference (the C++ model) and node (V8 through the pinned Node.js).
SubjectRegistry builtinSubjects();

}  // namespace pc::cli
