// Boost.Thread futures (BOOST_THREAD_VERSION 5), in two families.
//
// boost::shared_future (BoostAdapter): boost::promise's future made shared, chained with
// shared_future::then, which does not consume it. Boost lets a program choose where continuations
// run, and each choice is a variant: a launch policy (async: a new thread each; sync: inline, on the
// thread that completes the antecedent; deferred: when the continuation's future is waited for) or
// an executor (a loop_executor the program drains itself; a basic_thread_pool). then() without a
// policy inherits the antecedent's, which for a promise's future is async: the async variant
// covers it. A continuation get()s the settled future and returns a value: a future its handler
// returns is a value, as shared_future has no unwrap.
//
// boost::future (BoostFutureAdapter): the unique future, used as Boost's documentation shows it;
// then() consumes it and unwrap() follows a future a continuation returns (see below).
//
// Both: when_all / when_any complete on a thread of their own (or at once when every input is
// ready); they never fail, they hand over the futures. The continuation that turns that into
// JavaScript's result is the adaptation every variant's description states.
#include "adapters/boost/boost_adapter.hpp"

#include <boost/thread/executors/basic_thread_pool.hpp>
#include <boost/thread/executors/loop_executor.hpp>
#include <boost/thread/future.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace pc::adapters {
namespace {

using sdk::Value;
using Handle = boost::shared_future<Value>;
using Futures = boost::shared_future<boost::csbl::vector<Handle>>;  // what when_all/when_any give

enum class Policy { Async, Sync, Deferred, Loop, Pool };

// A when_all/when_any: Boost waits for its inputs on a thread of its own, then `shaped` turns the
// futures it hands over into a JavaScript result.
struct Combination {
  std::vector<Handle> inputs;
  bool waitsForAll;
  Futures futures;
  Handle shaped;
};

class BoostAdapter {
 public:
  using Handle = pc::adapters::Handle;

  BoostAdapter(sdk::Host& host, Policy policy) : host_(host), policy_(policy) {
    if (policy == Policy::Loop) loop_ = std::make_unique<boost::executors::loop_executor>();
    // Two workers, so that results do not depend on the machine's core count.
    if (policy == Policy::Pool) pool_ = std::make_unique<boost::executors::basic_thread_pool>(2);
  }
  ~BoostAdapter() { finishInFlight(); }

  sdk::Pending<Handle> pending() {
    auto promise = std::make_shared<boost::promise<Value>>();
    return {promise->get_future().share(), [promise](const Value& v) { promise->set_value(v); },
            [promise](const Value& v) { promise->set_exception(boost::copy_exception(sdk::Rejection(v))); }};
  }
  Handle resolved(const Value& v) { return boost::make_ready_future(v).share(); }
  Handle rejected(const Value& v) { return boost::make_exceptional_future<Value>(sdk::Rejection(v)).share(); }

  // The continuation gets the settled future itself; get() rethrows a failure.
  Handle then(const Handle& antecedent, sdk::Callback onFulfilled, sdk::Callback onRejected) {
    return continueWith(antecedent, [host = &host_, onFulfilled, onRejected](Handle settled) {
      Value value;
      try {
        value = settled.get();
      } catch (...) {
        return onRejected(host->reasonOf(std::current_exception())).valueOrThrow();
      }
      return onFulfilled(value).valueOrThrow();
    });
  }

  // when_all completes when every input has, fulfilled or not: a rejection does not end it early,
  // and the reason is the first in input order, not in time.
  Handle all(std::vector<Handle> inputs) {
    return combine(std::move(inputs), true, [this](Futures done) {
      std::vector<Value> values;
      for (const Handle& f : done.get()) values.push_back(f.get());
      return host_.makeArray(std::move(values));
    });
  }
  Handle allSettled(std::vector<Handle> inputs) {
    return combine(std::move(inputs), true, [this](Futures done) {
      std::vector<Value> outcomes;
      for (const Handle& f : done.get()) outcomes.push_back(describe(f));
      return host_.makeArray(std::move(outcomes));
    });
  }
  // when_any says only that one input is ready: the first ready one in input order wins. Of no
  // futures it completes at once, where JavaScript's race stays pending: there is no winner to give.
  Handle race(std::vector<Handle> inputs) {
    return combine(std::move(inputs), false, [](Futures done) {
      for (const Handle& f : done.get())
        if (f.is_ready()) return f.get();
      throw std::out_of_range("when_any of no futures: no winner");
    });
  }

