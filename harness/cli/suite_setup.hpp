#pragma once
// What `run` and `report` share before running the suite: opening the subjects the user named (or all
// of them) and choosing the causal witness.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "harness/cli/context.hpp"
#include "harness/run/runner.hpp"

namespace pc::cli {

std::optional<Level> levelFromName(const std::string& name);

// The subjects the user asked for, opened, in registry order (so reports list subjects the same way
// whatever order the user typed them in). `ok` is false when a subject named is unknown (a usage
// error: nothing runs). A subject named explicitly that is unavailable is reported as an error and
// listed in `unavailable`: the others still run, and the command fails at the end. With "all",
// unavailable subjects are skipped with a note.
struct OpenedSubjects {
  std::vector<std::unique_ptr<Subject>> owned;
  std::vector<SubjectPlan> plans;
  std::vector<const SubjectEntry*> entries;  // the registry entry of each plan
  bool ok = true;
  std::vector<std::string> unavailable;  // named, but not available here
};

// How many times a subject whose threads decide the order of some events runs each case, unless
// --repeat says otherwise; deterministic subjects run each case once.
inline constexpr int kDefaultRepeat = 5;

// `level`: what every case must reach; empty for each subject's own required level.
OpenedSubjects openSubjects(const std::vector<std::string>& names, std::optional<Level> level, Context& ctx,
                            int repeat = kDefaultRepeat);

// How `run` and `report` run the suite: --jobs and --case-timeout.
struct ExecutionOptions {
  unsigned jobs = defaultJobs();
  unsigned caseTimeoutMs = 10000;  // a backstop: no case of the corpus should come near it
  int repeat = kDefaultRepeat;     // runs of each case on subjects that are not deterministic
  static unsigned defaultJobs();   // the cores of this machine
};
void addExecutionOptions(CLI::App& cmd, ExecutionOptions& options);
// Gives every opened subject that runs cases in child processes the case timeout.
void applyCaseTimeout(const OpenedSubjects& opened, const ExecutionOptions& options);

// The reference is the causal witness: reuse it when it is being run anyway, else make one in `spare`.
Subject* witnessFor(const OpenedSubjects& opened, std::unique_ptr<Subject>& spare);

}  // namespace pc::cli
