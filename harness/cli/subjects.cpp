#include "harness/cli/subjects.hpp"

#include <exception>

#include "harness/core/reference_subject.hpp"
#include "harness/node/node_subject.hpp"

namespace pc::cli {
namespace {

Opened openReference() { return {std::make_unique<ReferenceSubject>(), {}}; }

Opened openNode() {
  try {
    return {std::make_unique<NodeSubject>(), {}};
  } catch (const std::exception& e) {
    return {nullptr, e.what()};
  }
}

}  // namespace

SubjectRegistry builtinSubjects() {
  return {
      {"reference", "the C++ model of ECMA-262 promises in reference/", Level::Exact, openReference},
      {"node", "V8 through the pinned Node.js 24 (harness/node), the oracle", Level::Exact, openNode},
  };
}

}  // namespace pc::cli
