// The test262 lists of spec/test262/: one file a line, path, class and note separated by tabs.
#include <gtest/gtest.h>

#include "harness/load/test262_list.hpp"
#include "harness/load/tests/test_support.hpp"

namespace pc::load_tests {
namespace {

Test262List parse(const std::string& text) {
  Test262List list;
  parseTest262List(text, "x.tsv", list);
  return list;
}

TEST(Test262List, ReadsPathClassAndNoteAndSkipsComments) {
  const Test262List list = parse(
      "# a comment\n"
      "\n"
      "built-ins/Promise/all/reject-immed.js\tS\n"
      "built-ins/Promise/all/invoke-then.js\tB\tneeds: an own then property\r\n"
      "built-ins/Promise/allKeyed/length.js\tN\tout of goal: not in the pinned node\n");
  EXPECT_TRUE(list.errors.empty()) << dump(list.errors);
  ASSERT_EQ(list.entries.size(), 3u);
  EXPECT_EQ(list.entries[0].path, "built-ins/Promise/all/reject-immed.js");
  EXPECT_EQ(list.entries[0].cls, Test262Class::Semantics);
  EXPECT_EQ(list.entries[0].note, "");
  EXPECT_EQ(list.entries[0].line, 3u);
  EXPECT_EQ(list.entries[1].cls, Test262Class::Borderline);
  EXPECT_EQ(list.entries[1].note, "needs: an own then property");
  EXPECT_FALSE(list.entries[1].outOfGoal());
  EXPECT_EQ(list.entries[2].cls, Test262Class::Shape);
  EXPECT_TRUE(list.entries[2].outOfGoal());
}

TEST(Test262List, BadLinesAreReportedByLineAndTheRestIsKept) {
  const Test262List list = parse(
      "built-ins/Promise/a.js\tX\n"
      "built-ins/Promise/b.js S\n"
      "built-ins/Promise/c\tS\n"
      "built-ins/Promise/d.js\tS\n"
      "built-ins/Promise/d.js\tN\n");
  EXPECT_TRUE(hasError(list.errors, "line 1", "class 'X'")) << dump(list.errors);
  EXPECT_TRUE(hasError(list.errors, "line 2", "separated by tabs")) << dump(list.errors);
  EXPECT_TRUE(hasError(list.errors, "line 3", "not a path")) << dump(list.errors);
  EXPECT_TRUE(hasError(list.errors, "line 5", "listed twice")) << dump(list.errors);
  ASSERT_EQ(list.entries.size(), 1u);
  EXPECT_EQ(list.entries[0].path, "built-ins/Promise/d.js");
}

TEST(Test262List, ADirectoryWithoutListsIsAnError) {
  ScratchDir dir;
  dir.write("lists/README.md", "no list here");
  const Test262List list = loadTest262Lists(dir.path() / "lists");
  EXPECT_FALSE(list.errors.empty());
}

TEST(Test262List, ListsOfADirectoryAreReadInNameOrder) {
  ScratchDir dir;
  dir.write("lists/b.tsv", "built-ins/B/x.js\tS\n");
  dir.write("lists/a.tsv", "built-ins/A/x.js\tN\n");
  const Test262List list = loadTest262Lists(dir.path() / "lists");
  EXPECT_TRUE(list.errors.empty()) << dump(list.errors);
  ASSERT_EQ(list.entries.size(), 2u);
  EXPECT_EQ(list.entries[0].path, "built-ins/A/x.js");
}

TEST(Test262List, TheCheckedInListsLoad) {
  const Test262List list = loadTest262Lists(std::filesystem::path(PC_TEST_SPEC_DIR) / "test262");
  EXPECT_TRUE(list.errors.empty()) << dump(list.errors);
  EXPECT_FALSE(list.entries.empty());
}

}  // namespace
}  // namespace pc::load_tests
