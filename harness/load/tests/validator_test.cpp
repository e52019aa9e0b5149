// The case validator, one rule of spec/case-language.md at a time: each broken case must be
// rejected with an error at the right JSON pointer, and each legal variation must load.
#include <gtest/gtest.h>

#include "harness/load/tests/test_support.hpp"

namespace pc::load_tests {
namespace {

Json J(const char* text) { return Json::parse(text); }

// A case whose program is `p` followed by `extra`, with p and q as in goodCase().
Json goodPlus(Json extra) {
  Json doc = goodCase();
  doc["program"].push_back(std::move(extra));
  return doc;
}

TEST(CaseFile, TheGoodCaseLoads) { EXPECT_TRUE(accepted(goodCase())); }

TEST(CaseFile, UnknownTopLevelKeyIsReportedAtTheKey) {
  Json doc = goodCase();
  doc["features"] = Json::array({"executor"});
  EXPECT_TRUE(rejectedAt(doc, "/features", "unknown key 'features'"));
}

TEST(CaseFile, MissingRequiredKeysAreReportedOnTheFile) {
  Json doc = goodCase();
  doc.erase("title");
  doc.erase("expect");
  const auto errors = errorsOf(doc);
  EXPECT_TRUE(hasError(errors, "", "missing 'title'")) << dump(errors);
  EXPECT_TRUE(hasError(errors, "", "missing 'expect'")) << dump(errors);
}

TEST(CaseFile, ARootThatIsNotAnObjectIsRejected) { EXPECT_TRUE(rejectedAt(J("[1, 2]"), "", "one JSON object")); }

TEST(CaseFile, IdMustEqualThePathUnderCases) {
  Json doc = goodCase("t/other");
  EXPECT_TRUE(rejectedAt(doc, "/id", "should be 't/case'"));
}

TEST(CaseFile, WrongTypesAreReportedWhereTheyAre) {
  Json doc = goodCase();
  doc["title"] = 5;
  doc["notes"] = Json::array();
  const auto errors = errorsOf(doc);
  EXPECT_TRUE(hasError(errors, "/title", "non-empty string")) << dump(errors);
  EXPECT_TRUE(hasError(errors, "/notes", "string")) << dump(errors);
}

TEST(CaseFile, Test262IsANonEmptyListOfDistinctPathsUnderTest) {
  Json doc = goodCase();
  doc["test262"] = {"built-ins/Promise/all/reject-immed.js", "built-ins/Promise/Symbol.species/length.js"};
  EXPECT_TRUE(accepted(doc));
  doc["test262"] = Json::array();
  EXPECT_TRUE(rejectedAt(doc, "/test262", "non-empty array"));
  doc["test262"] = {"built-ins/Promise/all/reject-immed.js", "built-ins/Promise/all/reject-immed.js"};
  EXPECT_TRUE(rejectedAt(doc, "/test262/1", "listed twice"));
  doc["test262"] = {"test/built-ins/Promise/all/reject-immed"};
  EXPECT_TRUE(rejectedAt(doc, "/test262/0", "not a path under test262's test/"));
  doc["test262"] = {"/built-ins/x.js"};
  EXPECT_TRUE(rejectedAt(doc, "/test262/0", "not a path"));
  doc["test262"] = {7};
  EXPECT_TRUE(rejectedAt(doc, "/test262/0", "a string, not a number"));
}

TEST(CaseFile, RulesMustBeANonEmptyListOfKnownIds) {
  Json doc = goodCase();
  doc["rules"] = Json::array();
  EXPECT_TRUE(rejectedAt(doc, "/rules", "non-empty array"));
  doc["rules"] = {"es.PerformPromiseThen", "es.NoSuchThing"};
  EXPECT_TRUE(rejectedAt(doc, "/rules/1", "unknown rule 'es.NoSuchThing'"));
  doc["rules"] = {"es.PerformPromiseThen", "es.PerformPromiseThen"};
  EXPECT_TRUE(rejectedAt(doc, "/rules/1", "listed twice"));
  doc["rules"] = {"PerformPromiseThen"};
  EXPECT_TRUE(rejectedAt(doc, "/rules/0", "not a rule id"));
}

TEST(CaseFile, ProgramMustBeABody) {
  Json doc = goodCase();
  doc["program"] = J(R"({"log": "x"})");
  EXPECT_TRUE(rejectedAt(doc, "/program", "must be a body"));
}

TEST(CaseFile, EveryProblemIsReportedNotJustTheFirst) {
  Json doc = goodCase("t/elsewhere");
  doc["program"].push_back(J(R"({"frob": 1})"));
  doc["program"].push_back(J(R"({"then": "nowhere"})"));
  doc["expect"]["trace"].push_back(J(R"(["only a label"])"));
  const auto errors = errorsOf(doc);
  EXPECT_TRUE(hasError(errors, "/id")) << dump(errors);
  EXPECT_TRUE(hasError(errors, "/program/2", "no verb")) << dump(errors);
  EXPECT_TRUE(hasError(errors, "/program/3/then", "not bound")) << dump(errors);
  EXPECT_TRUE(hasError(errors, "/expect/trace/1", "log event")) << dump(errors);
}

// ---------------------------------------------------------------------------------------------
// Statements

TEST(Statements, AStatementIsAnObject) {
  EXPECT_TRUE(rejectedAt(goodPlus("log"), "/program/2", "a statement is an object"));
}

TEST(Statements, UnknownVerbIsReportedOnTheStatement) {
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"print": "x"})")), "/program/2", "no verb in this statement"));
  EXPECT_TRUE(rejectedAt(goodPlus(J("{}")), "/program/2", "it is empty"));
}

