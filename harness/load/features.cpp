#include "harness/load/features.hpp"

#include "harness/load/expect_check.hpp"
#include "harness/load/program_check.hpp"

namespace pc {

FeatureSet featuresOf(const Json& program, const Json& trace) {
  // The checker walks exactly the places where verbs and values can be; its complaints about
  // names or shapes do not matter here.
  Diagnostics ignored("");
  load::Names names;
  load::ProgramChecker checker(ignored, names);
  checker.body(program, load::Pointer(""), load::Scope{}, "the program");
  FeatureSet features = checker.features();
  if (load::tracksRejections(trace)) features.add(Feature::RejectionTracking);
  return features;
}

}  // namespace pc
