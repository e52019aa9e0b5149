// The heap reuses the places of what Await discards (Heap::discard) once the host's queue says a
// job ended: an await loop runs in a few places, nothing a program can still reach is ever
// discarded, and a host that never says so (as the harness's journaling host) keeps every object.
#include <gtest/gtest.h>

#include <functional>
#include <set>

#include "reference/async_function.hpp"
#include "reference/tests/promise_test_support.hpp"

namespace pc::es {
namespace {

// Remembers the function of every job callback it calls: Await's closures, for an await loop.
class CallbackRecordingHost : public NodeHost {
 public:
  Completion HostCallJobCallback(Realm& realm, const JobCallback& callback, const Value& v,
                                 std::span<const Value> arguments) override {
    callbacks.insert(callback.callback);
    return NodeHost::HostCallJobCallback(realm, callback, v, arguments);
  }
  std::set<const Object*> callbacks;
};

// async function f() { let sum = 0; for (let i = 0; i < n; i++) sum += await valueOf(i); return sum; }
double awaitLoop(NodeHost& host, Realm& realm, int n, const std::function<Value(int)>& valueOf) {
  double sum = 0;
  int i = 0;
  std::function<void()> loop = [&] {
    if (i == n) return;
    Await(realm, valueOf(i++), [&](Completion awaited) {
      sum += awaited.value.asNumber();
      loop();
    });
  };
  loop();
  host.jobs.drain();
  EXPECT_EQ(i, n) << "every await resumed";
  return sum;
}

TEST(HeapReuse, AnAwaitLoopOnNumbersRunsInTheSameFewPlaces) {
  CallbackRecordingHost host;
  Realm realm(host);
  EXPECT_EQ(awaitLoop(host, realm, 1000, [](int i) { return Value(i); }), 999.0 * 1000 / 2);
  // Each resumption runs while the next await's closures are made, so two sets of places alternate.
  EXPECT_LE(host.callbacks.size(), 2u);
}

// Runs each promise job as a job of its own, as the harness's journaling host does: the heap is
// never told that a job ended, so it reuses nothing.
class WrappingHost : public CallbackRecordingHost {
 public:
  void HostEnqueuePromiseJob(PromiseJob job) override {
    jobs.enqueue([job = std::move(job)] { job(); });
  }
};

TEST(HeapReuse, AHostThatNeverSaysAJobEndedKeepsEveryObject) {
  WrappingHost host;
  Realm realm(host);
  EXPECT_EQ(awaitLoop(host, realm, 1000, [](int i) { return Value(i); }), 999.0 * 1000 / 2);
  EXPECT_EQ(host.callbacks.size(), 1000u);
}

TEST(HeapReuse, APromiseTheProgramAwaitsIsNeverDiscarded) {
  NodeHost host;
  Realm realm(host);
  // The program holds `kept`, and awaits it between awaits of numbers, whose promises are discarded:
  // were `kept` discarded too, a later await's promise would take its place and its value.
  const Value kept = PromiseResolveFunction(realm, 1000).value;
  const double sum = awaitLoop(host, realm, 100, [&](int i) { return i % 2 ? kept : Value(i); });
  EXPECT_EQ(sum, 50 * 1000 + 2 * (49.0 * 50 / 2));
  ASSERT_EQ(asPromise(kept)->kind(), ObjectKind::Promise);
  EXPECT_EQ(asPromise(kept)->state, PromiseState::Fulfilled);
  EXPECT_EQ(asPromise(kept)->result.asNumber(), 1000);
}

TEST(HeapReuse, AThenableAwaitedKeepsThePromiseItResolves) {
  NodeHost host;
  Realm realm(host);
  // The thenable keeps the resolving functions of Await's promise and calls them again after the
  // function resumed: the promise they refer to must still be the one they resolved.
  std::vector<Value> kept;
  Object* thenable = realm.makeObject();
  thenable->set("then", realm.makeFunction([&kept, &realm](const Value&, std::span<const Value> args) {
    kept.push_back(args[0]);
    const Value seven[] = {7};
    return Call(realm, args[0], Undefined{}, seven);
  }));
  const double sum = awaitLoop(host, realm, 50, [&](int i) { return i % 2 ? Value(thenable) : Value(i); });
  EXPECT_EQ(sum, 25 * 7 + 2 * (24.0 * 25 / 2));
  for (const Value& resolve : kept) {
    const Value again[] = {8};
    EXPECT_FALSE(Call(realm, resolve, Undefined{}, again).isAbrupt()) << "already resolved: nothing happens";
  }
  host.jobs.drain();
}

}  // namespace
}  // namespace pc::es
