// The reference against V8 on random programs: 2,000 per run, all in one node process. Also: the
// fuzzer notices the reference on each faulty host and shrinks what it found to at most 6
// statements, and what it writes for a disagreement is a valid case file.
#include <cctype>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>

#include <unistd.h>

#include <gtest/gtest.h>

#include "harness/gen/fuzz.hpp"
#include "harness/gen/generated_case.hpp"
#include "harness/load/loader.hpp"
#include "harness/node/node_subject.hpp"

namespace pc::gen {
// So that gtest names the parameter instead of printing its bytes.
inline void PrintTo(HostFault f, std::ostream* os) { *os << nameOf(f); }

namespace {

// PC_FUZZ_SEED replays a run; otherwise every run tries new programs (the seed is printed).
std::uint64_t seedForThisRun() {
  if (const char* s = std::getenv("PC_FUZZ_SEED")) return std::strtoull(s, nullptr, 10);
  return static_cast<std::uint64_t>(std::time(nullptr));
}

std::string describe(const Disagreement& d) {
  return "program #" + std::to_string(d.index) + " shrunk to " + d.shrunk.dump() +
         "\n  subject: " + d.subjectTrace.toJson().dump() + "\n  V8:      " + d.oracleTrace.toJson().dump() +
         (d.subjectTrace.failure ? "\n  subject failed: " + *d.subjectTrace.failure : "") +
         (d.oracleTrace.failure ? "\n  V8 failed: " + *d.oracleTrace.failure : "");
}

TEST(Differential, TheReferenceAgreesWithV8OnTwoThousandRandomPrograms) {
  NodeOptions options;
  options.home = PC_TEST_NODE_DIR;
  NodeSubject node(options);
  const std::uint64_t seed = seedForThisRun();
  const FuzzReport report =
      fuzz({.seed = seed, .count = 2000, .batch = 2000, .maxFailures = 3}, referenceRunner(), subjectRunner(node), {});
  EXPECT_EQ(report.programs, 2000u);
  for (const Disagreement& d : report.disagreements)
    ADD_FAILURE() << "seed " << seed << " (PC_FUZZ_SEED=" << seed << " replays it): " << describe(d);
  std::cout << "[ fuzz     ] seed " << seed << ": " << report.programs << " programs in " << report.seconds << " s\n";
}

class FuzzerCatches : public ::testing::TestWithParam<HostFault> {};

TEST_P(FuzzerCatches, TheBreakAndShrinksItToAtMostSixStatements) {
  NodeOptions options;
  options.home = PC_TEST_NODE_DIR;
  NodeSubject node(options);
  const FuzzReport report = fuzz({.seed = 99, .count = 1000, .batch = 1000, .maxFailures = 1},
                                 referenceRunner(GetParam()), subjectRunner(node), {});
  ASSERT_EQ(report.disagreements.size(), 1u) << "the broken reference agreed with V8 on 1000 programs";
  const Disagreement& d = report.disagreements[0];
  EXPECT_LE(d.shrunk.size(), 6u) << describe(d);
  EXPECT_TRUE(disagree(d.subjectTrace, d.oracleTrace)) << describe(d);
  std::cout << "[ caught   ] " << describe(d) << "\n";

  // What `fuzz --out` writes for it is a case the loader accepts, with V8's trace as expectation.
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("pc-gen-test-" + std::to_string(::getpid()));
  const Json doc = caseDocument(d.shrunk, "fuzz/caught", "the reference on a faulty host", d.oracleTrace);
  const std::filesystem::path file = writeCaseFile(dir, doc);
  auto loaded = loadCaseFile(file, dir, nullptr);
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(std::holds_alternative<Case>(loaded)) << formatError(std::get<1>(loaded).at(0));
  EXPECT_EQ(std::get<Case>(loaded).expected.toJson(), d.oracleTrace.toJson());
}

// "callbacks-twice" -> "CallbacksTwice": a name gtest accepts.
std::string testName(const ::testing::TestParamInfo<HostFault>& info) {
  std::string name;
  bool wordStart = true;
  for (char c : nameOf(info.param)) {
    if (c == '-') {
      wordStart = true;
      continue;
    }
    name += wordStart ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    wordStart = false;
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Breaks, FuzzerCatches,
                         ::testing::Values(HostFault::SynchronousReactions, HostFault::CallbacksCalledTwice,
                                           HostFault::CallbacksWithoutArguments),
                         testName);

}  // namespace
}  // namespace pc::gen