TEST(Statements, TwoVerbsInOneStatementAreRejected) {
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"then": "p", "catch": "p"})")), "/program/2", "one statement, one verb"));
}

TEST(Statements, AKeyTheVerbDoesNotTakeIsReportedAtTheKey) {
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"log": "x", "as": "r"})")), "/program/2/as", "does not go with 'log'"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"catch": "p", "onFulfilled": []})")), "/program/2/onFulfilled",
                         "it takes onRejected, as"));
}

TEST(Statements, RequiredModifiersMustBeThere) {
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"new": "n"})")), "/program/2", "'new' needs 'executor'"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"timer": 5})")), "/program/2", "'timer' needs 'do'"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"let": "t"})")), "/program/2", "'let' needs 'value'"));
}

TEST(Statements, EachKeyHoldsWhatItShould) {
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"then": 5})")), "/program/2/then", "'then' needs the name of a promise"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"log": 5})")), "/program/2/log", "label"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"timer": "5", "do": []})")), "/program/2/timer", "number"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"new": "", "executor": []})")), "/program/2/new", "empty string"));
  // A non-body executor is a value (new Promise(5) throws), so a statement there is a bad value.
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"new": "n", "executor": {"log": "x"}})")), "/program/2/executor",
                         "an object value needs one of the keys"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"clearTimer": 5})")), "/program/2/clearTimer", "id of a timer"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"microtask": "x"})")), "/program/2/microtask", "must be a body"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"resolved": 1, "as": 7})")), "/program/2/as", "'as' needs a name"));
}

TEST(Statements, ProblemsInsideNestedBodiesHaveTheirFullPointer) {
  const Json doc = goodPlus(J(R"({"then": "p", "onFulfilled": [{"timer": 0, "do": [{"log": "x", "bogus": 1}]}]})"));
  EXPECT_TRUE(rejectedAt(doc, "/program/2/onFulfilled/0/do/0/bogus", "does not go with 'log'"));
}

TEST(Statements, HandlersAreBodiesOrPlainValues) {
  // p.then(5, undefined) is legal JavaScript: a non-callable handler is passed as-is.
  Json doc = goodCase();
  doc["program"][1]["onFulfilled"] = 5;
  doc["program"][1]["onRejected"] = J(R"({"undefined": true})");
  EXPECT_TRUE(accepted(doc));
  doc["program"][1]["onRejected"] = J(R"({"oops": true})");
  EXPECT_TRUE(rejectedAt(doc, "/program/1/onRejected", "an object value needs one of the keys"));
}