  sdk::Settled inspect(const Handle& h) {
    if (!h.is_ready()) return sdk::Settled::pending();  // is_ready never forces a deferred future
    try {
      return sdk::Settled::fulfilled(h.get());
    } catch (...) {
      return sdk::Settled::rejected(host_.reasonOf(std::current_exception()));
    }
  }

  // The program's part: drain the loop executor, or wait for deferred continuations whose antecedent
  // is ready (what waiting for one's result does), and wait for the when_all/when_any threads whose
  // inputs are all (or any) ready, so that their results are there before the case goes on. For
  // deferred continuations the threads come first (forceDeferred waits for them before each one): a
  // continuation on a combination then finds it ready or not by what the case did, not by whether
  // the library's thread got there before this pump looked.
  void pump() {
    for (bool progressed = true; progressed;) {
      progressed = policy_ == Policy::Loop ? drainLoop() : policy_ == Policy::Deferred && forceDeferred();
      if (awaitDueCombinations()) progressed = true;
    }
  }

  // Deferred continuations and the loop executor run in pump(); the others on library threads or
  // inline on whichever thread completes a future (a when_all thread, for sync).
  sdk::Scheduling scheduling() const {
    return policy_ == Policy::Deferred || policy_ == Policy::Loop ? sdk::Scheduling::SingleThreaded
                                                                  : sdk::Scheduling::Threaded;
  }

 private:
  template <class Antecedent, class Continuation>
  Handle continueWith(const Antecedent& antecedent, Continuation continuation) {
    Handle next = policy_ == Policy::Loop   ? antecedent.then(*loop_, std::move(continuation)).share()
                  : policy_ == Policy::Pool ? antecedent.then(*pool_, std::move(continuation)).share()
                                            : antecedent.then(launchPolicy(), std::move(continuation)).share();
    if (policy_ == Policy::Deferred) deferred_.push_back({[antecedent] { return antecedent.is_ready(); }, next});
    launched_.push_back(next);
    return next;
  }

  template <class Shape>
  Handle combine(std::vector<Handle> inputs, bool waitsForAll, Shape shape) {
    std::vector<Handle> given = inputs;  // when_all/when_any move the futures out of their range
    Futures futures =
        (waitsForAll ? boost::when_all(given.begin(), given.end()) : boost::when_any(given.begin(), given.end()))
            .share();
    // when_all/when_any is a library call of its own: on the schedule that lets library threads go
    // first, its thread finishes before then() is attached (Boost's race, decided the same way in
    // every such run; a no-op on the others).
    host_.afterLibraryCall();
    Handle shaped = continueWith(futures, std::move(shape));
    combinations_.push_back({std::move(inputs), waitsForAll, futures, shaped});
    return shaped;
  }

  // Whether it waited for any.
  bool awaitDueCombinations() {
    bool waited = false;
    for (Combination& c : combinations_) {
      if (c.futures.is_ready() || !due(c)) continue;
      c.futures.wait();
      waited = true;
    }
    return waited;
  }

  static bool due(const Combination& c) {
    auto ready = [](const Handle& f) { return f.is_ready(); };
    return c.waitsForAll ? std::all_of(c.inputs.begin(), c.inputs.end(), ready)
                         : std::any_of(c.inputs.begin(), c.inputs.end(), ready);
  }

  Value describe(const Handle& settled) {
    try {
      return host_.makeObject({{"status", "fulfilled"}, {"value", settled.get()}});
    } catch (...) {
      return host_.makeObject({{"status", "rejected"}, {"reason", host_.reasonOf(std::current_exception())}});
    }
  }

  boost::launch launchPolicy() const {
    return policy_ == Policy::Sync       ? boost::launch::sync
           : policy_ == Policy::Deferred ? boost::launch::deferred
                                         : boost::launch::async;
  }

