#include "harness/core/run_budget.hpp"

namespace pc {
namespace {

[[noreturn]] void exhausted(const std::string& budget, const std::string& limit) {
  throw BudgetExhausted("budget exhausted: " + budget + " (at most " + limit +
                        " per case); does the case run forever, e.g. a timer that sets itself again or a thenable "
                        "that resolves with itself?");
}

}  // namespace

void RunBudget::spendJob() {
  if (++jobs_ > limits_.jobs) exhausted("jobs run", std::to_string(limits_.jobs));
  if (trace_.events.size() > limits_.traceEvents)
    exhausted("trace length", std::to_string(limits_.traceEvents) + " events");
}

void RunBudget::checkPromises(std::uint64_t created) const {
  if (created > limits_.promises) exhausted("promises created", std::to_string(limits_.promises));
}

void RunBudget::checkTime(double now) const {
  if (now > limits_.virtualTimeMs)
    exhausted("virtual time", std::to_string(static_cast<long long>(limits_.virtualTimeMs)) + " ms");
}

}  // namespace pc
