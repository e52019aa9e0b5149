// The async generator algorithms of 27.6, driven directly: each test follows one path of the
// state machine (suspended-start, suspended-yield, executing, draining-queue, completed) and checks
// what the spec's steps say happens on it. The corpus (cases/es/async-generators) checks the same
// paths against V8, tick by tick.
#include <gtest/gtest.h>

#include "reference/async_generator.hpp"
#include "reference/tests/promise_test_support.hpp"

namespace pc::es {
namespace {

using testing::arg;

struct Fixture {
  NodeHost host;
  Realm realm{host};
  std::vector<std::string> log;

  // The state and result of a promise, once every job has run.
  std::string settled(const Value& promise) {
    host.jobs.drain();
    const PromiseObject* p = asPromise(promise);
    if (p->state == PromiseState::Pending) return "pending";
    const Value result = p->result;
    if (p->state == PromiseState::Rejected) return "rejected " + describe(result);
    return "fulfilled " + describe(result);
  }

  static std::string describe(const Value& v) {
    if (v.isString()) return v.asString();
    if (v.isUndefined()) return "undefined";
    if (v.isObject() && v.asObject()->kind() == ObjectKind::Error) return "TypeError";
    if (!v.isObject()) return "?";
    const Property* value = v.asObject()->findOwn("value");
    const Property* done = v.asObject()->findOwn("done");
    if (!value || !done) return "object";
    return "{" + describe(value->value) + (done->value.asBoolean() ? ", done}" : "}");
  }
};

// A body that logs "ran", yields "a", then ends with the value next sent it.
AsyncGeneratorObject* yieldingA(Fixture& f) {
  return CreateAsyncGenerator(f.realm, [&f](AsyncGeneratorObject* generator) {
    f.log.push_back("ran");
    AsyncGeneratorYieldExpression(f.realm, generator, Value(std::string("a")), [&f, generator](Completion sent) {
      if (!sent.isAbrupt()) f.log.push_back("sent " + Fixture::describe(sent.value));
      AsyncGeneratorBodyEnded(f.realm, generator, sent.isAbrupt() ? sent : Completion::returning(sent.value));
    });
  });
}

TEST(AsyncGenerator, TheBodyRunsAtTheFirstNextNotWhenTheGeneratorIsMade) {
  Fixture f;
  AsyncGeneratorObject* g = yieldingA(f);
  EXPECT_TRUE(f.log.empty());
  EXPECT_EQ(g->state, AsyncGeneratorState::SuspendedStart);
  const Value first = AsyncGeneratorPrototypeNext(f.realm, g, Value(std::string("ignored")));
  EXPECT_EQ(f.log, std::vector<std::string>{"ran"}) << "next resumes the body synchronously";
  EXPECT_EQ(g->state, AsyncGeneratorState::Executing) << "the yield awaits its operand first";
  EXPECT_EQ(f.settled(first), "fulfilled {a}");
  EXPECT_EQ(g->state, AsyncGeneratorState::SuspendedYield);
  const Value second = AsyncGeneratorPrototypeNext(f.realm, g, Value(std::string("b")));
  EXPECT_EQ(f.settled(second), "fulfilled {b, done}");
  EXPECT_EQ((std::vector<std::string>{"ran", "sent b"}), f.log);
  EXPECT_EQ(g->state, AsyncGeneratorState::Completed);
  EXPECT_EQ(f.settled(AsyncGeneratorPrototypeNext(f.realm, g, Undefined{})), "fulfilled {undefined, done}");
}

// 27.6.1.4 step 6: throw on a generator that has not started completes it, and the body never runs.
TEST(AsyncGenerator, ThrowBeforeTheFirstNextCompletesTheGeneratorWithoutRunningTheBody) {
  Fixture f;
  AsyncGeneratorObject* g = yieldingA(f);
  const Value thrown = AsyncGeneratorPrototypeThrow(f.realm, g, Value(std::string("boom")));
  EXPECT_EQ(g->state, AsyncGeneratorState::Completed);
  EXPECT_EQ(asPromise(thrown)->state, PromiseState::Rejected) << "rejected at once, without a job";
  EXPECT_EQ(f.settled(AsyncGeneratorPrototypeNext(f.realm, g, Undefined{})), "fulfilled {undefined, done}");
  EXPECT_TRUE(f.log.empty());
}

// 27.6.3.8 step 11: a request queued while the body runs resumes it at the yield, without suspending.
TEST(AsyncGenerator, ARequestQueuedWhileTheBodyRunsResumesItAtTheYieldAtOnce) {
  Fixture f;
  AsyncGeneratorObject* g = yieldingA(f);
  const Value first = AsyncGeneratorPrototypeNext(f.realm, g, Undefined{});
  const Value second = AsyncGeneratorPrototypeNext(f.realm, g, Value(std::string("b")));
  ASSERT_EQ(g->queue.size(), 2u);
  f.host.jobs.drain();
  EXPECT_EQ((std::vector<std::string>{"ran", "sent b"}), f.log);
  EXPECT_EQ(f.settled(first), "fulfilled {a}");
  EXPECT_EQ(f.settled(second), "fulfilled {b, done}");
}

// 27.6.3.7: return at a yield awaits its value inside the body; the body then returns with it.
TEST(AsyncGenerator, ReturnAtAYieldAwaitsItsValueAndEndsTheBody) {
  Fixture f;
  AsyncGeneratorObject* g = yieldingA(f);
  f.settled(AsyncGeneratorPrototypeNext(f.realm, g, Undefined{}));
  PromiseCapability rejected = NewPromiseCapability(f.realm);
  const Value reason[] = {Value(std::string("no"))};
  Call(f.realm, rejected.reject, Undefined{}, reason);
  const Value returned = AsyncGeneratorPrototypeReturn(f.realm, g, rejected.promise);
  EXPECT_EQ(f.settled(returned), "rejected no") << "the Await threw at the yield, ending the body with it";
  EXPECT_EQ((std::vector<std::string>{"ran"}), f.log) << "the body did not go on after the yield";
}

// 27.6.3.9: return on a finished generator awaits the value with PromiseResolve, in a job.
TEST(AsyncGenerator, ReturnOnACompletedGeneratorSettlesOnlyAfterAJob) {
  Fixture f;
  AsyncGeneratorObject* g = yieldingA(f);
  AsyncGeneratorPrototypeThrow(f.realm, g, Undefined{});
  const Value returned = AsyncGeneratorPrototypeReturn(f.realm, g, Value(std::string("r")));
  EXPECT_EQ(g->state, AsyncGeneratorState::DrainingQueue);
  EXPECT_EQ(asPromise(returned)->state, PromiseState::Pending);
  EXPECT_EQ(f.settled(returned), "fulfilled {r, done}");
  EXPECT_EQ(g->state, AsyncGeneratorState::Completed);
}

// 27.6.3.3: a this value without [[AsyncGeneratorContext]] rejects the promise; nothing throws.
TEST(AsyncGenerator, AReceiverThatIsNoGeneratorRejectsWithATypeError) {
  Fixture f;
  EXPECT_EQ(f.settled(AsyncGeneratorPrototypeNext(f.realm, f.realm.makeObject(), Undefined{})), "rejected TypeError");
  EXPECT_EQ(f.settled(AsyncGeneratorPrototypeReturn(f.realm, Value(5.0), Undefined{})), "rejected TypeError");
  EXPECT_EQ(f.settled(AsyncGeneratorPrototypeThrow(f.realm, Undefined{}, Undefined{})), "rejected TypeError");
}

}  // namespace
}  // namespace pc::es
