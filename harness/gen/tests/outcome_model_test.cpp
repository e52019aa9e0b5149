// The scheduling-free model on hand-written programs whose outcomes ECMA-262 fixes. The expected
// final states are V8's: each program was run through harness/node/run.js when this was written.
#include <gtest/gtest.h>

#include "harness/gen/outcome_model.hpp"

namespace pc::gen {
namespace {

Json finalOf(const Json& program, const std::string& name) { return predictOutcomes(program).at(name).toFinal(); }

TEST(OutcomeModel, TheFirstCallOfAnExecutorWins) {
  const Json program =
      Json::parse(R"([{"new": "p", "executor": [{"resolve": "A"}, {"reject": "B"}, {"throw": "C"}]}])");
  EXPECT_EQ(finalOf(program, "p"), Json::parse(R"(["fulfilled", "A"])"));
}

TEST(OutcomeModel, AThrowBeforeAnyCallRejects) {
  const Json program = Json::parse(R"([{"new": "p", "executor": [{"throw": 1}, {"resolve": "A"}]}])");
  EXPECT_EQ(finalOf(program, "p"), Json::parse(R"(["rejected", 1])"));
}

TEST(OutcomeModel, ASynchronousSettlementBeatsAnEarlierTimer) {
  const Json program = Json::parse(R"([{"deferred": "d"},
    {"timer": 0, "do": [{"resolve": "late", "of": "d"}]},
    {"reject": "now", "of": "d"}])");
  EXPECT_EQ(finalOf(program, "d"), Json::parse(R"(["rejected", "now"])"));
}

TEST(OutcomeModel, HandlersTransformAndRejectionsPassThrough) {
  const Json program = Json::parse(R"([{"rejected": "r", "as": "p"},
    {"then": "p", "onFulfilled": [{"return": "never"}], "as": "q"},
    {"catch": "q", "onRejected": [{"return": {"argument": true}}], "as": "c"},
    {"finally": "c", "onFinally": [{"throw": "f"}], "as": "z"}])");
  EXPECT_EQ(finalOf(program, "q"), Json::parse(R"(["rejected", "r"])"));
  EXPECT_EQ(finalOf(program, "c"), Json::parse(R"(["fulfilled", "r"])"));
  EXPECT_EQ(finalOf(program, "z"), Json::parse(R"(["rejected", "f"])"));
}

TEST(OutcomeModel, ThenablesAndPromisesAreAdopted) {
  const Json program = Json::parse(R"([{"deferred": "d"},
    {"resolved": {"thenable": {"then": [{"timer": 2, "do": [{"resolve": {"promise": "d"}}]}, {"timer": 1, "do": [{"reject": "first"}]}]}}, "as": "t"},
    {"resolved": {"promise": "d"}, "as": "same"}])");
  EXPECT_EQ(finalOf(program, "t"), Json::parse(R"(["rejected", "first"])"));
  EXPECT_EQ(finalOf(program, "same"), Json::parse(R"(["pending"])"));
}

TEST(OutcomeModel, AThrowingThenGetterRejects) {
  const Json program =
      Json::parse(R"([{"resolved": {"thenable": {"getter": [{"throw": "g"}], "then": [{"resolve": 1}]}}, "as": "p"}])");
  EXPECT_EQ(finalOf(program, "p"), Json::parse(R"(["rejected", "g"])"));
}

TEST(OutcomeModel, AsyncFunctionsStopAtTheFirstRejectedAwait) {
  const Json program = Json::parse(R"([{"rejected": "no", "as": "r"},
    {"async": [{"await": 1}, {"await": {"promise": "r"}}, {"return": "unreached"}], "as": "a"},
    {"async": [{"await": 7}, {"return": {"argument": true}}], "as": "b"}])");
  EXPECT_EQ(finalOf(program, "a"), Json::parse(R"(["rejected", "no"])"));
  EXPECT_EQ(finalOf(program, "b"), Json::parse(R"(["fulfilled", 7])"));
}

TEST(OutcomeModel, CombinatorsThatDoNotDependOnOrder) {
  const Json program = Json::parse(R"([{"rejected": "r", "as": "p"}, {"deferred": "d"},
    {"all": [1, {"promise": "p"}, {"promise": "d"}], "as": "all"},
    {"allSettled": [1, {"promise": "p"}], "as": "settled"},
    {"any": [{"promise": "p"}], "as": "any"},
    {"race": [{"promise": "d"}, 2], "as": "race"},
    {"race": [1, 2], "as": "unknown"}])");
  EXPECT_EQ(finalOf(program, "all"), Json::parse(R"(["rejected", "r"])"));
  EXPECT_EQ(
      finalOf(program, "settled"),
      Json::parse(
          R"(["fulfilled", [{"object": {"status": "fulfilled", "value": 1}}, {"object": {"status": "rejected", "reason": "r"}}]])"));
  EXPECT_EQ(finalOf(program, "any"), Json::parse(R"(["rejected", {"error": "AggregateError", "errors": ["r"]}])"));
  EXPECT_EQ(finalOf(program, "race"), Json::parse(R"(["fulfilled", 2])"));
  EXPECT_FALSE(predictOutcomes(program).at("unknown").known());
}

}  // namespace
}  // namespace pc::gen
