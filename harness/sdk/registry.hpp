#pragma once
// Subject registry entries: how the command learns which subjects exist. The built-in subjects
// (harness/cli/subjects.cpp) and every adapter (adapters/registry.cpp) describe themselves this way.
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "harness/core/result.hpp"
#include "harness/core/subject.hpp"
#include "harness/sdk/library_subject.hpp"

namespace pc {

// Opening a subject either yields it or says, for a person, why it is not available here.
struct Opened {
  std::unique_ptr<Subject> subject;
  std::string unavailable;  // set when subject is null: what is missing and how to get it
};

struct SubjectEntry {
  SubjectEntry() = default;
  SubjectEntry(std::string name, std::string description, Level required, std::function<Opened()> open)
      : name(std::move(name)), description(std::move(description)), required(required), open(std::move(open)) {}

  std::string name;               // "boost/then-async": library, '/', variant
  std::string description;        // one line for `list --subjects` and reports
  Level required = Level::Exact;  // what a case must reach to pass, unless --level says otherwise
  std::function<Opened()> open;   // in this process
  std::string library;            // "Boost.Thread 1.74"; reports group variants by it. Empty for
                                  // the reference and node
  bool isolate = false;           // run in a worker process, one crash or hang per case at most
  bool deterministic = true;      // false: the library's threads decide the order of some events
};

using SubjectRegistry = std::vector<SubjectEntry>;

// What a variant says about itself.
struct Variant {
  std::string name;         // "std/async"
  std::string library;      // "std::future (libstdc++ 12)"
  std::string description;  // how continuations run in this variant, in one line
  bool deterministic = true;  // false when threads decide the order of some events
};

// An entry for adapter A constructed with `args`: what adapters/*/ registers for each variant.
template <sdk::LibraryAdapter A, class... Args>
SubjectEntry librarySubject(Variant v, Args... args) {
  SubjectEntry e;
  e.name = v.name;
  e.description = std::move(v.description);
  e.required = Level::Causal;  // what Promises/A+ asks of a library; exact is JavaScript's own order
  e.library = std::move(v.library);
  e.isolate = true;
  e.deterministic = v.deterministic;
  e.open = [name = v.name, args...] {
    return Opened{std::make_unique<sdk::LibrarySubject<A, Args...>>(name, sdk::Options{}, args...), {}};
  };
  return e;
}

}  // namespace pc
