#pragma once
// LibraryRuntime<Adapter>: the interpreter's PromiseRuntime over an adapter (see adapter.hpp). It
// wraps the library's futures as JavaScript objects, turns JavaScript handlers into Callbacks,
// supplies what every adapter gets for free (executors, deferreds, catch, ready futures) and waits
// for the library's continuations when the interpreter drains.
#include <algorithm>
#include <atomic>
#include <concepts>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <thread>
#include <utility>
#include <vector>

#include "harness/core/promise_runtime.hpp"
#include "harness/core/thread_states.hpp"
#include "harness/sdk/host.hpp"
#include "reference/iteration.hpp"
#include "reference/node_host.hpp"

namespace pc::sdk {

template <class A>
concept LibraryAdapter = requires(A& a, const typename A::Handle& h, Callback c) {
  { a.pending() } -> std::same_as<Pending<typename A::Handle>>;
  { a.then(h, c, c) } -> std::same_as<typename A::Handle>;
  { a.inspect(h) } -> std::same_as<Settled>;
  { std::as_const(a).scheduling() } -> std::same_as<Scheduling>;
};

template <class A>
concept HasFinally = requires(A& a, const typename A::Handle& h, Callback c) {
  { a.finally(h, c) } -> std::same_as<typename A::Handle>;
};
template <class A>
concept HasReadyFutures = requires(A& a, const Value& v) {
  { a.resolved(v) } -> std::same_as<typename A::Handle>;
  { a.rejected(v) } -> std::same_as<typename A::Handle>;
};
template <class A>
concept HasPump = requires(A& a) {
  a.pump();
};
template <class A>
concept HasTry = requires(A& a, TryCallback callback) {
  { a.tryCall(std::move(callback)) } -> std::same_as<typename A::Handle>;
};
template <class A>
concept HasDrop = requires(A& a, typename A::Handle h) {
  a.drop(std::move(h));
};
template <class A>
concept HasMicrotasks = requires(A& a, std::function<void()> work) {
  a.queueMicrotask(std::move(work));
};

// The combinators, each optional; an adapter declares one by having the member.
#define PC_SDK_COMBINATOR(Concept, member)                                    \
  template <class A>                                                          \
  concept Concept = requires(A & a, std::vector<typename A::Handle> inputs) { \
    { a.member(std::move(inputs)) } -> std::same_as<typename A::Handle>;      \
  };
PC_SDK_COMBINATOR(HasAll, all)
PC_SDK_COMBINATOR(HasAllSettled, allSettled)
PC_SDK_COMBINATOR(HasRace, race)
PC_SDK_COMBINATOR(HasAny, any)
#undef PC_SDK_COMBINATOR

// The features an adapter offers: the SDK's own, plus one per optional member it has.
template <LibraryAdapter A>
FeatureSet featuresOf() {
  FeatureSet f;
  for (Feature given :
       {Feature::Executor, Feature::Deferred, Feature::ResolvedRejected, Feature::Catch, Feature::Timers})
    f.add(given);
  if constexpr (HasFinally<A>) f.add(Feature::Finally);
  if constexpr (HasAll<A>) f.add(Feature::All);
  if constexpr (HasAllSettled<A>) f.add(Feature::AllSettled);
  if constexpr (HasRace<A>) f.add(Feature::Race);
  if constexpr (HasAny<A>) f.add(Feature::Any);
  if constexpr (HasMicrotasks<A>) f.add(Feature::Microtask);
  if constexpr (HasTry<A>) f.add(Feature::Try);
  return f;
}

template <LibraryAdapter A>
class LibraryRuntime final : public PromiseRuntime {
  using Handle = typename A::Handle;

 public:
  template <class... Args>
  explicit LibraryRuntime(Options options, Args&&... args)
      : host_(realm_, options), adapter_(host_, std::forward<Args>(args)...) {
    host_.setThreaded(adapter_.scheduling() == Scheduling::Threaded);
  }
  // noexcept even when the library's destructors are not (KJ's): a throw while tearing down a case
  // ends the worker, and the isolation records the crash.
  ~LibraryRuntime() noexcept override {
    close();
    for (std::thread& reaper : reapers_) reaper.join();  // close() broke what they were waiting for
    droppedProducers_.clear();
    dropped_.clear();
    edges_.clear();
    joins_.clear();
    tries_.clear();
    handles_.clear();
  }

