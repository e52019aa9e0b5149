// cpprestsdk's PPLX tasks: pplx::task_completion_event feeding pplx::create_task, task-based
// continuations that return a task (pplx unwraps it), when_all, when_any (Promise.any, not race:
// pplx has no "first to settle" combinator, so race is not offered), and create_task as
// Promise.try. Two variants, by the scheduler the tasks run on: the default one (cpprest's thread
// pool) and an event loop of our own, drained on the case's thread.
#include "adapters/pplx/pplx_adapter.hpp"

#include <pplx/pplxtasks.h>

#include <deque>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace pc::adapters {
namespace {

using sdk::Value;

// A scheduler_interface as an application writes one for its own event loop: work items wait in a
// queue until the loop runs them.
class LoopScheduler final : public pplx::scheduler_interface {
 public:
  void schedule(pplx::TaskProc_t work, void* argument) override {
    std::lock_guard lock(mutex_);
    queue_.emplace_back(work, argument);
  }

  bool runOne() {
    std::pair<pplx::TaskProc_t, void*> item;
    {
      std::lock_guard lock(mutex_);
      if (queue_.empty()) return false;
      item = queue_.front();
      queue_.pop_front();
    }
    item.first(item.second);
    return true;
  }

  // Items left at the end of a case are leaked: the interface offers no way to discard one without
  // running it, and running it after the case ended would fault the tasks it completes.
  void forget() {
    std::lock_guard lock(mutex_);
    queue_.clear();
  }

 private:
  std::mutex mutex_;
  std::deque<std::pair<pplx::TaskProc_t, void*>> queue_;
};

enum class Scheduler { ThreadPool, Loop };

// A rejection reaches continuations through a hop on the *ambient* scheduler (pplxtasks.h,
// _CancelAndRunContinuations), so a program that owns its loop installs it as ambient too. pplx
// allows that once per process, before the ambient scheduler is first used, so every case shares it.
std::shared_ptr<LoopScheduler> processLoop() {
  static const std::shared_ptr<LoopScheduler> loop = [] {
    auto installed = std::make_shared<LoopScheduler>();
    pplx::set_ambient_scheduler(installed);
    return installed;
  }();
  return loop;
}

class PplxAdapter {
 public:
  using Handle = pplx::task<Value>;

  PplxAdapter(sdk::Host& host, Scheduler kind) : host_(host) {
    if (kind == Scheduler::Loop) loop_ = processLoop();
  }
  ~PplxAdapter() {
    if (loop_) loop_->forget();
  }
  PplxAdapter(const PplxAdapter&) = delete;
  PplxAdapter& operator=(const PplxAdapter&) = delete;

  sdk::Pending<Handle> pending() {
    pplx::task_completion_event<Value> event;
    // set() returns false once the event is set: a second settlement is ignored by the library.
    return {pplx::create_task(event, options()), [event](const Value& v) { event.set(v); },
            [event](const Value& v) { event.set_exception(std::make_exception_ptr(sdk::Rejection(v))); }};
  }

  Handle resolved(const Value& v) { return pplx::task_from_result(v, options()); }
  Handle rejected(const Value& v) {
    return pplx::task_from_exception<Value>(std::make_exception_ptr(sdk::Rejection(v)), options());
  }

  // A task-based continuation runs on success and failure alike (it inherits the antecedent's
  // scheduler). It returns a task so that pplx unwraps a task the handler returns, as it does for
  // any continuation returning one; a plain value goes back as task_from_result.
  Handle then(const Handle& antecedent, sdk::Callback onFulfilled, sdk::Callback onRejected) {
    return antecedent.then([this, onFulfilled, onRejected](pplx::task<Value> settled) -> Handle {
      sdk::Outcome outcome;
      try {
        outcome = onFulfilled(settled.get());
      } catch (...) {
        outcome = onRejected(host_.reasonOf(std::current_exception()));
      }
      return result(outcome);
    });
  }

  // when_all fails with the first failure, as Promise.all; its vector becomes a JavaScript array.
  Handle all(std::vector<Handle> inputs) {
    return pplx::when_all(inputs.begin(), inputs.end(), options()).then([this](std::vector<Value> values) {
      return host_.makeArray(std::move(values));
    });
  }

  // when_any "completes successfully when any one of the input tasks has completed successfully"
  // (pplxtasks.h): the first task that succeeds (value and index; we keep the value). It fails
  // only when every input failed, and then with the first failure alone (no AggregateError); an
  // empty input throws invalid_operation. So it is Promise.any with a single reason. There is no
  // pplx combinator that settles with the first input to settle, so Promise.race is not offered.
  Handle any(std::vector<Handle> inputs) {
    return pplx::when_any(inputs.begin(), inputs.end(), options()).then([](std::pair<Value, std::size_t> first) {
      return first.first;
    });
  }

  // create_task(func): func runs as a task on the scheduler (not before create_task returns), and a
  // task it returns is unwrapped, as for a continuation.
  Handle tryCall(sdk::TryCallback callback) {
    return pplx::create_task([this, callback]() -> Handle { return result(callback()); }, options());
  }

  // Reads the state without get(): get() marks a failure "observed", and a failure nobody observed
  // makes pplx terminate the process when the task goes (_REPORT_PPLTASK_UNOBSERVED_EXCEPTION), so
  // looking must not change what the case's own handlers observed.
  sdk::Settled inspect(const Handle& h) {
    if (!h.is_done()) return sdk::Settled::pending();
    const auto& impl = h._GetImpl();
    if (impl->_HasUserException())
      return sdk::Settled::rejected(host_.reasonOf(impl->_GetExceptionHolder()->_M_stdException));
    try {
      return sdk::Settled::fulfilled(h.get());
    } catch (...) {  // canceled without an exception: task_canceled
      return sdk::Settled::rejected(host_.reasonOf(std::current_exception()));
    }
  }

  // Work on the library's scheduler: create_task runs a function as a task of its own.
  void queueMicrotask(std::function<void()> work) { pplx::create_task(std::move(work), options()); }

  void pump() {
    if (loop_)
      while (loop_->runOne()) {
      }
  }

  sdk::Scheduling scheduling() const { return loop_ ? sdk::Scheduling::SingleThreaded : sdk::Scheduling::Threaded; }

 private:
  pplx::task_options options() const {
    return loop_ ? pplx::task_options(pplx::scheduler_ptr(loop_)) : pplx::task_options();
  }

  // What a task-returning function gives back: the task its handler returned, or a ready one.
  Handle result(const sdk::Outcome& outcome) {
    if (const Handle* returned = host_.handleOf<Handle>(outcome.value); returned && !outcome.rejected) return *returned;
    return pplx::task_from_result(outcome.valueOrThrow(), options());
  }

  sdk::Host& host_;
  std::shared_ptr<LoopScheduler> loop_;
};

}  // namespace

void addPplxSubjects(LibraryVariants& registry) {
  const std::string library = "cpprestsdk PPLX tasks (2.10)";
  const std::string common =
      "; continuations return a task (pplx unwraps a returned task); all: when_all; any: when_any (first success), "
      "race not offered; try: create_task(func)";
  registry.push_back(librarySubject<PplxAdapter>(
      {"pplx/threadpool", library,
       "default scheduler: continuations run on cpprest's thread pool (boost::asio)" + common, false},
      Scheduler::ThreadPool));
  registry.push_back(librarySubject<PplxAdapter>(
      {"pplx/loop", library,
       "a scheduler_interface queue, installed as ambient and passed in task_options, drained on the case's thread" +
           common},
      Scheduler::Loop));
}

}  // namespace pc::adapters
