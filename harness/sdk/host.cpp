#include "harness/sdk/host.hpp"

#include <cxxabi.h>

#include <algorithm>

#include <cstdlib>
#include <memory>
#include <typeinfo>
#include "harness/core/thread_states.hpp"

namespace pc::sdk {
namespace {

std::string demangle(const char* mangled) {
  int status = 0;
  std::unique_ptr<char, void (*)(void*)> name(abi::__cxa_demangle(mangled, nullptr, nullptr, &status), std::free);
  return status == 0 && name ? std::string(name.get()) : std::string(mangled);
}

// The dynamic type of the exception in flight, if the runtime can tell.
std::string currentExceptionType() {
  const std::type_info* type = abi::__cxa_current_exception_type();
  return type ? demangle(type->name()) : "an unknown exception";
}

}  // namespace

std::string describeCurrentException() {
  const std::string type = currentExceptionType();
  try {
    throw;
  } catch (const std::exception& e) {
    return type + ": " + e.what();
  } catch (...) {
    return type;
  }
}

Outcome Callback::operator()(const Value& argument) const { return host_->call(*state_, argument); }

Value Host::reasonOf(std::exception_ptr error) {
  try {
    std::rethrow_exception(error);
  } catch (const Rejection& r) {
    return r.reason();
  } catch (const std::exception& e) {
    return makeError(currentExceptionType(), e.what());
  } catch (...) {
    return makeError(currentExceptionType(), "");
  }
}

Value Host::makeArray(std::vector<Value> elements) {
  return buildValue([&] { return realm_.makeArray(std::move(elements)); });
}

Value Host::makeError(std::string name, std::string message) {
  return buildValue([&] { return realm_.makeError(std::move(name), std::move(message), false); });
}

Value Host::makeObject(const std::vector<std::pair<std::string, Value>>& properties) {
  return buildValue([&] {
    es::Object* o = realm_.makeObject();
    for (const auto& [key, value] : properties) o->set(key, value);
    return Value(o);
  });
}

// A library thread that builds values outside any callback runs the adapter's continuation (a
// combinator's shaping step: in JavaScript, Promise.all's resolve-element functions, which are
// handlers). It enters like a callback: while the script runs it would otherwise wait for the lock
// unseen, asleep, and the handlers queued behind it in the library would start only after the script.
Value Host::buildValue(const std::function<Value()>& build) {
  const std::thread::id self = std::this_thread::get_id();
  if (!entersAsContinuation(self)) {
    std::lock_guard lock(mutex_);
    return build();
  }
  noteEntry(self);
  ++waiting_;
  std::lock_guard lock(mutex_);
  --waiting_;
  Leaving leaving{*this, self};
  Value built = build();
  letOtherThreadsCatchUp();
  return built;
}

bool Host::entersAsContinuation(std::thread::id caller) {
  std::lock_guard lock(activity_);
  return threaded_ && caller != mainThread_ &&
         std::find(inCallbacks_.begin(), inCallbacks_.end(), caller) == inCallbacks_.end();
}

Callback Host::makeCallback(const Value& handler, CallbackState::Kind whenNotCallable) {
  auto state = std::make_shared<CallbackState>();
  state->kind = es::IsCallable(handler) ? CallbackState::Kind::Function : whenNotCallable;
  state->function = handler;
  return Callback(*this, std::move(state));
}

Outcome Host::call(CallbackState& state, const Value& argument) {
  const std::thread::id self = std::this_thread::get_id();
  noteEntry(self);
  ++waiting_;
  std::lock_guard lock(mutex_);
  --waiting_;
  Leaving leaving{*this, self};
  if (closed_ || state.started) return {true, es::Undefined{}};
  state.started = true;
  ++callbacksStarted_;
  es::Completion c;
  try {
    const Value args[] = {argument};
    if (state.kind == CallbackState::Kind::Function) c = es::Call(realm_, state.function, es::Undefined{}, args);
    if (state.kind == CallbackState::Kind::PassThrough) c = es::Completion::normal(argument);
    if (state.kind == CallbackState::Kind::Thrower) c = es::Completion::throwing(argument);
  } catch (...) {
    // The interpreter's JavaScript never throws C++ exceptions by design: this is our own bug.
    fault(FailureKind::HarnessError, "threw " + describeCurrentException());
    c = es::Completion::throwing(es::Undefined{});
  }
  state.returnedPromise = !c.isAbrupt() && c.value.isObject() && isSubjectPromise(c.value.asObject());
  letOtherThreadsCatchUp();
  state.finished = true;
  finished_.notify_all();
  return {c.isAbrupt(), c.value};
}

void Host::runGuarded(const std::function<void()>& work) {
  const std::thread::id self = std::this_thread::get_id();
  noteEntry(self);
  std::lock_guard lock(mutex_);
  Leaving leaving{*this, self};
  if (closed_) return;
  ++callbacksStarted_;
  try {
    work();
  } catch (...) {
    fault(FailureKind::HarnessError, "threw " + describeCurrentException());
  }
  letOtherThreadsCatchUp();  // a microtask is JavaScript too: a handler it overlaps is seen every time
  finished_.notify_all();
}

void Host::fault(FailureKind kind, std::string what) {
  std::lock_guard lock(mutex_);
  if (!fault_) fault_ = Fault{kind, std::move(what)};
}

std::optional<Host::Fault> Host::recordedFault() {
  std::lock_guard lock(mutex_);
  return fault_;
}

void Host::letOtherThreadsCatchUp(std::chrono::milliseconds bound) {
  if (!threaded_) return;
  // Two polls in a row without a runnable thread: a thread about to start a callback is runnable.
  constexpr int kIdlePolls = 2;
  // The bound only matters while some thread stays runnable. On a loaded machine (ctest -j2 beside a
  // build) a woken pool thread can wait well over 20 ms for a core, and a handler it then runs after
  // the script was missed in some runs only: 100 ms makes the verdict the same run after run.
  const auto deadline = Clock::now() + bound;
  for (int idle = 0; idle < kIdlePolls && Clock::now() < deadline;) {
    if (waiting_.load() > 0) return;
    const std::optional<bool> running = otherThreadsRunning();
    if (!running) return;  // /proc unreadable: nothing can be concluded, so do not wait
    idle = *running ? 0 : idle + 1;
    std::this_thread::sleep_for(std::chrono::microseconds(50));
  }
}

namespace {
thread_local const char* currentLibraryCall = nullptr;
}  // namespace

Host::InsideLibraryCall::InsideLibraryCall(const char* call) : enclosing_(currentLibraryCall) {
  currentLibraryCall = call;
}
Host::InsideLibraryCall::~InsideLibraryCall() { currentLibraryCall = enclosing_; }

void Host::startMacrotask() {
  std::lock_guard lock(activity_);
  mainRunsJs_ = true;
  mainThread_ = std::this_thread::get_id();
}

void Host::endMacrotask() {
  std::lock_guard lock(activity_);
  mainRunsJs_ = false;
}

// Checked before taking the JavaScript lock, which would serialise a concurrent callback and make
// its trace look fine.
void Host::noteEntry(std::thread::id caller) {
  std::lock_guard lock(activity_);
  const bool mainHere = mainRunsJs_ && mainThread_ == caller;
  const bool callbackHere = std::find(inCallbacks_.begin(), inCallbacks_.end(), caller) != inCallbacks_.end();
  // A run may break run to completion both ways: a library that runs continuations inline on the
  // thread that completes a future also has threads of its own (Boost's when_any). Which breach
  // comes first is the threads' timing; the synchronous one, a property of the library's calls, is
  // kept whenever it happens, so that every run of such a case gives the same reason.
  std::optional<std::string> broke;
  int rank = 0;  // lower is kept
  if (mainHere || callbackHere)
    broke = std::string("a handler ran synchronously inside ") +
            (currentLibraryCall != nullptr ? currentLibraryCall : "the code that registered it or settled its promise");
  else if (mainRunsJs_)
    broke = "a handler ran concurrently with the code that registered it or settled its promise", rank = 1;
  else if (!inCallbacks_.empty())
    broke = "a handler ran concurrently with another handler", rank = 2;
  if (broke && (!brokeRunToCompletion_ || rank < brokeRank_))
    brokeRunToCompletion_ = std::move(broke), brokeRank_ = rank;
  inCallbacks_.push_back(caller);
}

void Host::leave(std::thread::id caller) {
  std::lock_guard lock(activity_);
  inCallbacks_.erase(std::find(inCallbacks_.begin(), inCallbacks_.end(), caller));
}

std::optional<std::string> Host::brokeRunToCompletion() {
  std::lock_guard lock(activity_);
  return brokeRunToCompletion_;
}

std::uint64_t Host::callbacksStarted() {
  std::lock_guard lock(mutex_);
  return callbacksStarted_;
}

void Host::close() {
  std::lock_guard lock(mutex_);
  closed_ = true;
}

bool Host::closed() {
  std::lock_guard lock(mutex_);
  return closed_;
}

void Host::waitForCallbacks(std::unique_lock<std::recursive_mutex>& held, std::chrono::microseconds timeout) {
  finished_.wait_for(held, timeout);
}

}  // namespace pc::sdk