  Host& host() { return host_; }
  A& adapter() { return adapter_; }

  // Ends the case: callbacks stop reaching JavaScript, and promises nobody settled are dropped, so
  // library threads still waiting on them wake up (as broken promises) and finish.
  void close() {
    host_.close();
    pendings_.clear();
  }

  es::Realm& realm() override { return realm_; }
  FeatureSet features() const override { return featuresOf<A>(); }

  // new Promise(executor), made of a pending future: the executor gets its resolve and reject, and
  // a throw from the executor rejects (27.2.3.1 steps 9-10).
  es::Completion construct(const es::Value& executor) override {
    if (!es::IsCallable(executor)) return realm_.throwTypeError("Promise resolver is not a function");
    return guard([&] {
      const auto [promise, resolve, reject] = deferredParts();
      const es::Value args[] = {resolve, reject};
      es::Completion c = es::Call(realm_, executor, es::Undefined{}, args);
      if (c.isAbrupt()) {
        const es::Value reason[] = {c.value};
        es::Call(realm_, reject, es::Undefined{}, reason);
      }
      return es::Completion::normal(promise);
    });
  }
  es::Completion withResolvers() override {
    return guard([&] {
      const auto [promise, resolve, reject] = deferredParts();
      es::Object* record = realm_.makeObject();
      record->set("promise", promise);
      record->set("resolve", resolve);
      record->set("reject", reject);
      return es::Completion::normal(record);
    });
  }
  es::Completion resolved(const es::Value& v) override { return ready(v, false); }
  es::Completion rejected(const es::Value& v) override { return ready(v, true); }

  es::Completion then(const es::Value& receiver, const es::Value& onFulfilled, const es::Value& onRejected) override {
    const Handle* antecedent = host_.handleOf<Handle>(receiver);
    if (!antecedent) return notAPromise(receiver);
    return guard([&] {
      Callback f = host_.makeCallback(onFulfilled, CallbackState::Kind::PassThrough);
      Callback r = host_.makeCallback(onRejected, CallbackState::Kind::Thrower);
      Edge edge{*antecedent, nullptr, f.state(), r.state()};
      Host::InsideLibraryCall inside(kInsideThen);
      es::Completion derived = wrap(adapter_.then(*antecedent, std::move(f), std::move(r)));
      edge.derived = host_.handleOf<Handle>(derived.value);
      edges_.push_back(edge);
      return derived;
    });
  }
  // Promise.prototype.catch is then(undefined, onRejected) (27.2.5.1).
  es::Completion catchRejection(const es::Value& receiver, const es::Value& onRejected) override {
    return then(receiver, es::Undefined{}, onRejected);
  }
  es::Completion finally(const es::Value& receiver, const es::Value& onFinally) override {
    if constexpr (HasFinally<A>) {
      const Handle* h = host_.handleOf<Handle>(receiver);
      if (!h) return notAPromise(receiver);
      return guard([&] {
        Host::InsideLibraryCall inside(kInsideFinally);
        return wrap(adapter_.finally(*h, host_.makeCallback(onFinally, CallbackState::Kind::PassThrough)));
      });
    }
    return unsupported("finally");
  }
  es::Completion all(const es::Value& iterable) override {
    if constexpr (HasAll<A>)
      return combine(iterable, [&](std::vector<Handle> in) { return adapter_.all(std::move(in)); });
    return unsupported("Promise.all");
  }
  es::Completion allSettled(const es::Value& iterable) override {
    if constexpr (HasAllSettled<A>)
      return combine(iterable, [&](std::vector<Handle> in) { return adapter_.allSettled(std::move(in)); });
    return unsupported("Promise.allSettled");
  }
  es::Completion race(const es::Value& iterable) override {
    if constexpr (HasRace<A>)
      return combine(iterable, [&](std::vector<Handle> in) { return adapter_.race(std::move(in)); });
    return unsupported("Promise.race");
  }
  es::Completion any(const es::Value& iterable) override {
    if constexpr (HasAny<A>)
      return combine(iterable, [&](std::vector<Handle> in) { return adapter_.any(std::move(in)); });
    return unsupported("Promise.any");
  }
  // Promise.try(callback) through the library's own equivalent. A non-callable is a TypeError that
  // rejects (27.2.4.8 step 4: the Call throws). The callback runs at once when the library calls it
  // inside tryCall on this thread; otherwise it is a handler like any other (see TryCallback).
  // Arguments are bound into the callback, as a C++ program captures them in a lambda.
  es::Completion tryCall(const es::Value& given, std::span<const es::Value> args) override {
    if constexpr (HasTry<A>) {
      if (!es::IsCallable(given)) return rejected(realm_.throwTypeError("Promise.try: not a function").value);
      const es::Value callback = args.empty() ? given : bindArguments(given, args);
      return guard([&] {
        Callback later = host_.makeCallback(callback, CallbackState::Kind::Thrower);
        auto scope = std::make_shared<TryScope>();
        scope->caller = std::this_thread::get_id();
        TryCallback body([this, scope, later, callback]() -> Outcome {
          if (!scope->open || scope->caller != std::this_thread::get_id()) return later(es::Undefined{});
          CallbackState& state = *later.state();
          if (state.started) return {true, es::Undefined{}};
          state.started = true;
          const es::Completion c = es::Call(realm_, callback, es::Undefined{});
          state.returnedPromise = !c.isAbrupt() && isPromise(c.value);
          state.finished = true;
          return {c.isAbrupt(), c.value};
        });
        Host::InsideLibraryCall inside(kInsideTry);
        es::Completion output = wrap(adapter_.tryCall(std::move(body)));
        scope->open = false;
        tries_.push_back({later.state(), host_.handleOf<Handle>(output.value)});
        return output;
      });
    }
    return unsupported("Promise.try");
  }

