// Each finding rule against a result that shows it and one that differs from it in exactly the one
// respect the rule reads: a rule that cannot tell them apart fails here.
#include "harness/report/findings.hpp"

#include <gtest/gtest.h>

#include "harness/tests/fakes.hpp"

namespace pc::findings {
namespace {

Json j(const char* text) { return Json::parse(text); }

Case caseOf(const char* program, const char* events, const char* final, std::vector<std::string> rules = {}) {
  Case c = tests::makeCase("t/case");
  c.program = j(program);
  c.expected.events = j(events).get<std::vector<Json>>();
  c.expected.final = j(final);
  c.rules = std::move(rules);
  return c;
}

CaseResult ranWith(const char* events, const char* final, Status status = Status::Fail) {
  CaseResult r;
  r.caseId = "t/case";
  r.status = status;
  r.level = Level::Outcome;
  r.actual.events = j(events).get<std::vector<Json>>();
  r.actual.final = j(final);
  return r;
}

const Rule& rule(std::string_view id) {
  for (const Rule& r : rules())
    if (r.id == id) return r;
  throw std::logic_error("no finding rule " + std::string(id));
}

bool shows(std::string_view id, const CaseResult& r, const Case& c) { return rule(id).shows(r, c).has_value(); }

const Case kAnyCase = caseOf("[]", "[]", "{}");

TEST(Findings, SynchronousContinuationsAreToldApartByTheCallTheyRanInside) {
  CaseResult r = ranWith("[]", "{}");
  r.actual.brokeRunToCompletion = "a handler ran synchronously inside then(), on a future that was already complete";
  EXPECT_TRUE(shows("runs-inside-then", r, kAnyCase));
  EXPECT_FALSE(shows("runs-inside-completion", r, kAnyCase));
  r.actual.brokeRunToCompletion = "a handler ran synchronously inside the call that completed its future";
  EXPECT_FALSE(shows("runs-inside-then", r, kAnyCase));
  EXPECT_TRUE(shows("runs-inside-completion", r, kAnyCase));
  EXPECT_FALSE(shows("runs-inside-another-call", r, kAnyCase));
  r.actual.brokeRunToCompletion = "a handler ran synchronously inside a combinator call (all, race, ...)";
  EXPECT_EQ(rule("runs-inside-another-call").shows(r, kAnyCase), "a combinator call (all, race, ...)");
  EXPECT_FALSE(shows("runs-concurrently", r, kAnyCase));
  r.actual.brokeRunToCompletion = "a handler ran concurrently with another handler";
  EXPECT_TRUE(shows("runs-concurrently", r, kAnyCase));
  r.actual.brokeRunToCompletion.reset();
  EXPECT_FALSE(shows("runs-concurrently", r, kAnyCase));
}

// Three handlers on d, each logging its own label first; a catch on another promise logs too.
const Case kThreeHandlers = caseOf(R"([{"deferred": "d"},
    {"then": "d", "onFulfilled": [{"log": "first"}]}, {"then": "d", "onFulfilled": [{"log": "second"}]},
    {"then": "d", "onFulfilled": [{"log": "third"}], "as": "q"}, {"catch": "q", "onRejected": [{"log": "caught"}]}])",
                                   R"([["first", 1], ["second", 1], ["third", 1], ["caught", 2]])",
                                   R"({"d": ["fulfilled", 1]})", {"aplus.2.2.6.1"});

