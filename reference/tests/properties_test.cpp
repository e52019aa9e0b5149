// Own properties and accessors (7.3.4 Set, 10.1.9 [[Set]], 10.1.8 [[Get]]): what an assignment in
// strict code does to a promise or an object, and how the promise algorithms then see an own then.
#include <gtest/gtest.h>

#include "reference/promise_abstract_operations.hpp"
#include "reference/promise_builtins.hpp"
#include "reference/tests/promise_test_support.hpp"

namespace pc::es {
namespace {

// A function that appends (this, first argument) to `calls` and returns `result`.
FunctionObject* spy(Realm& realm, std::vector<std::pair<Value, Value>>& calls, Completion result = {}) {
  return realm.makeFunction([&calls, result](const Value& self, std::span<const Value> args) {
    calls.emplace_back(self, args.empty() ? Value(Undefined{}) : args[0]);
    return result;
  });
}

TEST(Set, AnOwnThenHidesPromisePrototypeThenForEveryReader) {
  NodeHost host;
  Realm realm(host);
  PromiseCapability c = NewPromiseCapability(realm);
  std::vector<std::pair<Value, Value>> calls;
  ASSERT_FALSE(Set(realm, c.promise, "then", spy(realm, calls)).isAbrupt());
  const Value onRejected[] = {"handler"};
  ASSERT_FALSE(PromisePrototypeCatch(realm, c.promise, onRejected[0]).isAbrupt());  // Invoke(promise, "then")
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_TRUE(SameValue(calls[0].first, c.promise)) << "this is the promise";
  EXPECT_TRUE(calls[0].second.isUndefined()) << "catch passes undefined first";
  EXPECT_TRUE(c.promise->findOwn("then") != nullptr);
  EXPECT_TRUE(asPromise(c.promise)->fulfillReactions().empty()) << "Promise.prototype.then never ran";
}

TEST(Set, AssigningAnAccessorCallsItsSetterWithTheObjectAndTheValue) {
  NodeHost host;
  Realm realm(host);
  Object* o = realm.makeObject();
  std::vector<std::pair<Value, Value>> calls;
  o->defineAccessor("then", nullptr, spy(realm, calls));
  ASSERT_FALSE(Set(realm, o, "then", 5).isAbrupt());
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_TRUE(SameValue(calls[0].first, o));
  EXPECT_TRUE(SameValue(calls[0].second, 5));
  EXPECT_TRUE(o->findOwn("then")->isAccessor()) << "the setter ran instead of a data property being made";
  EXPECT_TRUE(Get(realm, o, "then").value.isUndefined()) << "an accessor without a getter reads as undefined";
}

TEST(Set, ASetterThatThrowsMakesTheAssignmentThrow) {
  NodeHost host;
  Realm realm(host);
  Object* o = realm.makeObject();
  std::vector<std::pair<Value, Value>> calls;
  o->defineAccessor("then", nullptr, spy(realm, calls, Completion::throwing("boom")));
  Completion c = Set(realm, o, "then", 1);
  ASSERT_TRUE(c.isAbrupt());
  EXPECT_TRUE(SameValue(c.value, "boom"));
}

TEST(Set, AnAccessorWithoutSetterOrAPrimitiveThrowsATypeError) {
  NodeHost host;
  Realm realm(host);
  Object* o = realm.makeObject();
  std::vector<std::pair<Value, Value>> calls;
  o->defineAccessor("then", spy(realm, calls), nullptr);
  for (const Value& base : {Value(o), Value(1), Value("s"), Value(Undefined{}), Value(Null{})}) {
    Completion c = Set(realm, base, "then", 1);
    ASSERT_TRUE(c.isAbrupt());
    auto* error = static_cast<ErrorObject*>(c.value.asObject());
    EXPECT_EQ(error->name, "TypeError");
  }
  EXPECT_TRUE(calls.empty()) << "the getter is not run by an assignment";
}

TEST(Set, ReplacesAnOwnDataPropertyInPlace) {
  NodeHost host;
  Realm realm(host);
  Object* o = realm.makeObject();
  o->set("a", 1);
  o->set("then", 2);
  ASSERT_FALSE(Set(realm, o, "a", 3).isAbrupt());
  ASSERT_EQ(o->properties().size(), 2u);
  EXPECT_EQ(o->properties()[0].key, "a") << "creation order is kept";
  EXPECT_TRUE(SameValue(o->properties()[0].value, 3));
}

TEST(ResolveFunctions, ReadTheOwnThenOfAPromiseOnceAndCallItInAJob) {
  NodeHost host;
  Realm realm(host);
  PromiseCapability thenable = NewPromiseCapability(realm), target = NewPromiseCapability(realm);
  std::vector<std::pair<Value, Value>> calls;
  ASSERT_FALSE(Set(realm, thenable.promise, "then", spy(realm, calls)).isAbrupt());
  const Value arg[] = {thenable.promise};
  Call(realm, target.resolve, Undefined{}, arg);
  std::vector<std::pair<Value, Value>> late;
  ASSERT_FALSE(Set(realm, thenable.promise, "then", spy(realm, late)).isAbrupt());
  EXPECT_TRUE(calls.empty()) << "called in a job, not by resolve";
  host.jobs.drain();
  EXPECT_EQ(calls.size(), 1u) << "the then read by resolve";
  EXPECT_TRUE(late.empty()) << "the then set after resolve is never read";
}

}  // namespace
}  // namespace pc::es
