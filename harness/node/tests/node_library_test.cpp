// The promise library the node subject runs cases on (NodeLibrary): V8's own Promise, named "node",
// by default; a JavaScript library installed by a prelude runs under its own name, offers its own
// features, and is judged on its own traces. The libraries are in tests/fixtures/libraries.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "harness/load/features.hpp"
#include "harness/load/load_error.hpp"
#include "harness/load/loader.hpp"
#include "harness/node/tests/node_test_support.hpp"
#include "harness/run/runner.hpp"

namespace pc::node_tests {
namespace {

const std::filesystem::path kLibraries = std::filesystem::path(PC_NODE_TESTS_DIR) / "fixtures" / "libraries";

NodeOptions onLibrary(const std::string& name, const std::filesystem::path& prelude, FeatureSet features) {
  NodeOptions options = testNodeOptions();
  options.library = NodeLibrary{name, prelude, features};
  return options;
}

FeatureSet featureSet(std::initializer_list<Feature> features) {
  FeatureSet s;
  for (Feature f : features) s.add(f);
  return s;
}

// What synchronous.js offers: no combinators, no finally, no withResolvers, no Promise.try; its
// promises are not V8's, so Node tracks none of their rejections; async functions are V8's.
const FeatureSet kSynchronousFeatures = featureSet({Feature::Executor, Feature::ResolvedRejected, Feature::Catch,
                                                    Feature::Thenables, Feature::Timers, Feature::Microtask});

NodeSubject synchronousLibrary() {
  return NodeSubject(onLibrary("synchronous", kLibraries / "synchronous.js", kSynchronousFeatures));
}

// A case with its expectation (V8's), as the loader would make it.
Case expectedCase(const Json& source) {
  Case c = makeCase(source);
  c.expected.events = source.at("expect").at("trace").get<std::vector<Json>>();
  c.expected.final = source.at("expect").at("final");
  c.features = featuresOf(c.program, source.at("expect").at("trace"));
  return c;
}

// A handler, a promise shown as a value, a rejection caught. On V8 the handlers run after the
// script, in jobs of their own.
const Json kOrder = Json::parse(R"({
  "id": "order",
  "program": [
    {"resolved": 1, "as": "p"},
    {"then": "p", "onFulfilled": [{"log": "handler"}], "as": "q"},
    {"rejected": "no", "as": "r"},
    {"catch": "r", "onRejected": [{"log": "caught"}]},
    {"log": "p is", "value": {"promise": "p"}},
    {"log": "script"}
  ],
  "expect": {
    "trace": [["p is", {"promise": "p"}], ["script", {"undefined": true}], ["handler", 1], ["caught", "no"]],
    "final": {"p": ["fulfilled", 1], "q": ["fulfilled", {"undefined": true}], "r": ["rejected", "no"]}
  }
})");

// Needs Promise.withResolvers, which synchronous.js does not offer.
const Json kDeferred = Json::parse(R"({
  "id": "deferred",
  "program": [
    {"deferred": "d"},
    {"then": "d", "onFulfilled": [{"log": "got"}]},
    {"resolve": 1, "of": "d"}
  ],
  "expect": {"trace": [["got", 1]], "final": {"d": ["fulfilled", 1]}}
})");

const CaseResult& resultOf(const SuiteResult& suite, const std::string& subject, const std::string& caseId) {
  for (const CaseResult& r : suite.results)
    if (r.subject == subject && r.caseId == caseId) return r;
  throw std::runtime_error("no result for " + caseId + " on " + subject);
}

TEST(NodeLibrary, ByDefaultTheCasesRunOnV8sOwnPromiseUnderTheNameNode) {
  const NodeLibrary byDefault = NodeOptions{}.library;
  EXPECT_EQ(byDefault.name, "node");
  EXPECT_TRUE(byDefault.prelude.empty());
  EXPECT_EQ(byDefault.features, FeatureSet::all());

  NodeSubject node(testNodeOptions());
  EXPECT_EQ(node.name(), "node");
  EXPECT_EQ(node.features(), FeatureSet::all());
  expectTrace(runOne(node, kOrder), kOrder["expect"]["trace"], kOrder["expect"]["final"]);
}

TEST(NodeLibrary, ALibraryRunsUnderItsOwnNameWithItsOwnFeaturesAndTraces) {
  NodeSubject library = synchronousLibrary();
  EXPECT_EQ(library.name(), "synchronous");
  EXPECT_EQ(library.features(), kSynchronousFeatures);
  EXPECT_EQ(library.features().names(),
            (std::vector<std::string>{"executor", "resolved-rejected", "catch", "thenables", "timers", "microtask"}));
  // Its handlers run inside `then`, before the script goes on: not V8's order. Its promises, not
  // V8's, are still named in values, and their final states read.
  const Json events =
      Json::parse(R"([["handler", 1], ["caught", "no"], ["p is", {"promise": "p"}], ["script", {"undefined": true}]])");
  expectTrace(runOne(library, kOrder), events, kOrder["expect"]["final"]);
}

