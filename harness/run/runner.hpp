#pragma once
// The suite runner: runs cases on subjects and turns their traces into verdicts (CaseResult).
//
// For each subject the runner splits the cases into those whose features the subject covers and the
// rest (not applicable), runs the applicable ones as one batch (or, in parallel, several shards), and compares every
// trace with the case's expectation at the subject's required level. The witness (normally the reference) runs each
// case exactly once: its trace, with job records, is the causal witness of every comparison, and it is
// reused as the witness's own result when the witness is one of the planned subjects.
#include <chrono>
#include <span>
#include <string>
#include <vector>

#include "harness/core/case.hpp"
#include "harness/core/result.hpp"
#include "harness/core/subject.hpp"
#include "harness/run/summary.hpp"

namespace pc {

// A case file the loader rejected. It becomes an Invalid result on every subject, so that a broken
// file shows up in every report instead of silently shrinking the suite.
struct InvalidCase {
  std::string id;       // the path under cases/ without ".json" (the file name when outside cases/)
  std::string message;  // every problem of the file, "file: /pointer: message", one per line
};

// One subject of a run and the level each of its cases must reach to pass.
struct SubjectPlan {
  Subject* subject = nullptr;
  Level required = Level::Exact;
  // How many times each case runs. Above 1 (subjects whose threads decide the order of some events),
  // a case's verdict is that of its weakest run and CaseResult::repeats says how often each level
  // was reached.
  int repeat = 1;
};

struct SuiteResult {
  std::vector<CaseResult> results;        // subject order as planned, then by case id
  std::vector<SubjectSummary> summaries;  // one per planned subject, in plan order
  // Per planned subject, the wall time from the start of its first batch to the end of its last. For
  // people watching a run only: reports, which must not change between runs, never show it.
  std::vector<std::chrono::milliseconds> wallTimes;
  // The version of the corpus and rules the cases came from (the package's version), recorded in
  // every JSON report; empty when unknown.
  std::string corpusVersion;

  // True when every applicable case passed on every subject and no case file was invalid.
  bool allPassed() const;
};

// `witness` may be null (then comparisons get no causal witness) or one of the planned subjects.
// The witness runs first; then the subjects' batches run on `jobs` threads, the cases of each subject
// that allows it (Subject::concurrentBatches) split into `jobs` shards. The results are the same
// whatever `jobs` is.
SuiteResult runSuite(std::span<const Case> cases, std::span<const InvalidCase> invalid,
                     std::span<const SubjectPlan> plans, Subject* witness, unsigned jobs = 1);

// The verdict for one trace of one case: crashed when the trace has a failure, otherwise pass or fail
// by the level `compareTraces` grants against `required`.
CaseResult judge(const Case& c, const std::string& subject, Trace actual, const Trace* witness, Level required);

// One case's verdicts from several runs as one: the weakest run's, with how often each level was
// reached. `runs` is not empty.
CaseResult combineRuns(std::vector<CaseResult> runs);

// The part of a verdict's message that does not depend on which run it came from: which rule an order
// broke rather than which events showed it, how a worker died rather than what it last wrote.
std::string stableReason(const std::string& message);

}  // namespace pc