  bool forceDeferred() {
    bool ran = false;
    // By index: a continuation that runs may add more.
    for (std::size_t i = 0; i < deferred_.size(); ++i) {
      awaitDueCombinations();  // a continuation that ran may have completed a combination's last input
      if (!deferred_[i].first || !deferred_[i].first()) continue;
      deferred_[i].first = nullptr;
      Handle continuation = deferred_[i].second;
      continuation.wait();
      ran = true;
    }
    return ran;
  }

  bool drainLoop() {
    bool ran = false;
    while (loop_->try_executing_one()) ran = true;
    // A when_all/when_any thread submits its shaping step just after its futures are ready.
    const auto deadline = sdk::Clock::now() + std::chrono::seconds(1);
    for (Combination& c : combinations_) {
      while (c.futures.is_ready() && !c.shaped.is_ready() && sdk::Clock::now() < deadline) {
        if (loop_->try_executing_one())
          ran = true;
        else
          boost::this_thread::yield();
      }
    }
    return ran;
  }

  // Teardown: the SDK has broken every unsettled promise, so each chain completes; library threads
  // still call into host_ until their continuations are done, and must be before host_ goes.
  void finishInFlight() {
    if (scheduling() == sdk::Scheduling::SingleThreaded) return pump();
    const auto deadline = boost::chrono::steady_clock::now() + boost::chrono::seconds(2);
    for (const Handle& f : launched_) f.wait_until(deadline);
  }

  sdk::Host& host_;
  Policy policy_;
  std::unique_ptr<boost::executors::loop_executor> loop_;
  std::unique_ptr<boost::executors::basic_thread_pool> pool_;
  std::vector<std::pair<std::function<bool()>, Handle>> deferred_;  // antecedent ready?, continuation
  std::vector<Combination> combinations_;
  std::vector<Handle> launched_;
};

// ---------------------------------------------------------------------------------------------------
// boost::future, the unique future. then() consumes it (future.hpp: then moves *this into the
// continuation's state, so valid() is false afterwards) and get() invalidates it, so a handle
// holds the future until its first use, and a second use calls then() on an invalid future: in
// Boost 1.74 BOOST_THREAD_ASSERT_PRECONDITION is empty unless BOOST_THREAD_THROW_IF_PRECONDITION_
// NOT_SATISFIED is defined, so then() dereferences a null shared state (an assertion in
// shared_ptr::operator-> aborts in a debug build; a segfault with NDEBUG). The case is a crash.
//
// get() invalidates a boost::future too: a second get() throws future_uninitialized ("Operation not
// permitted on an object without an associated state", seen in a probe program); the adapter
// calls get() once, on the future a continuation receives.
//
// A continuation returns a boost::future<Value> (the one its handler returned, or a ready one),
// and then(...).unwrap() follows it: Boost's own flattening.
//
// A consumed future can no longer be asked for its state, so each one's state is recorded as the
// library delivers it (the promise's set_value, a continuation's get()); inspect reads only that.

struct Unique {
  std::mutex mutex;
  boost::future<Value> future;       // invalid once used
  std::optional<sdk::Settled> seen;  // what the library delivered for it
  std::shared_ptr<Unique> follows;   // an unwrapped continuation settles as the future it returned
};
using UniqueHandle = std::shared_ptr<Unique>;

enum class UniquePolicy { Inherit, Loop };

class BoostFutureAdapter {
 public:
  using Handle = UniqueHandle;

  BoostFutureAdapter(sdk::Host& host, UniquePolicy policy) : host_(host), policy_(policy) {
    if (policy == UniquePolicy::Loop) loop_ = std::make_unique<boost::executors::loop_executor>();
  }
  ~BoostFutureAdapter() { finishInFlight(); }
  BoostFutureAdapter(const BoostFutureAdapter&) = delete;
  BoostFutureAdapter& operator=(const BoostFutureAdapter&) = delete;

