#include <gtest/gtest.h>

#include "harness/run/glob.hpp"

namespace pc {
namespace {

TEST(Glob, StarCrossesSlashesSoAFamilyIsOnePattern) {
  EXPECT_TRUE(globMatch("es/*", "es/then/handler-order"));
  EXPECT_FALSE(globMatch("es/*", "aplus/2.2.4"));
}

TEST(Glob, QuestionMarkIsExactlyOneCharacter) {
  EXPECT_TRUE(globMatch("a?c", "abc"));
  EXPECT_FALSE(globMatch("a?c", "ac"));
  EXPECT_FALSE(globMatch("a?c", "abbc"));
}

TEST(Glob, WithoutWildcardsTheWholeIdMustMatch) {
  EXPECT_TRUE(globMatch("es/then/x", "es/then/x"));
  EXPECT_FALSE(globMatch("es/then/x", "es/then/xy"));
  EXPECT_FALSE(globMatch("es/then", "es/then/x"));
}

TEST(Glob, StarsBacktrackAcrossRepeatedPieces) {
  EXPECT_TRUE(globMatch("*then*finally*", "es/then-then/finally-x"));
  EXPECT_TRUE(globMatch("*a*b", "aaab"));
  EXPECT_FALSE(globMatch("*a*b", "aaabc"));
  EXPECT_TRUE(globMatch("**", ""));
  EXPECT_FALSE(globMatch("?", ""));
}

}  // namespace
}  // namespace pc
