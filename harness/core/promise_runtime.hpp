#pragma once
// The primitive operations the interpreter needs from a promise implementation. Values and functions
// are the reference's (reference/value.hpp): they are the one dynamic value type that travels
// through every subject. The reference implements all of it; a library adapter implements what its
// library offers and declares the rest missing in features().
#include <functional>
#include <string>
#include <vector>

#include "harness/core/feature.hpp"
#include "harness/core/job_journal.hpp"
#include "harness/core/promise_names.hpp"
#include "harness/core/run_budget.hpp"
#include "reference/async_function.hpp"
#include "reference/host_rejection_tracker.hpp"
#include "reference/realm.hpp"

namespace pc {

struct PromiseSnapshot {
  es::PromiseState state = es::PromiseState::Pending;
  es::Value result;
};

class PromiseRuntime {
 public:
  virtual ~PromiseRuntime() = default;

  // Where values and functions are made.
  virtual es::Realm& realm() = 0;
  virtual FeatureSet features() const = 0;

  // Each returns what the JavaScript expression returns, or the exception it throws.
  virtual es::Completion construct(const es::Value& executor) = 0;  // new Promise(executor)
  virtual es::Completion withResolvers() = 0;                       // {promise, resolve, reject}
  virtual es::Completion resolved(const es::Value& v) = 0;          // Promise.resolve(v)
  virtual es::Completion rejected(const es::Value& v) = 0;          // Promise.reject(v)
  virtual es::Completion then(const es::Value& receiver, const es::Value& onFulfilled,
                              const es::Value& onRejected) = 0;  // receiver.then(f, r)
  virtual es::Completion catchRejection(const es::Value& receiver, const es::Value& onRejected) = 0;
  virtual es::Completion finally(const es::Value& receiver, const es::Value& onFinally) = 0;
  virtual es::Completion all(const es::Value& iterable) = 0;
  virtual es::Completion allSettled(const es::Value& iterable) = 0;
  virtual es::Completion race(const es::Value& iterable) = 0;
  virtual es::Completion any(const es::Value& iterable) = 0;
  // Promise.try(callback, ...args)
  virtual es::Completion tryCall(const es::Value& callback, std::span<const es::Value> args) = 0;

  // Async functions: the capability of the call, Await, and the body's completion.
  virtual es::PromiseCapability startAsyncFunction() = 0;
  virtual void await(const es::Value& v, es::Resumption resume) = 0;
  virtual void completeAsyncFunction(const es::PromiseCapability& c, const es::Completion& result) = 0;

  // A runtime whose microtasks the harness can see journals each of them in `journal` (which the
  // interpreter owns, with the macrotasks), naming promises by `names`. A library's cannot.
  virtual void recordJobsIn(JobJournal& /*journal*/, PromiseNames& /*names*/) {}

  // A runtime that runs its microtasks one at a time where the harness can see them (the reference)
  // charges each, and the promises it creates, to `budget` (the interpreter's, for this run). A
  // library's cannot: a microtask that never ends there is caught by its worker's case timeout.
  virtual void chargeTo(RunBudget& /*budget*/) {}

  // A macrotask (the script, a timer callback) starts running JavaScript; it ends at the next
  // drainMicrotasks. Libraries use it to tell a handler entered from platform code from one entered
  // while JavaScript runs.
  virtual void beginMacrotask() {}

  virtual void queueMicrotask(std::string description, std::function<void()> work) = 0;
  // Runs microtasks until none is left.
  virtual void drainMicrotasks() = 0;
  // One round of host rejection reporting (see reference/host_rejection_tracker.hpp); false when
  // there was nothing to do.
  virtual bool reportRejections(std::vector<es::RejectionReport>& out) = 0;
  virtual PromiseSnapshot inspect(const es::Value& promise) = 0;
  // The case can no longer reach this promise: the statement that made it bound no name. A runtime
  // that stands for a library drops its own handle, as a program drops a temporary, so a library that
  // cancels on drop shows it. JavaScript's runtimes ignore it (a promise is never collected visibly).
  virtual void release(const es::Value& /*promise*/) {}
  // The case can no longer call this promise's resolve or reject function: its executor is done and
  // nothing in the program names them. A library runtime drops its producer (a broken promise, a
  // destroyed fulfiller), JavaScript's runtimes ignore it.
  virtual void releaseResolvers(const es::Value& /*promise*/) {}
  virtual bool isPromise(const es::Value& v) const = 0;
};

}  // namespace pc
