// The generators make programs the loader accepts, that grow with size and use the whole language.
#include <set>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "harness/core/grammar.hpp"
#include "harness/gen/fuzz.hpp"
#include "harness/gen/generated_case.hpp"
#include "harness/gen/program_gen.hpp"
#include "harness/gen/shrink.hpp"
#include "harness/gen/tests/properties.hpp"
#include "harness/load/case_check.hpp"

namespace pc::gen {
namespace {

std::string errorsOf(const Diagnostics& d) {
  std::string out;
  for (const LoadError& e : d.errors()) out += formatError(e) + "\n";
  return out;
}

RC_GTEST_PROP(Generators, ProgramsPassTheLoadersValidation, ()) {
  const Json program = *gen::program();
  // The expectation is the reference's, only so the document is complete; the program is what
  // is being checked here (the fuzzer writes V8's traces, checked in differential_test.cpp).
  // A program that runs forever (a thenable whose own then resolves with itself) has no final
  // states to expect, so it is checked as a draft, as `record` would take it.
  const Trace expectation = test::runReference(program, std::nullopt);
  const bool runsForever = expectation.failure && expectation.failureKind == FailureKind::Hang;
  Json doc = caseDocument(program, "gen/program", "a generated program", expectation);
  if (runsForever) doc.erase("expect");
  Diagnostics diagnostics("gen/program.json");
  load::checkCase(doc, "gen/program", nullptr, diagnostics, runsForever);
  if (!diagnostics.empty()) RC_FAIL(errorsOf(diagnostics) + program.dump());
}

double averageStatements(int size) {
  double total = 0;
  for (std::uint64_t seed = 0; seed < 200; ++seed)
    total += static_cast<double>(countStatements(program()(rc::Random(seed), size).value()));
  return total / 200;
}

TEST(Generators, ProgramsGrowWithSize) {
  const double small = averageStatements(2), large = averageStatements(90);
  EXPECT_LT(small * 3, large) << "average statements: " << small << " at size 2, " << large << " at size 90";
}

void collectKeys(const Json& v, std::set<std::string>& out) {
  if (v.is_object())
    for (const auto& item : v.items()) out.insert(item.key());
  if (v.is_structured())
    for (const Json& child : v) collectKeys(child, out);
}

// The vocabulary comes from the grammar, so a verb, key or value form added to the language and
// never generated fails here. What the generator leaves out on purpose is listed with its reason.
std::set<std::string> languageKeys() {
  std::set<std::string> keys;
  for (const grammar::Verb& verb : grammar::verbs()) {
    keys.emplace(verb.name);
    for (const grammar::Key& key : verb.modifiers) keys.emplace(key.name);
  }
  for (std::string_view form : grammar::programValueForms()) keys.emplace(form);
  keys.insert({"getter", "message"});  // keys inside the thenable and error forms
  const char* const notGenerated[] = {
      "let",        "value",                        // named plain values add nothing the generated promise values lack
      "clearTimer", "id",                           // cancelling a timer is covered by hand-written cases
      "executor",                                   // generated `new` statements settle through "of" instead
      "ref",        "object", "number", "promise",  // "promise" placeholders are bound after generation
      "message",                                    // generated errors carry no message
      "this",  // a handler's `this` is undefined whatever the program: hand-written cases cover it
  };
  for (const char* key : notGenerated) keys.erase(key);
  return keys;
}

// The property keys that set and define statements name.
void collectPropertyKeys(const Json& v, std::set<std::string>& out) {
  if (v.is_object() && (v.contains("set") || v.contains("define")) && v.contains("key") && v["key"].is_string())
    out.insert(v["key"].get<std::string>());
  if (v.is_structured())
    for (const Json& child : v) collectPropertyKeys(child, out);
}

TEST(Generators, ProgramsUseTheWholeLanguage) {
  std::set<std::string> keys, propertyKeys;
  for (std::size_t i = 0; i < 500; ++i) {
    const Json program = generatedProgram(3, i).value();
    collectKeys(program, keys);
    collectPropertyKeys(program, propertyKeys);
  }
  for (const std::string& key : languageKeys())
    EXPECT_TRUE(keys.contains(key)) << "no generated program uses '" << key << "'";
  for (std::string_view key : grammar::symbolPropertyKeys())
    EXPECT_TRUE(propertyKeys.contains(std::string(key))) << "no generated program sets the property " << key;
}

TEST(Generators, TheSameSeedAndIndexGiveTheSameProgram) {
  EXPECT_EQ(generatedProgram(11, 42).value(), generatedProgram(11, 42).value());
  EXPECT_NE(generatedProgram(11, 42).value(), generatedProgram(11, 43).value());
}

TEST(Generators, ShrinkingKeepsProgramsValid) {
  // Every program the shrinker may move to must still be valid: walk the shrink tree breadth first.
  std::size_t index = 95;
  while (generatedProgram(5, index).value().size() < 10) index += 100;  // a large program
  std::vector<rc::Shrinkable<Json>> queue{generatedProgram(5, index)};
  std::size_t checked = 0;
  for (; checked < queue.size() && checked < 300; ++checked) {
    const Json program = queue[checked].value();
    const Json doc = caseDocument(program, "gen/shrunk", "a shrunk program", test::runReference(program, std::nullopt));
    Diagnostics diagnostics("gen/shrunk.json");
    load::checkCase(doc, "gen/shrunk", nullptr, diagnostics);
    ASSERT_TRUE(diagnostics.empty()) << program.dump() << "\n" << errorsOf(diagnostics);
    rc::Seq<rc::Shrinkable<Json>> shrinks = queue[checked].shrinks();
    for (int i = 0; i < 20; ++i) {
      rc::Maybe<rc::Shrinkable<Json>> next = shrinks.next();
      if (!next) break;
      queue.push_back(std::move(*next));
    }
  }
  EXPECT_EQ(checked, 300u);
}

// A program that runs forever on both sides agrees; one that hangs on one side only does not.
TEST(Disagree, AHangOnBothSidesAgreesAndAHangOnOneSideDoesNot) {
  Trace hang;
  hang.failure = "budget exhausted: jobs run";
  hang.failureKind = FailureKind::Hang;
  Trace crash;
  crash.failure = "killed by SIGSEGV";
  crash.failureKind = FailureKind::Crash;
  const Trace ran;
  EXPECT_FALSE(disagree(hang, hang));
  EXPECT_TRUE(disagree(hang, ran));
  EXPECT_TRUE(disagree(ran, hang));
  EXPECT_TRUE(disagree(hang, crash));
  EXPECT_FALSE(disagree(ran, ran));
}

}  // namespace
}  // namespace pc::gen
