// "final" names every promise the program surely binds; what cannot be decided statically is left
// to the run (harness/load/final_check.hpp).
#include <gtest/gtest.h>

#include "harness/load/final_check.hpp"
#include "harness/load/tests/test_support.hpp"

namespace pc::load_tests {
namespace {

Json J(const char* text) { return Json::parse(text); }

TEST(FinalCheck, APromiseBoundByTheScriptMustBeListed) {
  const Json doc = caseWith(J(R"([{"resolved": 1, "as": "p1"}, {"log": "x"}, {"resolved": 2, "as": "p2"}])"),
                            J(R"([["x", {"undefined": true}]])"), J(R"({"p1": ["fulfilled", 1]})"));
  const auto errors = errorsOf(doc);
  EXPECT_TRUE(hasError(errors, "/expect/final", "p2 is bound at /program/2 but missing from /expect/final"))
      << dump(errors);
  EXPECT_TRUE(hasError(errors, "/expect/final", "add \"p2\": [\"fulfilled\", V]")) << dump(errors);
  EXPECT_FALSE(hasError(errors, "/expect/final", "p1 is bound")) << dump(errors);
}

TEST(FinalCheck, ExecutorsTryAndAsyncBodiesRunAtOnce) {
  const Json program = J(R"([
    {"new": "outer", "executor": [{"resolved": 1, "as": "inExecutor"}, {"resolve": 1}]},
    {"try": [{"resolved": 2, "as": "inTry"}], "as": "t"},
    {"async": [{"resolved": 3, "as": "beforeAwait"}, {"await": 0}, {"resolved": 4, "as": "afterAwait"}], "as": "a"}
  ])");
  std::vector<std::string> names;
  for (const auto& [name, at] : load::surelyBoundPromises(program)) names.push_back(name + " " + at);
  EXPECT_EQ(names,
            (std::vector<std::string>{"inExecutor /program/0/executor/0", "outer /program/0", "inTry /program/1/try/0",
                                      "t /program/1", "beforeAwait /program/2/async/0", "a /program/2"}));
}

TEST(FinalCheck, WhatMayNotRunIsLeftToTheRun) {
  // A handler may never be called, a timer's callback runs later, and after a throw, an unbound name
  // (a ReferenceError) or a non-callable executor (a TypeError) the script stops.
  const Json program = J(R"([
    {"resolved": 1, "as": "p"},
    {"then": "p", "onRejected": [{"resolved": 1, "as": "inHandler"}]},
    {"timer": 1, "do": [{"resolved": 1, "as": "inTimer"}]},
    {"new": "bad", "executor": [{"resolved": 1, "as": "inBadExecutor"}, {"throw": 1}, {"resolved": 1, "as": "afterExecutorThrow"}]},
    {"then": "later", "as": "usesUnbound"},
    {"resolved": 1, "as": "later"}
  ])");
  std::vector<std::string> names;
  for (const auto& [name, at] : load::surelyBoundPromises(program)) names.push_back(name);
  EXPECT_EQ(names, (std::vector<std::string>{"p", "inBadExecutor", "bad"}));
  for (const char* stops :
       {R"([{"throw": 1}, {"resolved": 1, "as": "q"}])", R"([{"new": "n", "executor": 5}, {"resolved": 1, "as": "q"}])",
        R"([{"resolved": {"ref": "t"}, "as": "q"}, {"let": "t", "value": 1}])"})
    EXPECT_TRUE(load::surelyBoundPromises(J(stops)).empty()) << stops;
}

TEST(FinalCheck, ADraftMayLeaveOutExpectButACaseMayNot) {
  Json doc = goodCase();
  doc.erase("expect");
  const auto errors = errorsOf(doc);
  EXPECT_TRUE(hasError(errors, "", "missing 'expect'")) << dump(errors);
  EXPECT_TRUE(hasError(errors, "", "promise-conformance record")) << dump(errors);
  ScratchDir dir;
  const auto file = dir.writeJson("cases/t/case.json", doc);
  EXPECT_TRUE(std::holds_alternative<Case>(loadCaseFile(file, dir.path() / "cases", &testCatalog(), true)));
}

TEST(FinalCheck, BindingOrderPutsBodiesThatRunAtOnceFirst) {
  const Json program = J(R"([
    {"new": "p", "executor": [{"resolved": 1, "as": "inner"}]},
    {"then": "p", "onFulfilled": [{"resolved": 2, "as": "inHandler"}], "as": "q"},
    {"resolved": {"thenable": {"then": [{"resolved": 3, "as": "inThenable"}]}}, "as": "r"}
  ])");
  EXPECT_EQ(load::promisesInBindingOrder(program),
            (std::vector<std::string>{"inner", "p", "q", "inHandler", "r", "inThenable"}));
}

}  // namespace
}  // namespace pc::load_tests