  // Async functions are JavaScript's own; featuresOf never offers them, so the runner never asks.
  es::PromiseCapability startAsyncFunction() override { throw std::logic_error("async functions: not applicable"); }
  void await(const es::Value&, es::Resumption) override { throw std::logic_error("await: not applicable"); }
  void completeAsyncFunction(const es::PromiseCapability&, const es::Completion&) override {
    throw std::logic_error("async functions: not applicable");
  }

  void queueMicrotask(std::string, std::function<void()> work) override {
    if constexpr (HasMicrotasks<A>) {
      ++microtasksQueued_;
      guard([&] {
        adapter_.queueMicrotask([host = &host_, finished = microtasksFinished_, work = std::move(work)] {
          host->runGuarded(work);
          ++*finished;
        });
        return es::Completion::normal();
      });
    }
  }

  void beginMacrotask() override { host_.startMacrotask(); }

  void drainMicrotasks() override {
    host_.letOtherThreadsCatchUp();  // the macrotask's JavaScript is still "running" until this returns
    host_.endMacrotask();
    // A library with threads of its own first finishes what is due, and only then sees what the case
    // dropped: were the drop first, whether a thread (Boost's when_any) looked at a future before or
    // after its producer was destroyed would be decided by the thread's timing, and differ between
    // runs. A library without threads sees the drop first, as before: it runs nothing meanwhile.
    const bool threaded = adapter_.scheduling() == Scheduling::Threaded;
    if (!threaded) dropDropped();
    runDueWork();
    if (threaded && dropDropped()) runDueWork();
  }
  bool reportRejections(std::vector<es::RejectionReport>&) override { return false; }

  PromiseSnapshot inspect(const es::Value& promise) override {
    const Settled s = adapter_.inspect(*host_.handleOf<Handle>(promise));
    return {s.state == Settled::State::Pending     ? es::PromiseState::Pending
            : s.state == Settled::State::Fulfilled ? es::PromiseState::Fulfilled
                                                   : es::PromiseState::Rejected,
            s.value};
  }
  bool isPromise(const es::Value& v) const override { return host_.handleOf<Handle>(v) != nullptr; }

