// What the adapters promise in their descriptions, checked in this process on tiny programs: the
// library's own adoption and flattening are used, a combinator is offered only with the semantics
// of the primitive behind it, and the variants without workarounds do not hide what the library
// does. Crashing misuse is not run here (it would end the test process): the reports show it.
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

#include "adapters/registry.hpp"
#include "harness/core/case.hpp"
#include "harness/core/trace.hpp"

namespace pc {
namespace {

std::optional<LibraryVariant> variant(const std::string& name) {
  for (LibraryVariant& v : adapters::adapterSubjects())
    if (v.about.name == name) return v;
  return std::nullopt;
}

// Runs `program` on the variant in this process; skips the test when its library was not built.
#define RUN_OR_SKIP(trace, name, program)                                      \
  const std::optional<LibraryVariant> found_##trace = variant(name);           \
  if (!found_##trace) GTEST_SKIP() << name << " is not built on this machine"; \
  const Trace trace = runOn(*found_##trace, program);                          \
  ASSERT_FALSE(trace.failure) << name << ": " << *trace.failure;

Trace runOn(const LibraryVariant& v, const char* program) {
  Case c;
  c.id = "adapters/contract";
  c.program = Json::parse(program);
  const Case* cases[] = {&c};
  std::unique_ptr<Subject> subject = v.open();
  return subject->run(cases).front();
}

// A deferred resolved with another of the library's promises follows it.
constexpr const char* kResolveWithAPromise = R"([{"resolved": "B", "as": "inner"},
                                                  {"deferred": "outer"},
                                                  {"resolve": {"promise": "inner"}, "of": "outer"}])";

// A handler that returns a pending promise: the next step waits for it.
constexpr const char* kReturnAPendingPromise = R"([{"deferred": "d"}, {"resolved": 1, "as": "p"},
     {"then": "p", "onFulfilled": [{"return": {"promise": "d"}}], "as": "q"},
     {"then": "q", "onFulfilled": [{"log": "q"}]},
     {"timer": 5, "do": [{"resolve": 42, "of": "d"}]}])";

TEST(KjAdapter, TheFulfillerOfAPromiseAdoptsIt) {
  RUN_OR_SKIP(t, "kj/chained", kResolveWithAPromise);
  EXPECT_EQ(t.final["outer"], Json::parse(R"(["fulfilled", "B"])"));
}

// Without fork() a continuation nobody needs never runs in KJ; a ForkHub evaluates eagerly, which
// is why forking every promise (the old adapter) hid it. The continuation is named, so the harness
// keeps its promise (an unnamed one is dropped, and KJ cancels it: the next test).
TEST(KjAdapter, ALazyContinuationNobodyNeedsRunsOnlyWhenForked) {
  constexpr const char* program =
      R"([{"resolved": 1, "as": "p"}, {"then": "p", "onFulfilled": [{"log": "ran"}], "as": "q"}])";
  RUN_OR_SKIP(lazy, "kj/lazy", program);
  EXPECT_TRUE(lazy.events.empty());
  RUN_OR_SKIP(forked, "kj/forked", program);
  EXPECT_EQ(forked.events.size(), 1u);
}

// KJ cancels a continuation whose promise is destroyed; the harness drops the promise of a then()
// the program does not name, as a C++ program drops a temporary.
TEST(KjAdapter, DroppingThePromiseThenReturnedCancelsTheContinuation) {
  RUN_OR_SKIP(dropped, "kj/eager", R"([{"resolved": 1, "as": "p"}, {"then": "p", "onFulfilled": [{"log": "ran"}]}])");
  EXPECT_TRUE(dropped.events.empty());
  RUN_OR_SKIP(kept, "kj/eager",
              R"([{"resolved": 1, "as": "p"}, {"then": "p", "onFulfilled": [{"log": "ran"}], "as": "q"}])");
  EXPECT_EQ(kept.events.size(), 1u);
  // kj/forked detaches what the program drops, as its description says.
  RUN_OR_SKIP(detached, "kj/forked", R"([{"resolved": 1, "as": "p"}, {"then": "p", "onFulfilled": [{"log": "ran"}]}])");
  EXPECT_EQ(detached.events.size(), 1u);
}

