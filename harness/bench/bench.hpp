#pragma once
// `promise-conformance bench`: every chosen workload on the reference and on node, each run in a
// child process of its own, and one table of ops/s, their ratio and peak RSS.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "harness/bench/child_measure.hpp"

namespace pc::bench {

struct BenchOptions {
  std::size_t n = 1'000'000;
  std::vector<std::string> workloads;         // names from workloads(); empty: all of them
  int repeat = 5;                             // runs per workload and subject, in turns; the fastest counts
  std::optional<std::filesystem::path> node;  // none: the reference alone
  std::filesystem::path nodeScript;           // harness/node/bench.js
};

struct Row {
  std::string workload;
  Measurement reference;
  std::optional<Measurement> node;
};

// The names options.workloads stands for. Throws std::invalid_argument for a name that does not exist.
std::vector<std::string> chosenWorkloads(const BenchOptions& options);

// One workload on the reference, then on node, each in child processes of its own.
Row runWorkload(const BenchOptions& options, const std::string& workload);

// The table, a row at a time; printRow returns false when a measurement failed (the row says why).
void printHeader(std::ostream& out);
bool printRow(const Row& row, std::size_t n, std::ostream& out);

}  // namespace pc::bench
