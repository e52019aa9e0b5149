// The SDK's bridge, on a toy library: features from members, handlers, the error channel, faults,
// threads and teardown.
#include <gtest/gtest.h>

#include "harness/sdk/library_subject.hpp"
#include "harness/sdk/tests/toy_library.hpp"

namespace pc::sdk {
namespace {

// A case of this program on the toy library (or one of its extensions).
template <class ToyAdapter = toy::Adapter>
Trace runToy(const char* program, toy::Options options = {}, Options sdk = {}) {
  Case c;
  c.id = "t/toy";
  c.program = Json::parse(program);
  return runLibraryCase<ToyAdapter>(c, sdk, options);
}

// Whether the run recorded a breach of run to completion (spec/levels.md, E2) in these words.
testing::AssertionResult brokeSaying(const Trace& t, std::string_view words) {
  if (!t.brokeRunToCompletion) return testing::AssertionFailure() << "no breach recorded";
  if (t.brokeRunToCompletion->find(words) == std::string::npos)
    return testing::AssertionFailure() << "recorded: " << *t.brokeRunToCompletion;
  return testing::AssertionSuccess();
}

TEST(Sdk, FeaturesAreTheSdksOwnPlusOnePerOptionalMember) {
  const FeatureSet plain = featuresOf<toy::Adapter>();
  for (Feature f : {Feature::Executor, Feature::Deferred, Feature::ResolvedRejected, Feature::Catch, Feature::Timers})
    EXPECT_TRUE(plain.has(f)) << featureName(f);
  for (Feature f : {Feature::All, Feature::Finally, Feature::Thenables, Feature::Async, Feature::RejectionTracking})
    EXPECT_FALSE(plain.has(f)) << featureName(f);
  EXPECT_TRUE(featuresOf<toy::AdapterWithAll>().has(Feature::All));
  EXPECT_FALSE(plain.has(Feature::Try));
  EXPECT_TRUE(featuresOf<toy::AdapterWithTry>().has(Feature::Try));
}

// Promise.try through an adapter's tryCall.
Trace runToyTry(const char* program, toy::Options options = {}) {
  return runToy<toy::AdapterWithTry>(program, options);
}

constexpr const char* kTryThenLog = R"([{"try": [{"log": "inside"}, {"return": 7}], "as": "p"},
                                         {"log": "after"},
                                         {"then": "p", "onFulfilled": [{"log": "fulfilled"}]}])";

// Called inside tryCall, the callback is part of the script: it runs before Promise.try returns
// and is not a handler run synchronously.
TEST(SdkTry, ACallbackTheLibraryCallsAtOnceRunsInsideTheScriptUnflagged) {
  const Trace t = runToyTry(kTryThenLog);
  ASSERT_FALSE(t.failure) << *t.failure;
  EXPECT_FALSE(t.brokeRunToCompletion) << *t.brokeRunToCompletion;
  EXPECT_EQ(t.events,
            (std::vector<Json>{Json::parse(R"(["inside", {"undefined": true}])"),
                               Json::parse(R"(["after", {"undefined": true}])"), Json::parse(R"(["fulfilled", 7])")}));
  EXPECT_EQ(t.final, Json::parse(R"({"p": ["fulfilled", 7]})"));
}

// Promise.try(f, ...args): the library's tryCall takes a callback of no argument, so the SDK binds
// them, as a C++ program captures them in its lambda.
TEST(SdkTry, ExtraArgumentsReachTheCallback) {
  const Trace t = runToyTry(R"([{"try": [{"log": "args", "value": {"arguments": true}}, {"return": {"argument": true}}],
                                  "args": [1, "two"], "as": "p"}])");
  ASSERT_FALSE(t.failure) << *t.failure;
  EXPECT_EQ(t.events, std::vector<Json>{Json::parse(R"(["args", [1, "two"]])")});
  EXPECT_EQ(t.final["p"], Json::parse(R"(["fulfilled", 1])"));
}

TEST(SdkTry, AThrowInTheCallbackRejectsTheLibrarysFuture) {
  const Trace t = runToyTry(R"([{"try": [{"throw": "boom"}], "as": "p"}, {"log": "after"}])");
  ASSERT_FALSE(t.failure) << *t.failure;
  EXPECT_EQ(t.final, Json::parse(R"({"p": ["rejected", "boom"]})"));
}