TEST(Findings, TheOrderOfContinuationsIsReadFromTheHandlersOfOnePromiseOnly) {
  auto order = [](const char* events) { return continuationOrder(ranWith(events, "{}"), kThreeHandlers); };
  EXPECT_EQ(order(R"([["first", 1], ["second", 1], ["third", 1], ["caught", 2]])"), ContinuationOrder::Attachment);
  // Where the catch runs says nothing about the order of d's handlers.
  EXPECT_EQ(order(R"([["caught", 2], ["first", 1], ["second", 1], ["third", 1]])"), ContinuationOrder::Attachment);
  EXPECT_EQ(order(R"([["third", 1], ["second", 1], ["first", 1]])"), ContinuationOrder::Reverse);
  EXPECT_EQ(order(R"([["third", 1]])"), ContinuationOrder::LastOnly);
  EXPECT_EQ(order(R"([["first", 1]])"), ContinuationOrder::Other);
  EXPECT_EQ(order(R"([["second", 1], ["first", 1], ["third", 1]])"), ContinuationOrder::Other);
  EXPECT_EQ(order("[]"), ContinuationOrder::NotShown);
  Case notAboutOrder = kThreeHandlers;
  notAboutOrder.rules = {"aplus.2.2.7"};
  EXPECT_EQ(continuationOrder(ranWith(R"([["third", 1]])", "{}"), notAboutOrder), ContinuationOrder::NotShown);
  EXPECT_TRUE(shows("order-last-only", ranWith(R"([["third", 1]])", "{}"), kThreeHandlers));
  CaseResult threaded = ranWith(R"([["third", 1]])", "{}");
  threaded.repeats = Repeats{.runs = 5};
  EXPECT_FALSE(findings::shows(rule("order-last-only"), threaded, kThreeHandlers))
      << "threads decide the order of a result that ran several times: no order finding is drawn from it";
  EXPECT_FALSE(shows("order-reverse", ranWith(R"([["third", 1]])", "{}"), kThreeHandlers));
}

TEST(Findings, DepthFirstIsTwoChainsRunOneAfterTheOtherWhereJavaScriptAlternates) {
  const Case chains = caseOf("[]", R"([["a", 1], ["b", 1], ["a", 2], ["b", 2]])", "{}");
  EXPECT_TRUE(shows("depth-first", ranWith(R"([["a", 1], ["a", 2], ["b", 1], ["b", 2]])", "{}"), chains));
  EXPECT_FALSE(shows("depth-first", ranWith(R"([["a", 1], ["b", 1], ["a", 2], ["b", 2]])", "{}"), chains));
  EXPECT_FALSE(shows("depth-first", ranWith(R"([["a", 1], ["a", 2], ["b", 1]])", "{}"), chains)) << "an event lost";
  const Case oneChain = caseOf("[]", R"([["a", 1], ["a", 2]])", "{}");
  EXPECT_FALSE(shows("depth-first", ranWith(R"([["a", 1], ["a", 2]])", "{}"), oneChain));
}

TEST(Findings, NoAdoptionIsAFutureHeldAsAValueWhereJavaScriptHasTheValue) {
  const Case adopts = caseOf("[]", "[]", R"({"q": ["fulfilled", 42], "d": ["fulfilled", 42]})");
  EXPECT_TRUE(shows("no-adoption", ranWith("[]", R"({"q": ["fulfilled", {"promise": "d"}]})"), adopts));
  EXPECT_FALSE(shows("no-adoption", ranWith("[]", R"({"q": ["fulfilled", 42]})"), adopts));
  const Case promiseAsReason = caseOf("[]", "[]", R"({"q": ["rejected", {"promise": "d"}]})");
  EXPECT_FALSE(shows("no-adoption", ranWith("[]", R"({"q": ["rejected", {"promise": "d"}]})"), promiseAsReason))
      << "JavaScript does not adopt a promise given as a reason either";
}

TEST(Findings, RunsOnlyWhenAwaitedIsAContinuationNobodyWaitsForLeftUnrunAfterItsInputCompleted) {
  const Case lazy = caseOf(R"([{"resolved": 1, "as": "p"}, {"then": "p", "onFulfilled": [{"log": "x"}], "as": "q"}])",
                           R"([["x", 1]])", R"({"p": ["fulfilled", 1], "q": ["fulfilled", {"undefined": true}]})");
  EXPECT_TRUE(shows("runs-only-when-awaited", ranWith("[]", R"({"p": ["fulfilled", 1], "q": ["pending"]})"), lazy));
  EXPECT_FALSE(shows("runs-only-when-awaited", ranWith("[]", R"({"p": ["pending"], "q": ["pending"]})"), lazy))
      << "its input never completed";
  Case waitedOn = lazy;
  waitedOn.program.push_back(j(R"({"then": "q", "onFulfilled": []})"));
  EXPECT_FALSE(shows("runs-only-when-awaited", ranWith("[]", R"({"p": ["fulfilled", 1], "q": ["pending"]})"), waitedOn))
      << "something waits for q";
}

