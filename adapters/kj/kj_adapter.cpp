// Cap'n Proto's KJ promises (libkj-async). KJ runs continuations on a single-threaded
// kj::EventLoop: each case gets its own, and pump() is WaitScope::poll(). A kj::Promise is move-only
// and consumed by then(), so a handle forks its promise the first time it is used, as a KJ program
// must before it uses one promise twice, and every use takes a branch of that fork.
//
// The variants differ in how the continuation is written, which is what decides when KJ runs it:
//   lazy     then(func returning a Value): KJ may delay func until somebody needs its result, so a
//            continuation whose promise nobody uses never runs. A returned promise is a plain value.
//   eager    the same with .eagerlyEvaluate(nullptr), KJ's way to have it run regardless.
//   chained  then(func returning kj::Promise<Value>): KJ follows the promise func returns, and runs
//            such a func as soon as its input is ready.
#include "adapters/kj/kj_adapter.hpp"

#include <kj/async.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pc::adapters {
namespace {

using sdk::Value;

enum class Style { Lazy, Eager, Chained };

// One KJ promise as the case sees it: still whole until its first use, then forked.
struct Shared {
  std::optional<kj::Promise<Value>> whole;
  std::optional<kj::ForkedPromise<Value>> forked;
  bool continuationNotRun = false;  // whole and lazy: its value would run a handler first
};

class KjAdapter {
 public:
  using Handle = std::shared_ptr<Shared>;

  KjAdapter(sdk::Host& host, Style style) : host_(host), style_(style) {}
  // ~EventLoop may throw (events left queued); the SDK's runtime destructor may not. A throw ends
  // the worker process, which records it as a crash of the case.
  ~KjAdapter() noexcept = default;

  sdk::Pending<Handle> pending() {
    auto paf = kj::newPromiseAndFulfiller<Value>();
    // The SDK needs copyable settle functions; the fulfiller itself is owned once.
    auto fulfiller = std::make_shared<kj::Own<kj::PromiseFulfiller<Value>>>(kj::mv(paf.fulfiller));
    return {wrap(kj::mv(paf.promise)), [fulfiller](const Value& v) { (*fulfiller)->fulfill(Value(v)); },
            [this, fulfiller](const Value& v) { (*fulfiller)->reject(rejection(v)); }};
  }

  Handle resolved(const Value& v) { return wrap(kj::Promise<Value>(Value(v))); }
  Handle rejected(const Value& v) { return wrap(kj::Promise<Value>(rejection(v))); }

  Handle then(const Handle& antecedent, sdk::Callback onFulfilled, sdk::Callback onRejected) {
    kj::Promise<Value> input = use(antecedent);
    if (style_ == Style::Chained) {
      return wrap(input.then(
          [this, onFulfilled](Value v) -> kj::Promise<Value> { return follow(onFulfilled(v)); },
          [this, onRejected](kj::Exception&& e) -> kj::Promise<Value> { return follow(onRejected(reasonOf(e))); }));
    }
    kj::Promise<Value> continuation =
        input.then([this, onFulfilled](Value v) { return valueOf(onFulfilled(v)); },
                   [this, onRejected](kj::Exception&& e) { return valueOf(onRejected(reasonOf(e))); });
    if (style_ == Style::Eager) return wrap(continuation.eagerlyEvaluate(nullptr));
    Handle h = wrap(kj::mv(continuation));
    h->continuationNotRun = true;
    return h;
  }

  // kj::joinPromises. Unlike Promise.all it waits for every input, also after one has failed.
  Handle all(std::vector<Handle> inputs) {
    auto branches = kj::heapArrayBuilder<kj::Promise<Value>>(inputs.size());
    for (const Handle& h : inputs) branches.add(use(h));
    return wrap(kj::joinPromises(branches.finish()).then([this](kj::Array<Value> values) {
      return host_.makeArray(std::vector<Value>(values.begin(), values.end()));
    }));
  }

