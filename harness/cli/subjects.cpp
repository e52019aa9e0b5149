#include "harness/cli/subjects.hpp"

#include <exception>
#include <utility>

#include "harness/core/reference_subject.hpp"
#include "harness/node/node_subject.hpp"

namespace pc::cli {
namespace {

Opened openReference() { return {std::make_unique<ReferenceSubject>(), {}}; }

// V8 running the cases on `library` (a JavaScript promise library becomes a subject by an entry
// that opens it here with its prelude and features; harness/node/README.md, "The library").
Opened openNode(NodeLibrary library) {
  NodeOptions options;
  options.library = std::move(library);
  try {
    return {std::make_unique<NodeSubject>(std::move(options)), {}};
  } catch (const std::exception& e) {
    return {nullptr, e.what()};
  }
}

}  // namespace

SubjectRegistry builtinSubjects() {
  return {
      {"reference", "the C++ model of ECMA-262 promises in reference/", Level::Exact, openReference},
      {"node", "V8 through the pinned Node.js 24 (harness/node), the oracle", Level::Exact,
       [] { return openNode(NodeLibrary{}); }},
  };
}

}  // namespace pc::cli
