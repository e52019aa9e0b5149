// Nothing in the reference recurses in proportion to a chain's length or a fan-out's width. Each
// workload runs on a thread with a small stack, where a recursion of even a few bytes per link would
// overflow: that proves the property with 100,000 links as surely as a million on the usual 8 MiB.
#include <gtest/gtest.h>
#include <pthread.h>

#include <functional>

#include "reference/tests/promise_test_support.hpp"

namespace pc::es {
namespace {

using testing::then;

constexpr int kLinks = 100'000;  // 2.6 bytes of the small stack each
constexpr std::size_t kSmallStack = 256 * 1024;

void onSmallStack(const std::function<void()>& work) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, kSmallStack);
  pthread_t thread;
  auto run = [](void* w) -> void* {
    (*static_cast<const std::function<void()>*>(w))();
    return nullptr;
  };
  ASSERT_EQ(pthread_create(&thread, &attr, run, const_cast<std::function<void()>*>(&work)), 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
}

TEST(Scale, ALongThenChainSettlesInOrderOnASmallStack) {
  onSmallStack([] {
    NodeHost host;
    Realm realm(host);
    PromiseCapability root = NewPromiseCapability(realm);
    int calls = 0;
    Object* increment = realm.makeFunction([&calls](const Value&, std::span<const Value> args) {
      ++calls;
      return Completion::normal(args[0].asNumber() + 1);
    });
    Value tail = root.promise;
    for (int i = 0; i < kLinks; ++i) tail = then(realm, tail, increment);
    const Value zero[] = {0};
    Call(realm, root.resolve, Undefined{}, zero);
    host.jobs.drain();
    EXPECT_EQ(calls, kLinks);
    ASSERT_EQ(asPromise(tail)->state, PromiseState::Fulfilled);
    EXPECT_EQ(asPromise(tail)->result.asNumber(), kLinks);
  });
}

TEST(Scale, ALongChainOfAdoptingPromisesSettlesOnASmallStack) {
  onSmallStack([] {
    // p0 is resolved with p1, p1 with p2, ...: every link costs thenable jobs, none a C++ frame.
    NodeHost host;
    Realm realm(host);
    std::vector<PromiseCapability> links;
    links.reserve(kLinks);
    for (int i = 0; i < kLinks; ++i) links.push_back(NewPromiseCapability(realm));
    for (int i = 0; i + 1 < kLinks; ++i) {
      const Value next[] = {links[i + 1].promise};
      Call(realm, links[i].resolve, Undefined{}, next);
    }
    const Value done[] = {"done"};
    Call(realm, links.back().resolve, Undefined{}, done);
    host.jobs.drain();
    ASSERT_EQ(asPromise(links.front().promise)->state, PromiseState::Fulfilled);
    EXPECT_EQ(asPromise(links.front().promise)->result.asString(), "done");
  });
}

TEST(Scale, AWideFanOutRunsEveryHandlerInRegistrationOrderOnASmallStack) {
  onSmallStack([] {
    NodeHost host;
    Realm realm(host);
    PromiseCapability root = NewPromiseCapability(realm);
    std::vector<int> order;
    order.reserve(kLinks);
    for (int i = 0; i < kLinks; ++i)
      then(realm, root.promise, realm.makeFunction([&order, i](const Value&, std::span<const Value>) {
        order.push_back(i);
        return Completion::normal();
      }));
    const Value v[] = {1};
    Call(realm, root.resolve, Undefined{}, v);
    host.jobs.drain();
    ASSERT_EQ(order.size(), static_cast<std::size_t>(kLinks));
    for (int i = 0; i < kLinks; ++i) ASSERT_EQ(order[i], i);
  });
}

}  // namespace
}  // namespace pc::es
