#pragma once
// Where the command finds the corpus, the rules, the committed reports and the node runner: the
// source tree it was configured from (source_tree.cpp.in, filled in by CMake for the executable
// alone). Nothing below main() knows these paths: they reach the code as arguments (the Context,
// NodeOptions::home), and --cases, --rules and --output override them per command.
#include <filesystem>

namespace pc::cli {

struct SourceTree {
  std::filesystem::path casesDir, rulesDir, reportsDir, nodeDir;
};

SourceTree sourceTree();

}  // namespace pc::cli
