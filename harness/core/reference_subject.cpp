#include "harness/core/reference_subject.hpp"

#include "harness/core/interpreter.hpp"
#include "harness/core/reference_runtime.hpp"

namespace pc {

std::vector<Trace> ReferenceSubject::run(std::span<const Case* const> cases) {
  std::vector<Trace> out;
  out.reserve(cases.size());
  for (const Case* c : cases) out.push_back(runOne(*c));
  return out;
}

Trace ReferenceSubject::runOne(const Case& c) const {
  ReferenceRuntime runtime(host_());  // a fresh realm per case: nothing leaks between cases
  return interpret(c.program, runtime);
}

}  // namespace pc