// A library that queues the callback runs it later, from its own loop: the order shows it.
TEST(SdkTry, ACallbackTheLibraryRunsLaterIsAHandler) {
  const Trace t = runToyTry(kTryThenLog, {.tryLater = true});
  ASSERT_FALSE(t.failure) << *t.failure;
  EXPECT_FALSE(t.brokeRunToCompletion) << *t.brokeRunToCompletion;
  EXPECT_EQ(t.events,
            (std::vector<Json>{Json::parse(R"(["after", {"undefined": true}])"),
                               Json::parse(R"(["inside", {"undefined": true}])"), Json::parse(R"(["fulfilled", 7])")}));
}

// ...and one that runs it on a thread of its own while the script runs is seen doing so, and waited for.
TEST(SdkTry, ACallbackRunOnAnotherThreadDuringTheScriptIsSeenAsConcurrent) {
  const Trace t = runToyTry(kTryThenLog, {.threaded = true, .handOff = true, .tryLater = true});
  ASSERT_FALSE(t.failure) << *t.failure;
  ASSERT_TRUE(t.brokeRunToCompletion);
  EXPECT_EQ(t.final, Json::parse(R"({"p": ["fulfilled", 7]})"));
}

TEST(Sdk, AHandlerGetsTheValueAndItsResultSettlesTheContinuation) {
  const Trace t = runToy(R"([{"new": "p", "executor": [{"resolve": 1}]},
                             {"then": "p", "onFulfilled": [{"log": "got"}, {"return": 2}], "as": "q"}])");
  ASSERT_FALSE(t.failure) << *t.failure;
  EXPECT_EQ(t.events, std::vector<Json>{Json::parse(R"(["got", 1])")});
  EXPECT_EQ(t.final, Json::parse(R"({"p": ["fulfilled", 1], "q": ["fulfilled", 2]})"));
}

// JavaScript's default handlers: a missing onFulfilled passes the value on, a missing onRejected
// passes the reason on, and catch is then(undefined, onRejected).
TEST(Sdk, MissingHandlersPassThrough) {
  const Trace t = runToy(R"([{"rejected": {"error": "Error", "message": "no"}, "as": "p"},
                             {"then": "p", "onFulfilled": [{"log": "wrong"}], "as": "q"},
                             {"catch": "q", "onRejected": [{"log": "caught"}]}])");
  ASSERT_FALSE(t.failure) << *t.failure;
  EXPECT_EQ(t.events, std::vector<Json>{Json::parse(R"(["caught", {"error": "Error", "message": "no"}])")});
}

// A reason travels as itself: the handler sees the very object the executor rejected with.
TEST(Sdk, ARejectionKeepsItsReasonsIdentity) {
  const Trace t = runToy(R"([{"let": "o", "value": {"object": {"k": 1}}},
                             {"new": "p", "executor": [{"reject": {"ref": "o"}}]},
                             {"catch": "p", "onRejected": [{"log": "same"}]}])");
  ASSERT_FALSE(t.failure) << *t.failure;
  EXPECT_EQ(t.events, std::vector<Json>{Json::parse(R"(["same", {"ref": "o"}])")});
}

TEST(Sdk, AnExecutorThatThrowsRejects) {
  const Trace t = runToy(R"([{"new": "p", "executor": [{"throw": "boom"}]}])");
  EXPECT_EQ(t.final, Json::parse(R"({"p": ["rejected", "boom"]})"));
}

TEST(Sdk, AnExceptionFromTheLibraryCrashesTheCaseWithItsTypeAndMessage) {
  const Trace t = runToy(R"([{"resolved": 1, "as": "p"}, {"then": "p"}])", {.thenThrows = true});
  ASSERT_TRUE(t.failure);
  EXPECT_EQ(t.failureKind, FailureKind::LibraryError);
  EXPECT_NE(t.failure->find("std::logic_error: then is broken"), std::string::npos) << *t.failure;
}

TEST(Sdk, ForeignExceptionsBecomeErrorsNamedAfterTheirType) {
  es::NodeHost modelHost;
  es::Realm realm(modelHost);
  Host host(realm, {});
  const Value reason = host.reasonOf(std::make_exception_ptr(std::out_of_range("far")));
  const auto* error = dynamic_cast<const es::ErrorObject*>(reason.asObject());
  ASSERT_NE(error, nullptr);
  EXPECT_EQ(error->name, "std::out_of_range");
  EXPECT_EQ(error->message, "far");
}

