#include <gtest/gtest.h>

#include "harness/report/side_by_side.hpp"

namespace pc {
namespace {

Trace traceOf(const char* events, const char* final) {
  Trace t;
  t.events = Json::parse(events).get<std::vector<Json>>();
  t.final = Json::parse(final);
  return t;
}

TEST(SideBySide, MarksTheFirstDifferenceAndTheRowsThatDifferAfterIt) {
  const Trace expected = traceOf(R"([["A", 1], ["B", 2]])", R"({"p": ["fulfilled", 2]})");
  const Trace actual = traceOf(R"([["A", 1], ["C", 3], ["D", 4]])", R"({"p": ["fulfilled", 2]})");
  const std::string text = sideBySide(expected, actual, "node");
  EXPECT_EQ(text,
            "  expected           | node\n"
            "  [\"A\",1]            | [\"A\",1]\n"
            "> [\"B\",2]            | [\"C\",3]\n"
            "!                    | [\"D\",4]\n"
            "  -------------------+---------\n"
            "  p: [\"fulfilled\",2] | p: [\"fulfilled\",2]\n");
}

TEST(SideBySide, NamesMissingOnOneSideShowAsDifferences) {
  const Trace expected = traceOf("[]", R"({"p": ["pending"]})");
  const Trace actual = traceOf("[]", R"({"q": ["pending"]})");
  const std::string text = sideBySide(expected, actual, "reference");
  EXPECT_NE(text.find("> p: [\"pending\"] | \n"), std::string::npos) << text;
  EXPECT_NE(text.find("!                | q: [\"pending\"]\n"), std::string::npos) << text;
}

TEST(SideBySide, NotesOnTheLeftAreShownInAColumnOfTheirOwnAndNotCompared) {
  const Trace story = traceOf(R"([["A", 1], ["B", 2]])", "{}");
  const Trace actual = traceOf(R"([["A", 1], ["C", 3]])", "{}");
  const LeftColumn left{.title = "reference (job: event)",
                        .note = [](std::size_t i) { return i == 0 ? "job 1 script" : "job 2 PromiseReactionJob"; }};
  const std::string text = sideBySide(story, actual, "node", left);
  EXPECT_NE(text.find("  reference (job: event)            | node\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\n  job 1 script              [\"A\",1] | [\"A\",1]\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\n> job 2 PromiseReactionJob  [\"B\",2] | [\"C\",3]\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace pc
