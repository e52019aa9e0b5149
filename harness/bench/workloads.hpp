#pragma once
// The workloads of `promise-conformance bench`. Each one is written twice, with the same steps: on the
// reference through its C++ API (reference_workloads.cpp) and in JavaScript for node
// (harness/node/bench.js). Each checks its own result, so a wrong answer fails the run instead of
// looking fast.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pc::bench {

struct Workload {
  std::string_view name;
  std::string_view what;  // one line: what N operations are
};

// chain, fan-out, all, await, deferred: in this order.
const std::vector<Workload>& workloads();
const Workload* findWorkload(std::string_view name);

// Runs `workload` with `n` operations on the reference, in this process, and returns the seconds it
// took. Throws std::runtime_error when the result is not the one the workload must compute.
double runOnReference(std::string_view workload, std::size_t n);

}  // namespace pc::bench
