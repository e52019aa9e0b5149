#include "harness/run/runner.hpp"

#include <algorithm>
#include <exception>
#include <optional>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "harness/core/compare.hpp"

namespace pc {
namespace {

// The witness's trace of each case (by index into `cases`), or nothing where it could not run it.
using WitnessTraces = std::vector<std::optional<Trace>>;

// Runs `subject` on the cases whose indices are `picked`, as one batch; returns the traces in order.
std::vector<Trace> runBatch(Subject& subject, std::span<const Case> cases, const std::vector<std::size_t>& picked) {
  std::vector<const Case*> batch;
  batch.reserve(picked.size());
  for (std::size_t i : picked) batch.push_back(&cases[i]);
  if (batch.empty()) return {};
  std::vector<Trace> traces = subject.run(batch);
  // A subject that returns the wrong number of traces breaks its contract; say so on every case
  // instead of pairing traces with the wrong cases.
  if (traces.size() != batch.size()) {
    Trace broken;
    broken.failure = fmt::format("subject {} returned {} traces for {} cases", subject.name(), traces.size(),
                                 batch.size());
    broken.failureKind = FailureKind::HarnessError;
    traces.assign(batch.size(), broken);
  }
  return traces;
}

std::vector<std::size_t> applicableTo(const Subject& subject, std::span<const Case> cases) {
  std::vector<std::size_t> picked;
  const FeatureSet offered = subject.features();
  for (std::size_t i = 0; i < cases.size(); ++i)
    if (offered.covers(cases[i].features)) picked.push_back(i);
  return picked;
}

WitnessTraces runWitness(Subject* witness, std::span<const Case> cases) {
  WitnessTraces out(cases.size());
  if (witness == nullptr) return out;
  const std::vector<std::size_t> picked = applicableTo(*witness, cases);
  std::vector<Trace> traces = runBatch(*witness, cases, picked);
  for (std::size_t k = 0; k < picked.size(); ++k) out[picked[k]] = std::move(traces[k]);
  return out;
}

CaseResult notApplicable(const Case& c, const Subject& subject) {
  CaseResult r;
  r.caseId = c.id;
  r.subject = subject.name();
  r.status = Status::NotApplicable;
  r.message = fmt::format("needs {}", fmt::join(c.features.missingFrom(subject.features()).names(), ", "));
  return r;
}

CaseResult invalidResult(const InvalidCase& bad, const std::string& subject) {
  CaseResult r;
  r.caseId = bad.id;
  r.subject = subject;
  r.status = Status::Invalid;
  r.message = bad.message;
  return r;
}

// All verdicts of one subject, sorted by case id.
std::vector<CaseResult> runSubject(const SubjectPlan& plan, std::span<const Case> cases,
                                   std::span<const InvalidCase> invalid, const WitnessTraces& witnessed,
                                   bool isWitness) {
  Subject& subject = *plan.subject;
  const std::string name = subject.name();
  const std::vector<std::size_t> picked = applicableTo(subject, cases);
  const int repeat = isWitness ? 1 : std::max(plan.repeat, 1);
  std::vector<std::vector<CaseResult>> verdicts(picked.size());  // per picked case, one per run
  for (int run = 0; run < repeat; ++run) {
    std::vector<Trace> traces;
    if (isWitness) {
      for (std::size_t i : picked) traces.push_back(witnessed[i].value_or(Trace{}));
    } else {
      traces = runBatch(subject, cases, picked);
    }
    for (std::size_t k = 0; k < picked.size(); ++k) {
      const std::size_t i = picked[k];
      const Trace* witness = witnessed[i] && !witnessed[i]->failure ? &*witnessed[i] : nullptr;
      verdicts[k].push_back(judge(cases[i], name, std::move(traces[k]), witness, plan.required));
    }
  }

  std::vector<CaseResult> out;
  std::vector<bool> ran(cases.size(), false);
  for (std::size_t k = 0; k < picked.size(); ++k) {
    ran[picked[k]] = true;
    out.push_back(repeat == 1 ? std::move(verdicts[k].front()) : combineRuns(std::move(verdicts[k])));
  }
  for (std::size_t i = 0; i < cases.size(); ++i)
    if (!ran[i]) out.push_back(notApplicable(cases[i], subject));
  for (const InvalidCase& bad : invalid) out.push_back(invalidResult(bad, name));
  std::stable_sort(out.begin(), out.end(),
                   [](const CaseResult& a, const CaseResult& b) { return a.caseId < b.caseId; });
  return out;
}

}  // namespace

CaseResult judge(const Case& c, const std::string& subject, Trace actual, const Trace* witness, Level required) {
  CaseResult r;
  r.caseId = c.id;
  r.subject = subject;
  if (actual.failure) {
    r.status = statusFor(actual.failureKind);
    r.message = *actual.failure;
  } else {
    try {
      const Comparison cmp = compareTraces(c.expected, actual, witness);
      r.level = cmp.level;
      r.status = cmp.level >= required ? Status::Pass : Status::Fail;
      // The reason matters even on a pass below exact: it says what keeps the subject from exact.
      r.message = cmp.why;
    } catch (const std::exception& e) {
      // A trace the comparison cannot handle (e.g. strings that are not UTF-8) is this case's
      // problem alone; it must not end the run.
      r.status = Status::HarnessError;
      r.message = fmt::format("the trace could not be compared: {}", e.what());
    }
  }
  r.actual = std::move(actual);
  return r;
}

namespace {

// Weakest first: no trace at all, then by the level reached.
int strength(const CaseResult& r) { return producedNoTrace(r.status) ? -1 : static_cast<int>(r.level); }

}  // namespace

CaseResult combineRuns(std::vector<CaseResult> runs) {
  Repeats repeats;
  repeats.runs = static_cast<int>(runs.size());
  for (const CaseResult& r : runs) {
    if (producedNoTrace(r.status)) continue;
    repeats.outcome += r.level >= Level::Outcome;
    repeats.causal += r.level >= Level::Causal;
    repeats.exact += r.level >= Level::Exact;
  }
  // The first of the weakest runs, so that the same runs give the same verdict.
  auto weakest = std::min_element(runs.begin(), runs.end(),
                                  [](const CaseResult& a, const CaseResult& b) { return strength(a) < strength(b); });
  CaseResult out = std::move(*weakest);
  out.repeats = repeats;
  return out;
}

SuiteResult runSuite(std::span<const Case> cases, std::span<const InvalidCase> invalid,
                     std::span<const SubjectPlan> plans, Subject* witness) {
  const WitnessTraces witnessed = runWitness(witness, cases);
  SuiteResult suite;
  for (const SubjectPlan& plan : plans) {
    std::vector<CaseResult> mine = runSubject(plan, cases, invalid, witnessed, plan.subject == witness);
    suite.summaries.push_back(summarize(plan.subject->name(), plan.required, mine));
    std::move(mine.begin(), mine.end(), std::back_inserter(suite.results));
  }
  return suite;
}

bool SuiteResult::allPassed() const {
  return std::all_of(summaries.begin(), summaries.end(),
                     [](const SubjectSummary& s) { return s.fail == 0 && s.noTrace() == 0 && s.invalid == 0; });
}

}  // namespace pc