TEST(Statements, EveryVerbOfTheLanguageIsAccepted) {
  const Json program = J(R"([
    {"let": "list", "value": [1, 2]},
    {"new": "a", "executor": [{"resolve": 1}, {"reject": 2}, {"log": "in executor"}]},
    {"deferred": "d"},
    {"resolve": "v", "of": "d"},
    {"reject": "e", "of": "a"},
    {"resolved": 1, "as": "r1"},
    {"rejected": {"error": "Error", "message": "m"}, "as": "r2"},
    {"then": "a", "onFulfilled": [{"return": {"argument": true}}], "onRejected": [{"throw": {"argument": true}}], "as": "t"},
    {"catch": "r2", "onRejected": [{"log": "caught"}], "as": "c"},
    {"finally": "c", "onFinally": [{"log": "finally", "value": null}], "as": "f"},
    {"all": [{"promise": "a"}, 1], "as": "all"},
    {"allSettled": [], "as": "allSettled"},
    {"race": {"ref": "list"}, "as": "race"},
    {"any": [{"promise": "r2"}], "as": "any"},
    {"try": [{"return": 1}], "as": "try"},
    {"async": [{"await": {"promise": "d"}}, {"log": "after await"}], "as": "async"},
    {"timer": 0, "do": [{"microtask": [{"log": "micro"}]}]},
    {"resolved": 1},
    {"then": "r1"}
  ])");
  Json final = Json::object();
  for (const char* name : {"a", "d", "r1", "r2", "t", "c", "f", "all", "allSettled", "race", "any", "try", "async"})
    final[name] = {"pending"};
  EXPECT_TRUE(accepted(caseWith(program, Json::array(), final)));
}

// ---------------------------------------------------------------------------------------------
// Where statements may stand

TEST(Placement, AwaitOnlyDirectlyInAnAsyncBody) {
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"await": 1})")), "/program/2", "'await' is only allowed"));
  // A handler inside an async body is a function of its own: no await there.
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"async": [{"then": "p", "onFulfilled": [{"await": 1}]}]})")),
                         "/program/2/async/0/onFulfilled/0", "'await' is only allowed"));
  EXPECT_TRUE(accepted(goodPlus(J(R"({"async": [{"await": 1}, {"await": {"promise": "p"}}]})"))));
}

TEST(Placement, YieldOnlyDirectlyInAnAsyncGeneratorBody) {
  EXPECT_TRUE(
      accepted(goodPlus(J(R"({"asyncGenerator": "g", "body": [{"await": 1}, {"yield": {"argument": true}}]})"))));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"yield": 1})")), "/program/2", "'yield' is only allowed"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"async": [{"yield": 1}]})")), "/program/2/async/0", "'yield' is only allowed"));
  // A handler inside a generator body is a function of its own: neither await nor yield there.
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"asyncGenerator": "g", "body": [{"microtask": [{"yield": 1}]}]})")),
                         "/program/2/body/0/microtask/0", "'yield' is only allowed"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"asyncGenerator": "g", "body": [{"microtask": [{"await": 1}]}]})")),
                         "/program/2/body/0/microtask/0", "'await' is only allowed"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"asyncGenerator": "g"})")), "/program/2", "'asyncGenerator' needs 'body'"));
}

TEST(Placement, ASubclassReturnsOnlyAfterSuperAndReadsThisOnlyThere) {
  EXPECT_TRUE(accepted(goodPlus(J(R"({"subclass": "C", "before": [{"log": "a"}],
                                      "after": [{"log": "t", "value": {"this": true}}, {"return": {"this": true}}]})"))));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"subclass": "C", "before": [{"return": 1}]})")), "/program/2/before/0",
                         "'return' cannot stand in 'before'"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"subclass": "C", "before": [{"log": "t", "value": {"this": true}}]})")),
                         "/program/2/before/0/value", "{\"this\": true}"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"subclass": "C", "after": 5})")), "/program/2/after", "'after' is a body"));
}

TEST(Values, SameValueComparesTwoValues) {
  EXPECT_TRUE(accepted(goodPlus(J(R"({"log": "s", "value": {"sameValue": [{"promise": "p"}, 1]}})"))));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"log": "s", "value": {"sameValue": [1]}})")), "/program/2/value/sameValue",
                         "an array of the two values it compares"));
}

TEST(Values, ARefMayNameAKnownBuiltIn) {
  EXPECT_TRUE(accepted(goodPlus(J(R"({"call": {"ref": "%Promise%"}})"))));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"call": {"ref": "%Object%"}})")), "/program/2/call/ref",
                         "'%Object%' names no built-in; a ref may name one of %Promise%, %Promise.prototype%"));
}