  // The case dropped this promise: so does the harness, at the next drain (dropDropped), as a
  // program drops a temporary at the end of its statement, before the library's loop runs again.
  void release(const es::Value& promise) override {
    const Handle* h = host_.handleOf<Handle>(promise);
    if (h == nullptr || released_.contains(h)) return;
    released_.insert(h);
    Handle handle = std::exchange(*const_cast<Handle*>(h), Handle{});
    if constexpr (HasDrop<A>) {
      guard([&] {
        adapter_.drop(std::move(handle));
        return es::Completion::normal();
      });
      return;
    }
    dropped_.push_back(std::move(handle));
  }
  // Nothing can settle this promise any more: drop its producer (resolve and reject hold it).
  void releaseResolvers(const es::Value& promise) override {
    const Handle* h = host_.handleOf<Handle>(promise);
    auto it = h == nullptr ? producers_.end() : producers_.find(h);
    if (it == producers_.end()) return;
    droppedProducers_.push_back(std::exchange(pendings_[it->second], Pending<Handle>{}));
    producers_.erase(it);
  }

 private:
  // What the program does at the end of a macrotask: pump the library's loop, or wait for its threads.
  void runDueWork() {
    if constexpr (HasPump<A>)
      guard([&] {
        adapter_.pump();
        return es::Completion::normal();
      });
    if (adapter_.scheduling() == Scheduling::Threaded) waitUntilQuiet();
  }
  // Where a handler that runs synchronously ran (host.hpp, InsideLibraryCall).
  static constexpr const char* kInsideThen = "then(), on a future that was already complete";
  static constexpr const char* kInsideSettle = "the call that completed its future";
  static constexpr const char* kInsideFinally = "the library's finally call";
  static constexpr const char* kInsideCombinator = "a combinator call (all, race, ...)";
  static constexpr const char* kInsideTry = "the library's try call";

  // One then: what it waits on, what it returns, and its two callbacks.
  struct Edge {
    Handle antecedent;
    const Handle* derived;  // in handles_
    std::shared_ptr<const CallbackState> onFulfilled, onRejected;
    bool done = false;
  };

  // One combinator: its inputs and its output.
  struct Join {
    std::vector<Handle> inputs;
    const Handle* output;  // in handles_
    bool done = false;
  };

  // One Promise.try: its callback and its output.
  struct Try {
    std::shared_ptr<const CallbackState> callback;
    const Handle* output;  // in handles_
    bool done = false;
  };
  struct TryScope {
    std::thread::id caller;
    std::atomic<bool> open{true};  // tryCall has not returned yet
  };

  struct DeferredParts {
    es::Value promise, resolve, reject;
  };

  DeferredParts deferredParts() {
    pendings_.push_back(adapter_.pending());
    const std::size_t k = pendings_.size() - 1;
    const es::Value promise = wrap(pendings_[k].future).value;
    producers_[host_.handleOf<Handle>(promise)] = k;
    return {promise, settleFunction(k, false), settleFunction(k, true)};
  }

  // A resolve or reject function of pending future k. The library decides what a second call does.
  es::Value settleFunction(std::size_t k, bool reject) {
    return realm_.makeFunction([this, k, reject](const es::Value&, std::span<const es::Value> args) {
      const es::Value v = args.empty() ? es::Value(es::Undefined{}) : args[0];
      return guard([&] {
        Host::InsideLibraryCall inside(kInsideSettle);
        const auto& settle = k < pendings_.size() ? (reject ? pendings_[k].reject : pendings_[k].resolve) : nullptr;
        if (settle) settle(v);
        return es::Completion::normal();
      });
    });
  }

  es::Completion ready(const es::Value& v, bool reject) {
    return guard([&] {
      if constexpr (HasReadyFutures<A>) return wrap(reject ? adapter_.rejected(v) : adapter_.resolved(v));
      pendings_.push_back(adapter_.pending());
      Pending<Handle>& p = pendings_.back();
      (reject ? p.reject : p.resolve)(v);
      return wrap(p.future);
    });
  }

  // The elements of an iterable as futures: this library's futures as they are, other values made
  // ready futures, as Promise.resolve would make them. What cannot be iterated rejects, as in JS.
  template <class Combinator>
  es::Completion combine(const es::Value& iterable, Combinator&& combinator) {
    std::vector<es::Value> elements;
    if (es::Completion it = es::IterableToList(realm_, iterable, elements); it.isAbrupt()) return rejected(it.value);
    return guard([&] {
      std::vector<Handle> inputs;
      for (const es::Value& e : elements) {
        if (const Handle* h = host_.handleOf<Handle>(e)) {
          inputs.push_back(*h);
          continue;
        }
        es::Completion r = resolved(e);
        inputs.push_back(*host_.handleOf<Handle>(r.value));
      }
      Host::InsideLibraryCall inside(kInsideCombinator);
      es::Completion output = wrap(combinator(inputs));
      joins_.push_back({std::move(inputs), host_.handleOf<Handle>(output.value)});
      return output;
    });
  }

