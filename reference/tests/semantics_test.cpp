// Behaviour a case file cannot reach: element functions called twice, resolving functions called
// directly, brand checks, and the host hooks (the default host's rejection tracker, what a host is
// told of each job).
#include <gtest/gtest.h>

#include "reference/async_function.hpp"
#include "reference/tests/promise_test_support.hpp"

namespace pc::es {
namespace {

using testing::promiseOf;
using testing::recorder;
using testing::then;

TEST(ResolvingFunctions, OnlyTheFirstCallCounts) {
  NodeHost host;
  Realm realm(host);
  PromiseCapability c = NewPromiseCapability(realm);
  const Value first[] = {"first"}, second[] = {"second"};
  Call(realm, c.resolve, Undefined{}, first);
  Call(realm, c.reject, Undefined{}, second);
  Call(realm, c.resolve, Undefined{}, second);
  EXPECT_EQ(asPromise(c.promise)->state, PromiseState::Fulfilled);
  EXPECT_EQ(asPromise(c.promise)->result.asString(), "first");
}

TEST(ResolvingFunctions, ResolvingWithItselfRejectsWithAnEngineTypeError) {
  NodeHost host;
  Realm realm(host);
  PromiseCapability c = NewPromiseCapability(realm);
  const Value self[] = {c.promise};
  Call(realm, c.resolve, Undefined{}, self);
  auto* p = asPromise(c.promise);
  ASSERT_EQ(p->state, PromiseState::Rejected);
  auto* error = static_cast<ErrorObject*>(p->result.asObject());
  EXPECT_EQ(error->name, "TypeError");
  EXPECT_TRUE(error->engineMade);
}

TEST(PromiseAll, AResolveElementFunctionCalledTwiceCountsOnce) {
  NodeHost host;
  Realm realm(host);
  PromiseCapability a = NewPromiseCapability(realm), b = NewPromiseCapability(realm);
  Completion all = PromiseAll(realm, realm.makeArray({a.promise, b.promise}));
  // The resolve element function of a is the handler Promise.all registered on it.
  Object* resolveElementA = asPromise(a.promise)->fulfillReactions().at(0).handler.callback;
  const Value x[] = {"x"}, y[] = {"y"};
  Call(realm, resolveElementA, Undefined{}, x);
  Call(realm, resolveElementA, Undefined{}, y);  // ignored: [[AlreadyCalled]]
  EXPECT_EQ(promiseOf(all)->state, PromiseState::Pending) << "one element is still missing";
  Object* resolveElementB = asPromise(b.promise)->fulfillReactions().at(0).handler.callback;
  Call(realm, resolveElementB, Undefined{}, y);
  ASSERT_EQ(promiseOf(all)->state, PromiseState::Fulfilled);
  auto* values = static_cast<ArrayObject*>(promiseOf(all)->result.asObject());
  ASSERT_EQ(values->elements.size(), 2u);
  EXPECT_EQ(values->elements[0].asString(), "x");
  EXPECT_EQ(values->elements[1].asString(), "y");
}

TEST(PromiseAllSettled, ElementFunctionsOfOneElementShareAlreadyCalled) {
  NodeHost host;
  Realm realm(host);
  PromiseCapability a = NewPromiseCapability(realm);
  Completion settled = PromiseAllSettled(realm, realm.makeArray({a.promise}));
  Object* onFulfilled = asPromise(a.promise)->fulfillReactions().at(0).handler.callback;
  Object* onRejected = asPromise(a.promise)->rejectReactions().at(0).handler.callback;
  const Value v[] = {"v"}, r[] = {"r"};
  Call(realm, onRejected, Undefined{}, r);
  Call(realm, onFulfilled, Undefined{}, v);  // ignored
  ASSERT_EQ(promiseOf(settled)->state, PromiseState::Fulfilled);
  auto* results = static_cast<ArrayObject*>(promiseOf(settled)->result.asObject());
  const Object* record = results->elements.at(0).asObject();
  EXPECT_EQ(record->findOwn("status")->value.asString(), "rejected");
  EXPECT_EQ(record->findOwn("reason")->value.asString(), "r");
  EXPECT_EQ(record->findOwn("value"), nullptr);
}

TEST(BrandChecks, ThenOnANonPromiseAndANonCallableExecutorThrowTypeErrors) {
  NodeHost host;
  Realm realm(host);
  Completion thenResult = PromisePrototypeThen(realm, realm.makeObject(), Undefined{}, Undefined{});
  ASSERT_TRUE(thenResult.isAbrupt());
  EXPECT_EQ(static_cast<ErrorObject*>(thenResult.value.asObject())->name, "TypeError");
  Completion constructed = PromiseConstructor(realm, Null{});
  ASSERT_TRUE(constructed.isAbrupt());
  EXPECT_EQ(static_cast<ErrorObject*>(constructed.value.asObject())->name, "TypeError");
}

// A promise resolved with "v", and a handler on it that logs "handler:<value>" into `log`.
Completion resolvedWithLoggingHandler(Realm& realm, std::vector<std::string>& log) {
  Completion p = PromiseResolveFunction(realm, "v");
  then(realm, p.value, recorder(realm, log, "handler"));
  return p;
}

TEST(Then, HandlersNeverRunInTheJobThatRegisteredThem) {
  NodeHost host;
  Realm realm(host);
  std::vector<std::string> log;
  resolvedWithLoggingHandler(realm, log);
  EXPECT_TRUE(log.empty());
  host.jobs.drain();
  EXPECT_EQ(log, std::vector<std::string>{"handler:v"});
}

TEST(PromiseTry, PassesItsArgumentsAndTurnsAThrowIntoARejection) {
  NodeHost host;
  Realm realm(host);
  Object* echo =
      realm.makeFunction([](const Value&, std::span<const Value> args) { return Completion::normal(args[1]); });
  const Value args[] = {1, "second"};
  Completion ok = PromiseTry(realm, echo, args);
  EXPECT_EQ(promiseOf(ok)->result.asString(), "second");
  Object* thrower =
      realm.makeFunction([](const Value&, std::span<const Value>) { return Completion::throwing("boom"); });
  Completion bad = PromiseTry(realm, thrower);
  EXPECT_EQ(promiseOf(bad)->state, PromiseState::Rejected);
  EXPECT_EQ(promiseOf(bad)->result.asString(), "boom");
}

TEST(Await, ResumesInALaterJobWithTheValue) {
  NodeHost host;
  Realm realm(host);
  std::vector<std::string> log;
  Await(realm, "later", [&log](Completion c) { log.push_back(c.value.asString()); });
  EXPECT_TRUE(log.empty());
  host.jobs.drain();
  EXPECT_EQ(log, std::vector<std::string>{"later"});
}

TEST(NodeRejectionTracker, ReportsOnlyWhatIsStillUnhandledThenReportsLateHandling) {
  NodeHost host;
  Realm realm(host);
  Completion early = PromiseReject(realm, "early"), late = PromiseReject(realm, "late");
  then(realm, early.value, Undefined{},
       realm.makeFunction([](const Value&, std::span<const Value>) { return Completion::normal(); }));
  std::vector<RejectionReport> reports;
  EXPECT_TRUE(host.rejections.process(reports));
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].kind, RejectionReport::Kind::Unhandled);
  EXPECT_EQ(reports[0].promise, promiseOf(late));
  reports.clear();
  then(realm, late.value, Undefined{}, Undefined{});
  EXPECT_TRUE(host.rejections.process(reports));
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].kind, RejectionReport::Kind::Handled);
  reports.clear();
  EXPECT_FALSE(host.rejections.process(reports));
}