TEST(Values, ResumeNamesAMethodOfAnAsyncGenerator) {
  EXPECT_TRUE(accepted(goodPlus(J(R"({"resume": 1, "with": "throw", "value": 2})"))));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"resume": 1, "with": "then"})")), "/program/2/with",
                         "names a method of an async generator: one of next, return, throw"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"resume": 1})")), "/program/2", "'resume' needs 'with'"));
}

TEST(Values, ASymbolHoldsItsDescription) {
  EXPECT_TRUE(accepted(goodPlus(J(R"({"let": "s", "value": {"symbol": "token"}})"))));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"let": "s", "value": {"symbol": 1}})")), "/program/2/value/symbol",
                         "the description of a new symbol"));
}

TEST(Properties, ABuiltInIsChangedOnlyInThePropertyPromiseAlgorithmsRead) {
  EXPECT_TRUE(accepted(goodPlus(J(R"({"set": "%Promise%", "key": "resolve", "value": 1})"))));
  EXPECT_TRUE(accepted(goodPlus(J(R"({"set": "%Promise.prototype%", "key": "then", "method": []})"))));
  EXPECT_TRUE(accepted(goodPlus(J(R"({"define": "%Array.prototype%", "key": "then", "getter": []})"))));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"set": "%Promise%", "key": "all", "value": 1})")), "/program/2/key",
                         "on %Promise% a case may change only 'resolve'"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"define": "%Array.prototype%", "key": "map", "getter": []})")),
                         "/program/2/key", "only 'then'"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"set": "%Object.prototype%", "key": "then", "value": 1})")), "/program/2/set",
                         "names no built-in a case may change"));
}

TEST(Properties, SetTakesAValueOrAMethodAndDefineAnAccessor) {
  EXPECT_TRUE(accepted(goodPlus(J(R"({"set": "p", "key": "then", "value": 1})"))));
  EXPECT_TRUE(accepted(goodPlus(J(R"({"set": "p", "key": "then", "method": [{"resolve": {"this": true}}]})"))));
  EXPECT_TRUE(accepted(goodPlus(J(R"({"define": "p", "key": "then", "setter": [{"log": "s"}]})"))));
  EXPECT_TRUE(accepted(goodPlus(J(R"({"define": "p", "key": "then", "getter": [{"log": "g", "value": {"this": true}}],
                                      "method": []})"))));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"set": "p", "key": "then"})")), "/program/2", "'set' needs 'value'"));
  EXPECT_TRUE(
      rejectedAt(goodPlus(J(R"({"set": "p", "key": "then", "value": 1, "method": []})")), "/program/2", "not both"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"define": "p", "key": "then"})")), "/program/2", "it needs 'getter'"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"define": "p", "key": "then", "setter": [], "value": 1})")), "/program/2",
                         "they need a 'getter'"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"set": "p", "key": "prototype", "value": 1})")), "/program/2/key",
                         "needs a property name"));
  EXPECT_TRUE(
      rejectedAt(goodPlus(J(R"({"set": "p", "key": "a b", "value": 1})")), "/program/2/key", "needs a property name"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"set": "nobody", "key": "then", "value": 1})")), "/program/2/set",
                         "not bound anywhere"));
  // A method's resolve/reject are its own arguments; a getter has none unless a body encloses it.
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"define": "p", "key": "then", "getter": [{"resolve": 1}]})")),
                         "/program/2/getter/0", "without 'of'"));
}

TEST(Constructors, ConstructorCallFunctionAndOnTakeTheirForms) {
  EXPECT_TRUE(accepted(goodPlus(J(R"({"customConstructor": "C", "body": [{"call": {"argument": true}, "args": [
                                      {"function": [{"resolve": {"argument": true}}]}, {"function": []}]}]})"))));
  EXPECT_TRUE(accepted(goodPlus(J(R"({"all": [], "on": {"function": []}})"))));
  EXPECT_TRUE(
      rejectedAt(goodPlus(J(R"({"customConstructor": "C"})")), "/program/2", "'customConstructor' needs 'body'"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"customConstructor": "C", "body": 5})")), "/program/2/body", "needs a 'body'"));
  EXPECT_TRUE(
      rejectedAt(goodPlus(J(R"({"call": {"function": []}, "args": 5})")), "/program/2/args", "'args' is the array"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"then": "p", "on": 1})")), "/program/2/on", "does not go with 'then'"));
  // A function value has no this of its own.
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"call": {"function": [{"log": "t", "value": {"this": true}}]}})")),
                         "/program/2/call/function/0/value", "only allowed directly"));
}

