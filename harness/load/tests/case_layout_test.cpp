// The corpus layout that `record` writes, and replacing one member of a file's text.
#include <gtest/gtest.h>

#include "harness/load/case_layout.hpp"

namespace pc::load {
namespace {

Json J(const char* text) { return Json::parse(text); }

TEST(CaseLayout, InlineJsonSeparatesWithCommaSpaceAndPutsTheKindFirst) {
  EXPECT_EQ(inlineJson(J(R"(["a", [1, 2], {}, []])")), R"(["a", [1, 2], {}, []])");
  EXPECT_EQ(inlineJson(J(R"({"reason": {"message": "m", "error": "Error"}, "unhandled": null})")),
            R"({"unhandled": null, "reason": {"error": "Error", "message": "m"}})");
  EXPECT_EQ(inlineJson(J(R"({"object": {"b": 1, "a": "x\"y"}})")), R"({"object": {"a": "x\"y", "b": 1}})");
}

TEST(CaseLayout, ExpectHasOneEventAndOneFinalStatePerLineInBindingOrder) {
  const std::vector<Json> trace = {J(R"(["a", 1])"), J(R"({"handled": "q"})")};
  EXPECT_EQ(expectLayout(trace, J(R"({"q": ["pending"], "p": ["fulfilled", 1], "z": ["pending"]})"), {"q", "p"}),
            "{\n"
            "    \"trace\": [\n"
            "      [\"a\", 1],\n"
            "      {\"handled\": \"q\"}\n"
            "    ],\n"
            "    \"final\": {\n"
            "      \"q\": [\"pending\"],\n"
            "      \"p\": [\"fulfilled\", 1],\n"
            "      \"z\": [\"pending\"]\n"
            "    }\n"
            "  }");
  EXPECT_EQ(expectLayout({}, Json::object(), {}), "{\n    \"trace\": [],\n    \"final\": {}\n  }");
}

TEST(CaseLayout, ReplacingAMemberKeepsEveryOtherByte) {
  const std::string text =
      "{\n  \"id\": \"a\",  \"expect\" : {\"trace\": [\"}\"], \"final\": {}},\n"
      "  \"notes\": \"x, y\"\n}\n";
  EXPECT_EQ(withTopLevelMember(text, "expect", "NEW"),
            "{\n  \"id\": \"a\",  \"expect\" : NEW,\n"
            "  \"notes\": \"x, y\"\n}\n");
  const auto span = findTopLevelMember(text, "notes");
  ASSERT_TRUE(span);
  EXPECT_EQ(text.substr(span->begin, span->end - span->begin), "\"x, y\"");
}

TEST(CaseLayout, AMissingMemberIsAddedAfterTheLastOne) {
  EXPECT_EQ(withTopLevelMember("{\"id\": 1, \"program\": [{\"log\": \"a\"}]\n}\n", "expect", "E"),
            "{\"id\": 1, \"program\": [{\"log\": \"a\"}],\n  \"expect\": E\n}\n");
  EXPECT_EQ(findTopLevelMember("{\"a\": {\"expect\": 1}}", "expect"), std::nullopt) << "only top-level members";
  EXPECT_EQ(withTopLevelMember("[1]", "expect", "E"), std::nullopt);
  EXPECT_EQ(withTopLevelMember("{\"a\": ", "expect", "E"), std::nullopt);
}

}  // namespace
}  // namespace pc::load
