#include <gtest/gtest.h>

#include <sstream>

#include "harness/report/json_report.hpp"
#include "harness/tests/report_fixture.hpp"

namespace pc {
namespace {

Json reportOf(const SuiteResult& suite) {
  std::ostringstream out;
  writeJsonReport(out, suite);
  return Json::parse(out.str());
}

const Json& resultFor(const Json& report, const std::string& subject, const std::string& id) {
  for (const Json& r : report["results"])
    if (r["subject"] == subject && r["case"] == id) return r;
  throw std::runtime_error("no result " + subject + " " + id);
}

TEST(JsonReport, HasEveryResultWithItsFields) {
  const Json report = reportOf(tests::sampleSuite());
  EXPECT_EQ(report["format"], "promise-conformance/results/1");
  ASSERT_EQ(report["results"].size(), 10u);
  for (const Json& r : report["results"])
    for (const char* key : {"case", "subject", "status", "level", "message", "actual"})
      EXPECT_TRUE(r.contains(key)) << key << " missing in " << r.dump();
  const Json& pass = resultFor(report, "lib", "a/pass");
  EXPECT_EQ(pass["status"], "pass");
  EXPECT_EQ(pass["level"], "exact");
  EXPECT_EQ(pass["actual"]["trace"], Json::parse(R"([["got", 1]])"));
  EXPECT_EQ(pass["actual"]["final"], Json::parse(R"({"p": ["fulfilled", 1]})"));
}

TEST(JsonReport, StatusesAndTheirActualTraces) {
  const Json report = reportOf(tests::sampleSuite());
  EXPECT_EQ(resultFor(report, "lib", "a/fail")["status"], "fail");
  EXPECT_EQ(resultFor(report, "lib", "a/fail")["actual"]["final"]["p"][0], "rejected");
  const Json& crash = resultFor(report, "lib", "a/crash");
  EXPECT_EQ(crash["status"], "crash");
  EXPECT_TRUE(crash["actual"].contains("failure"));
  EXPECT_EQ(resultFor(report, "lib", "a/timers")["status"], "not-applicable");
  EXPECT_TRUE(resultFor(report, "lib", "a/timers")["actual"].is_null()) << "a case that did not run has no trace";
  EXPECT_EQ(resultFor(report, "lib", "a/bad")["status"], "invalid");
  EXPECT_TRUE(resultFor(report, "lib", "a/bad")["actual"].is_null());
}

TEST(JsonReport, CountsPerSubject) {
  const Json report = reportOf(tests::sampleSuite());
  ASSERT_EQ(report["subjects"].size(), 2u);
  const Json& lib = report["subjects"][0];
  EXPECT_EQ(lib["name"], "lib");
  EXPECT_EQ(lib["required"], "exact");
  EXPECT_EQ(lib["reached"], "none");
  EXPECT_EQ(lib["counts"],
            Json::parse(R"({"pass": 1, "fail": 1, "library-error": 0, "crash": 1, "hang": 0, "harness-error": 0,
                                          "not-applicable": 1, "invalid": 1})"));
  EXPECT_EQ(report["subjects"][1]["counts"]["pass"], 4);
  EXPECT_EQ(report["subjects"][1]["reached"], "exact");
}

TEST(JsonReport, IsByteIdenticalAcrossRuns) {
  std::ostringstream a, b;
  writeJsonReport(a, tests::sampleSuite());
  writeJsonReport(b, tests::sampleSuite());
  EXPECT_EQ(a.str(), b.str());
}

TEST(JsonReport, BytesThatAreNotUtf8DoNotStopTheReport) {
  std::ostringstream out;
  EXPECT_NO_THROW(writeJsonReport(out, tests::sampleSuite()));
  EXPECT_FALSE(Json::parse(out.str(), nullptr, false).is_discarded());
}

}  // namespace
}  // namespace pc