  // first.exclusiveJoin(second).exclusiveJoin(third)...: the first input to finish wins and the
  // others are cancelled. Nested joins reach their outcome in different numbers of turns.
  Handle race(std::vector<Handle> inputs) {
    if (inputs.empty()) return wrap(kj::Promise<Value>(kj::NEVER_DONE));
    kj::Promise<Value> first = use(inputs.front());
    for (std::size_t i = 1; i < inputs.size(); ++i) first = first.exclusiveJoin(use(inputs[i]));
    return wrap(kj::mv(first));
  }

  // kj::evalLater, detached so that it runs although nobody waits for it.
  void queueMicrotask(std::function<void()> work) {
    kj::evalLater(kj::mv(work)).detach([](kj::Exception&&) {});
  }

  void pump() { waitScope_.poll(); }

  // Runs only when nothing else is left to run (the final states), so polling pumps nothing new.
  sdk::Settled inspect(const Handle& h) {
    if (h->whole && h->continuationNotRun) return sdk::Settled::pending();  // waiting would run it
    kj::Promise<Value> branch = use(h);
    if (!branch.poll(waitScope_)) return sdk::Settled::pending();
    try {
      return sdk::Settled::fulfilled(branch.wait(waitScope_));
    } catch (const kj::Exception& e) {
      return sdk::Settled::rejected(reasonOf(e));
    }
  }

  sdk::Scheduling scheduling() const { return sdk::Scheduling::SingleThreaded; }

 private:
  static Handle wrap(kj::Promise<Value> promise) {
    auto h = std::make_shared<Shared>();
    h->whole.emplace(kj::mv(promise));
    return h;
  }

  static kj::Promise<Value> use(const Handle& h) {
    if (!h->forked) {
      h->forked.emplace(h->whole->fork());
      h->whole.reset();
    }
    return h->forked->addBranch();
  }

  // A kj::Exception carries only text: the reason stays here, and the text says where.
  kj::Exception rejection(const Value& reason) {
    reasons_.push_back(reason);
    return kj::Exception(kj::Exception::Type::FAILED, __FILE__, __LINE__,
                         kj::str(kRejectionTag.data(), reasons_.size() - 1));
  }

  Value reasonOf(const kj::Exception& e) {
    const std::string description = e.getDescription().cStr();
    if (description.starts_with(kRejectionTag))
      return reasons_.at(std::stoul(description.substr(kRejectionTag.size())));
    return host_.makeError("kj::Exception", description);
  }

  Value valueOf(const sdk::Outcome& outcome) {
    if (outcome.rejected) throw rejection(outcome.value);
    return outcome.value;
  }

  kj::Promise<Value> follow(const sdk::Outcome& outcome) {
    if (outcome.rejected) return rejection(outcome.value);
    if (const Handle* returned = host_.handleOf<Handle>(outcome.value)) return use(*returned);
    return outcome.value;
  }

  static constexpr std::string_view kRejectionTag = "JavaScript rejection #";

  sdk::Host& host_;
  Style style_;
  std::vector<Value> reasons_;
  kj::EventLoop loop_;
  kj::WaitScope waitScope_{loop_};
};

}  // namespace

void addKjSubjects(LibraryVariants& registry) {
  const std::string library = "Cap'n Proto KJ promises (libkj-async 0.9)";
  registry.push_back(librarySubject<KjAdapter>(
      {"kj/lazy", library, "then(func returning a value): KJ runs func only once its result is needed"}, Style::Lazy));
  registry.push_back(librarySubject<KjAdapter>(
      {"kj/eager", library, "then(func returning a value).eagerlyEvaluate(nullptr) on the event loop"}, Style::Eager));
  registry.push_back(librarySubject<KjAdapter>(
      {"kj/chained", library, "then(func returning kj::Promise): KJ follows returned promises, runs func eagerly"},
      Style::Chained));
}

}  // namespace pc::adapters
