#pragma once
// Where the command finds the corpus, the rules, the committed reports and the node runner: in the
// installed layout when the executable sits in PREFIX/bin beside PREFIX/share/promise-conformance
// (`cmake --install`), else in the source tree it was configured from (source_tree.cpp.in, filled in
// by CMake for the executable alone). Nothing below main() knows these paths: they reach the code as
// arguments (the Context, NodeOptions::home), and --cases, --rules and --output override them per
// command.
#include <filesystem>
#include <vector>

namespace pc::cli {

struct SourceTree {
  std::filesystem::path casesDir, rulesDir, reportsDir, nodeDir;
  // Workers built outside the command whose variants it runs as if they were built in, so that the
  // committed reports cover them (PC_REPORT_WORKERS in CMakeLists.txt; none once installed).
  std::vector<std::filesystem::path> reportWorkers;
  // Where each in-tree adapter's own worker is, worker-<library> (adapters/CMakeLists.txt).
  std::filesystem::path adapterWorkersDir;
};

// The paths for the command at `executable` (its real path).
SourceTree sourceTree(const std::filesystem::path& executable);

// The installed layout under `prefix`: share/promise-conformance/{cases,rules,node}, with reports
// written to ./reports unless --output says otherwise.
SourceTree installedTree(const std::filesystem::path& prefix);

}  // namespace pc::cli
