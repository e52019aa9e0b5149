// The interpreter's event loop: the script, then each virtual timer, each macrotask followed by a
// microtask checkpoint with Node's rejection reporting.
#include "harness/core/interpreter.hpp"

#include "harness/core/interpreter_run.hpp"

namespace pc {
namespace interp {

Run::Run(PromiseRuntime& runtime, const Budgets& budgets)
    : rt_(runtime), realm_(runtime.realm()), budget_(budgets, trace_) {
  rt_.recordJobsIn(journal_, describePromises_);
  rt_.chargeTo(budget_);
}

Trace Run::execute(const Json& program) {
  program_ = &program;
  macrotask("script", "main script", 0, -1, 0, {}, [&] {
    Completion c = runBody(program, Env{});
    if (c.isAbrupt()) record(Json{{"uncaught", encode(c.value)}});
  });
  while (!timers_.empty()) {
    VirtualTimerQueue::Timer t = timers_.takeNext();
    std::vector<int> after;
    if (lastTimerJob_ >= 0) after.push_back(lastTimerJob_);
    lastTimerJob_ = journal_.nextId();
    macrotask("timer", "timer callback at t=" + std::to_string(static_cast<long long>(t.due)), t.due, t.scheduledBy,
              t.scheduledAfterEvents, std::move(after), t.callback);
  }
  trace_.final = finalStates();
  // A microtask runs at the clock of the job that enqueued it; macrotasks were given theirs.
  std::map<int, double> timeOf = macrotaskTime_;
  for (JobRecord j : journal_.records()) {
    auto known = timeOf.find(j.id);
    j.time = known != timeOf.end() ? known->second : timeOf[j.enqueuedBy];
    timeOf[j.id] = j.time;
    trace_.jobs.push_back(std::move(j));
  }
  return std::move(trace_);
}

void Run::macrotask(std::string_view kind, std::string description, double time, int enqueuedBy,
                    std::size_t afterEvents, std::vector<int> after, const std::function<void()>& work) {
  budget_.spendJob();
  budget_.checkTime(time);
  const int id =
      journal_.beginMacrotask(std::string(kind), std::move(description), enqueuedBy, afterEvents, std::move(after));
  macrotaskTime_[id] = time;
  rt_.beginMacrotask();
  work();
  journal_.endMacrotask();
  checkpoint(id);
}

// Drain the microtasks, let the host report rejections, and repeat while it reported something,
// as Node's processTicksAndRejections does.
void Run::checkpoint(int macrotaskJob) {
  for (;;) {
    rt_.drainMicrotasks();
    std::vector<es::RejectionReport> reports;
    const bool again = rt_.reportRejections(reports);
    if (!reports.empty()) {
      // The reports come after every job of this macrotask, whatever enqueued them.
      std::vector<int> after;
      for (int id = macrotaskJob; id < journal_.nextId(); ++id) after.push_back(id);
      const int host = journal_.beginMacrotask("host", "rejection tracking", -1, journal_.events(), std::move(after));
      macrotaskTime_[host] = macrotaskTime_.at(macrotaskJob);
      reportRejections(reports);
      journal_.endMacrotask();
    }
    if (!again) return;
  }
}

void Run::reportRejections(const std::vector<es::RejectionReport>& reports) {
  for (const es::RejectionReport& r : reports) {
    const Json name = encode(r.promise).at("promise");
    if (r.kind == es::RejectionReport::Kind::Handled)
      record(Json{{"handled", name}});
    else
      record(Json{{"unhandled", name}, {"reason", encode(r.reason)}});
  }
}

void Run::callReportingUncaught(const Value& function) {
  Completion c = es::Call(realm_, function, Undefined{});
  if (c.isAbrupt()) record(Json{{"uncaught", encode(c.value)}});
}

void Run::record(Json event) {
  trace_.events.push_back(std::move(event));
  trace_.eventJob.push_back(journal_.current());
  journal_.noteEvent();
}

Json Run::finalStates() {
  Json final = Json::object();
  for (const std::string& name : promiseNames_) {
    const Value& v = bindings_.at(name);
    if (!rt_.isPromise(v)) continue;
    const PromiseSnapshot s = rt_.inspect(v);
    switch (s.state) {
      case es::PromiseState::Pending: final[name] = Json::array({"pending"}); break;
      case es::PromiseState::Fulfilled: final[name] = Json::array({"fulfilled", encode(s.result)}); break;
      case es::PromiseState::Rejected: final[name] = Json::array({"rejected", encode(s.result)}); break;
    }
  }
  return final;
}

}  // namespace interp

Trace interpret(const Json& program, PromiseRuntime& runtime, const Budgets& budgets) {
  try {
    return interp::Run(runtime, budgets).execute(program);
  } catch (const BudgetExhausted& e) {
    Trace stopped;
    stopped.failure = e.what();
    stopped.failureKind = FailureKind::Hang;
    return stopped;
  }
}

}  // namespace pc