// What the host is told of each promise job: which job, and for which promise. The harness's
// journal depends on it (harness/core/journaling_host.hpp).
class RecordingHost : public NodeHost {
 public:
  void HostEnqueuePromiseJob(PromiseJob job) override {
    seen.push_back(job);
    NodeHost::HostEnqueuePromiseJob(std::move(job));
  }
  Completion HostCallJobCallback(Realm& realm, const JobCallback& callback, const Value& v,
                                 std::span<const Value> arguments) override {
    ++callbacksCalled;
    return NodeHost::HostCallJobCallback(realm, callback, v, arguments);
  }
  std::vector<PromiseJob> seen;
  int callbacksCalled = 0;
};

TEST(Host, IsToldWhichJobItEnqueuesAndForWhichPromise) {
  RecordingHost host;
  Realm realm(host);
  Completion rejected = PromiseReject(realm, "r");
  then(realm, rejected.value, Undefined{}, Undefined{});
  PromiseCapability outer = NewPromiseCapability(realm);
  const Value adopt[] = {rejected.value};
  Call(realm, outer.resolve, Undefined{}, adopt);
  ASSERT_EQ(host.seen.size(), 2u);
  EXPECT_TRUE(host.seen[0].isReaction());
  EXPECT_EQ(host.seen[0].promise, promiseOf(rejected));
  EXPECT_EQ(host.seen[0].reactionType(), ReactionType::Reject);
  EXPECT_EQ(host.seen[1].kind, PromiseJob::Kind::ResolveThenable);
  EXPECT_EQ(host.seen[1].promise, asPromise(outer.promise));
  EXPECT_TRUE(SameValue(host.seen[1].thenable(), rejected.value));
}

TEST(Host, CallsEveryHandlerAndThenableThenThroughHostCallJobCallback) {
  RecordingHost host;
  Realm realm(host);
  std::vector<std::string> log;
  Completion p = resolvedWithLoggingHandler(realm, log);
  PromiseCapability adopting = NewPromiseCapability(realm);
  const Value adopt[] = {p.value};
  Call(realm, adopting.resolve, Undefined{}, adopt);
  host.jobs.drain();
  EXPECT_EQ(log, std::vector<std::string>{"handler:v"});
  // The handler; p's then, called by the thenable job; adopting's resolve, the handler then registered.
  EXPECT_EQ(host.callbacksCalled, 3);
  EXPECT_EQ(asPromise(adopting.promise)->result.asString(), "v");
}

// 6.1.5.1: every Symbol() is a new value, equal only to itself and its copies.
TEST(Values, EachSymbolIsSameValueOnlyToItsOwnCopies) {
  const Value a = Value::symbol("s"), b = Value::symbol("s");
  const Value copy = a;
  EXPECT_TRUE(SameValue(a, copy));
  EXPECT_FALSE(SameValue(a, b)) << "one description, two symbols";
  EXPECT_FALSE(SameValue(a, Value("s"))) << "a symbol is no string";
  EXPECT_TRUE(copy.isSymbol());
  EXPECT_EQ(copy.symbolDescription(), "s");
}

TEST(Values, ResolvingWithASymbolFulfilsWithThatSymbol) {
  NodeHost host;
  Realm realm(host);
  PromiseCapability c = NewPromiseCapability(realm);
  const Value s = Value::symbol("token");
  const Value args[] = {s};
  Call(realm, c.resolve, Undefined{}, args);
  EXPECT_EQ(asPromise(c.promise)->state, PromiseState::Fulfilled);
  EXPECT_TRUE(SameValue(asPromise(c.promise)->result, s));
}

}  // namespace
}  // namespace pc::es