  sdk::Pending<Handle> pending() {
    auto promise = std::make_shared<boost::promise<Value>>();
    Handle h = made(promise->get_future());
    std::weak_ptr<Unique> watched = h;
    return {h,
            [promise, watched](const Value& v) {
              promise->set_value(v);  // a second one throws promise_already_satisfied
              record(watched, sdk::Settled::fulfilled(v));
            },
            [promise, watched](const Value& v) {
              promise->set_exception(boost::copy_exception(sdk::Rejection(v)));
              record(watched, sdk::Settled::rejected(v));
            }};
  }
  Handle resolved(const Value& v) {
    Handle h = made(boost::make_ready_future(v));
    h->seen = sdk::Settled::fulfilled(v);
    return h;
  }
  Handle rejected(const Value& v) {
    Handle h = made(boost::make_exceptional_future<Value>(sdk::Rejection(v)));
    h->seen = sdk::Settled::rejected(v);
    return h;
  }

  Handle then(const Handle& antecedent, sdk::Callback onFulfilled, sdk::Callback onRejected) {
    Handle next = std::make_shared<Unique>();
    auto continuation = [this, watched = std::weak_ptr<Unique>(antecedent), out = std::weak_ptr<Unique>(next),
                         onFulfilled, onRejected, running = InFlight(running_)](boost::future<Value> settled) {
      const InFlight::Finish finish{running};
      sdk::Outcome outcome;
      sdk::Settled input;
      try {
        input = sdk::Settled::fulfilled(settled.get());
      } catch (...) {
        input = sdk::Settled::rejected(host_.reasonOf(std::current_exception()));
      }
      record(watched, input);
      outcome = input.state == sdk::Settled::State::Fulfilled ? onFulfilled(input.value) : onRejected(input.value);
      return settle(out, outcome);
    };
    boost::future<Value> input = take(antecedent);
    boost::future<boost::future<Value>> nested = policy_ == UniquePolicy::Loop
                                                     ? input.then(*loop_, std::move(continuation))
                                                     : input.then(std::move(continuation));
    std::lock_guard lock(next->mutex);
    next->future = nested.unwrap();
    return next;
  }

  // when_all completes when every input has, fulfilled or not; the continuation then get()s each
  // input in input order, so the first failure in input order rejects (not the first in time).
  Handle all(std::vector<Handle> inputs) {
    return combine(std::move(inputs), true, [this](std::vector<boost::future<Value>>& done) {
      std::vector<Value> values;
      for (boost::future<Value>& f : done) values.push_back(f.get());
      return host_.makeArray(std::move(values));
    });
  }
  Handle allSettled(std::vector<Handle> inputs) {
    return combine(std::move(inputs), true, [this](std::vector<boost::future<Value>>& done) {
      std::vector<Value> outcomes;
      for (boost::future<Value>& f : done) {
        try {
          outcomes.push_back(host_.makeObject({{"status", "fulfilled"}, {"value", f.get()}}));
        } catch (...) {
          outcomes.push_back(
              host_.makeObject({{"status", "rejected"}, {"reason", host_.reasonOf(std::current_exception())}}));
        }
      }
      return host_.makeArray(std::move(outcomes));
    });
  }
  // when_any: the continuation takes the first ready input in input order.
  Handle race(std::vector<Handle> inputs) {
    return combine(std::move(inputs), false, [](std::vector<boost::future<Value>>& done) {
      for (boost::future<Value>& f : done)
        if (f.is_ready()) return f.get();
      throw std::out_of_range("when_any of no futures: no winner");
    });
  }

  // Never touches the future (it may have been consumed, and get() would consume it). A future that
  // follows itself, through a handler that returned its own continuation's future, never settles.
  sdk::Settled inspect(const Handle& h) {
    std::vector<const Unique*> visited;
    for (Handle at = h; at && std::find(visited.begin(), visited.end(), at.get()) == visited.end();) {
      visited.push_back(at.get());
      std::lock_guard lock(at->mutex);
      if (at->seen) return *at->seen;
      at = at->follows;
    }
    return sdk::Settled::pending();
  }

  // The loop executor is drained by the program; a when_all/when_any thread submits its
  // continuation once its inputs are ready, so the drain waits for that submission.
  void pump() {
    if (!loop_) return;
    for (bool progressed = true; progressed;) {
      progressed = false;
      while (loop_->try_executing_one()) progressed = true;
      const auto deadline = sdk::Clock::now() + std::chrono::seconds(1);
      for (Combination& c : combinations_) {
        while (due(c) && inspect(c.output).isPending() && sdk::Clock::now() < deadline) {
          if (loop_->try_executing_one())
            progressed = true;
          else
            boost::this_thread::yield();
        }
      }
    }
  }

