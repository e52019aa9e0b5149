// Features are derived from what a case uses (spec/case-language.md: "derived from the program by
// the loader, never declared by hand").
#include <gtest/gtest.h>

#include <initializer_list>

#include "harness/load/tests/test_support.hpp"

namespace pc::load_tests {
namespace {

Json J(const char* text) { return Json::parse(text); }

FeatureSet setOf(std::initializer_list<Feature> features) {
  FeatureSet s;
  for (Feature f : features) s.add(f);
  return s;
}

std::string namesOf(FeatureSet s) {
  std::string out;
  for (const std::string& n : s.names()) out += n + " ";
  return out.empty() ? "(none)" : out;
}

#define EXPECT_FEATURES(program, ...) \
  EXPECT_EQ(namesOf(featuresOf(J(program))), namesOf(setOf({__VA_ARGS__}))) << program

TEST(Features, ThenAloneNeedsNothingOptional) {
  EXPECT_FEATURES(R"([{"deferred": "d"}])", Feature::Deferred);
  EXPECT_FEATURES(R"([{"log": "x"}, {"then": "p", "onFulfilled": [{"return": 1}]}])");
}

TEST(Features, ASymbolValueNeedsSymbols) {
  EXPECT_FEATURES(R"([{"all": {"symbol": "s"}}])", Feature::All, Feature::Symbols);
  EXPECT_FEATURES(R"([{"let": "s", "value": [{"symbol": "a"}]}])", Feature::Symbols);
}

TEST(Features, ChangingABuiltInNeedsBuiltinsBesidesOwnProperties) {
  EXPECT_FEATURES(R"([{"set": "%Promise%", "key": "resolve", "value": 1}])", Feature::OwnProperties, Feature::Builtins);
  EXPECT_FEATURES(R"([{"let": "o", "value": {"object": {}}}, {"set": "o", "key": "then", "value": 1}])",
                  Feature::OwnProperties);
}

TEST(Features, EachVerbBringsItsFeature) {
  EXPECT_FEATURES(R"([{"new": "p", "executor": []}])", Feature::Executor);
  EXPECT_FEATURES(R"([{"resolved": 1}, {"rejected": 2}])", Feature::ResolvedRejected);
  EXPECT_FEATURES(R"([{"catch": "p"}])", Feature::Catch);
  EXPECT_FEATURES(R"([{"finally": "p"}])", Feature::Finally);
  EXPECT_FEATURES(R"([{"all": []}])", Feature::All);
  EXPECT_FEATURES(R"([{"allSettled": []}])", Feature::AllSettled);
  EXPECT_FEATURES(R"([{"race": []}])", Feature::Race);
  EXPECT_FEATURES(R"([{"any": []}])", Feature::Any);
  EXPECT_FEATURES(R"([{"try": []}])", Feature::Try);
  EXPECT_FEATURES(R"([{"async": [{"await": 1}]}])", Feature::Async);
  EXPECT_FEATURES(R"([{"timer": 1, "do": []}])", Feature::Timers);
  EXPECT_FEATURES(R"([{"microtask": []}])", Feature::Microtask);
}

TEST(Features, NestedBodiesCount) {
  EXPECT_FEATURES(R"([{"then": "p", "onFulfilled": [{"timer": 0, "do": [{"catch": "q"}]}]}])", Feature::Timers,
                  Feature::Catch);
  EXPECT_FEATURES(R"([{"new": "p", "executor": [{"microtask": [{"resolve": {"promise": "q"}}]}]}])", Feature::Executor,
                  Feature::Microtask);
}

TEST(Features, AnyThenableValueAnywhereNeedsThenables) {
  EXPECT_FEATURES(R"([{"let": "t", "value": {"object": {"inner": [{"thenable": {"then": 5}}]}}}])", Feature::Thenables);
  EXPECT_FEATURES(R"([{"then": "p", "onFulfilled": [{"return": {"thenable": {"then": []}}}]}])", Feature::Thenables);
  // A thenable's own body counts too.
  EXPECT_FEATURES(R"([{"resolved": {"thenable": {"getter": [{"timer": 1, "do": []}], "then": []}}}])",
                  Feature::ResolvedRejected, Feature::Thenables, Feature::Timers);
}

TEST(Features, WordsThatAreNotVerbsOrFormsDoNotCount) {
  // Labels, plain object keys and strings that spell a verb are just data.
  EXPECT_FEATURES(R"([{"log": "timer", "value": {"object": {"new": 1, "thenable": "x"}}}, {"return": "async"}])");
}

TEST(Features, RejectionTrackingComesFromTheExpectedTrace) {
  const Json program = J(R"([{"rejected": 1, "as": "p"}])");
  EXPECT_FALSE(featuresOf(program, J(R"([["x", 1], {"uncaught": 1}])")).has(Feature::RejectionTracking));
  EXPECT_TRUE(featuresOf(program, J(R"([{"unhandled": "p", "reason": 1}])")).has(Feature::RejectionTracking));
  EXPECT_TRUE(featuresOf(program, J(R"([{"handled": "p"}])")).has(Feature::RejectionTracking));
}

TEST(Features, ALoadedCaseCarriesItsDerivedFeatures) {
  Json doc = goodCase();
  doc["program"].push_back(J(R"({"finally": "q", "onFinally": [{"microtask": []}]})"));
  doc["expect"]["trace"].push_back(J(R"({"unhandled": null, "reason": 1})"));
  ScratchDir dir;
  const auto file = dir.writeJson("cases/t/case.json", doc);
  auto result = loadCaseFile(file, dir.path() / "cases", &testCatalog());
  ASSERT_TRUE(std::holds_alternative<Case>(result)) << dump(std::get<std::vector<LoadError>>(result));
  EXPECT_EQ(
      namesOf(std::get<Case>(result).features),
      namesOf(setOf({Feature::ResolvedRejected, Feature::Finally, Feature::Microtask, Feature::RejectionTracking})));
}

}  // namespace
}  // namespace pc::load_tests