  es::Completion wrap(Handle h) {
    handles_.push_back(std::move(h));
    return es::Completion::normal(realm_.heap.make<LibraryPromise<Handle>>(&handles_.back()));
  }

  // Library calls made on the case's behalf: a C++ exception out of one is a crash of the case.
  template <class F>
  es::Completion guard(F&& f) {
    try {
      es::Completion done = f();
      host_.afterLibraryCall();
      return done;
    } catch (...) {
      host_.fault(FailureKind::LibraryError, "threw " + describeCurrentException());
      return es::Completion::throwing(realm_.makeError("Error", "the library threw", true));
    }
  }

  // () => f(...args)
  es::Value bindArguments(const es::Value& f, std::span<const es::Value> args) {
    return realm_.makeFunction(
        [this, f, bound = std::vector<es::Value>(args.begin(), args.end())](
            const es::Value&, std::span<const es::Value>) { return es::Call(realm_, f, es::Undefined{}, bound); });
  }

  es::Completion notAPromise(const es::Value&) {
    return realm_.throwTypeError("receiver is not a promise of this library");
  }
  es::Completion unsupported(const char* what) {
    return realm_.throwTypeError(std::string(what) + " is not offered by this library");
  }

  // Every continuation whose future has settled has run, and its own future has settled (unless it
  // returned a future the library may be following); and every combinator whose inputs have all
  // settled has settled too (a library may compute it on a thread of its own); and every
  // Promise.try callback has run, and its future settled unless it returned a future; and every
  // microtask queued on the library's scheduler has run.
  bool quiet() {
    if (*microtasksFinished_ < microtasksQueued_) return false;
    for (Try& t : tries_) {
      if (t.done) continue;
      if (!t.callback->finished) return false;
      if (!t.callback->returnedPromise && !released_.contains(t.output) && adapter_.inspect(*t.output).isPending())
        return false;
      t.done = true;
    }
    for (Join& j : joins_) {
      if (j.done) continue;
      const auto settled = [&](const Handle& h) { return !adapter_.inspect(h).isPending(); };
      if (!std::all_of(j.inputs.begin(), j.inputs.end(), settled)) continue;
      if (!released_.contains(j.output) && !settled(*j.output)) return false;
      j.done = true;
    }
    for (Edge& e : edges_) {
      if (e.done || adapter_.inspect(e.antecedent).isPending()) continue;
      const bool ran = e.onFulfilled->finished || e.onRejected->finished;
      if (!ran) return false;
      const bool follows = e.onFulfilled->returnedPromise || e.onRejected->returnedPromise;
      if (!follows && !released_.contains(e.derived) && adapter_.inspect(*e.derived).isPending()) return false;
      e.done = true;
    }
    return true;
  }

  // Threaded libraries: release the case's lock and wait until quiet twice in a row (a library
  // settles a continuation's future just after the callback returns). A library that is not quiet
  // but has no thread running and starts no callback for a few polls in a row is merely waiting (on
  // a future nobody settles, a lock nobody releases): what it has not run will never run, so the
  // drain ends without a fault and the trace simply lacks it. drainTimeout is the backstop for a
  // library that stays busy without finishing: a hang.
  void waitUntilQuiet() {
    std::unique_lock<std::recursive_mutex> held(host_.mutex(), std::adopt_lock);
    const auto deadline = Clock::now() + host_.options().drainTimeout;
    IdleWatch idle;
    for (int quietRounds = 0; quietRounds < 2;) {
      // quiet() knows only the work it can see is due; a library thread still running may be
      // settling a future that one of its own follows (an unwrap), so a drain is calm only when
      // none runs.
      quietRounds = quiet() && othersRunningUnlocked(held) != true ? quietRounds + 1 : 0;
      if (quietRounds == 0 && idle.observe(host_.callbacksStarted(), othersRunningUnlocked(held))) break;
      if (Clock::now() > deadline) {
        host_.fault(FailureKind::Hang, "hung: continuations that were due had not run after " +
                                           std::to_string(host_.options().drainTimeout.count()) +
                                           " ms while the library kept running");
        break;
      }
      host_.waitForCallbacks(held, std::chrono::microseconds(quietRounds > 0 ? 200 : 500));
    }
    held.release();  // the interpreter still holds the lock it came with
  }

