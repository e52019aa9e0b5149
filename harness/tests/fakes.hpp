#pragma once
// Test doubles: subjects whose answers a test scripts, cases built in code, and scratch directories.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "harness/core/case.hpp"
#include "harness/core/subject.hpp"
#include "harness/test_support/scratch_dir.hpp"

namespace pc::tests {

// A subject that answers each case from a script: a scripted trace where one is given, otherwise the
// case's own expectation (an honest subject). Records what it was asked, to check the runner's calls.
class ScriptedSubject final : public Subject {
 public:
  ScriptedSubject(std::string name, FeatureSet features) : name_(std::move(name)), features_(features) {}

  std::string name() const override { return name_; }
  FeatureSet features() const override { return features_; }
  std::vector<Trace> run(std::span<const Case* const> cases) override;

  std::map<std::string, Trace> answers;  // case id -> trace to return
  std::optional<Trace> otherwise;        // for the cases without an answer, instead of the expectation
  bool reverseEvents = false;            // answer the expectation with its events in reverse order
  int batches = 0;                       // how many times run() was called
  std::vector<std::string> ran;          // ids of the cases it ran, in order

 private:
  std::string name_;
  FeatureSet features_;
};

// A trace with just a failure of kind Crash, as a subject whose process died reports.
Trace crashedTrace(const std::string& why);

// A case with one log event and one named promise; `features` as the loader would derive them.
Case makeCase(const std::string& id, FeatureSet features = {});

using test_support::ScratchDir;

// A valid case file for the id (the rule es.Test must be in the catalog: see writeRules).
std::string validCaseText(const std::string& id);
// spec/rules/es.json with the rule es.Test only.
void writeRules(const ScratchDir& dir, const std::filesystem::path& rulesDir);

}  // namespace pc::tests