TEST(Findings, WaitingForAllIsARejectedAllReachedInAnotherOrder) {
  const Case all = caseOf(R"([{"all": [{"promise": "a"}, {"promise": "b"}], "as": "both"}])",
                          R"([["caught", "no"], ["b settled", 1]])", R"({"both": ["rejected", "no"]})");
  EXPECT_TRUE(shows("all-waits-for-every-input", ranWith(R"([["b settled", 1], ["caught", "no"]])", "{}"), all));
  EXPECT_FALSE(shows("all-waits-for-every-input", ranWith(R"([["caught", "no"], ["b settled", 1]])", "{}"), all));
  CaseResult threads = ranWith(R"([["b settled", 1], ["caught", "no"]])", "{}");
  threads.actual.brokeRunToCompletion = "a handler ran concurrently with another handler";
  EXPECT_FALSE(shows("all-waits-for-every-input", threads, all)) << "threads decided that order";
  const Case fulfilledAll =
      caseOf(R"([{"all": [], "as": "both"}])", R"([["x", 1], ["y", 1]])", R"({"both": ["fulfilled", []]})");
  EXPECT_FALSE(shows("all-waits-for-every-input", ranWith(R"([["y", 1], ["x", 1]])", "{}"), fulfilledAll));
}

TEST(Findings, DroppingShowsAsACancelledContinuationABrokenPromiseOrABlockedDestructor) {
  const Case dropped = caseOf(R"([{"resolved": 1, "as": "p"}, {"then": "p", "onFulfilled": [{"log": "x"}]}])",
                              R"([["x", 1]])", R"({"p": ["fulfilled", 1]})");
  EXPECT_TRUE(shows("dropped-continuation-is-cancelled", ranWith("[]", R"({"p": ["fulfilled", 1]})"), dropped));
  EXPECT_FALSE(
      shows("dropped-continuation-is-cancelled", ranWith(R"([["x", 1]])", R"({"p": ["fulfilled", 1]})"), dropped));
  EXPECT_FALSE(shows("dropped-continuation-is-cancelled", ranWith("[]", R"({"p": ["pending"]})"), dropped))
      << "its input never completed";
  EXPECT_FALSE(shows("dropped-continuation-is-cancelled", ranWith("[]", R"({"p": ["rejected", 1]})"), dropped))
      << "its input completed otherwise: onFulfilled had no reason to run";
  Case shared = dropped;
  shared.program.push_back(j(R"({"then": "p", "onFulfilled": [{"log": "x"}], "as": "kept"})"));
  EXPECT_FALSE(shows("dropped-continuation-is-cancelled", ranWith("[]", R"({"p": ["fulfilled", 1]})"), shared))
      << "another handler logs x too: the missing event is not tied to the dropped one";
  Case named = dropped;
  named.program[1]["as"] = "q";
  EXPECT_FALSE(shows("dropped-continuation-is-cancelled", ranWith("[]", R"({"p": ["fulfilled", 1]})"), named))
      << "the program kept the future";

  const Case pending = caseOf(R"([{"new": "p", "executor": []}])", "[]", R"({"p": ["pending"]})");
  EXPECT_EQ(rule("dropped-producer-fails-its-future")
                .shows(ranWith("[]", R"({"p": ["rejected", {"error": "std::future_error"}]})"), pending),
            "std::future_error");
  EXPECT_FALSE(shows("dropped-producer-fails-its-future", ranWith("[]", R"({"p": ["pending"]})"), pending));

  CaseResult blocked = ranWith("[]", "{}", Status::Hang);
  blocked.message = "hung: destroying a future the case dropped waited for its continuation, which never ran";
  EXPECT_TRUE(shows("dropping-a-future-blocks", blocked, dropped));
  EXPECT_FALSE(shows("hangs", blocked, dropped)) << "one explanation per hang";
  CaseResult deadlock = ranWith("[]", "{}", Status::Hang);
  deadlock.message = "hung: every thread of the worker waited for 200 ms with this case unfinished (a deadlock)";
  EXPECT_FALSE(shows("dropping-a-future-blocks", deadlock, dropped)) << "another deadlock";
  EXPECT_TRUE(shows("hangs", deadlock, dropped));
}

