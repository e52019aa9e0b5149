#include <gtest/gtest.h>

#include "harness/tests/case_files.hpp"
#include "harness/tests/fakes.hpp"

namespace pc::tests {
namespace {

TEST(CaseFiles, TestNamesKeepOnlyWhatFiltersLike) {
  EXPECT_EQ(testNameFor("es/ordering/adopting-a-promise-costs-two-jobs"),
            "es_ordering_adopting_a_promise_costs_two_jobs");
  EXPECT_EQ(testNameFor("aplus/2.2.4/x"), "aplus_2_2_4_x");
  EXPECT_EQ(testNameFor("a*b?c:d e"), "a_b_c_d_e");
}

TEST(CaseFiles, EveryJsonFileSortedByIdWithUniqueNames) {
  ScratchDir dir;
  dir.write("es/then/b-b.json", "{}");
  dir.write("es/then/b_b.json", "not even json");
  dir.write("aplus/x.json", "{}");
  dir.write("README.md", "not a case");
  const std::vector<CaseFile> files = listCaseFiles(dir.path());
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0].id, "aplus/x");
  EXPECT_EQ(files[1].id, "es/then/b-b");
  EXPECT_EQ(files[2].id, "es/then/b_b");
  EXPECT_EQ(files[0].testName, "aplus_x");
  EXPECT_EQ(files[1].testName, "es_then_b_b");
  EXPECT_EQ(files[2].testName, "es_then_b_b_2") << "two ids that read the same still get two tests";
}

}  // namespace
}  // namespace pc::tests
