// Boost.Thread futures (BOOST_THREAD_VERSION 5): boost::promise and boost::shared_future, chained with
// shared_future::then. Boost lets a program choose where continuations run, and each choice is a
// variant: a launch policy (async: a new thread each; sync: inline, on the thread that completes the
// antecedent; deferred: when the continuation's future is waited for) or an executor (a
// loop_executor the program drains itself; a basic_thread_pool). then() without a policy inherits
// the antecedent's, which for a promise's future is async: the async variant covers it.
#include "adapters/boost/boost_adapter.hpp"

#include <boost/thread/executors/basic_thread_pool.hpp>
#include <boost/thread/executors/loop_executor.hpp>
#include <boost/thread/future.hpp>

#include <algorithm>
#include <chrono>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
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

  // The program's part: drain the loop executor, wait for deferred continuations whose antecedent
  // is ready (what waiting for one's result does), and wait for the when_all/when_any threads whose
  // inputs are all (or any) ready, so that their results are there before the case goes on.
  void pump() {
    for (bool progressed = true; progressed;) {
      progressed = policy_ == Policy::Loop ? drainLoop() : policy_ == Policy::Deferred && forceDeferred();
      for (Combination& c : combinations_) {
        if (c.futures.is_ready() || !due(c)) continue;
        c.futures.wait();
        progressed = true;
      }
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
    Handle shaped = continueWith(futures, std::move(shape));
    combinations_.push_back({std::move(inputs), waitsForAll, futures, shaped});
    return shaped;
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

}  // namespace

void addBoostSubjects(LibraryVariants& registry) {
  const std::string library = "Boost.Thread 1.74 futures";
  auto variant = [&](std::string name, std::string description, bool deterministic, Policy policy) {
    registry.push_back(librarySubject<BoostAdapter>(
        {"boost/" + std::move(name), library, std::move(description), deterministic}, policy));
  };
  variant("async", "then(launch::async, ...): a new thread per continuation", false, Policy::Async);
  // Not deterministic: when_all/when_any complete on threads of their own, and a continuation that
  // runs inline on such a thread races the script (seen as a sometimes-synchronous, sometimes-
  // concurrent handler in the same case).
  variant("sync", "then(launch::sync, ...): inline, on the thread that completes the antecedent", false, Policy::Sync);
  // Not deterministic either, for the same when_all thread: the order of events varies in a few
  // combinator cases (exact counts moved between two runs of report).
  variant("deferred", "then(launch::deferred, ...): a continuation runs when its future is waited for", false,
          Policy::Deferred);
  variant("loop-executor", "then(loop_executor&, ...): continuations queue on an executor the program drains", true,
          Policy::Loop);
  variant("thread-pool", "then(basic_thread_pool&, ...): continuations run on a pool of two threads", false,
          Policy::Pool);
}

}  // namespace pc::adapters
