// The grammar is the one definition of the case language: its statement kinds, the verbs the
// interpreter dispatches on, and what happens to a statement that has none of them.
#include <set>
#include <stdexcept>

#include <gtest/gtest.h>

#include "harness/core/grammar.hpp"
#include "harness/core/interpreter.hpp"
#include "harness/core/reference_runtime.hpp"

namespace pc {
namespace {

TEST(Grammar, EveryStatementKindHasExactlyOneVerb) {
  std::set<grammar::Statement> kinds;
  std::set<std::string_view> names;
  for (const grammar::Verb& verb : grammar::verbs()) {
    EXPECT_TRUE(kinds.insert(verb.statement).second) << verb.name << " repeats a statement kind";
    EXPECT_TRUE(names.insert(verb.name).second) << verb.name << " is listed twice";
  }
  EXPECT_EQ(kinds.size(), static_cast<std::size_t>(grammar::Statement::Subclass) + 1)
      << "a statement kind without a verb in the table";
}

TEST(Grammar, AStatementsVerbIsTheKeyTheTableKnows) {
  const Json then = Json::parse(R"({"as": "q", "then": "p", "onFulfilled": []})");
  ASSERT_NE(grammar::verbOf(then), nullptr);
  EXPECT_EQ(grammar::verbOf(then)->statement, grammar::Statement::Then);
  EXPECT_EQ(grammar::verbOf(Json::parse(R"({"as": "q", "onFulfilled": []})")), nullptr);
  EXPECT_EQ(grammar::verbOf(Json::parse(R"({"anyThing": 1})")), nullptr);
  EXPECT_EQ(grammar::verbOf(Json::parse(R"(["then"])")), nullptr);
}

TEST(Grammar, WhatAVerbTakesIsReadFromItsKeys) {
  EXPECT_TRUE(grammar::findVerb("all")->takes(grammar::Slot::BindPromise));
  EXPECT_TRUE(grammar::findVerb("then")->takes(grammar::Slot::Handler));
  EXPECT_FALSE(grammar::findVerb("log")->takes(grammar::Slot::BindPromise));
  EXPECT_EQ(grammar::findVerb("then")->rule, "es.PerformPromiseThen");
}

// The interpreter runs only validated programs, so a statement without a known verb is a fault of
// ours. It must be said, never run as some other statement.
TEST(Grammar, TheInterpreterRefusesAStatementWithNoKnownVerb) {
  ReferenceRuntime runtime;
  EXPECT_THROW(interpret(Json::parse(R"([{"anyThing": [1]}])"), runtime), std::logic_error);
}

}  // namespace
}  // namespace pc