TEST(Placement, ThisOnlyDirectlyInAHandlerBody) {
  EXPECT_TRUE(accepted(goodPlus(J(R"({"then": "p", "onRejected": [{"log": "t", "value": [{"this": true}]}]})"))));
  EXPECT_TRUE(accepted(goodPlus(J(R"({"finally": "p", "onFinally": [{"return": {"this": true}}]})"))));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"log": "t", "value": {"this": true}})")), "/program/2/value",
                         "only allowed directly in a handler"));
  // An executor or a thenable's then inside a handler is a function of its own, not a handler.
  EXPECT_TRUE(rejectedAt(
      goodPlus(
          J(R"({"then": "p", "onFulfilled": [{"return": {"thenable": {"then": [{"resolve": {"this": true}}]}}}]})")),
      "/program/2/onFulfilled/0/return/thenable/then/0/resolve", "only allowed directly in a handler"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"then": "p", "onFulfilled": [{"log": "t", "value": {"this": 1}}]})")),
                         "/program/2/onFulfilled/0/value/this", "write {\"this\": true}"));
}

TEST(Placement, ResolveWithoutOfNeedsAnEnclosingExecutorOrThenableThen) {
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"resolve": 1})")), "/program/2", "there is none here"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"then": "p", "onFulfilled": [{"reject": 1}]})")), "/program/2/onFulfilled/0",
                         "'reject' without 'of'"));
  // Nested bodies see the enclosing executor's resolve, as closures do.
  Json doc = goodPlus(J(R"({"new": "n", "executor": [{"timer": 1, "do": [{"resolve": 1}]}]})"));
  doc["expect"]["final"]["n"] = {"fulfilled", 1};
  EXPECT_TRUE(accepted(doc));
  // A thenable's then gets its own resolve and reject.
  EXPECT_TRUE(accepted(goodPlus(J(R"({"resolved": {"thenable": {"then": [{"reject": 1}]}}})"))));
}

// A non-strict function may read its this; an arrow function value may not.
TEST(Placement, ANonStrictFunctionMayReadItsThis) {
  EXPECT_TRUE(
      accepted(goodPlus(J(R"({"let": "f", "value": {"sloppyFunction": [{"log": "t", "value": {"this": true}}]}})"))));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"let": "f", "value": {"function": [{"log": "t", "value": {"this": true}}]}})")),
                         "/program/2/value/function/0/value", "only allowed directly in a handler"));
}

// {"resolveFunction": true} and {"rejectFunction": true} stand where a resolve statement may.
TEST(Placement, TheResolveAndRejectFunctionsAsValuesNeedThemToExist) {
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"log": "f", "value": {"rejectFunction": true}})")), "/program/2/value",
                         "a 'reject' statement without \"of\" calls, and here there is none"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"log": "f", "value": {"resolveFunction": 1}})")),
                         "/program/2/value/resolveFunction", "write {\"resolveFunction\": true}"));
  EXPECT_TRUE(accepted(
      goodPlus(J(R"({"resolved": {"thenable": {"then": [{"let": "keep", "value": {"rejectFunction": true}}]}}})"))));
}

// ---------------------------------------------------------------------------------------------
// Names

TEST(Names, AnUnboundNameIsReportedWhereItIsUsed) {
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"then": "nope"})")), "/program/2/then", "'nope' is not bound"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"log": "x", "value": {"promise": "nope"}})")), "/program/2/value/promise",
                         "not bound"));
  EXPECT_TRUE(
      rejectedAt(goodPlus(J(R"({"log": "x", "value": {"ref": "nope"}})")), "/program/2/value/ref", "not bound"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"resolve": 1, "of": "nope"})")), "/program/2/of", "not bound"));
}

TEST(Names, AHandlerMayNameAPromiseBoundLaterInTheScript) {
  // The handler runs after the script, when r is bound.
  Json doc = goodCase();
  doc["program"][1]["onFulfilled"] = J(R"([{"then": "r"}])");
  doc["program"].push_back(J(R"({"resolved": 2, "as": "r"})"));
  doc["expect"]["final"]["r"] = {"fulfilled", 2};
  doc["expect"]["trace"] = Json::array();
  EXPECT_TRUE(accepted(doc));
}

