// Nothing in the reference recurses in proportion to a chain's length or a fan-out's width.
#include <gtest/gtest.h>

#include "reference/tests/promise_test_support.hpp"

namespace pc::es {
namespace {

using testing::then;

constexpr int kMillion = 1'000'000;

TEST(Scale, AMillionLinkThenChainSettlesInOrder) {
  Realm realm;
  PromiseCapability root = NewPromiseCapability(realm);
  int calls = 0;
  Object* increment = realm.makeFunction([&calls](const Value&, std::span<const Value> args) {
    ++calls;
    return Completion::normal(args[0].asNumber() + 1);
  });
  Value tail = root.promise;
  for (int i = 0; i < kMillion; ++i) tail = then(realm, tail, increment);
  const Value zero[] = {0};
  Call(realm, root.resolve, Undefined{}, zero);
  realm.jobs.drain();
  EXPECT_EQ(calls, kMillion);
  ASSERT_EQ(asPromise(tail)->state, PromiseState::Fulfilled);
  EXPECT_EQ(asPromise(tail)->result.asNumber(), kMillion);
}

TEST(Scale, AMillionPromisesEachAdoptingTheNextSettleWithoutRecursion) {
  // p0 is resolved with p1, p1 with p2, ...: every link costs thenable jobs, none a C++ frame.
  Realm realm;
  std::vector<PromiseCapability> links;
  links.reserve(kMillion);
  for (int i = 0; i < kMillion; ++i) links.push_back(NewPromiseCapability(realm));
  for (int i = 0; i + 1 < kMillion; ++i) {
    const Value next[] = {links[i + 1].promise};
    Call(realm, links[i].resolve, Undefined{}, next);
  }
  const Value done[] = {"done"};
  Call(realm, links.back().resolve, Undefined{}, done);
  realm.jobs.drain();
  ASSERT_EQ(asPromise(links.front().promise)->state, PromiseState::Fulfilled);
  EXPECT_EQ(asPromise(links.front().promise)->result.asString(), "done");
}

TEST(Scale, AMillionWayFanOutRunsEveryHandlerInRegistrationOrder) {
  Realm realm;
  PromiseCapability root = NewPromiseCapability(realm);
  std::vector<int> order;
  order.reserve(kMillion);
  for (int i = 0; i < kMillion; ++i)
    then(realm, root.promise, realm.makeFunction([&order, i](const Value&, std::span<const Value>) {
      order.push_back(i);
      return Completion::normal();
    }));
  const Value v[] = {1};
  Call(realm, root.resolve, Undefined{}, v);
  realm.jobs.drain();
  ASSERT_EQ(order.size(), static_cast<std::size_t>(kMillion));
  for (int i = 0; i < kMillion; ++i) ASSERT_EQ(order[i], i);
}

}  // namespace
}  // namespace pc::es
