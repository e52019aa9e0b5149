// std::promise / std::shared_future. The standard library has no continuations, so `then` is what
// C++ users write instead: std::async running a function that waits for the antecedent. Two
// variants, by launch policy: std::launch::async (a thread per continuation) and
// std::launch::deferred (the continuation runs when somebody waits for its future). Futures are
// std::shared_future, so that several continuations can wait for one (a std::future allows a single
// get()); a future a handler returns is a plain value (the standard has no unwrap). For the deferred
// variant the program waits, between jobs, for every continuation whose antecedent is ready, in the
// order they were made: an adaptation its description states.
#include "adapters/std/std_future_adapter.hpp"

#include <chrono>
#include <future>
#include <memory>
#include <vector>

namespace pc::adapters {
namespace {

using sdk::Value;

class StdFutureAdapter {
 public:
  using Handle = std::shared_future<Value>;

  StdFutureAdapter(sdk::Host& host, std::launch policy) : host_(host), policy_(policy) {}

  sdk::Pending<Handle> pending() {
    auto promise = std::make_shared<std::promise<Value>>();
    return {promise->get_future().share(), [promise](const Value& v) { promise->set_value(v); },
            [promise](const Value& v) { promise->set_exception(std::make_exception_ptr(sdk::Rejection(v))); }};
  }

  Handle then(const Handle& antecedent, sdk::Callback onFulfilled, sdk::Callback onRejected) {
    Handle continuation = std::async(policy_, [this, antecedent, onFulfilled, onRejected] {
                            sdk::Outcome outcome;
                            try {
                              const Value& value = antecedent.get();
                              outcome = onFulfilled(value);
                            } catch (...) {
                              outcome = onRejected(host_.reasonOf(std::current_exception()));
                            }
                            return outcome.valueOrThrow();
                          }).share();
    if (policy_ == std::launch::deferred) deferred_.push_back({antecedent, continuation});
    return continuation;
  }

  sdk::Settled inspect(const Handle& h) {
    if (h.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return sdk::Settled::pending();
    try {
      return sdk::Settled::fulfilled(h.get());
    } catch (...) {
      return sdk::Settled::rejected(host_.reasonOf(std::current_exception()));
    }
  }

  // Deferred continuations run when waited for: wait for each one whose antecedent is ready, in the
  // order they were made, until none is left (as a program that waits for its results would).
  void pump() {
    for (bool ran = true; ran;) {
      ran = false;
      // By index: a continuation that runs may add more (its handler can call then).
      for (std::size_t i = 0; i < deferred_.size(); ++i) {
        if (!deferred_[i].first.valid() || !isReady(deferred_[i].first)) continue;
        deferred_[i].first = Handle();  // forced now: forget the antecedent
        Handle continuation = deferred_[i].second;
        continuation.wait();
        ran = true;
      }
    }
  }

  // std::async threads run the async variant; the deferred one runs in pump().
  sdk::Scheduling scheduling() const {
    return policy_ == std::launch::async ? sdk::Scheduling::Threaded : sdk::Scheduling::SingleThreaded;
  }

 private:
  static bool isReady(const Handle& h) { return h.wait_for(std::chrono::seconds(0)) == std::future_status::ready; }

  sdk::Host& host_;
  std::launch policy_;
  std::vector<std::pair<Handle, Handle>> deferred_;
};

}  // namespace

void addStdFutureSubjects(LibraryVariants& registry) {
  const std::string library = "std::future (libstdc++)";
  const std::string common =
      "; std::shared_future, each continuation get()s its antecedent (a returned future is a plain value: no "
      "unwrap)";
  registry.push_back(librarySubject<StdFutureAdapter>(
      {"std/async", library, "then is std::async(std::launch::async, ...): a thread per continuation" + common, false},
      std::launch::async));
  registry.push_back(librarySubject<StdFutureAdapter>(
      {"std/deferred", library,
       "then is std::async(std::launch::deferred, ...): a continuation runs when its future is waited for; adapted: "
       "between jobs the program waits for every continuation whose antecedent is ready, in the order they were made" +
           common},
      std::launch::deferred));
}

}  // namespace pc::adapters
