#include <gtest/gtest.h>

#include <sstream>

#include "harness/report/junit.hpp"
#include "harness/tests/report_fixture.hpp"
#include "harness/tests/xml_check.hpp"

namespace pc {
namespace {

using tests::XmlElement;

std::string junitOf(const SuiteResult& suite) {
  std::ostringstream out;
  writeJUnitReport(out, suite);
  return out.str();
}

// kNasty as a parser reads it back: what XML cannot carry became visible escapes or U+FFFD.
const std::string kNastyAsRead = "<&>\"' ]]> \\u0001\\u001B[0m\ttab\nnl\rcr \\uFFFE \xEF\xBF\xBD é";

const XmlElement& testcase(const XmlElement& suite, const std::string& name) {
  for (const XmlElement* c : suite.childrenNamed("testcase"))
    if (c->attributes.at("name") == name) return *c;
  throw std::runtime_error("no testcase " + name);
}

TEST(JUnit, IsWellFormedEvenWithHostileStrings) {
  const std::string xml = junitOf(tests::sampleSuite());
  ASSERT_NO_THROW(tests::parseXml(xml)) << xml;
}

TEST(JUnit, OneSuitePerSubjectWithCounts) {
  const XmlElement root = tests::parseXml(junitOf(tests::sampleSuite()));
  EXPECT_EQ(root.name, "testsuites");
  EXPECT_EQ(root.attributes.at("tests"), "10");
  EXPECT_EQ(root.attributes.at("failures"), "1");
  EXPECT_EQ(root.attributes.at("errors"), "3");  // lib: crash + invalid; lib<&>: invalid
  EXPECT_EQ(root.attributes.at("skipped"), "1");
  const auto suites = root.childrenNamed("testsuite");
  ASSERT_EQ(suites.size(), 2u);
  EXPECT_EQ(suites[0]->attributes.at("name"), "lib");
  EXPECT_EQ(suites[1]->attributes.at("name"), "lib<&>");
  EXPECT_EQ(suites[0]->attributes.at("tests"), "5");
  EXPECT_EQ(suites[0]->attributes.at("failures"), "1");
  EXPECT_EQ(suites[0]->attributes.at("errors"), "2");
  EXPECT_EQ(suites[0]->attributes.at("skipped"), "1");
  EXPECT_EQ(suites[1]->childrenNamed("testcase").size(), 5u);
}

TEST(JUnit, EachStatusHasItsElement) {
  const XmlElement root = tests::parseXml(junitOf(tests::sampleSuite()));
  const XmlElement& lib = *root.childrenNamed("testsuite")[0];
  for (const XmlElement* c : lib.childrenNamed("testcase")) EXPECT_EQ(c->attributes.at("classname"), "lib");
  EXPECT_TRUE(testcase(lib, "a/pass").children.empty());
  EXPECT_EQ(testcase(lib, "a/fail").childrenNamed("failure").size(), 1u);
  const auto crash = testcase(lib, "a/crash").childrenNamed("error");
  ASSERT_EQ(crash.size(), 1u);
  EXPECT_EQ(crash[0]->attributes.at("type"), "crash");
  EXPECT_EQ(crash[0]->attributes.at("message"), kNastyAsRead);
  EXPECT_EQ(crash[0]->text, kNastyAsRead);
  const auto bad = testcase(lib, "a/bad").childrenNamed("error");
  ASSERT_EQ(bad.size(), 1u);
  EXPECT_EQ(bad[0]->attributes.at("type"), "invalid");
  EXPECT_EQ(bad[0]->attributes.at("message"), "cases/a/bad.json: /program/0: " + kNastyAsRead);
  const auto skipped = testcase(lib, "a/timers").childrenNamed("skipped");
  ASSERT_EQ(skipped.size(), 1u);
  EXPECT_NE(skipped[0]->attributes.at("message").find("timers"), std::string::npos);
}

TEST(JUnit, AFailureShowsTheSubjectsTrace) {
  const XmlElement root = tests::parseXml(junitOf(tests::sampleSuite()));
  const XmlElement& failure = *testcase(*root.childrenNamed("testsuite")[0], "a/fail").childrenNamed("failure")[0];
  EXPECT_NE(failure.text.find("\"rejected\""), std::string::npos) << failure.text;
  EXPECT_NE(failure.attributes.at("message").find("reached none"), std::string::npos);
}

TEST(JUnit, HasNoClockAndIsByteIdenticalAcrossRuns) {
  const std::string first = junitOf(tests::sampleSuite());
  EXPECT_EQ(first, junitOf(tests::sampleSuite()));
  EXPECT_EQ(first.find(" time="), std::string::npos);
  EXPECT_EQ(first.find(" timestamp="), std::string::npos);
}

}  // namespace
}  // namespace pc