TEST(Findings, NoTraceFindingsNameTheExceptionOrTheSignal) {
  CaseResult thrown = ranWith("[]", "{}", Status::LibraryError);
  thrown.message = "threw std::future_error: std::future_error: Promise already satisfied";
  EXPECT_EQ(rule("misuse-throws").shows(thrown, kAnyCase), "std::future_error: Promise already satisfied");
  EXPECT_FALSE(shows("crashes", thrown, kAnyCase));

  CaseResult died = ranWith("[]", "{}", Status::Crash);
  died.message = "the lib worker ended (killed by SIGTRAP (Trace/breakpoint trap)) while running this case";
  EXPECT_EQ(rule("crashes").shows(died, kAnyCase), "SIGTRAP");
  const Case unobserved =
      caseOf(R"([{"rejected": "no", "as": "r"}, {"race": [{"promise": "r"}]}])", "[]", R"({"r": ["rejected", "no"]})");
  EXPECT_EQ(rule("unobserved-failure-ends-the-process").shows(died, unobserved), "SIGTRAP");
  EXPECT_FALSE(shows("crashes", died, unobserved)) << "one explanation per crash";
  Case usedTwice = caseOf(R"([{"resolved": 1, "as": "p"}, {"then": "p"}, {"then": "p"}])", "[]", "{}");
  EXPECT_EQ(rule("using-a-future-twice-crashes").shows(died, usedTwice), "SIGTRAP");
  EXPECT_FALSE(shows("unobserved-failure-ends-the-process", died, usedTwice));
  Case both = unobserved;
  both.program.push_back(j(R"({"all": [{"promise": "r"}]})"));
  EXPECT_FALSE(shows("using-a-future-twice-crashes", died, both));
  EXPECT_FALSE(shows("unobserved-failure-ends-the-process", died, both));
  EXPECT_TRUE(shows("crashes", died, both)) << "two possible causes: none is claimed";
  const Case settledTwice = caseOf(R"([{"new": "p", "executor": [{"resolve": 1}, {"reject": 2}]}])", "[]", "{}");
  EXPECT_EQ(rule("completing-twice-crashes").shows(died, settledTwice), "SIGTRAP");
  EXPECT_FALSE(shows("crashes", died, settledTwice));
  const Case byName =
      caseOf(R"([{"deferred": "d"}, {"resolve": 1, "of": "d"}, {"resolve": 2, "of": "d"}])", "[]", "{}");
  EXPECT_TRUE(shows("completing-twice-crashes", died, byName));
  const Case nested =
      caseOf(R"([{"new": "p", "executor": [{"resolve": 1}, {"new": "q", "executor": [{"resolve": 2}]}]}])", "[]", "{}");
  EXPECT_FALSE(shows("completing-twice-crashes", died, nested)) << "q's executor has resolvers of its own";
  Case observed = unobserved;
  observed.program.push_back(j(R"({"catch": "r", "onRejected": []})"));
  EXPECT_FALSE(shows("unobserved-failure-ends-the-process", died, observed));

  EXPECT_TRUE(shows("hangs", ranWith("[]", "{}", Status::Hang), kAnyCase));
  EXPECT_FALSE(shows("hangs", died, kAnyCase));
}

TEST(Findings, AFailingResultIsExplainedByItsFirstFindingAndAFactNeverExplains) {
  CaseResult r = ranWith(R"([["third", 1]])", "{}");
  r.actual.brokeRunToCompletion = "a handler ran synchronously inside then(), on a future that was already complete";
  ASSERT_NE(explaining(r, kThreeHandlers), nullptr);
  EXPECT_STREQ(explaining(r, kThreeHandlers)->id, "runs-inside-then");
  r.actual.brokeRunToCompletion.reset();
  EXPECT_STREQ(explaining(r, kThreeHandlers)->id, "order-last-only");
  EXPECT_EQ(explaining(ranWith(R"([["first", 1], ["second", 1], ["third", 1]])", "{}"), kThreeHandlers), nullptr)
      << "attachment order is how JavaScript behaves: it explains no failure";
}

}  // namespace
}  // namespace pc::findings
