#pragma once
// The reference model behind the PromiseRuntime interface: every operation is the ECMA-262
// algorithm of reference/, on one realm whose host journals the jobs (journaling_host.hpp).
#include <initializer_list>
#include <memory>
#include <span>

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
  // Promise.withResolvers(), Promise.resolve(v)...: each reads the method from %Promise% as the
  // expression does, so a program that replaced it gets its own.
  es::Completion withResolvers() override { return invoke(realm_.promiseConstructor, "withResolvers", {}); }
  es::Completion resolved(const es::Value& v) override { return invoke(realm_.promiseConstructor, "resolve", {v}); }
  es::Completion rejected(const es::Value& v) override { return invoke(realm_.promiseConstructor, "reject", {v}); }
  es::Completion then(const es::Value& receiver, const es::Value& onFulfilled, const es::Value& onRejected) override {
    return invoke(receiver, "then", {onFulfilled, onRejected});
  }
  es::Completion catchRejection(const es::Value& receiver, const es::Value& onRejected) override {
    return invoke(receiver, "catch", {onRejected});
  }
  es::Completion finally(const es::Value& receiver, const es::Value& onFinally) override {
    return invoke(receiver, "finally", {onFinally});
  }
  es::Completion all(const es::Value& iterable) override {
    return invoke(realm_.promiseConstructor, "all", {iterable});
  }
  es::Completion allSettled(const es::Value& iterable) override {
    return invoke(realm_.promiseConstructor, "allSettled", {iterable});
  }
  es::Completion race(const es::Value& iterable) override {
    return invoke(realm_.promiseConstructor, "race", {iterable});
  }
  es::Completion any(const es::Value& iterable) override {
    return invoke(realm_.promiseConstructor, "any", {iterable});
  }
  es::Completion tryCall(const es::Value& callback, std::span<const es::Value> args) override {
    std::vector<es::Value> all{callback};
    all.insert(all.end(), args.begin(), args.end());
    return es::Invoke(realm_, realm_.promiseConstructor, "try", all);
  }

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
  // receiver.name(args...): Invoke, which reads the method as the member expression does.
  es::Completion invoke(const es::Value& receiver, const char* name, std::initializer_list<es::Value> args) {
    return es::Invoke(realm_, receiver, name, std::span<const es::Value>(args.begin(), args.size()));
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
