#pragma once
// The reference model behind the PromiseRuntime interface: every operation is the ECMA-262
// algorithm of reference/, on one realm whose host journals the jobs (journaling_host.hpp).
#include <memory>

#include "harness/core/journaling_host.hpp"
#include "harness/core/promise_runtime.hpp"
#include "reference/promise_abstract_operations.hpp"
#include "reference/promise_builtins.hpp"

namespace pc {

class ReferenceRuntime final : public PromiseRuntime {
 public:
  ReferenceRuntime() : ReferenceRuntime(std::make_unique<JournalingHost>()) {}
  // A host of the caller's: harness/gen breaks the model on purpose through a faulty one.
  explicit ReferenceRuntime(std::unique_ptr<JournalingHost> host) : host_(std::move(host)), realm_(*host_) {}

  es::Realm& realm() override { return realm_; }
  FeatureSet features() const override { return FeatureSet::all(); }
  void recordJobsIn(JobJournal& journal, PromiseNames& names) override { host_->recordIn(journal, names); }

  es::Completion construct(const es::Value& executor) override { return es::PromiseConstructor(realm_, executor); }
  es::Completion withResolvers() override { return es::PromiseWithResolvers(realm_); }
  es::Completion resolved(const es::Value& v) override { return es::PromiseResolveFunction(realm_, v); }
  es::Completion rejected(const es::Value& v) override { return es::PromiseReject(realm_, v); }
  es::Completion then(const es::Value& receiver, const es::Value& onFulfilled, const es::Value& onRejected) override {
    const es::Value args[] = {onFulfilled, onRejected};
    return es::Invoke(realm_, receiver, "then", args);
  }
  es::Completion catchRejection(const es::Value& receiver, const es::Value& onRejected) override {
    if (!inheritsMethod(receiver, "catch")) return methodOfNonPromise(receiver, "catch", onRejected);
    return es::PromisePrototypeCatch(realm_, receiver, onRejected);
  }
  es::Completion finally(const es::Value& receiver, const es::Value& onFinally) override {
    if (!inheritsMethod(receiver, "finally")) return methodOfNonPromise(receiver, "finally", onFinally);
    return es::PromisePrototypeFinally(realm_, receiver, onFinally);
  }
  es::Completion all(const es::Value& iterable) override { return es::PromiseAll(realm_, iterable); }
  es::Completion allSettled(const es::Value& iterable) override { return es::PromiseAllSettled(realm_, iterable); }
  es::Completion race(const es::Value& iterable) override { return es::PromiseRace(realm_, iterable); }
  es::Completion any(const es::Value& iterable) override { return es::PromiseAny(realm_, iterable); }
  es::Completion tryCall(const es::Value& callback) override { return es::PromiseTry(realm_, callback); }

  es::PromiseCapability startAsyncFunction() override { return es::NewPromiseCapability(realm_); }
  void await(const es::Value& v, es::Resumption resume) override { es::Await(realm_, v, std::move(resume)); }
  void completeAsyncFunction(const es::PromiseCapability& c, const es::Completion& result) override {
    es::AsyncFunctionComplete(realm_, c, result);
  }

  void queueMicrotask(std::string description, std::function<void()> work) override {
    host_->queueMicrotask(std::move(description), std::move(work));
  }
  void chargeTo(RunBudget& budget) override { budget_ = &budget; }
  void drainMicrotasks() override {
    while (!host_->jobs.empty()) {
      if (budget_) chargeNextJob();
      host_->jobs.runNext();
    }
  }
  bool reportRejections(std::vector<es::RejectionReport>& out) override { return host_->rejections.process(out); }
  PromiseSnapshot inspect(const es::Value& promise) override {
    const es::PromiseObject* p = es::asPromise(promise);
    return {p->state, p->result};
  }
  bool isPromise(const es::Value& v) const override { return es::IsPromise(v); }

 private:
  // Whether `x.name` is Promise.prototype's method: x is a promise with no own property of that name.
  static bool inheritsMethod(const es::Value& receiver, const char* name) {
    return es::IsPromise(receiver) && receiver.asObject()->findOwn(name) == nullptr;
  }
  // `x.catch(...)` on something that is not a promise, or on a promise with its own "catch", calls
  // whatever its "catch" property holds.
  es::Completion methodOfNonPromise(const es::Value& receiver, const char* name, const es::Value& arg) {
    const es::Value args[] = {arg};
    return es::Invoke(realm_, receiver, name, args);
  }

  void chargeNextJob() {
    budget_->spendJob();
    budget_->checkPromises(realm_.heap.made(es::ObjectKind::Promise));
  }

  std::unique_ptr<JournalingHost> host_;  // before realm_, which refers to it
  es::Realm realm_;
  RunBudget* budget_ = nullptr;
};

}  // namespace pc
