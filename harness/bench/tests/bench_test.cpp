// The measuring half of `promise-conformance bench`: what a child reports, how its peak RSS is read,
// and that every workload checks its own result on the reference.
#include <gtest/gtest.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <vector>

#include "harness/bench/child_measure.hpp"
#include "harness/bench/workloads.hpp"

namespace pc::bench {
namespace {

[[noreturn]] void say(const char* text, int status) {
  (void)!write(STDOUT_FILENO, text, std::strlen(text));
  _exit(status);
}

TEST(ChildMeasure, ReadsTheSecondsAChildPrints) {
  const Measurement m = measureInChild([] { say("0.25\n", 0); });
  ASSERT_TRUE(m.ok) << m.failure;
  EXPECT_DOUBLE_EQ(m.seconds, 0.25);
  EXPECT_GT(m.peakRssKiB, 0);
}

TEST(ChildMeasure, PeakRssIsTheChildsOwn) {
  constexpr std::size_t kMiB = 1024 * 1024;
  const Measurement small = measureInChild([] { say("1\n", 0); });
  const Measurement large = measureInChild([] {
    std::vector<char> touched(64 * kMiB, 1);  // every page written, so resident
    say(touched[kMiB] == 1 ? "1\n" : "0\n", 0);
  });
  ASSERT_TRUE(small.ok && large.ok);
  EXPECT_GE(large.peakRssKiB - small.peakRssKiB, 60 * 1024);
}

TEST(ChildMeasure, AnythingButANumberIsAFailureCarryingWhatTheChildSaid) {
  const Measurement m = measureInChild([] { say("error: chain ended with 3\n", 1); });
  EXPECT_FALSE(m.ok);
  EXPECT_EQ(m.failure, "error: chain ended with 3");
  EXPECT_FALSE(measureInChild([] { say("0.5 and more\n", 0); }).ok);
  EXPECT_FALSE(measureInChild([] { say("0.5\n", 3); }).ok);
}

TEST(ChildMeasure, AChildKilledBySignalIsNamedSo) {
  const Measurement m = measureInChild([] { std::raise(SIGKILL); });
  EXPECT_FALSE(m.ok);
  EXPECT_EQ(m.failure, "killed by signal 9");
}

TEST(ReferenceWorkloads, EachRunsAndChecksItsResult) {
  for (const Workload& w : workloads()) EXPECT_GT(runOnReference(w.name, 1000), 0) << w.name;
}

TEST(ReferenceWorkloads, AnUnknownNameIsAnError) {
  EXPECT_THROW(runOnReference("no-such-workload", 10), std::runtime_error);
  EXPECT_EQ(findWorkload("no-such-workload"), nullptr);
}

}  // namespace
}  // namespace pc::bench
