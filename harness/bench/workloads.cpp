#include "harness/bench/workloads.hpp"

namespace pc::bench {

const std::vector<Workload>& workloads() {
  static const std::vector<Workload> all{
      {"chain", "p = p.then(x => x + 1), N times on a pending root, then resolve it"},
      {"fan-out", "root.then(handler), N times on one pending root, then resolve it"},
      {"all", "Promise.all of N promises made by Promise.resolve(i)"},
      {"await", "one async function doing `sum += await i` N times"},
      {"deferred", "N new Promise(executor) with a then each, resolved afterwards one by one"},
  };
  return all;
}

const Workload* findWorkload(std::string_view name) {
  for (const Workload& w : workloads())
    if (w.name == name) return &w;
  return nullptr;
}

}  // namespace pc::bench
