#pragma once
// The happens-before relation of the causal level (spec/levels.md) over the events of a trace that
// carries causality (the reference's, the witness). It is the transitive closure of five edges:
//  E1 program order: the events of one job in the order it recorded them;
//  E2 run to completion: every event of a job before every event of each job it enqueued (before
//     or after the enqueue point: A+ 2.2.4 and note 3.1);
//  E3 registration order: the reactions of one promise in the order of their then calls (A+ 2.2.6),
//     recorded by the reference as an "after" edge between reaction jobs;
//  E4 virtual time: every event of a job that ran while the clock read t before every event of a
//     timer callback due later than t; timer callbacks in the order they ran ("after" edges);
//  E5 host reports: a macrotask's rejection reports after every job of that macrotask ("after").
#include <cstddef>
#include <string>
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

// Which edge of spec/levels.md puts witness event `a` before witness event `b` (a happens before b),
// in words, for failure messages: the edge into b's job when a is not in that job.
std::string edgeName(const Trace& witness, std::size_t a, std::size_t b);

}  // namespace pc
