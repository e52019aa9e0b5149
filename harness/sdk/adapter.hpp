#pragma once
// The adapter SDK: what a C++ future library must provide to be tested by the suite, and the types
// it works with. adapters/README.md walks through writing one; adapters/std/ is the smallest.
//
// An adapter is a class with a `Handle` type (a copyable, default-constructible handle on one of the
// library's futures of sdk::Value; the harness assigns Handle{} to drop one) and these members; LibraryRuntime<Adapter>
// (library_runtime.hpp) turns them into the primitives the case interpreter drives.
//
// Required:
//   explicit Adapter(sdk::Host& host, Options...)      one adapter per case run; Options pick a variant
//   sdk::Pending<Handle> pending()                     a pending future with its resolve and reject
//   Handle then(const Handle&, sdk::Callback onFulfilled, sdk::Callback onRejected)
//                                                      the library's continuation; exactly one of the
//                                                      callbacks is to be called, with the value or
//                                                      with host.reasonOf(the library's error)
//   sdk::Settled inspect(const Handle&)                the state now, without blocking or consuming;
//                                                      called for the final states once the library
//                                                      is idle, and (Threaded only) while waiting for
//                                                      its threads, so it must be thread-safe there
//   sdk::Scheduling scheduling() const                 who runs continuations (see Scheduling)
//
// Optional (each one, when present, declares a feature; see featuresOf in library_runtime.hpp):
//   void pump()                                        run the library's own loop or queue until it
//                                                      has nothing ready (event loops, executors)
//   Handle resolved(const Value&), rejected(const Value&)   ready futures (else: pending + settle)
//   Handle finally(const Handle&, sdk::Callback)       Finally
//   Handle all(std::vector<Handle>), allSettled(...), race(...), any(...)   the combinators
//   void queueMicrotask(std::function<void()>)         Microtask: schedule work on the library
//   void drop(Handle)                                  what the program does with a promise it no
//                                                      longer names, at once and under the case's
//                                                      lock (else: the handle is destroyed at the
//                                                      next drain); a variant that detaches says so
//   Handle tryCall(sdk::TryCallback)                   Try: the library's own "call this now and give
//                                                      me a future of its outcome" (kj::evalNow,
//                                                      pplx::create_task); see TryCallback
//
// The adapter's destructor may throw (KJ's event loop does): the case's worker then ends and the
// case is recorded as crashed.
//
// Executor construction, deferreds, catch (as then with a pass-through) and virtual timers come from
// the SDK for every adapter. Thenable adoption, async functions and rejection tracking are
// JavaScript's own and never offered: cases needing them are "not applicable". Promise.try is
// offered only by an adapter whose library has an equivalent (tryCall).
#include <chrono>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <utility>

#include "reference/object.hpp"
#include "reference/value.hpp"

namespace pc::sdk {

// The one dynamic value type that travels through every typed future: Future<sdk::Value>.
using Value = es::Value;
using Clock = std::chrono::steady_clock;

// How a rejection travels through a library whose error channel is an exception (std::exception_ptr,
// boost::exception_ptr, QException, pplx): throw or store a Rejection carrying the JavaScript reason.
// Libraries with another channel (kj::Exception) keep the reason where they can find it again and
// give it back through Settled::rejected / the onRejected callback.
class Rejection : public std::exception {
 public:
  explicit Rejection(Value reason) : reason_(std::move(reason)) {}
  const char* what() const noexcept override { return "promise rejected (pc::sdk::Rejection)"; }
  const Value& reason() const { return reason_; }

 private:
  Value reason_;
};

// Who runs the library's continuations, which decides how the SDK waits for them.
enum class Scheduling {
  // On the thread that settles or drains, through pump(): the SDK runs pump() until it returns with
  // nothing ready, and what has not run by then never will (lazy futures, a stopped loop).
  SingleThreaded,
  // On the library's own threads: the SDK releases the case's lock and waits until every
  // continuation whose future has settled has run, up to Options::drainTimeout (a hang otherwise).
  Threaded,
};

// A future's state as the library reports it, without blocking.
struct Settled {
  enum class State { Pending, Fulfilled, Rejected };
  State state = State::Pending;
  Value value;  // the value or the reason

  static Settled pending() { return {}; }
  static Settled fulfilled(Value v) { return {State::Fulfilled, std::move(v)}; }
  static Settled rejected(Value reason) { return {State::Rejected, std::move(reason)}; }
  bool isPending() const { return state == State::Pending; }
};

// What a callback returned: a value to fulfill the continuation's future with, or a reason to reject
// it. `value` may be one of the library's own futures (Host::handleOf finds it) for adapters whose
// library flattens a continuation that returns a future.
struct Outcome {
  bool rejected = false;
  Value value;

  // For exception-channel libraries: the value, or throw Rejection(reason).
  const Value& valueOrThrow() const {
    if (rejected) throw Rejection(value);
    return value;
  }
  std::exception_ptr error() const { return std::make_exception_ptr(Rejection(value)); }
};

class Host;
struct CallbackState;

// A JavaScript handler of a continuation, safe to call from any thread of the library and at most
// once. Calls after the case has ended do nothing and return a rejection.
class Callback {
 public:
  Callback(Host& host, std::shared_ptr<CallbackState> state) : host_(&host), state_(std::move(state)) {}
  Outcome operator()(const Value& argument) const;
  const std::shared_ptr<CallbackState>& state() const { return state_; }

 private:
  Host* host_;
  std::shared_ptr<CallbackState> state_;
};

// Promise.try's callback, as an adapter's tryCall receives it: the library calls it at most once,
// with no argument, and settles the future tryCall returns with its Outcome (a value, possibly one
// of the library's own futures, or a rejection). Called inside tryCall, on the thread that called
// tryCall, it runs at once as part of the JavaScript that called Promise.try (which is what
// Promise.try does); called later or on another thread, it runs as a handler does: under the case's
// lock, watched for run to completion like any other. Calls after the first return a rejection.
class TryCallback {
 public:
  explicit TryCallback(std::function<Outcome()> call) : call_(std::move(call)) {}
  Outcome operator()() const { return call_(); }

 private:
  std::function<Outcome()> call_;
};

// A pending future of the library with the two functions that settle it. They may throw whatever
// the library throws (std::future_error on a second set_value): the SDK records that as a crash of
// the case, with the exception's type and message.
template <class Handle>
struct Pending {
  Handle future;
  std::function<void(const Value&)> resolve;
  std::function<void(const Value&)> reject;
};

}  // namespace pc::sdk