TEST(Sdk, ThreadedContinuationsAreWaitedFor) {
  const Trace t = runToy(R"([{"new": "p", "executor": [{"resolve": 1}]},
                             {"then": "p", "onFulfilled": [{"log": "a"}], "as": "q"},
                             {"then": "q", "onFulfilled": [{"log": "b"}]},
                             {"timer": 0, "do": [{"log": "timer"}]}])",
                         {.threaded = true});
  ASSERT_FALSE(t.failure) << *t.failure;
  // The timer runs after the draining, so after both continuations.
  EXPECT_EQ(t.events, (std::vector<Json>{Json::parse(R"(["a", 1])"), Json::parse(R"(["b", {"undefined": true}])"),
                                         Json::parse(R"(["timer", {"undefined": true}])")}));
}

// A microtask queued on a library's thread pool is due work too: the drain waits for it, although
// no continuation is pending, so the trace has it every time.
TEST(Sdk, MicrotasksQueuedOnALibrarysThreadsAreWaitedFor) {
  Case c;
  c.id = "t/toy-microtask";
  c.program = Json::parse(R"([{"microtask": [{"log": "first"}]}, {"microtask": [{"log": "second"}]}])");
  const Trace t = runLibraryCase<toy::AdapterWithMicrotasks>(c, Options{}, toy::Options{.threaded = true});
  ASSERT_FALSE(t.failure) << *t.failure;
  ASSERT_EQ(t.events.size(), 2u);
  EXPECT_TRUE(featuresOf<toy::AdapterWithMicrotasks>().has(Feature::Microtask));
}

// Nothing runs and nothing will: the drain sees every thread idle and stops at once, without a
// fault; the trace lacks what never ran. (The bound is far beyond what the test waits in practice.)
TEST(Sdk, ALibraryThatNeverRunsADueContinuationIsSeenWaiting) {
  const Trace t = runToy(R"([{"resolved": 1, "as": "p"}, {"then": "p", "onFulfilled": [{"log": "never"}]}])",
                         {.threaded = true, .neverRuns = true}, {.drainTimeout = std::chrono::minutes(10)});
  ASSERT_FALSE(t.failure) << *t.failure;
  EXPECT_TRUE(t.events.empty());
}

// q follows r, which a library thread settles after 150 ms of work (longer than the host lets
// library threads catch up after a handler): no continuation the drain knows of is due meanwhile,
// but a library thread is running, so the drain waits for it and sees q's handler. (Boost's unwrap
// under load: a drain that stopped here left q pending in some runs.)
TEST(Sdk, TheDrainWaitsForALibraryThreadThatSettlesAFollowedFuture) {
  const Trace t = runToy(
      R"([{"deferred": "r"}, {"resolved": 1, "as": "p"},
                             {"then": "p", "onFulfilled": [{"resolve": 2, "of": "r"}, {"return": {"promise": "r"}}], "as": "q"},
                             {"then": "q", "onFulfilled": [{"log": "q"}]}])",
      {.threaded = true, .settlesLater = true, .settleWork = std::chrono::milliseconds(150), .followsReturned = true});
  ASSERT_FALSE(t.failure) << *t.failure;
  ASSERT_EQ(t.events.size(), 1u);
  EXPECT_EQ(t.final.at("q"), Json::parse(R"(["fulfilled", 2])"));
}

// p1's resolvers are never called, so the SDK drops its producer, which breaks p1. The race's thread
// looks at its inputs only after 100 ms of work: were the drop done before the library's due work,
// it would find p1 broken first; a real thread finds either, by its timing, and verdicts would vary.
TEST(Sdk, AThreadedLibraryFinishesItsDueWorkBeforeItSeesADroppedProducer) {
  Case c;
  c.id = "t/toy-race";
  c.program = Json::parse(R"([{"new": "p1", "executor": []}, {"resolved": 2, "as": "p2"},
                              {"race": [{"promise": "p1"}, {"promise": "p2"}], "as": "result"}])");
  const Trace t = runLibraryCase<toy::AdapterWithRace>(
      c, Options{},
      toy::Options{.threaded = true, .settleWork = std::chrono::milliseconds(100), .breaksWhenDropped = true});
  ASSERT_FALSE(t.failure) << *t.failure;
  EXPECT_EQ(t.final.at("result"), Json::parse(R"(["fulfilled", 2])"));
  EXPECT_EQ(t.final.at("p1"), Json::parse(R"(["rejected", "broken"])")) << "the producer was dropped after all";
}

