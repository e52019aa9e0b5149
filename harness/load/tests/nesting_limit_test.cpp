// The nesting limit of case files (spec/case-language.md, "Limits"): a file nested deeper is an
// error that names the file and the first element too deep, found while parsing, so that nothing
// recursive ever sees it; a case as deep as the limit loads and runs on the reference.
#include <gtest/gtest.h>

#include "harness/core/compare.hpp"
#include "harness/core/reference_subject.hpp"
#include "harness/load/json_file.hpp"
#include "harness/load/tests/test_support.hpp"

namespace pc::load_tests {
namespace {

std::string repeat(std::string_view part, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += part;
  return out;
}

// A valid case whose program nests `bodies` microtask bodies; the innermost logs ["deepest", [1]].
// Its deepest element is the [1] at level 2 * bodies + 4 (the case object is level 1).
std::string nestedMicrotasks(int bodies) {
  return R"({"id": "t/case", "title": "Nested microtasks run", "rules": ["es.PerformPromiseThen"], "program": [)" +
         repeat(R"({"microtask": [)", bodies) + R"({"log": "deepest", "value": [1]})" + repeat("]}", bodies) +
         R"(], "expect": {"trace": [["deepest", [1]]], "final": {}}})";
}

TEST(NestingLimit, ADeepDocumentIsRefusedAtTheFirstElementBeyondTheLimit) {
  ScratchDir dir;
  // A million levels: any recursive walk of it would overflow the stack.
  const auto f = dir.write("deep.json", repeat("[", 1'000'000) + repeat("]", 1'000'000));
  const load::ParsedFile parsed = load::readJsonFile(f);
  EXPECT_FALSE(parsed.json.has_value());
  ASSERT_EQ(parsed.errors.size(), 1u) << dump(parsed.errors);
  EXPECT_EQ(parsed.errors[0].file, f);
  EXPECT_EQ(parsed.errors[0].pointer, repeat("/0", load::kMaxNesting));  // the array at level 501
  EXPECT_NE(parsed.errors[0].message.find("deeper than 500"), std::string::npos) << parsed.errors[0].message;
}

TEST(NestingLimit, ADocumentAsDeepAsTheLimitIsRead) {
  ScratchDir dir;
  const auto f = dir.write("deep.json", repeat("[", load::kMaxNesting) + repeat("]", load::kMaxNesting));
  const load::ParsedFile parsed = load::readJsonFile(f);
  EXPECT_TRUE(parsed.json.has_value());
  EXPECT_TRUE(parsed.errors.empty()) << dump(parsed.errors);
}

TEST(NestingLimit, ObjectsCountAsArraysDo) {
  ScratchDir dir;
  const auto f = dir.write("deep.json", repeat(R"({"a/b": )", 600) + "1" + repeat("}", 600));
  const load::ParsedFile parsed = load::readJsonFile(f);
  ASSERT_EQ(parsed.errors.size(), 1u) << dump(parsed.errors);
  EXPECT_EQ(parsed.errors[0].pointer, repeat("/a~1b", load::kMaxNesting));
}

TEST(NestingLimit, ACaseBeyondTheLimitNamesItsFileAndTheTooDeepStatement) {
  ScratchDir dir;
  const auto f = dir.write("cases/t/case.json", nestedMicrotasks(249));  // deepest at level 502
  auto result = loadCaseFile(f, dir.path() / "cases", &testCatalog());
  ASSERT_TRUE(std::holds_alternative<std::vector<LoadError>>(result));
  const auto& errors = std::get<std::vector<LoadError>>(result);
  ASSERT_EQ(errors.size(), 1u) << dump(errors);
  EXPECT_EQ(errors[0].file, f);
  // Level 501 is the log statement inside the 249th body.
  EXPECT_EQ(errors[0].pointer, "/program/0" + repeat("/microtask/0", 249));
  EXPECT_NE(formatError(errors[0]).find("case.json: /program/0/microtask/0/"), std::string::npos);
}

TEST(NestingLimit, ACaseAsDeepAsTheLimitLoadsAndRunsOnTheReference) {
  ScratchDir dir;
  const auto f = dir.write("cases/t/case.json", nestedMicrotasks(248));  // deepest at level 500
  auto result = loadCaseFile(f, dir.path() / "cases", &testCatalog());
  ASSERT_TRUE(std::holds_alternative<Case>(result)) << dump(std::get<std::vector<LoadError>>(result));
  const Case& c = std::get<Case>(result);
  ReferenceSubject reference;
  const Case* cases[] = {&c};
  const Trace trace = reference.run(cases).at(0);
  ASSERT_FALSE(trace.failure) << *trace.failure;
  EXPECT_EQ(compareTraces(c.expected, trace, &trace).level, Level::Exact) << trace.toJson().dump();
  EXPECT_EQ(trace.jobs.size(), 249u);  // the script and one job per body
}

TEST(NestingLimit, AVeryDeepJsonValueIsFreedWithoutRecursion) {
  // nlohmann_json parses and destroys without recursion (3.10 and later); the command relies on it
  // where it peeks at a file before loading it (casesDirOf) and in the fuzz target.
  const std::size_t depth = 1'000'000;
  { const Json deep = Json::parse(std::string(depth, '[') + std::string(depth, ']')); }
  SUCCEED();
}

}  // namespace
}  // namespace pc::load_tests
