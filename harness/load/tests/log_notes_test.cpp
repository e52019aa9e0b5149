// Where {"log": "x"} records a value beside its label, the author is told how to say which is meant.
#include <gtest/gtest.h>

#include "harness/load/log_notes.hpp"

namespace pc::load {
namespace {

std::vector<std::string> pointersOf(const char* program) {
  std::vector<std::string> out;
  for (const Note& n : logArgumentNotes(Json::parse(program))) out.push_back(n.pointer);
  return out;
}

TEST(LogNotes, APlainLogInAFulfilOrRejectHandlerIsNoted) {
  const auto notes = logArgumentNotes(Json::parse(R"([{"resolved": 1, "as": "p"},
    {"then": "p", "onFulfilled": [{"log": "x"}], "onRejected": [{"log": "y"}]}])"));
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0].pointer, "/program/1/onFulfilled/0");
  EXPECT_NE(notes[0].message.find(R"(console.log("x") is {"log": "x", "value": {"undefined": true}})"),
            std::string::npos)
      << notes[0].message;
  EXPECT_EQ(notes[1].pointer, "/program/1/onRejected/0");
}

TEST(LogNotes, WhereTheArgumentIsUndefinedOrTheValueIsExplicitNothingIsNoted) {
  EXPECT_TRUE(pointersOf(R"([{"log": "script"}, {"new": "p", "executor": [{"log": "e"}]},
    {"finally": "p", "onFinally": [{"log": "f"}]}, {"timer": 1, "do": [{"log": "t"}]},
    {"then": "p", "onFulfilled": [{"log": "v", "value": {"argument": true}}, {"log": "u", "value": 1},
                                  {"timer": 1, "do": [{"log": "inner timer"}]}]},
    {"resolved": {"thenable": {"then": [{"log": "in then"}]}}}])")
                  .empty());
}

TEST(LogNotes, AnAsyncBodyHasAnArgumentAfterItsFirstAwait) {
  EXPECT_EQ(pointersOf(R"([{"async": [{"log": "before"}, {"await": 1}, {"log": "after"}]}])"),
            std::vector<std::string>{"/program/0/async/2"});
}

}  // namespace
}  // namespace pc::load
