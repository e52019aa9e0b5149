// What `explain --subject` shows of a subject: its own story when its trace records jobs, nothing
// when it has no trace (its verdict line says why).
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <utility>

#include "harness/report/explain.hpp"

namespace pc {
namespace {

JobRecord job(int id, int enqueuedBy, std::string kind, std::string description) {
  JobRecord j;
  j.id = id;
  j.enqueuedBy = enqueuedBy;
  j.kind = std::move(kind);
  j.description = std::move(description);
  return j;
}

Trace withJobs() {
  Trace t;
  t.events = {Json::array({"first", 1})};
  t.eventJob = {2};
  t.jobs = {job(1, -1, "script", "the program"), job(2, 1, "PromiseReactionJob", "fulfill reaction #1 of p")};
  t.final = {{"p", Json::array({"fulfilled", 1})}};
  return t;
}

TEST(ExplainSubject, ASubjectThatRecordsJobsTellsItsOwnStory) {
  std::ostringstream out;
  writeSubjectBesideReference(out, "boost/sync", withJobs(), Trace{});
  const std::string text = out.str();
  EXPECT_NE(text.find("boost/sync's own story, from the jobs it recorded:"), std::string::npos) << text;
  EXPECT_NE(text.find("job 2  PromiseReactionJob: fulfill reaction #1 of p  (enqueued by job 1 before any event)\n"
                      "    event 1: [\"first\",1]\n"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("beside"), std::string::npos) << text;
}

TEST(ExplainSubject, ASubjectWithoutATraceGetsNoStory) {
  Trace crashed;
  crashed.failure = "killed by SIGSEGV";
  std::ostringstream out;
  writeSubjectBesideReference(out, "kj/eager", crashed, withJobs());
  EXPECT_EQ(out.str(), "");
}

}  // namespace
}  // namespace pc
