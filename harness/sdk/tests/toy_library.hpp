#pragma once
// A toy future library, written for the SDK's tests: a future is a shared state with callbacks,
// run from a queue by pump() (or, threaded, by a thread per continuation). It keeps the first
// settlement and ignores later ones.
#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include "harness/sdk/host.hpp"

namespace pc::sdk::toy {

struct State {
  std::optional<Settled> settled;
  std::vector<std::function<void()>> waiting;
};
using Future = std::shared_ptr<State>;

struct Options {
  bool threaded = false;      // continuations on threads of their own
  bool synchronous = false;   // continuations run at once, inside then() or the settle that makes them due
  bool handOff = false;       // threaded: then() and settles return only once the new thread is
                              // waiting for the JavaScript lock (a race, made certain)
  bool thenThrows = false;    // then() throws, as a broken library might
  bool neverRuns = false;     // continuations are dropped: a library that merely waits
  bool spins = false;         // a thread spins and never runs them: a library that stays busy
  bool tryLater = false;      // tryCall queues its callback like a continuation instead of calling it
  bool settlesLater = false;  // a settle completes its future on a thread of its own after
                              // settleWork: whether then() finds it complete is a race with that thread
  std::chrono::milliseconds settleWork{20};
  bool startsLater = false;        // threaded: a continuation's thread works ~5 ms before it runs the
                                   // continuation, so it starts after the code that scheduled it is done
  bool followsReturned = false;    // a continuation whose handler returns one of its futures settles
                                   // as that future does, when it does (a library's unwrap)
  bool breaksWhenDropped = false;  // a producer destroyed unsettled rejects its future with "broken"
                                   // (as boost::promise and std::promise do)
};

class Adapter {
 public:
  using Handle = Future;
  Adapter(Host& host, Options options) : host_(host), options_(options) {}
  ~Adapter() {
    stop_ = true;
    // Until none is left: a thread that settles a future starts the threads of its continuations.
    for (;;) {
      std::vector<std::thread> threads;
      {
        std::lock_guard lock(mutex_);
        threads.swap(threads_);
      }
      if (threads.empty()) break;
      for (std::thread& t : threads) t.join();
    }
  }

  Pending<Handle> pending() {
    Future f = std::make_shared<State>();
    // What resolve and reject share: destroyed with them, it breaks a future still unsettled.
    std::shared_ptr<const void> producer;
    if (options_.breaksWhenDropped)
      producer = std::shared_ptr<const void>(nullptr, [this, weak = std::weak_ptr<State>(f)](const void*) {
        if (const Future unsettled = weak.lock()) settle(unsettled, Settled::rejected(Value("broken")));
      });
    return {f, [this, f, producer](const Value& v) { settleFromCaller(f, Settled::fulfilled(v)); },
            [this, f, producer](const Value& v) { settleFromCaller(f, Settled::rejected(v)); }};
  }

  Handle then(const Handle& antecedent, Callback onFulfilled, Callback onRejected) {
    if (options_.thenThrows) throw std::logic_error("then is broken");
    Future derived = std::make_shared<State>();
    // The continuation waits in the antecedent's own list, so it holds the antecedent weakly: a
    // promise nobody settles must not keep itself alive (LeakSanitizer).
    auto run = [this, weak = std::weak_ptr<State>(antecedent), derived, onFulfilled, onRejected] {
      const Future antecedentNow = weak.lock();
      if (!antecedentNow) return;  // the case is over and dropped it
      const Settled s = *antecedentNow->settled;
      const Outcome o = s.state == Settled::State::Fulfilled ? onFulfilled(s.value) : onRejected(s.value);
      const Future* returned = o.rejected ? nullptr : host_.handleOf<Future>(o.value);
      if (options_.followsReturned && returned != nullptr)
        return whenSettled(*returned, [this, derived, followed = *returned] { settle(derived, *followed->settled); });
      settle(derived, o.rejected ? Settled::rejected(o.value) : Settled::fulfilled(o.value));
    };
    if (options_.spins) return spin(), derived;
    if (!options_.neverRuns) whenSettled(antecedent, run);
    return derived;
  }

  Settled inspect(const Handle& h) {
    std::lock_guard lock(mutex_);
    return h->settled.value_or(Settled::pending());
  }

  void pump() {
    while (!queue_.empty()) {
      auto job = std::move(queue_.front());
      queue_.erase(queue_.begin());
      job();
    }
  }

  Scheduling scheduling() const { return options_.threaded ? Scheduling::Threaded : Scheduling::SingleThreaded; }