TEST(Names, ANameIsBoundOnce) {
  EXPECT_TRUE(
      rejectedAt(goodPlus(J(R"({"resolved": 2, "as": "p"})")), "/program/2/as", "already bound at /program/0/as"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"let": "q", "value": 1})")), "/program/2/let", "already bound"));
}

TEST(Names, OfNamesAPromiseMadeByNewOrDeferred) {
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"resolve": 1, "of": "p"})")), "/program/2/of", "made by new or deferred"));
  Json doc = goodPlus(J(R"({"deferred": "d"})"));
  doc["program"].push_back(J(R"({"resolve": 1, "of": "d"})"));
  doc["expect"]["final"]["d"] = {"fulfilled", 1};
  EXPECT_TRUE(accepted(doc));
}

TEST(Names, ReceiversAndPromiseValuesNamePromisesNotLetBindings) {
  Json doc = goodPlus(J(R"({"let": "t", "value": 1})"));
  doc["program"].push_back(J(R"({"then": "t"})"));
  doc["program"].push_back(J(R"({"log": "x", "value": {"promise": "t"}})"));
  doc["program"].push_back(J(R"({"log": "y", "value": {"ref": "p"}})"));  // a ref may name anything bound
  const auto errors = errorsOf(doc);
  EXPECT_TRUE(hasError(errors, "/program/3/then", "bound by let")) << dump(errors);
  EXPECT_TRUE(hasError(errors, "/program/4/value/promise", "bound by let")) << dump(errors);
  EXPECT_EQ(errors.size(), 2u) << dump(errors);
}

// ---------------------------------------------------------------------------------------------
// Program values

TEST(Values, EveryValueFormIsAccepted) {
  const Json v = J(R"([
    "s", 1, 2.5, true, null, [1, [2]],
    {"undefined": true}, {"number": "NaN"}, {"number": "-Infinity"}, {"argument": true},
    {"error": "RangeError", "message": "m"}, {"promise": "p"}, {"ref": "p"},
    {"object": {"a": 1, "then": {"undefined": true}}},
    {"thenable": {"then": [{"resolve": 1}]}},
    {"thenable": {"then": 5}},
    {"thenable": {"getter": [{"log": "read"}], "then": [{"resolve": 2}]}}
  ])");
  EXPECT_TRUE(accepted(goodPlus({{"log", "all"}, {"value", v}})));
}

TEST(Values, AnObjectValueHasExactlyOneForm) {
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"return": {"a": 1}})")), "/program/2/return", "{\"object\": {...}}"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"return": {"promise": "p", "ref": "p"}})")), "/program/2/return",
                         "one value, one form"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"return": {"promise": "p", "extra": 1}})")), "/program/2/return/extra",
                         "does not go with 'promise'"));
}

TEST(Values, EachFormHoldsWhatItShould) {
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"return": {"undefined": false}})")), "/program/2/return/undefined"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"return": {"number": "5"}})")), "/program/2/return/number", "NaN"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"return": {"error": "Oops", "message": "m"}})")), "/program/2/return/error",
                         "TypeError"));
  EXPECT_TRUE(
      rejectedAt(goodPlus(J(R"({"return": {"error": "AggregateError", "message": "m"}})")), "/program/2/return/error"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"return": {"error": "TypeError"}})")), "/program/2/return", "'message'"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"return": {"object": [1]}})")), "/program/2/return/object", "JSON object"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"return": {"object": {"k": {"x": 1}}}})")), "/program/2/return/object/k"));
}

TEST(Values, PointersEscapeSlashAndTildeInKeys) {
  EXPECT_TRUE(
      rejectedAt(goodPlus(J(R"({"return": {"object": {"a/b~c": {"x": 1}}}})")), "/program/2/return/object/a~1b~0c"));
}

TEST(Values, ThenablesAreCheckedInside) {
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"return": {"thenable": {}}})")), "/program/2/return/thenable", "needs 'then'"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"return": {"thenable": {"then": [], "catch": []}}})")),
                         "/program/2/return/thenable/catch"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"return": {"thenable": {"getter": [], "then": 5}}})")),
                         "/program/2/return/thenable/then", "must be a body"));
  EXPECT_TRUE(rejectedAt(goodPlus(J(R"({"return": {"thenable": {"then": [{"frob": 1}]}}})")),
                         "/program/2/return/thenable/then/0", "no verb"));
}

}  // namespace
}  // namespace pc::load_tests
