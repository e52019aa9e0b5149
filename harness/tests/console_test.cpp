#include <gtest/gtest.h>

#include <sstream>

#include "harness/report/console.hpp"
#include "harness/tests/report_fixture.hpp"

namespace pc {
namespace {

std::string consoleOf(ConsoleStyle style) {
  std::ostringstream out;
  writeConsoleReport(out, tests::sampleSuite(), style);
  return out.str();
}

TEST(Console, OneLinePerProblemWithItsReason) {
  const std::string text = consoleOf({});
  EXPECT_NE(text.find("FAIL  lib a/fail (reached no level, needs exact): "), std::string::npos) << text;
  EXPECT_NE(text.find("CRASH lib a/crash: <&>"), std::string::npos) << text;
  EXPECT_EQ(text.find("a/pass"), std::string::npos) << "passing cases stay quiet unless verbose";
}

TEST(Console, ABrokenFileIsListedOnceNotOncePerSubject) {
  const std::string text = consoleOf({});
  const std::size_t first = text.find("INVALID a/bad");
  ASSERT_NE(first, std::string::npos) << text;
  EXPECT_EQ(text.find("INVALID a/bad", first + 1), std::string::npos) << text;
  EXPECT_NE(text.find("cases/a/bad.json: /program/0: "), std::string::npos) << text;
}

TEST(Console, SummaryPerSubjectWithCountsAndLevel) {
  const std::string text = consoleOf({});
  EXPECT_NE(
      text.find("lib          1 pass, 1 fail, 1 crash, 1 n/a, 1 invalid; some case reached no level (needs exact)"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("lib<&>       4 pass, 0 fail, 0 n/a, 1 invalid; every case reached exact (needs exact)"),
            std::string::npos)
      << text;
}

TEST(Console, ColoursOnlyWhenAsked) {
  EXPECT_EQ(consoleOf({.color = false}).find("\x1b[3"), std::string::npos);
  EXPECT_NE(consoleOf({.color = true}).find("\x1b[31m"), std::string::npos);
}

TEST(Console, VerboseAlsoListsPassingAndNotApplicableCases) {
  const std::string text = consoleOf({.verbose = true});
  EXPECT_NE(text.find("PASS  lib a/pass"), std::string::npos) << text;
  EXPECT_NE(text.find("N/A   lib a/timers: needs timers"), std::string::npos) << text;
}

}  // namespace
}  // namespace pc