  sdk::Scheduling scheduling() const {
    return policy_ == UniquePolicy::Loop ? sdk::Scheduling::SingleThreaded : sdk::Scheduling::Threaded;
  }

 private:
  struct Combination {
    std::vector<Handle> inputs;
    bool waitsForAll;
    Handle output;
  };

  // Counts the continuations that have not run yet, so that teardown waits for them: one stops
  // counting when it has run, or when Boost destroys it unrun (with a future nobody completes).
  class InFlight {
   public:
    explicit InFlight(std::atomic<int>& n) : token_(std::make_shared<Token>(n)) {}
    void finish() const { token_->finish(); }
    // Scoped to a continuation's run.
    struct Finish {
      const InFlight& f;
      ~Finish() { f.finish(); }
    };

   private:
    struct Token {
      explicit Token(std::atomic<int>& n) : n(n) { ++n; }
      ~Token() { finish(); }
      void finish() {
        if (counted.exchange(false)) --n;
      }
      std::atomic<int>& n;
      std::atomic<bool> counted{true};
    };
    std::shared_ptr<Token> token_;
  };

  static Handle made(boost::future<Value> f) {
    auto h = std::make_shared<Unique>();
    h->future = std::move(f);
    return h;
  }

  // The future itself on first use; an invalid one afterwards, as a moved-from boost::future is.
  static boost::future<Value> take(const Handle& h) {
    std::lock_guard lock(h->mutex);
    return std::move(h->future);
  }

  static void record(const std::weak_ptr<Unique>& watched, sdk::Settled s) {
    if (auto h = watched.lock()) {
      std::lock_guard lock(h->mutex);
      if (!h->seen) h->seen = std::move(s);
    }
  }

  // A continuation's result: the future its handler returned (consumed: unwrap follows it), or a
  // ready future of its value or failure.
  boost::future<Value> settle(const std::weak_ptr<Unique>& out, const sdk::Outcome& outcome) {
    if (const Handle* returned = outcome.rejected ? nullptr : host_.handleOf<Handle>(outcome.value)) {
      // A future that would follow itself (its handler returned it) is not linked to itself: that
      // link would be a cycle of shared_ptrs, which frees nothing.
      if (auto h = out.lock(); h && h != *returned) {
        std::lock_guard lock(h->mutex);
        h->follows = *returned;
      }
      return take(*returned);
    }
    if (outcome.rejected) {
      record(out, sdk::Settled::rejected(outcome.value));
      return boost::make_exceptional_future<Value>(sdk::Rejection(outcome.value));
    }
    record(out, sdk::Settled::fulfilled(outcome.value));
    return boost::make_ready_future(outcome.value);
  }

  template <class Shape>
  Handle combine(std::vector<Handle> inputs, bool waitsForAll, Shape shape) {
    std::vector<boost::future<Value>> taken;
    for (const Handle& h : inputs) taken.push_back(take(h));
    auto joined =
        waitsForAll ? boost::when_all(taken.begin(), taken.end()) : boost::when_any(taken.begin(), taken.end());
    host_.afterLibraryCall();  // as in BoostAdapter::combine
    Handle output = std::make_shared<Unique>();
    auto continuation = [this, inputs, out = std::weak_ptr<Unique>(output), shape,
                         running = InFlight(running_)](decltype(joined) done) {
      const InFlight::Finish finish{running};
      std::vector<boost::future<Value>> futures;
      for (auto& f : done.get()) futures.push_back(std::move(f));
      sdk::Outcome outcome;
      try {
        outcome.value = shape(futures);
      } catch (...) {
        outcome = {true, host_.reasonOf(std::current_exception())};
      }
      return settle(out, outcome);
    };
    auto nested = policy_ == UniquePolicy::Loop ? joined.then(*loop_, std::move(continuation))
                                                : joined.then(std::move(continuation));
    {
      std::lock_guard lock(output->mutex);
      output->future = nested.unwrap();
    }
    combinations_.push_back({std::move(inputs), waitsForAll, output});
    return output;
  }

