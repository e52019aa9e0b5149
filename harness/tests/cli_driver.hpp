#pragma once
// Drives the promise-conformance command in this process, over a scratch corpus, as the command
// tests need it: arguments in, exit code and both streams out.
#include <filesystem>
#include <string>
#include <vector>

#include "harness/cli/context.hpp"

namespace pc::tests {

struct CliOutcome {
  int code;
  std::string out, err;
};

// Runs `promise-conformance args...` with the cases in root/cases and the rules in root/rules.
CliOutcome runCommand(const cli::SubjectRegistry& subjects, const std::filesystem::path& root,
                      std::vector<std::string> args);

// The whole file, as bytes.
std::string readFile(const std::filesystem::path& file);

}  // namespace pc::tests