 protected:
  void spin() {
    std::lock_guard lock(mutex_);
    threads_.emplace_back([this] {
      while (!stop_) {
      }
    });
  }
  void settleFromCaller(const Future& f, Settled s) {
    if (!options_.settlesLater) return settle(f, std::move(s));
    std::lock_guard lock(mutex_);
    threads_.emplace_back([this, f, s = std::move(s)] {
      busyFor(options_.settleWork);
      settle(f, s);
    });
  }
  // Busy, not asleep: a thread that is working is one the SDK may wait for.
  void busyFor(std::chrono::milliseconds work) const {
    for (const auto until = Clock::now() + work; Clock::now() < until && !stop_;) {
    }
  }
  void settle(const Future& f, Settled s) {
    std::vector<std::function<void()>> due;
    {
      std::lock_guard lock(mutex_);
      if (f->settled) return;
      f->settled = std::move(s);
      due.swap(f->waiting);
    }
    for (auto& job : due) schedule(std::move(job));
  }
  void whenSettled(const Future& f, std::function<void()> job) {
    {
      std::lock_guard lock(mutex_);
      if (!f->settled) return f->waiting.push_back(std::move(job));
    }
    schedule(std::move(job));
  }
  void schedule(std::function<void()> job) {
    if (options_.synchronous) return job();
    auto done = std::make_shared<std::atomic<bool>>(false);
    {
      std::lock_guard lock(mutex_);
      if (!options_.threaded) return queue_.push_back(std::move(job));
      threads_.emplace_back([this, job = std::move(job), done] {
        if (options_.startsLater) busyFor(std::chrono::milliseconds(5));
        job();
        *done = true;
      });
    }
    if (options_.handOff) awaitHandOff(*done);
  }
  // Until the new thread waits for the JavaScript lock, or has run without waiting (nobody held it).
  void awaitHandOff(const std::atomic<bool>& done) {
    const auto deadline = Clock::now() + std::chrono::seconds(5);
    while (host_.callbacksWaiting() == 0 && !done && Clock::now() < deadline) std::this_thread::yield();
  }

  Host& host_;
  Options options_;
  std::recursive_mutex mutex_;
  std::vector<std::function<void()>> queue_;
  std::vector<std::thread> threads_;
  std::atomic<bool> stop_{false};
};

// The same library with Promise.all.
class AdapterWithAll : public Adapter {
 public:
  using Adapter::Adapter;
  Handle all(std::vector<Handle>) { return pending().future; }
};

// The same library with a race computed on a thread of its own, as Boost's when_any: after
// settleWork, the thread takes the first settled input in input order.
class AdapterWithRace : public Adapter {
 public:
  using Adapter::Adapter;
  Handle race(std::vector<Handle> inputs) {
    Future out = std::make_shared<State>();
    std::lock_guard lock(mutex_);
    threads_.emplace_back([this, inputs = std::move(inputs), out] {
      busyFor(options_.settleWork);
      while (!stop_) {
        for (const Future& in : inputs)
          if (const Settled s = inspect(in); !s.isPending()) return settle(out, s);
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
    });
    return out;
  }
};

// The same library with an all-combinator shaped as Boost's when_all and its adapter shape it: once
// every input is settled, the array of values is built (host.makeArray) where that happens: on a
// thread of its own when threaded, inside all() otherwise (the toy needs its inputs settled then).
class AdapterWithShapedAll : public Adapter {
 public:
  using Adapter::Adapter;
  Handle all(std::vector<Handle> inputs) {
    Future out = std::make_shared<State>();
    auto shape = [this, inputs, out] {
      std::vector<Value> values;
      for (const Future& in : inputs) values.push_back(inspect(in).value);
      settle(out, Settled::fulfilled(host_.makeArray(std::move(values))));
    };
    if (!options_.threaded) return shape(), out;
    auto done = std::make_shared<std::atomic<bool>>(false);
    {
      std::lock_guard lock(mutex_);
      threads_.emplace_back([this, inputs, shape, done] {
        auto pending = [this](const Future& in) { return inspect(in).isPending(); };
        while (!stop_ && std::any_of(inputs.begin(), inputs.end(), pending))
          std::this_thread::sleep_for(std::chrono::milliseconds(1));
        shape();
        *done = true;
      });
    }
    if (options_.handOff) awaitHandOff(*done);
    return out;
  }
};

// The same library with a "call now, give me a future" function, as Promise.try.
class AdapterWithTry : public Adapter {
 public:
  AdapterWithTry(Host& host, Options options) : Adapter(host, options), tryLater_(options.tryLater) {}
  Handle tryCall(TryCallback callback) {
    Pending<Handle> p = pending();
    auto run = [p, callback] {
      const Outcome o = callback();
      (o.rejected ? p.reject : p.resolve)(o.value);
    };
    if (tryLater_)
      schedule(run);
    else
      run();
    return p.future;
  }

 private:
  bool tryLater_;
};

// The same library with queueMicrotask, as a thread pool offers it: threaded, the work runs on a
// thread of its own after 150 ms of other work, longer than the host lets library threads catch up
// after a macrotask (Host::letOtherThreadsCatchUp): only the drain can see that the work is due.
class AdapterWithMicrotasks : public Adapter {
 public:
  using Adapter::Adapter;
  void queueMicrotask(std::function<void()> work) {
    if (!options_.threaded) return schedule(std::move(work));
    std::lock_guard lock(mutex_);
    threads_.emplace_back([this, work = std::move(work)] {
      busyFor(std::chrono::milliseconds(150));
      work();
    });
  }
};

}  // namespace pc::sdk::toy
