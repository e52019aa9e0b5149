// NewPromiseCapability ( C ) and GetCapabilitiesExecutor (27.2.1.5, 27.2.1.5.1) with constructors
// other than %Promise%, and the static methods called on them.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "reference/node_host.hpp"
#include "reference/promise_abstract_operations.hpp"
#include "reference/promise_builtins.hpp"

namespace pc::es {
namespace {

bool throwsTypeError(const Completion& c) {
  if (!c.isAbrupt() || !c.value.isObject() || c.value.asObject()->kind() != ObjectKind::Error) return false;
  return static_cast<ErrorObject*>(c.value.asObject())->name == "TypeError";
}

// A constructor whose body calls the executor with each pair of arguments in turn, stopping at the
// first throw, and records how far it got.
struct CallsExecutor {
  Realm& realm;
  std::vector<std::vector<Value>> calls;
  int callsReturned = 0;
  Completion lastCall = Completion::normal();

  Value make() {
    return realm.makeConstructor([this](const Value&, std::span<const Value> args) {
      for (const std::vector<Value>& pair : calls) {
        lastCall = Call(realm, args[0], Undefined{}, pair);
        if (lastCall.isAbrupt()) return lastCall;
        ++callsReturned;
      }
      return Completion::normal();
    });
  }
};

Value noop(Realm& realm) {
  return realm.makeFunction([](const Value&, std::span<const Value>) { return Completion::normal(); });
}

TEST(NewPromiseCapability, ThrowsATypeErrorWhenCIsNotAConstructor) {
  NodeHost host;
  Realm realm(host);
  PromiseCapability capability;
  EXPECT_TRUE(throwsTypeError(NewPromiseCapability(realm, Value(5), capability)));
  EXPECT_TRUE(throwsTypeError(NewPromiseCapability(realm, Value(Undefined{}), capability)));
  // A built-in function is callable but has no [[Construct]].
  EXPECT_TRUE(throwsTypeError(NewPromiseCapability(realm, noop(realm), capability)));
  EXPECT_EQ(capability.promise, nullptr);
}

TEST(NewPromiseCapability, OnPromiseMakesAPendingPromiseWithItsResolvingFunctions) {
  NodeHost host;
  Realm realm(host);
  PromiseCapability capability;
  Completion made = NewPromiseCapability(realm, realm.promiseConstructor, capability);
  ASSERT_FALSE(made.isAbrupt());
  ASSERT_TRUE(IsPromise(made.value));
  const Value x[] = {"x"};
  Call(realm, capability.resolve, Undefined{}, x);
  EXPECT_EQ(asPromise(made.value)->state, PromiseState::Fulfilled);
}

TEST(GetCapabilitiesExecutor, ThrowsATypeErrorWhenResolveIsAlreadySet) {
  NodeHost host;
  Realm realm(host);
  CallsExecutor body{realm, {{noop(realm), Undefined{}}, {noop(realm), noop(realm)}}};
  PromiseCapability capability;
  EXPECT_TRUE(throwsTypeError(NewPromiseCapability(realm, body.make(), capability)));
  EXPECT_EQ(body.callsReturned, 1) << "the second call of the executor throws";
  EXPECT_TRUE(throwsTypeError(body.lastCall));
}

TEST(GetCapabilitiesExecutor, ThrowsATypeErrorWhenRejectIsAlreadySet) {
  NodeHost host;
  Realm realm(host);
  CallsExecutor body{realm, {{Undefined{}, noop(realm)}, {noop(realm), noop(realm)}}};
  PromiseCapability capability;
  EXPECT_TRUE(throwsTypeError(NewPromiseCapability(realm, body.make(), capability)));
  EXPECT_EQ(body.callsReturned, 1);
}

TEST(GetCapabilitiesExecutor, MayBeCalledAgainWhileBothAreUndefined) {
  NodeHost host;
  Realm realm(host);
  const Value resolve = noop(realm), reject = noop(realm);
  CallsExecutor body{realm, {{}, {Undefined{}, Undefined{}}, {resolve, reject}}};
  PromiseCapability capability;
  Completion made = NewPromiseCapability(realm, body.make(), capability);
  ASSERT_FALSE(made.isAbrupt());
  EXPECT_EQ(body.callsReturned, 3);
  EXPECT_EQ(capability.resolve, resolve.asObject());
  EXPECT_EQ(capability.reject, reject.asObject());
  // The constructor's own object (10.2.2): an ordinary object, not a promise.
  EXPECT_FALSE(IsPromise(made.value));
}

TEST(NewPromiseCapability, ThrowsATypeErrorWhenAFunctionIsMissing) {
  NodeHost host;
  Realm realm(host);
  PromiseCapability capability;
  CallsExecutor noReject{realm, {{noop(realm), "not callable"}}};
  EXPECT_TRUE(throwsTypeError(NewPromiseCapability(realm, noReject.make(), capability)));
  CallsExecutor never{realm, {}};
  EXPECT_TRUE(throwsTypeError(NewPromiseCapability(realm, never.make(), capability)));
}

TEST(PromiseAll, OnACustomConstructorCallsItsResolveOnEachValueWithCAsThis) {
  NodeHost host;
  Realm realm(host);
  CallsExecutor body{realm, {{noop(realm), noop(realm)}}};
  const Value C = body.make();
  std::vector<Value> receivers;
  C.asObject()->set("resolve", realm.makeFunction([&](const Value& self, std::span<const Value> args) {
    receivers.push_back(self);
    return PromiseResolveFunction(realm, args[0]);
  }));
  Completion all = PromiseAll(realm, C, realm.makeArray({1, 2}));
  ASSERT_FALSE(all.isAbrupt());
  ASSERT_EQ(receivers.size(), 2u);
  EXPECT_EQ(receivers[0].asObject(), C.asObject());
}

TEST(PromiseAll, RejectsThroughTheCapabilityWhenCHasNoCallableResolve) {
  NodeHost host;
  Realm realm(host);
  std::vector<Value> rejectedWith;
  const Value reject = realm.makeFunction([&](const Value&, std::span<const Value> args) {
    rejectedWith.push_back(args[0]);
    return Completion::normal();
  });
  CallsExecutor body{realm, {{noop(realm), reject}}};
  Completion all = PromiseAll(realm, body.make(), realm.makeArray({}));
  ASSERT_FALSE(all.isAbrupt());
  ASSERT_EQ(rejectedWith.size(), 1u);
  EXPECT_TRUE(throwsTypeError(Completion::throwing(rejectedWith[0])));
}

TEST(PromiseResolve, ReturnsAPromiseUnchangedOnlyWhenItsConstructorIsC) {
  NodeHost host;
  Realm realm(host);
  const Value p = PromiseResolveFunction(realm, 1).value;
  EXPECT_EQ(PromiseResolveFunction(realm, realm.promiseConstructor, p).value.asObject(), p.asObject());
  CallsExecutor body{realm, {{noop(realm), noop(realm)}}};
  Completion other = PromiseResolveFunction(realm, body.make(), p);
  ASSERT_FALSE(other.isAbrupt());
  EXPECT_NE(other.value.asObject(), p.asObject());
  EXPECT_TRUE(throwsTypeError(PromiseResolveFunction(realm, Value(3), p)));
}

}  // namespace
}  // namespace pc::es