TEST(Sdk, ALibraryThatStaysBusyWithoutRunningADueContinuationHangsWithinTheBound) {
  const Trace t = runToy(R"([{"resolved": 1, "as": "p"}, {"then": "p", "onFulfilled": [{"log": "never"}]}])",
                         {.threaded = true, .spins = true}, {.drainTimeout = std::chrono::milliseconds(50)});
  ASSERT_TRUE(t.failure);
  EXPECT_EQ(t.failureKind, FailureKind::Hang);
  EXPECT_NE(t.failure->find("hung"), std::string::npos) << *t.failure;
}

// A continuation still waiting when the case ends must neither run JavaScript nor block teardown.
TEST(Sdk, APendingPromiseAtTheEndIsLeftPending) {
  const Trace t =
      runToy(R"([{"new": "p", "executor": []}, {"then": "p", "onFulfilled": [{"log": "never"}]}])", {.threaded = true});
  ASSERT_FALSE(t.failure) << *t.failure;
  EXPECT_TRUE(t.events.empty());
  EXPECT_EQ(t.final, Json::parse(R"({"p": ["pending"]})"));
}

// Run to completion (spec/levels.md, E2): the SDK sees a handler entered while JavaScript runs,
// which the case's lock would otherwise hide.
constexpr const char* kHandlerThenLog = R"([{"resolved": 1, "as": "p"},
                                            {"then": "p", "onFulfilled": [{"log": "handler"}]},
                                            {"log": "after then"}])";

TEST(SdkRunToCompletion, AHandlerRunInsideThenIsSeenAsSynchronous) {
  const Trace t = runToy(kHandlerThenLog, {.synchronous = true});
  ASSERT_FALSE(t.failure) << *t.failure;
  EXPECT_TRUE(brokeSaying(t, "synchronously inside then()"));
}

TEST(SdkRunToCompletion, AHandlerRunInsideTheSettleThatMadeItDueIsSeenAsSynchronous) {
  // Registered while pending; the handler of a timer settles p and the continuation runs inside.
  const Trace t = runToy(R"([{"deferred": "p"}, {"then": "p", "onFulfilled": [{"log": "handler"}]},
                             {"timer": 5, "do": [{"resolve": 1, "of": "p"}, {"log": "after resolve"}]}])",
                         {.synchronous = true});
  EXPECT_TRUE(brokeSaying(t, "synchronously inside the call that completed its future"));
}

TEST(SdkRunToCompletion, AHandlerStartedOnAnotherThreadWhileTheScriptRunsIsSeenAsConcurrent) {
  const Trace t = runToy(kHandlerThenLog, {.threaded = true, .handOff = true});
  ASSERT_FALSE(t.failure) << *t.failure;
  // The lock makes the order look right...
  EXPECT_EQ(t.events, (std::vector<Json>{Json::parse(R"(["after then", {"undefined": true}])"),
                                         Json::parse(R"(["handler", 1])")}));
  // ...but the handler ran while the script did.
  EXPECT_TRUE(brokeSaying(t, "concurrently with the code that registered it"));
}

// A microtask is JavaScript as a handler is: a handler the library starts on another thread while
// one runs is seen every time, although that thread gets going only after the microtask's own code.
TEST(SdkRunToCompletion, AHandlerStartedWhileAMicrotaskRunsIsSeenAsConcurrent) {
  Case c;
  c.id = "t/toy-microtask-then";
  c.program = Json::parse(R"([{"resolved": 1, "as": "p"},
                              {"microtask": [{"then": "p", "onFulfilled": [{"log": "handler"}]}]}])");
  const Trace t =
      runLibraryCase<toy::AdapterWithMicrotasks>(c, Options{}, toy::Options{.threaded = true, .startsLater = true});
  ASSERT_FALSE(t.failure) << *t.failure;
  EXPECT_TRUE(brokeSaying(t, "concurrently with another handler"));
}

