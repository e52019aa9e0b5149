#pragma once
// The SDK's side of one case run, shared by the runtime, its callbacks and the adapter: the realm
// where values live, the lock that keeps JavaScript single-threaded, and what went wrong.
//
// Threads: every piece of the case's JavaScript (the script, timers, handlers) runs under mutex().
// The main thread holds it except while it waits for a Threaded library to drain, so a library
// thread that calls a Callback waits until then: the script runs to completion first, as in
// JavaScript. Host's own methods lock for themselves and may be called from any thread.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "harness/core/subject_promise.hpp"
#include "harness/core/trace.hpp"
#include "harness/sdk/adapter.hpp"
#include "reference/realm.hpp"

namespace pc::sdk {

struct Options {
  // How long a Threaded library may take to run the continuations that are due, per drain.
  std::chrono::milliseconds drainTimeout{2000};
  // Schedule::LibraryThreadsFirst (harness/core/subject.hpp): after each library call, let the
  // library's threads run until they are idle (letOtherThreadsCatchUp) before the case goes on.
  bool libraryThreadsFirst = false;
};

// The handler behind a Callback: a JavaScript function, or JavaScript's default handlers.
struct CallbackState {
  enum class Kind { Function, PassThrough, Thrower };
  Kind kind = Kind::PassThrough;
  Value function;
  bool started = false;
  bool finished = false;
  bool returnedPromise = false;  // its result is a promise object (a library may flatten it)
};

// A library's future wrapped as a JavaScript object (a SubjectPromise), so that cases can name it
// and pass it around. The future itself stays with the runtime, which destroys every future before
// the adapter (an event loop must outlive its promises).
template <class Handle>
class LibraryPromise final : public SubjectPromise {
 public:
  explicit LibraryPromise(const Handle* h) : handle(h) {}
  const Handle* handle;
};

class Host {
 public:
  Host(es::Realm& realm, Options options) : realm_(realm), options_(options) {}

  std::recursive_mutex& mutex() { return mutex_; }
  const Options& options() const { return options_; }
  es::Realm& realm() { return realm_; }  // under mutex() only

  // The JavaScript reason behind a library error: a Rejection's reason, or for any other exception
  // an Error named after its C++ type (e.g. {"error": "std::future_error", "message": "..."}).
  // On a library thread outside any callback, building a value is a continuation running JavaScript
  // (spec/levels.md, "Seen, not only traced"): it is entered and checked as a callback is.
  Value reasonOf(std::exception_ptr error);
  Value makeArray(std::vector<Value> elements);
  Value makeError(std::string name, std::string message);
  Value makeObject(const std::vector<std::pair<std::string, Value>>& properties);

  // The library future behind a value, when it is one of this adapter's.
  template <class Handle>
  const Handle* handleOf(const Value& v) const {
    if (!v.isObject()) return nullptr;
    auto* wrapped = dynamic_cast<const LibraryPromise<Handle>*>(v.asObject());
    return wrapped ? wrapped->handle : nullptr;
  }

  Callback makeCallback(const Value& handler, CallbackState::Kind whenNotCallable);
  Outcome call(CallbackState& state, const Value& argument);  // what Callback::operator() does
  // Runs `work` (JavaScript) under the lock unless the case has ended; records escaping exceptions.
  void runGuarded(const std::function<void()>& work);

  // Something the case cannot go on from: an unexpected C++ exception, a hang. The first one wins
  // and turns the case's trace into a failure of that kind.
  struct Fault {
    FailureKind kind;
    std::string message;
  };
  void fault(FailureKind kind, std::string what);
  std::optional<Fault> recordedFault();

  // How many callbacks (handlers, microtasks) have started so far: a drain that sees it move knows
  // the library is still making progress.
  std::uint64_t callbacksStarted();

  // Run to completion (spec/levels.md, E2): the main thread runs a macrotask's JavaScript from
  // startMacrotask() until endMacrotask() (the drain), and a callback runs JavaScript while it is in
  // call(). A callback entered while JavaScript runs, on the same thread (inside then() or a settle)
  // or on another one, is recorded here: the lock would otherwise hide it.
  void startMacrotask();
  void endMacrotask();
  // The library call this thread is inside (then(), the call that completes a future), so that a
  // handler entered synchronously is reported as run inside that call. Nests; one per scope.
  class InsideLibraryCall {
   public:
    explicit InsideLibraryCall(const char* call);
    ~InsideLibraryCall();
    InsideLibraryCall(const InsideLibraryCall&) = delete;
    InsideLibraryCall& operator=(const InsideLibraryCall&) = delete;

   private:
    const char* enclosing_;
  };
  std::optional<std::string> brokeRunToCompletion();
  // How many callbacks are waiting for the lock right now (tests use it to provoke a race).
  int callbacksWaiting() const { return waiting_.load(); }
  // Threaded libraries: before JavaScript that runs on this thread ends (a macrotask, a handler),
  // give the library's threads time to do what they would do while it ran, so that a handler they
  // start concurrently is seen every time, not only when the scheduler happens to interleave. Returns
  // once a callback waits for the lock, no other thread is runnable, or a bound has passed.
  void setThreaded(bool threaded) { threaded_ = threaded; }
  void letOtherThreadsCatchUp(std::chrono::milliseconds bound = std::chrono::milliseconds(100));
  // After each call into the library: lets its threads catch up under Options::libraryThreadsFirst.
  // The bound is longer than at the end of a macrotask: this run exists to let them finish, and a
  // loaded machine (ctest -j2 beside a build) can keep a runnable thread off the CPU for 100 ms.
  void afterLibraryCall() {
    if (options_.libraryThreadsFirst) letOtherThreadsCatchUp(std::chrono::seconds(1));
  }

  // After close() callbacks do nothing: the case is over and its realm is about to go.
  void close();
  bool closed();

  // Threaded draining: wait (releasing `held`, the main thread's lock) until a callback finishes or
  // `timeout` passes.
  void waitForCallbacks(std::unique_lock<std::recursive_mutex>& held, std::chrono::microseconds timeout);

 private:
  es::Realm& realm_;
  Options options_;
  std::recursive_mutex mutex_;
  std::condition_variable_any finished_;
  std::optional<Fault> fault_;
  std::uint64_t callbacksStarted_ = 0;
  bool closed_ = false;

  Value buildValue(const std::function<Value()>& build);
  bool entersAsContinuation(std::thread::id caller);

  // Who runs JavaScript now, guarded by activity_ (never held while JavaScript runs).
  void noteEntry(std::thread::id caller);
  void leave(std::thread::id caller);
  struct Leaving {  // leave()s when the callback's scope ends
    Host& host;
    std::thread::id self;
    ~Leaving() { host.leave(self); }
  };
  std::mutex activity_;
  bool mainRunsJs_ = false;
  std::thread::id mainThread_;
  std::vector<std::thread::id> inCallbacks_;  // one entry per callback running, by thread
  std::optional<std::string> brokeRunToCompletion_;
  int brokeRank_ = 0;
  std::atomic<int> waiting_{0};
  bool threaded_ = false;
};

// "std::future_error: The associated promise has been destructed" for the exception in flight.
std::string describeCurrentException();

}  // namespace pc::sdk