TEST(NodeLibrary, InASuiteALibraryIsJudgedOnItsTracesAndCasesBeyondItsFeaturesAreNotApplicable) {
  NodeSubject node(testNodeOptions());
  NodeSubject library = synchronousLibrary();
  const std::vector<Case> cases = {expectedCase(kDeferred), expectedCase(kOrder)};
  const std::vector<SubjectPlan> plans = {{&node, Level::Exact, 1}, {&library, Level::Exact, 1}};
  const SuiteResult suite = runSuite(cases, {}, plans, nullptr);

  EXPECT_EQ(resultOf(suite, "node", "order").status, Status::Pass) << resultOf(suite, "node", "order").message;
  EXPECT_EQ(resultOf(suite, "node", "deferred").status, Status::Pass) << resultOf(suite, "node", "deferred").message;

  const CaseResult& order = resultOf(suite, "synchronous", "order");
  EXPECT_EQ(order.status, Status::Fail);
  EXPECT_EQ(order.level, Level::Outcome) << "the same events and final states, in another order";
  EXPECT_NE(order.message.find(R"(expected ["p is",{"promise":"p"}], got ["handler",1])"), std::string::npos)
      << order.message;

  const CaseResult& deferred = resultOf(suite, "synchronous", "deferred");
  EXPECT_EQ(deferred.status, Status::NotApplicable);
  EXPECT_EQ(deferred.message, "needs deferred");
}

// Every case of the corpus on a library that is V8's Promise in all but name (a subclass that adds
// nothing): the parameter itself changes no trace. Async cases are not applicable: `await`, async
// functions and async generators are V8's own, whatever the library.
TEST(NodeLibrary, ALibraryThatIsV8sPromiseInAllButNameReachesExactOnEveryCaseItCanRun) {
  const auto isAsync = [](Feature f) { return f == Feature::Async || f == Feature::AsyncGenerators; };
  FeatureSet allButAsync;
  for (std::size_t i = 0; i < static_cast<std::size_t>(Feature::Count_); ++i)
    if (!isAsync(static_cast<Feature>(i))) allButAsync.add(static_cast<Feature>(i));
  NodeSubject library(onLibrary("subclass", kLibraries / "subclass.js", allButAsync));

  const LoadedCases corpus = loadCases(PC_NODE_TEST_CASES_DIR, nullptr);
  ASSERT_TRUE(corpus.errors.empty()) << formatError(corpus.errors.front());
  ASSERT_GT(corpus.cases.size(), 100u);
  const std::vector<SubjectPlan> plans = {{&library, Level::Exact, 1}};
  const SuiteResult suite = runSuite(corpus.cases, {}, plans, nullptr, 2);

  std::size_t ran = 0;
  for (std::size_t i = 0; i < corpus.cases.size(); ++i) {
    const Case& c = corpus.cases[i];
    const CaseResult& r = resultOf(suite, "subclass", c.id);
    if (c.features.has(Feature::Async) || c.features.has(Feature::AsyncGenerators)) {
      EXPECT_EQ(r.status, Status::NotApplicable) << c.id;
      continue;
    }
    ++ran;
    EXPECT_EQ(r.status, Status::Pass) << c.id << ": " << r.message;
  }
  EXPECT_GT(ran, corpus.cases.size() / 2);
}

TEST(NodeLibrary, AMissingPreludeIsRefused) {
  try {
    NodeSubject subject(onLibrary("ghost", kLibraries / "no-such-library.js", FeatureSet::all()));
    FAIL() << "a subject was made without its prelude";
  } catch (const std::runtime_error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("no-such-library.js"), std::string::npos) << what;
    EXPECT_NE(what.find("promise library ghost is missing"), std::string::npos) << what;
  }
}

TEST(NodeLibrary, APreludeThatThrowsFailsEveryCaseSayingWhy) {
  const auto prelude = std::filesystem::path(testing::TempDir()) / "throwing-prelude.js";
  std::ofstream(prelude) << "throw new Error('this library is not here');\n";
  NodeSubject library(onLibrary("broken", prelude, FeatureSet::all()));
  Json second = kOrder;
  second["id"] = "second";
  const auto traces = runAll(library, {makeCase(kOrder), makeCase(second)});
  ASSERT_EQ(traces.size(), 2u);
  for (const Trace& t : traces) {
    ASSERT_TRUE(t.failure.has_value());
    EXPECT_NE(t.failure->find("library broken: its prelude"), std::string::npos) << *t.failure;
    EXPECT_NE(t.failure->find("this library is not here"), std::string::npos) << *t.failure;
  }
}

}  // namespace
}  // namespace pc::node_tests
