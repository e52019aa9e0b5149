#pragma once
// What the `promise-conformance` command needs from the outside world, passed in by main() (or by a
// test) instead of reached through globals: where to write, which subjects exist, where the corpus is.
#include <filesystem>
#include <ostream>

#include "harness/cli/subjects.hpp"

namespace pc::cli {

struct Context {
  std::ostream& out;
  std::ostream& err;
  const SubjectRegistry& subjects;
  std::filesystem::path casesDir;      // default of --cases
  std::filesystem::path rulesDir;      // default of --rules
  std::filesystem::path reportsDir{};  // default of report --output; empty: the cases dir's sibling reports/
  std::filesystem::path nodeDir{};     // harness/node: where bench finds node and its bench.js
  bool color = false;                  // colours in console output
  std::string corpusVersion{};         // recorded in JSON reports: the package's version
  // The subjects as `worker` runs them: in this process. Null: the same as `subjects`.
  const SubjectRegistry* workerSubjects = nullptr;
};

// Parses the command line, runs the subcommand and returns the process exit code: 0 only when
// everything asked for succeeded, 1 when it ran but something failed, 2 for a usage error.
int runCli(int argc, const char* const* argv, Context& ctx);

}  // namespace pc::cli
