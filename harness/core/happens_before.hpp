#pragma once
// The happens-before relation over the events of a trace that carries causality (the reference's).
// Event a happens before event b when:
//  - both ran in one job, a first (program order);
//  - b's job, or an ancestor of it, was enqueued by a's job after a was recorded ("enqueued by");
//  - a's job must run before b's job: reactions of one promise in registration order, timers in time
//    order, host reports after the jobs of their macrotask ("after" edges), and transitively so.
#include <cstddef>
#include <vector>

#include "harness/core/trace.hpp"

namespace pc {

class HappensBefore {
 public:
  explicit HappensBefore(const Trace& withCausality);
  bool before(std::size_t a, std::size_t b) const { return preceding_[b][a]; }
  // Whether every event that happens before `event` is marked in `done`.
  bool ready(std::size_t event, const std::vector<bool>& done) const;

 private:
  std::vector<std::vector<bool>> preceding_;  // preceding_[b][a]: a happens before b
};

}  // namespace pc