  bool due(const Combination& c) {
    auto ready = [this](const Handle& f) { return !inspect(f).isPending(); };
    return c.waitsForAll ? std::all_of(c.inputs.begin(), c.inputs.end(), ready)
                         : std::any_of(c.inputs.begin(), c.inputs.end(), ready);
  }

  // Teardown: the SDK has broken every unsettled promise, so each chain completes; library threads
  // still call into host_ until their continuations are done, and must be before host_ goes.
  void finishInFlight() {
    if (loop_) return pump();
    const auto deadline = sdk::Clock::now() + std::chrono::seconds(2);
    while (running_ > 0 && sdk::Clock::now() < deadline) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }

  sdk::Host& host_;
  UniquePolicy policy_;
  std::unique_ptr<boost::executors::loop_executor> loop_;
  std::vector<Combination> combinations_;
  std::atomic<int> running_{0};
};

}  // namespace

void addBoostSubjects(LibraryVariants& registry) {
  const std::string library = "Boost.Thread 1.74 futures";
  // What every shared_future variant adds on top of the library, stated in each description.
  const std::string shared =
      "; boost::shared_future (then on it does not consume), each continuation get()s the settled future"
      " (a returned future is a plain value: shared_future has no unwrap)"
      "; all/allSettled: when_all, then get() each input in input order in a continuation"
      "; race: when_any, then the first ready input in input order";
  auto variant = [&](std::string name, std::string description, bool deterministic, Policy policy) {
    registry.push_back(librarySubject<BoostAdapter>(
        {"boost/" + std::move(name), library, std::move(description) + shared, deterministic}, policy));
  };
  variant("async", "then(launch::async, f): a new thread per continuation", false, Policy::Async);
  // Not deterministic, by Boost's own race: when_all starts a thread even when every input is
  // ready (future.hpp, future_when_all_vector_shared_state::init runs inline only when every input
  // is deferred). When that thread marks the result before then(launch::sync, ...) is attached, the
  // continuation (and a handler then attached to its future) runs inline on the case's thread;
  // otherwise it runs later on the when_all thread. Nothing the program can do orders the two
  // without waiting for the inputs, so es/all cases reach causal in some runs and not in others.
  variant("sync", "then(launch::sync, f): inline, on the thread that completes the antecedent", false, Policy::Sync);
  // Deterministic: the when_all/when_any threads call no handler, and pump() waits for each one whose
  // inputs are ready before it looks for deferred continuations to run, so their timing decides nothing.
  variant("deferred",
          "then(launch::deferred, f): a continuation runs when its future is waited for; adapted: between jobs the "
          "program waits for every when_all/when_any whose inputs are ready, then for every deferred continuation "
          "whose antecedent is ready, in the order they were made",
          true, Policy::Deferred);
  // Not deterministic, by the same Boost thread: a when_all/when_any thread submits the combination's
  // shaping step to the loop executor from its own thread once the last input is ready, while the
  // continuation that readied it may still be queueing others; which lands first decides the order
  // of later handlers. Counts at exact moved between 157 and 159 across runs of the corpus.
  variant("loop-executor", "then(loop_executor&, f): continuations queue on an executor the program drains", false,
          Policy::Loop);
  variant("thread-pool", "then(basic_thread_pool&, f): continuations run on a pool of two threads", false,
          Policy::Pool);

  // boost::future as it is: no adaptation but the combinators' shaping continuation.
  const std::string unique =
      "; boost::future: then consumes it, so a second then on one future calls then on an invalid future"
      "; a continuation returns a future (the handler's own, or a ready one) and then(...).unwrap() follows it"
      "; all/allSettled: when_all, then get() each input in input order in a continuation"
      "; race: when_any, then the first ready input in input order";
  registry.push_back(librarySubject<BoostFutureAdapter>(
      {"boost/future", library,
       "then(f) without a policy: the antecedent's policy is launch::none, so Boost falls back to a new thread "
       "per continuation (launch::async)" +
           unique,
       false},
      UniquePolicy::Inherit));
  registry.push_back(librarySubject<BoostFutureAdapter>(
      {"boost/future-loop", library,
       "then(loop_executor&, f): continuations queue on an executor the program drains" + unique},
      UniquePolicy::Loop));
}

}  // namespace pc::adapters
