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

// Calls the capability's resolve function with `value`, as resolve(value) in a program.
void resolveWith(Realm& realm, const PromiseCapability& capability, const Value& value) {
  const Value args[] = {value};
  Call(realm, capability.resolve, Undefined{}, args);
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
  resolveWith(realm, target, thenable.promise);
  std::vector<std::pair<Value, Value>> late;
  ASSERT_FALSE(Set(realm, thenable.promise, "then", spy(realm, late)).isAbrupt());
  EXPECT_TRUE(calls.empty()) << "called in a job, not by resolve";
  host.jobs.drain();
  EXPECT_EQ(calls.size(), 1u) << "the then read by resolve";
  EXPECT_TRUE(late.empty()) << "the then set after resolve is never read";
}

// The prototypes the model has (%Promise.prototype%, %Array.prototype%) are objects like any other:
// what a program puts on them every promise or array inherits, for Get and for Set.
TEST(Prototypes, AThenPutOnPromisePrototypeIsWhatEveryPromiseInheritsAndWhatResolvingCalls) {
  NodeHost host;
  Realm realm(host);
  PromiseCapability target = NewPromiseCapability(realm), source = NewPromiseCapability(realm);
  std::vector<std::pair<Value, Value>> calls;
  ASSERT_FALSE(Set(realm, realm.promisePrototype, "then", spy(realm, calls)).isAbrupt());
  EXPECT_FALSE(source.promise->findOwn("then")) << "inherited, not copied";
  resolveWith(realm, target, source.promise);
  host.jobs.drain();
  ASSERT_EQ(calls.size(), 1u) << "the thenable job called the replaced then";
  EXPECT_TRUE(SameValue(calls[0].first, source.promise)) << "with the promise as this";
  EXPECT_TRUE(asPromise(source.promise)->fulfillReactions().empty()) << "the built-in then never ran";
}

TEST(Prototypes, AThenPutOnArrayPrototypeMakesEveryArrayAThenable) {
  NodeHost host;
  Realm realm(host);
  std::vector<std::pair<Value, Value>> calls;
  ASSERT_FALSE(Set(realm, realm.arrayPrototype, "then", spy(realm, calls)).isAbrupt());
  PromiseCapability c = NewPromiseCapability(realm);
  ArrayObject* array = realm.makeArray({1, 2});
  resolveWith(realm, c, array);
  host.jobs.drain();
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_TRUE(SameValue(calls[0].first, array));
  EXPECT_EQ(asPromise(c.promise)->state, PromiseState::Pending) << "the then called neither resolving function";
  EXPECT_TRUE(Get(realm, realm.makeObject(), "then").value.isUndefined()) << "an ordinary object does not inherit it";
}

TEST(Prototypes, AnAccessorOnAPrototypeRunsWithTheInheritingObjectAsThis) {
  NodeHost host;
  Realm realm(host);
  std::vector<std::pair<Value, Value>> gets, sets;
  realm.promisePrototype->defineAccessor("then", spy(realm, gets), spy(realm, sets));
  PromiseCapability c = NewPromiseCapability(realm);
  Get(realm, c.promise, "then");
  ASSERT_FALSE(Set(realm, c.promise, "then", 7).isAbrupt());
  ASSERT_EQ(gets.size(), 1u);
  EXPECT_TRUE(SameValue(gets[0].first, c.promise));
  ASSERT_EQ(sets.size(), 1u) << "an inherited setter runs instead of an own property being made";
  EXPECT_TRUE(SameValue(sets[0].first, c.promise));
  EXPECT_TRUE(SameValue(sets[0].second, 7));
  EXPECT_FALSE(c.promise->findOwn("then"));
}

// 27.2.5.4 steps 3-4: then makes its promise with SpeciesConstructor(promise, %Promise%), which
// reads the receiver's constructor and that constructor's @@species.
TEST(Species, ThenMakesItsPromiseWithTheSpeciesOfTheReceiversOwnConstructor) {
  NodeHost host;
  Realm realm(host);
  Object* made = realm.makeObject();
  std::vector<std::pair<Value, Value>> resolved;
  FunctionObject* resolveSpy = spy(realm, resolved);
  const Value C = realm.makeConstructor([&realm, made, resolveSpy](const Value&, std::span<const Value> args) {
    const Value functions[] = {
        resolveSpy, realm.makeFunction([](const Value&, std::span<const Value>) { return Completion::normal(); })};
    Completion called = Call(realm, args[0], Undefined{}, functions);
    return called.isAbrupt() ? called : Completion::normal(made);
  });
  ASSERT_FALSE(Set(realm, C, std::string(kSymbolSpecies), C).isAbrupt());
  PromiseCapability p = NewPromiseCapability(realm);
  resolveWith(realm, p, 5);
  ASSERT_FALSE(Set(realm, p.promise, "constructor", C).isAbrupt());
  const Completion q = PromisePrototypeThen(realm, p.promise, Undefined{}, Undefined{});
  ASSERT_FALSE(q.isAbrupt());
  EXPECT_TRUE(SameValue(q.value, made)) << "then returns what the species constructor made";
  host.jobs.drain();
  ASSERT_EQ(resolved.size(), 1u) << "the reaction resolved through the function C handed the executor";
  EXPECT_TRUE(SameValue(resolved[0].second, 5));
}