// A combinator's shaping step is a continuation too (Promise.all's resolve-element functions are
// handlers). Run on a library thread while the script runs, it waits for the lock asleep; were it not
// entered as a handler is, the run would look like one where the library waited for the script.
Trace runShapedAll(const char* program, toy::Options options) {
  return runToy<toy::AdapterWithShapedAll>(program, options);
}
constexpr const char* kAllOfNothingThenLog = R"([{"all": [], "as": "a"},
                                                 {"then": "a", "onFulfilled": [{"log": "all"}]},
                                                 {"log": "after then"}])";

TEST(SdkRunToCompletion, AShapingStepOnALibraryThreadWhileTheScriptRunsIsSeenAsConcurrent) {
  const Trace t = runShapedAll(kAllOfNothingThenLog, {.threaded = true});
  ASSERT_FALSE(t.failure) << *t.failure;
  EXPECT_EQ(t.final.at("a"), Json::parse(R"(["fulfilled", []])"));
  EXPECT_TRUE(brokeSaying(t, "concurrently with the code that registered it"));
}

// The same values built by the adapter inside all(), on the script's own thread, are the script's.
TEST(SdkRunToCompletion, AShapingStepInsideTheCombinatorsCallIsNotFlagged) {
  const Trace t = runShapedAll(kAllOfNothingThenLog, {});
  ASSERT_FALSE(t.failure) << *t.failure;
  EXPECT_EQ(t.final.at("a"), Json::parse(R"(["fulfilled", []])"));
  EXPECT_FALSE(t.brokeRunToCompletion) << *t.brokeRunToCompletion;
}

// A library that runs continuations inline and also has threads of its own breaks run to completion
// both ways in one run. Here the shaping thread is seen first (all() returns once it waits for the
// lock), then then() runs its handler inline; the synchronous breach is the one the run reports, as
// it would be had the thread come later.
TEST(SdkRunToCompletion, ASynchronousBreachIsReportedOverAConcurrentOneSeenEarlier) {
  const Trace t = runShapedAll(R"([{"all": [], "as": "a"}, {"resolved": 1, "as": "p"},
                                   {"then": "p", "onFulfilled": [{"log": "handler"}]}])",
                               {.threaded = true, .synchronous = true, .handOff = true});
  ASSERT_FALSE(t.failure) << *t.failure;
  EXPECT_TRUE(brokeSaying(t, "synchronously inside then()"));
}

// Schedule::LibraryThreadsFirst (harness/core/subject.hpp): after the settle, the library's thread is
// let finish before then() is called, so a library that runs a handler inside then() on a complete
// future shows it every time, not only when its thread happens to win the race.
TEST(SdkSchedules, LibraryThreadsFirstLetsTheLibraryCompleteAFutureBeforeTheNextCall) {
  constexpr const char* program = R"([{"deferred": "p"}, {"resolve": 1, "of": "p"},
                                      {"then": "p", "onFulfilled": [{"log": "handler"}]}, {"log": "after then"}])";
  const toy::Options library{.threaded = true, .synchronous = true, .settlesLater = true};
  const Trace first = runToy(program, library, {.libraryThreadsFirst = true});
  EXPECT_TRUE(brokeSaying(first, "synchronously inside then()"));
  // As scheduled, then() comes long before the thread's 20 ms of work are done.
  const Trace asScheduled = runToy(program, library);
  EXPECT_TRUE(!asScheduled.brokeRunToCompletion ||
              asScheduled.brokeRunToCompletion->find("inside then()") == std::string::npos)
      << *asScheduled.brokeRunToCompletion;
}

TEST(SdkRunToCompletion, HandlersRunFromTheLibrarysOwnLoopAreNotFlagged) {
  const Trace t = runToy(R"([{"deferred": "p"}, {"then": "p", "onFulfilled": [{"log": "a"}], "as": "q"},
                             {"then": "q", "onFulfilled": [{"log": "b"}]},
                             {"timer": 5, "do": [{"resolve": 1, "of": "p"}, {"log": "after resolve"}]}])");
  ASSERT_FALSE(t.failure) << *t.failure;
  EXPECT_FALSE(t.brokeRunToCompletion) << *t.brokeRunToCompletion;
  EXPECT_EQ(t.events.size(), 3u);
}

}  // namespace
}  // namespace pc::sdk