  // Destroys what the case dropped, with the case's lock released: destroying a future or a producer
  // runs library code that may wait for the library's threads (std::async's future waits for its
  // task), and they need that lock to run a handler. A library with threads of its own destroys on a
  // thread of ours, watched like a drain: when it is still waiting once nothing else moves, the
  // destructor blocks for good (in a program, on the thread that dropped the future) and the case
  // is recorded as hung, with that reason.
  // Whether there was anything to destroy.
  bool dropDropped() {
    if (dropped_.empty() && droppedProducers_.empty()) return false;
    auto doomed = std::make_shared<Doomed>(std::exchange(dropped_, {}), std::exchange(droppedProducers_, {}));
    std::unique_lock<std::recursive_mutex> held(host_.mutex(), std::adopt_lock);
    if (adapter_.scheduling() == Scheduling::SingleThreaded) {
      held.unlock();
      guard([&] { return doomed->destroy(); });
      held.lock();
    } else {
      reapers_.emplace_back([this, doomed] { guard([&] { return doomed->destroy(); }); });
      if (!waitUntilDestroyed(*doomed, held))
        host_.fault(FailureKind::Hang,
                    "hung: destroying a future the case dropped waited for its continuation, which never ran");
    }
    held.release();  // the interpreter still holds the lock it came with
    return true;
  }

  // What the case dropped, destroyed by destroy() on whichever thread runs it.
  struct Doomed {
    std::vector<Handle> handles;
    std::vector<Pending<Handle>> producers;
    std::atomic<bool> done{false};
    Doomed(std::vector<Handle> h, std::vector<Pending<Handle>> p) : handles(std::move(h)), producers(std::move(p)) {}
    es::Completion destroy() {
      producers.clear();
      handles.clear();
      done = true;
      return es::Completion::normal();
    }
  };

  bool waitUntilDestroyed(const Doomed& doomed, std::unique_lock<std::recursive_mutex>& held) {
    IdleWatch idle;
    while (!doomed.done) {
      if (idle.observe(host_.callbacksStarted(), othersRunningUnlocked(held))) return doomed.done;
      host_.waitForCallbacks(held, std::chrono::microseconds(200));
    }
    return true;
  }

  // Reads the other threads' states with the case's lock released: a library thread blocked on
  // that lock is woken by the release and shows as runnable, instead of asleep on our account.
  static std::optional<bool> othersRunningUnlocked(std::unique_lock<std::recursive_mutex>& held) {
    held.unlock();
    const std::optional<bool> running = otherThreadsRunning();
    held.lock();
    return running;
  }

  // The model's host for the realm where the case's values live. No promise of the model is ever
  // made there (the library's are SubjectPromises), so it is never given a job.
  es::NodeHost modelHost_;
  es::Realm realm_{modelHost_};
  Host host_;
  A adapter_;
  // The destructor empties these before the adapter goes: pendings first (breaking the promises
  // nobody settled), then every future.
  std::deque<Pending<Handle>> pendings_;
  std::deque<Handle> handles_;
  std::set<const Handle*> released_;                // entries of handles_ the case dropped
  std::map<const Handle*, std::size_t> producers_;  // a deferred's promise -> its pendings_ entry
  std::vector<Handle> dropped_;                     // destroyed at the next drain
  std::vector<Pending<Handle>> droppedProducers_;   // likewise
  std::vector<std::thread> reapers_;                // threads destroying them (dropDropped)
  std::vector<Edge> edges_;
  std::vector<Join> joins_;
  std::vector<Try> tries_;
  // Microtasks queued on the library's scheduler, and how many have run. Shared with the tasks, which
  // a thread pool may run after this runtime is gone.
  std::uint64_t microtasksQueued_ = 0;
  std::shared_ptr<std::atomic<std::uint64_t>> microtasksFinished_ = std::make_shared<std::atomic<std::uint64_t>>(0);
};

}  // namespace pc::sdk
