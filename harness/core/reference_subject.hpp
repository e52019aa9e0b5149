#pragma once
// The reference model as a subject: runs cases through the interpreter on reference/, recording for
// every event the job it ran in and what enqueued that job (so traces carry causality).
#include <functional>
#include <memory>
#include <string>

#include "harness/core/journaling_host.hpp"
#include "harness/core/subject.hpp"

namespace pc {

class ReferenceSubject final : public Subject {
 public:
  using HostFactory = std::function<std::unique_ptr<JournalingHost>()>;

  ReferenceSubject() = default;
  // The reference on hosts made by `host`, one per case, under another name: how `fuzz --break`'s
  // deliberately faulty hosts (harness/gen/faulty_host.hpp) become subjects the suite can run.
  ReferenceSubject(std::string name, HostFactory host) : name_(std::move(name)), host_(std::move(host)) {}

  std::string name() const override { return name_; }
  FeatureSet features() const override { return FeatureSet::all(); }
  std::vector<Trace> run(std::span<const Case* const> cases) override;
  Trace runOne(const Case& c) const;

 private:
  std::string name_ = "reference";
  HostFactory host_ = [] { return std::make_unique<JournalingHost>(); };
};

}  // namespace pc
