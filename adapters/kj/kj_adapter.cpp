// Cap'n Proto's KJ promises (libkj-async). KJ runs continuations on a single-threaded
// kj::EventLoop: each case gets its own, and pump() is WaitScope::poll().
//
// A kj::Promise is move-only and consumed by then() (async.h: "All methods of `Promise` ... consume
// the promise"; "If you want to use one Promise in two different places, you must fork it"). The
// base variants use a promise as a KJ program does: its first use (then, a combinator, fulfilling a
// deferred with it, returning it from a chained continuation) consumes it, and a second use is a
// call on the moved-from promise, which is what a KJ program that forgot fork() runs. In KJ 0.9.2
// that is a null dereference: then() and fork() segfault inside TransformPromiseNodeBase / ForkHub,
// so the case is recorded as a crash. kj/forked is the adaptation a KJ program makes to use one
// promise twice: every promise is fork()ed on first use and every use takes a branch.
//
// Deferreds come from newPromiseAndFulfiller<kj::Promise<Value>>() (async.h: "You can arrange to
// fulfill a promise with another promise by using a promise type for T"), so resolving with one of
// KJ's promises follows it; a plain value is fulfilled as a ready kj::Promise. Promise.try is
// kj::evalNow, which runs the function before it returns and turns a throw into a broken promise.
//
// The variants differ in how the continuation is written, which is what decides when KJ runs it:
//   lazy     then(func returning a Value): KJ runs func only when somebody needs its result (waits
//            for it, or a node that is evaluated eagerly depends on it); a continuation whose
//            promise nobody uses never runs. A returned promise is a plain value.
//   eager    the same with .eagerlyEvaluate(nullptr), KJ's way to have it run regardless.
//   chained  then(func returning kj::Promise<Value>): KJ follows the promise func returns.
//   forked   chained, and every promise fork()ed on first use (a ForkHub evaluates eagerly); a
//            promise the program drops is detach()ed, where the others cancel it (drop()).
//
// What the final states show: a promise that was consumed can only be seen through its consumer,
// so its state is what the consumer received (recorded as the value passes, with no extra event),
// what its fulfiller settled it with while it still existed (isWaiting()), what it was made with
// (a ready or broken promise), or pending when none of these happened (a cancelled race loser).
#include "adapters/kj/kj_adapter.hpp"

#include <kj/async.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pc::adapters {
namespace {

using sdk::Value;

enum class Style { Lazy, Eager, Chained, Forked };

// One KJ promise as the case sees it.
struct Shared {
  explicit Shared(kj::Promise<Value>&& p) : promise(kj::mv(p)) {}
  kj::Promise<Value> promise;  // moved from once used (forked: once forked)
  bool used = false;
  std::optional<kj::ForkedPromise<Value>> forked;  // kj/forked only
  std::optional<sdk::Settled> seen;                // what a consumer (or the final wait) received
  // Waiting for it could run a lazy continuation (its own, or one it depends on): inspect must not.
  bool continuationNotRun = false;
};

class KjAdapter {
 public:
  using Handle = std::shared_ptr<Shared>;

  KjAdapter(sdk::Host& host, Style style) : host_(host), style_(style) {}
  // ~EventLoop may throw (events left queued); the SDK's runtime destructor may not. A throw ends
  // the worker process, which records it as a crash of the case.
  ~KjAdapter() noexcept = default;

  sdk::Pending<Handle> pending() {
    auto paf = kj::newPromiseAndFulfiller<kj::Promise<Value>>();
    // The SDK needs copyable settle functions; the fulfiller itself is owned once.
    auto fulfiller = std::make_shared<kj::Own<kj::PromiseFulfiller<kj::Promise<Value>>>>(kj::mv(paf.fulfiller));
    Handle h = wrap(kj::mv(paf.promise));
    std::weak_ptr<Shared> watched = h;
    return {h,
            [this, fulfiller, watched](const Value& v) {
              const Handle* other = host_.handleOf<Handle>(v);
              if (auto self = watched.lock(); self && other) self->continuationNotRun |= (*other)->continuationNotRun;
              if (!other) settledBy(**fulfiller, watched, sdk::Settled::fulfilled(v));
              (*fulfiller)->fulfill(other ? use(*other) : kj::Promise<Value>(Value(v)));
            },
            [this, fulfiller, watched](const Value& v) {
              settledBy(**fulfiller, watched, sdk::Settled::rejected(v));
              (*fulfiller)->reject(rejection(v));
            }};
  }

