// Reading JSON input: syntax errors say where, and keys written twice are caught (a JSON parser
// would silently keep only the last one).
#include <gtest/gtest.h>

#include "harness/load/json_file.hpp"
#include "harness/load/tests/test_support.hpp"

namespace pc::load_tests {
namespace {

TEST(JsonFile, ASyntaxErrorGivesLineAndColumn) {
  ScratchDir dir;
  const auto f = dir.write("x.json", "{\n  \"a\": 1,\n  \"b\" 2\n}");
  const load::ParsedFile parsed = load::readJsonFile(f);
  EXPECT_FALSE(parsed.json.has_value());
  ASSERT_EQ(parsed.errors.size(), 1u);
  EXPECT_EQ(parsed.errors[0].file, f);
  EXPECT_EQ(parsed.errors[0].pointer, "");
  EXPECT_NE(parsed.errors[0].message.find("line 3, column 7"), std::string::npos) << parsed.errors[0].message;
  EXPECT_EQ(parsed.errors[0].message.find("json.exception"), std::string::npos) << parsed.errors[0].message;
}

TEST(JsonFile, ANumberTooLargeForADoubleIsAnErrorWithItsPosition) {
  // nlohmann throws out_of_range, not parse_error, for it: the fuzzer found that it escaped.
  ScratchDir dir;
  const auto f = dir.write("x.json", "{\n  \"a\": 1e400\n}");
  const load::ParsedFile parsed = load::readJsonFile(f);
  EXPECT_FALSE(parsed.json.has_value());
  ASSERT_EQ(parsed.errors.size(), 1u);
  EXPECT_NE(parsed.errors[0].message.find("line 2"), std::string::npos) << parsed.errors[0].message;
  EXPECT_NE(parsed.errors[0].message.find("number overflow"), std::string::npos) << parsed.errors[0].message;
}

TEST(JsonFile, AnEmptyOrMissingFileIsAnError) {
  ScratchDir dir;
  EXPECT_FALSE(load::readJsonFile(dir.write("empty.json", "")).errors.empty());
  const load::ParsedFile missing = load::readJsonFile(dir.path() / "missing.json");
  ASSERT_EQ(missing.errors.size(), 1u);
  EXPECT_NE(missing.errors[0].message.find("cannot open"), std::string::npos);
}

TEST(JsonFile, DuplicateKeysAreReportedWithTheirPointer) {
  ScratchDir dir;
  const auto f = dir.write("x.json", R"({"program": [{"log": "a"}, [1, {"k": 1}], {"log": "a", "log": "b"}],
                                        "program": []})");
  const load::ParsedFile parsed = load::readJsonFile(f);
  ASSERT_TRUE(parsed.json.has_value());
  EXPECT_TRUE(hasError(parsed.errors, "/program/2/log", "appears twice")) << dump(parsed.errors);
  EXPECT_TRUE(hasError(parsed.errors, "/program", "appears twice")) << dump(parsed.errors);
  EXPECT_EQ(parsed.errors.size(), 2u) << dump(parsed.errors);
}

TEST(JsonFile, TheSameKeyInDifferentObjectsIsFine) {
  ScratchDir dir;
  const auto f = dir.write("x.json", R"([{"log": "a"}, {"log": "b", "value": {"log": 1}}])");
  EXPECT_TRUE(load::readJsonFile(f).errors.empty());
}

TEST(JsonFile, ADuplicateKeyFailsACaseFile) {
  ScratchDir dir;
  std::string text = goodCase().dump();
  text.insert(1, "\"title\": \"first\", ");
  const auto f = dir.write("cases/t/case.json", text);
  auto result = loadCaseFile(f, dir.path() / "cases", &testCatalog());
  ASSERT_TRUE(std::holds_alternative<std::vector<LoadError>>(result));
  EXPECT_TRUE(hasError(std::get<std::vector<LoadError>>(result), "/title", "appears twice"));
}

}  // namespace
}  // namespace pc::load_tests
