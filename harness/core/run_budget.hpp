#pragma once
// Per-case budgets. A case is a finite file, but its run need not end: a timer callback that sets
// the same timer again through a thenable, or a thenable that resolves with itself, runs forever and
// grows the realm as it goes. The interpreter charges every run to these budgets and stops the case
// when one runs out, with a verdict (a hang) that names the budget. The defaults sit far above what
// any case of the corpus needs, and stop a runaway case within seconds and some 100 MB.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "harness/core/trace.hpp"

namespace pc {

struct Budgets {
  std::uint64_t jobs = 100'000;           // macrotasks and microtasks run (microtasks: where the harness sees them)
  std::uint64_t promises = 100'000;       // promises created (where the harness sees them: the reference)
  double virtualTimeMs = 31'536'000'000;  // one year on the virtual clock
  std::uint64_t traceEvents = 100'000;    // events recorded
};

// Thrown between two jobs when a budget has run out; `interpret` turns it into a hang verdict.
class BudgetExhausted : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class RunBudget {
 public:
  // `trace` is the run's, whose length is checked before each job.
  RunBudget(const Budgets& limits, const Trace& trace) : limits_(limits), trace_(trace) {}

  // Called before each job; throws BudgetExhausted when a budget is over. One job records a bounded
  // number of events (its body is finite), so checking between jobs bounds the trace too.
  void spendJob();
  void checkPromises(std::uint64_t created) const;
  void checkTime(double now) const;

 private:
  Budgets limits_;
  const Trace& trace_;
  std::uint64_t jobs_ = 0;
};

}  // namespace pc