TEST(KjAdapter, TryIsEvalNowAndRunsTheCallbackAtOnce) {
  RUN_OR_SKIP(t, "kj/chained", R"([{"try": [{"log": "inside"}, {"return": 1}], "as": "p"}, {"log": "after"}])");
  ASSERT_EQ(t.events.size(), 2u);
  EXPECT_EQ(t.events[0][0], "inside");
  EXPECT_FALSE(t.brokeRunToCompletion) << *t.brokeRunToCompletion;
  EXPECT_EQ(t.final["p"], Json::parse(R"(["fulfilled", 1])"));
}

TEST(BoostAdapter, AUniqueFutureFollowsAReturnedFutureThroughUnwrap) {
  RUN_OR_SKIP(t, "boost/future-loop", kReturnAPendingPromise);
  EXPECT_EQ(t.events, std::vector<Json>{Json::parse(R"(["q", 42])")});
  EXPECT_EQ(t.final["q"], Json::parse(R"(["fulfilled", 42])"));
}

// A handler that returns its own continuation's future makes that future follow itself: what Boost
// does with it is the verdict, and the adapter's reading of the state must not recurse forever (it
// did, and the stack overflow was reported as a crash of the library).
TEST(BoostAdapter, AFutureThatFollowsItselfIsReadWithoutEndlessRecursion) {
  RUN_OR_SKIP(
      t, "boost/future-loop",
      R"([{"resolved": 1, "as": "p1"}, {"then": "p1", "as": "p2", "onFulfilled": [{"return": {"promise": "p2"}}]},
                  {"then": "p2", "onRejected": [{"log": "p2 rejected"}]}])");
  EXPECT_EQ(t.final["p1"], Json::parse(R"(["fulfilled", 1])"));
  ASSERT_EQ(t.events.size(), 1u);
  EXPECT_EQ(t.final["p2"][0], "rejected");
}

// A deferred continuation on a when_all runs when the program waits for it; whether when_all's
// thread had finished by then must not decide the order (it did: two orders, run to run).
TEST(BoostAdapter, DeferredContinuationsOnACombinationRunInOneOrder) {
  constexpr const char* program = R"([{"all": [], "as": "empty"}, {"all": [1], "as": "single"},
      {"then": "single", "onFulfilled": [{"log": "single"}]}, {"then": "empty", "onFulfilled": [{"log": "empty"}]},
      {"resolved": 0, "as": "c0"}, {"then": "c0", "onFulfilled": [{"log": "tick"}], "as": "c1"}])";
  RUN_OR_SKIP(first, "boost/deferred", program);
  for (int run = 0; run < 200; ++run) {  // before the fix, most sets of 200 runs saw both orders
    RUN_OR_SKIP(again, "boost/deferred", program);
    ASSERT_EQ(again.events, first.events) << "run " << run;
  }
}

TEST(QtAdapter, AContinuationFollowsAReturnedFutureThroughUnwrap) {
  RUN_OR_SKIP(t, "qt/context", kReturnAPendingPromise);
  EXPECT_EQ(t.final["q"], Json::parse(R"(["fulfilled", 42])"));
}

// pplx::when_any completes with the first success: Promise.any, and nothing stands in for race.
TEST(PplxAdapter, WhenAnyIsOfferedAsAnyAndNothingAsRace) {
  const std::optional<LibraryVariant> v = variant("pplx/loop");
  if (!v) GTEST_SKIP() << "pplx is not built on this machine";
  const FeatureSet features = v->open()->features();
  EXPECT_TRUE(features.has(Feature::Any));
  EXPECT_TRUE(features.has(Feature::Try));
  EXPECT_FALSE(features.has(Feature::Race));
}

// Every variant states what it drives and what it adapts: its description.
TEST(Variants, EachHasADescription) {
  for (const LibraryVariant& v : adapters::adapterSubjects()) EXPECT_FALSE(v.about.description.empty()) << v.about.name;
}

}  // namespace
}  // namespace pc
