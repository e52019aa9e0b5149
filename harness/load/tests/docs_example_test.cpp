// The example case that opens spec/case-language.md is a real case file, word for word, so the page
// cannot show a case that the corpus does not hold (or that the loader would refuse).
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "harness/load/tests/test_support.hpp"

namespace pc::load_tests {
namespace {

std::string readText(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The first ```json block of a Markdown page.
Json firstJsonBlock(const std::string& markdown) {
  const std::string open = "```json\n";
  const std::size_t start = markdown.find(open);
  if (start == std::string::npos) return nullptr;
  const std::size_t end = markdown.find("```", start + open.size());
  return Json::parse(markdown.substr(start + open.size(), end - start - open.size()));
}

TEST(Docs, TheCaseLanguagePagesExampleIsACaseOfTheCorpus) {
  const Json example = firstJsonBlock(readText(std::filesystem::path(PC_TEST_SPEC_DIR) / "case-language.md"));
  ASSERT_TRUE(example.is_object()) << "no ```json example in spec/case-language.md";
  const std::filesystem::path file =
      std::filesystem::path(PC_TEST_CASES_DIR) / (example.at("id").get<std::string>() + ".json");
  ASSERT_TRUE(std::filesystem::exists(file)) << "the example's id names no case file: " << file;
  EXPECT_EQ(example, Json::parse(readText(file))) << "the example differs from " << file;
}

}  // namespace
}  // namespace pc::load_tests