TEST(Species, AConstructorThatIsNotAnObjectMakesThenThrowAndAnUndefinedOneIsPromise) {
  NodeHost host;
  Realm realm(host);
  PromiseCapability p = NewPromiseCapability(realm);
  ASSERT_FALSE(Set(realm, p.promise, "constructor", Null{}).isAbrupt());
  EXPECT_TRUE(PromisePrototypeThen(realm, p.promise, Undefined{}, Undefined{}).isAbrupt());
  EXPECT_TRUE(asPromise(p.promise)->fulfillReactions().empty()) << "nothing was registered";
  ASSERT_FALSE(Set(realm, p.promise, "constructor", Undefined{}).isAbrupt());
  const Completion q = PromisePrototypeThen(realm, p.promise, Undefined{}, Undefined{});
  ASSERT_FALSE(q.isAbrupt());
  EXPECT_NE(asPromise(q.value), nullptr) << "the default constructor, %Promise%";
}

// 27.2.4.7.1 step 1: a promise is returned as it is only when its constructor is C.
TEST(Species, PromiseResolveWrapsAPromiseWhoseConstructorIsNotC) {
  NodeHost host;
  Realm realm(host);
  PromiseCapability p = NewPromiseCapability(realm);
  const Completion same = PromiseResolve(realm, realm.promiseConstructor, p.promise);
  EXPECT_TRUE(SameValue(same.value, p.promise));
  ASSERT_FALSE(Set(realm, p.promise, "constructor", Null{}).isAbrupt());
  const Completion other = PromiseResolve(realm, realm.promiseConstructor, p.promise);
  ASSERT_FALSE(other.isAbrupt());
  EXPECT_FALSE(SameValue(other.value, p.promise));
}

TEST(Prototypes, TheBuiltInMethodsAreNotEnumerableAndAnAssignmentKeepsThat) {
  NodeHost host;
  Realm realm(host);
  const Property* resolve = realm.promiseConstructor->findOwn("resolve");
  ASSERT_NE(resolve, nullptr);
  EXPECT_FALSE(resolve->enumerable);
  ASSERT_FALSE(Set(realm, realm.promiseConstructor, "resolve", 5).isAbrupt());
  EXPECT_FALSE(realm.promiseConstructor->findOwn("resolve")->enumerable) << "[[Set]] keeps the attributes";
  EXPECT_TRUE(SameValue(realm.promiseConstructor->findOwn("resolve")->value, 5));
  ASSERT_FALSE(Set(realm, realm.promiseConstructor, "extra", 1).isAbrupt());
  EXPECT_TRUE(realm.promiseConstructor->findOwn("extra")->enumerable) << "a new property is enumerable";
}

TEST(Prototypes, PromiseAllReadsAResolveTheProgramPutOnPromise) {
  NodeHost host;
  Realm realm(host);
  std::vector<std::pair<Value, Value>> calls;
  ASSERT_FALSE(
      Set(realm, realm.promiseConstructor, "resolve", spy(realm, calls, Completion::normal(Undefined{}))).isAbrupt());
  Completion all = PromiseAll(realm, realm.makeArray({1, 2}));
  ASSERT_FALSE(all.isAbrupt());
  ASSERT_EQ(calls.size(), 1u) << "the loop stops at the first input: undefined has no then to invoke";
  EXPECT_TRUE(SameValue(calls[0].first, realm.promiseConstructor)) << "called with C as this";
  EXPECT_TRUE(SameValue(calls[0].second, 1));
  EXPECT_EQ(asPromise(all.value)->state, PromiseState::Rejected) << "Invoke(undefined, \"then\") threw a TypeError";
}

}  // namespace
}  // namespace pc::es

namespace pc::es {
namespace {

// 15.7.14 and 10.2.2: a class extending Promise, with `before` and `after` counting its constructions.
struct Subclass {
  NodeHost host;
  Realm realm{host};
  int constructed = 0;
  FunctionObject* C = realm.makePromiseSubclass(
      [this](const Value& thisValue, std::span<const Value>) {
        EXPECT_TRUE(thisValue.isUndefined()) << "before super, this is not bound";
        ++constructed;
        return Completion::normal();
      },
      [](const Value&, std::span<const Value>) { return Completion::normal(); });
};

TEST(PromiseSubclass, ItsInstancesInheritItsPrototypeSoTheirConstructorIsTheClass) {
  Subclass s;
  const Completion p = PromiseResolveFunction(s.realm, s.C, Value(1.0));
  ASSERT_FALSE(p.isAbrupt());
  EXPECT_EQ(s.constructed, 1);
  const Completion ctor = Get(s.realm, p.value, "constructor");
  EXPECT_TRUE(SameValue(ctor.value, s.C)) << "C.prototype.constructor, one link up the chain";
  EXPECT_TRUE(SameValue(Get(s.realm, p.value, "then").value, s.realm.promiseThen)) << "two links up";
  EXPECT_TRUE(SameValue(Get(s.realm, s.C, std::string(kSymbolSpecies)).value, s.C)) << "inherited from %Promise%";
  // then reads the species and constructs C again; PromiseResolve(C, p) returns p as it is.
  ASSERT_FALSE(PromisePrototypeThen(s.realm, p.value, Undefined{}, Undefined{}).isAbrupt());
  EXPECT_EQ(s.constructed, 2);
  EXPECT_TRUE(SameValue(PromiseResolve(s.realm, s.C, p.value).value, p.value));
  EXPECT_FALSE(SameValue(PromiseResolve(s.realm, s.realm.promiseConstructor, p.value).value, p.value))
      << "for %Promise% the instance's constructor differs, so it is wrapped";
}

TEST(PromiseSubclass, CalledWithoutNewItThrowsATypeError) {
  Subclass s;
  EXPECT_TRUE(Call(s.realm, s.C, Undefined{}).isAbrupt());
  EXPECT_EQ(s.constructed, 0);
}

}  // namespace
}  // namespace pc::es