  // A promise is resolved as itself: a KJ program just uses it.
  Handle resolved(const Value& v) {
    if (const Handle* same = host_.handleOf<Handle>(v)) return *same;
    return known(wrap(kj::Promise<Value>(Value(v))), sdk::Settled::fulfilled(v));
  }
  Handle rejected(const Value& v) { return known(wrap(kj::Promise<Value>(rejection(v))), sdk::Settled::rejected(v)); }

  Handle then(const Handle& antecedent, sdk::Callback onFulfilled, sdk::Callback onRejected) {
    kj::Promise<Value> input = use(antecedent);
    if (follows()) {
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

  // kj::evalNow: func runs before evalNow returns; a throw becomes a broken promise.
  Handle tryCall(sdk::TryCallback callback) {
    if (follows()) return wrap(kj::evalNow([&]() -> kj::Promise<Value> { return follow(callback()); }));
    return wrap(kj::evalNow([&] { return valueOf(callback()); }));
  }

  // kj::joinPromises. Unlike Promise.all it waits for every input, also after one has failed.
  Handle all(std::vector<Handle> inputs) {
    auto branches = kj::heapArrayBuilder<kj::Promise<Value>>(inputs.size());
    for (const Handle& h : inputs) branches.add(use(h));
    return dependsOn(inputs, wrap(kj::joinPromises(branches.finish()).then([this](kj::Array<Value> values) {
                       return host_.makeArray(std::vector<Value>(values.begin(), values.end()));
                     })));
  }

  // first.exclusiveJoin(second).exclusiveJoin(third)...: the first input to finish wins and the
  // others are cancelled. Nested joins reach their outcome in different numbers of turns.
  Handle race(std::vector<Handle> inputs) {
    if (inputs.empty()) return wrap(kj::Promise<Value>(kj::NEVER_DONE));
    kj::Promise<Value> first = use(inputs.front());
    for (std::size_t i = 1; i < inputs.size(); ++i) first = first.exclusiveJoin(use(inputs[i]));
    return dependsOn(inputs, wrap(kj::mv(first)));
  }

  // kj::evalLater, detached so that it runs although nobody waits for it.
  void queueMicrotask(std::function<void()> work) {
    kj::evalLater(kj::mv(work)).detach([](kj::Exception&&) {});
  }

  void pump() { waitScope_.poll(); }

  // Runs only when nothing else is left to run (the final states), so waiting pumps nothing new.
  sdk::Settled inspect(const Handle& h) {
    if (h->seen) return *h->seen;
    if (h->forked) return settle(*h, h->forked->addBranch());
    if (h->used || h->continuationNotRun) return sdk::Settled::pending();  // waiting would run it
    h->used = true;
    return settle(*h, kj::mv(h->promise));
  }

  sdk::Scheduling scheduling() const { return sdk::Scheduling::SingleThreaded; }

  // A promise the program no longer names. Destroying a kj::Promise cancels what it would run; the
  // base variants do just that, kj/forked detaches it (a branch, once forked) so that it still runs.
  void drop(Handle h) {
    if (style_ != Style::Forked || !h) return;
    if (h->forked)
      h->forked->addBranch().detach([](kj::Exception&&) {});
    else if (!h->used)
      h->promise.detach([](kj::Exception&&) {});
  }

 private:
  bool follows() const { return style_ == Style::Chained || style_ == Style::Forked; }

  static Handle wrap(kj::Promise<Value> promise) { return std::make_shared<Shared>(kj::mv(promise)); }

  // A promise made settled: its state is known without waiting for it.
  static Handle known(Handle h, sdk::Settled s) {
    h->seen = std::move(s);
    return h;
  }

  // The fulfiller settles a promise that still exists (isWaiting: not settled before, not
  // cancelled by its consumer, as an exclusiveJoin loser is): its state is known from then on.
  static void settledBy(kj::PromiseFulfiller<kj::Promise<Value>>& fulfiller, const std::weak_ptr<Shared>& watched,
                        sdk::Settled s) {
    if (!fulfiller.isWaiting()) return;
    if (auto self = watched.lock(); self && !self->seen) self->seen = std::move(s);
  }

  // A combinator's output runs its inputs' lazy continuations when waited for.
  static Handle dependsOn(const std::vector<Handle>& inputs, Handle output) {
    for (const Handle& in : inputs) output->continuationNotRun |= in->continuationNotRun;
    return output;
  }

  // The promise for one use of h. Base variants: the promise itself the first time (with a tap that
  // records what its consumer receives), the moved-from promise after that. kj/forked: a branch.
  kj::Promise<Value> use(const Handle& h) {
    if (style_ == Style::Forked) {
      if (!h->forked) h->forked.emplace(h->promise.fork());
      return h->forked->addBranch();
    }
    if (h->used) return kj::mv(h->promise);  // what KJ does with it is KJ's business
    h->used = true;
    return tap(h, kj::mv(h->promise));
  }

  // then() nodes run their function only when their consumer takes the value, and add no event of
  // their own: the tap changes neither when nor in which order anything runs.
  kj::Promise<Value> tap(const Handle& h, kj::Promise<Value> promise) {
    std::weak_ptr<Shared> watched = h;
    return promise.then(
        [watched](Value v) {
          if (auto s = watched.lock()) s->seen = sdk::Settled::fulfilled(v);
          return v;
        },
        [this, watched](kj::Exception&& e) -> Value {
          if (auto s = watched.lock()) s->seen = sdk::Settled::rejected(reasonOf(e));
          kj::throwFatalException(kj::mv(e));
        });
  }

  // The final state of a promise nobody consumed: poll, then wait only when it is ready.
  sdk::Settled settle(Shared& s, kj::Promise<Value> promise) {
    if (!promise.poll(waitScope_)) return sdk::Settled::pending();
    try {
      s.seen = sdk::Settled::fulfilled(promise.wait(waitScope_));
    } catch (const kj::Exception& e) {
      s.seen = sdk::Settled::rejected(reasonOf(e));
    }
    return *s.seen;
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
  const std::string common =
      "; each promise used as KJ allows, once (a second use is a call on a moved-from kj::Promise)"
      "; deferreds: newPromiseAndFulfiller<Promise<T>> (resolve adopts); try: kj::evalNow"
      "; all: kj::joinPromises (waits for every input); race: first.exclusiveJoin(second)...";
  registry.push_back(librarySubject<KjAdapter>(
      {"kj/lazy", library, "then(func returning a value): KJ runs func only once its result is needed" + common},
      Style::Lazy));
  registry.push_back(librarySubject<KjAdapter>(
      {"kj/eager", library, "then(func returning a value).eagerlyEvaluate(nullptr) on the event loop" + common},
      Style::Eager));
  registry.push_back(librarySubject<KjAdapter>(
      {"kj/chained", library, "then(func returning kj::Promise): KJ follows the promise func returns" + common},
      Style::Chained));
  registry.push_back(librarySubject<KjAdapter>(
      {"kj/forked", library,
       "as kj/chained, adapted: every promise is fork()ed and each use takes a branch, as a KJ program must to use "
       "one promise twice, and a promise the program drops is detach()ed instead of cancelled, as a KJ program "
       "that fires and forgets must; deferreds: newPromiseAndFulfiller<Promise<T>> (resolve adopts); try: kj::evalNow; "
       "all: kj::joinPromises (waits for every input); race: first.exclusiveJoin(second)..."},
      Style::Forked));
}

}  // namespace pc::adapters
