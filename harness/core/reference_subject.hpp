#pragma once
// The reference model as a subject: runs cases through the interpreter on reference/, recording for
// every event the job it ran in and what enqueued that job (so traces carry causality).
#include "harness/core/subject.hpp"

namespace pc {

class ReferenceSubject final : public Subject {
 public:
  std::string name() const override { return "reference"; }
  FeatureSet features() const override { return FeatureSet::all(); }
  std::vector<Trace> run(std::span<const Case* const> cases) override;
  Trace runOne(const Case& c) const;
};

}  // namespace pc
