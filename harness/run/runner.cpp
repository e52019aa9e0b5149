#include "harness/run/runner.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <iterator>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "harness/core/compare.hpp"

namespace pc {
namespace {

// The witness's trace of each case (by index into `cases`), or nothing where it could not run it.
using WitnessTraces = std::vector<std::optional<Trace>>;

// Runs `subject` on the cases whose indices are `picked`, as one batch; returns the traces in order.
std::vector<Trace> runBatch(Subject& subject, std::span<const Case> cases, const std::vector<std::size_t>& picked,
                            Schedule schedule = Schedule::AsScheduled) {
  std::vector<const Case*> batch;
  batch.reserve(picked.size());
  for (std::size_t i : picked) batch.push_back(&cases[i]);
  if (batch.empty()) return {};
  std::vector<Trace> traces = subject.runScheduled(batch, schedule);
  // A subject that returns the wrong number of traces breaks its contract; say so on every case
  // instead of pairing traces with the wrong cases.
  if (traces.size() != batch.size()) {
    Trace broken;
    broken.failure =
        fmt::format("subject {} returned {} traces for {} cases", subject.name(), traces.size(), batch.size());
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

using Clock = std::chrono::steady_clock;

// One batch of one subject: all its applicable cases, or a contiguous part of them.
struct Shard {
  std::size_t plan = 0;             // index into the plans
  int run = 0;                      // which of the plan's repeated runs
  std::vector<std::size_t> picked;  // indices into the cases, in order
  std::vector<Trace> traces;
  Clock::time_point start, end;
};

// The batches to run: each planned subject but the witness (already run), once per repeated run, in
// `jobs` contiguous shards when it allows concurrent batches, else whole. Whole batches come first:
// they are the long ones, and they run one at a time.
std::vector<Shard> planShards(std::span<const SubjectPlan> plans, std::span<const Case> cases, const Subject* witness,
                              unsigned jobs) {
  std::vector<Shard> whole, parts;
  for (std::size_t p = 0; p < plans.size(); ++p) {
    const Subject& subject = *plans[p].subject;
    if (&subject == witness) continue;
    const std::vector<std::size_t> picked = applicableTo(subject, cases);
    const std::size_t n = subject.concurrentBatches() ? std::min<std::size_t>(jobs, picked.size()) : 1;
    for (int run = 0; run < std::max(plans[p].repeat, 1); ++run)
      for (std::size_t s = 0; s < std::max<std::size_t>(n, 1); ++s) {
        const std::size_t from = picked.size() * s / std::max<std::size_t>(n, 1);
        const std::size_t to = picked.size() * (s + 1) / std::max<std::size_t>(n, 1);
        (n > 1 ? parts : whole).push_back({p, run, {picked.begin() + from, picked.begin() + to}, {}, {}, {}});
      }
  }
  std::move(parts.begin(), parts.end(), std::back_inserter(whole));
  return whole;
}

// Runs the shards on `jobs` threads; a subject that does not allow concurrent batches never runs
// beside another such subject. The first exception a subject throws is rethrown here.
void runShards(std::vector<Shard>& shards, std::span<const SubjectPlan> plans, std::span<const Case> cases,
               unsigned jobs) {
  std::atomic<std::size_t> next{0};
  std::mutex exclusive, errorLock;
  std::exception_ptr error;
  const auto work = [&] {
    for (std::size_t s; (s = next++) < shards.size();) {
      Shard& shard = shards[s];
      Subject& subject = *plans[shard.plan].subject;
      std::unique_lock alone(exclusive, std::defer_lock);
      if (!subject.concurrentBatches()) alone.lock();
      shard.start = Clock::now();
      try {
        shard.traces = runBatch(subject, cases, shard.picked, scheduleOfRun(shard.run));
      } catch (...) {
        std::lock_guard lock(errorLock);
        if (!error) error = std::current_exception();
      }
      shard.end = Clock::now();
    }
  };
  std::vector<std::thread> helpers;
  for (unsigned t = 1; t < std::min<std::size_t>(jobs, shards.size()); ++t) helpers.emplace_back(work);
  work();
  for (std::thread& t : helpers) t.join();
  if (error) std::rethrow_exception(error);
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

// All verdicts of one subject, sorted by case id, from the traces of its applicable cases `picked`
// (one list of traces per repeated run).
std::vector<CaseResult> judgeSubject(const SubjectPlan& plan, std::span<const Case> cases,
                                     std::span<const InvalidCase> invalid, const WitnessTraces& witnessed,
                                     const std::vector<std::size_t>& picked, std::vector<std::vector<Trace>> runs) {
  Subject& subject = *plan.subject;
  const std::string name = subject.name();
  std::vector<CaseResult> out;
  std::vector<bool> ran(cases.size(), false);
  for (std::size_t k = 0; k < picked.size(); ++k) {
    const std::size_t i = picked[k];
    ran[i] = true;
    const Trace* witness = witnessed[i] && !witnessed[i]->failure ? &*witnessed[i] : nullptr;
    std::vector<CaseResult> verdicts;
    for (std::vector<Trace>& traces : runs)
      verdicts.push_back(judge(cases[i], name, std::move(traces[k]), witness, plan.required));
    out.push_back(verdicts.size() == 1 ? std::move(verdicts.front()) : combineRuns(std::move(verdicts)));
  }
  for (std::size_t i = 0; i < cases.size(); ++i)
    if (!ran[i]) out.push_back(notApplicable(cases[i], subject));
  for (const InvalidCase& bad : invalid) out.push_back(invalidResult(bad, name));
  std::stable_sort(out.begin(), out.end(),
                   [](const CaseResult& a, const CaseResult& b) { return a.caseId < b.caseId; });
  return out;
}

// One subject's cases and traces put back together from its shards, in the order of the cases.
struct Gathered {
  std::vector<std::size_t> picked;
  std::vector<std::vector<Trace>> runs;  // per repeated run, the traces of `picked`
  std::chrono::milliseconds wall{0};
};

Gathered gather(std::size_t plan, int repeat, std::vector<Shard>& shards) {
  Gathered g;
  g.runs.resize(static_cast<std::size_t>(std::max(repeat, 1)));
  std::optional<Clock::time_point> start, end;
  for (Shard& s : shards) {
    if (s.plan != plan) continue;
    if (s.run == 0) g.picked.insert(g.picked.end(), s.picked.begin(), s.picked.end());
    std::vector<Trace>& traces = g.runs[static_cast<std::size_t>(s.run)];
    std::move(s.traces.begin(), s.traces.end(), std::back_inserter(traces));
    start = start ? std::min(*start, s.start) : s.start;
    end = end ? std::max(*end, s.end) : s.end;
  }
  if (start) g.wall = std::chrono::duration_cast<std::chrono::milliseconds>(*end - *start);
  return g;
}

// The witness's own results: the traces it gave as witness.
Gathered gatherWitness(const Subject& witness, std::span<const Case> cases, const WitnessTraces& witnessed,
                       std::chrono::milliseconds wall) {
  Gathered g{applicableTo(witness, cases), {{}}, wall};
  for (std::size_t i : g.picked) g.runs[0].push_back(witnessed[i].value_or(Trace{}));
  return g;
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

std::string stableReason(const std::string& message) {
  // Which JavaScript a concurrent handler overlapped (the registering code, another handler) is the
  // scheduler's choice in each run; that it overlapped is the finding.
  if (message.starts_with("a handler ran concurrently with "))
    return "a handler ran concurrently with other JavaScript of the case";
  if (const auto by = message.find(" by E"); message.starts_with("event ") && by != std::string::npos) {
    const auto end = message.find(';', by);
    return "an event came too early, against" + message.substr(by + 3, end == std::string::npos ? end : end - by - 3);
  }
  // Where a missing or unexpected event first shows depends on the run; that it is missing does not.
  if (const auto divergence = message.find("; first difference at "); divergence != std::string::npos)
    return message.substr(0, divergence);
  if (const auto stderrAt = message.find("; the ");
      stderrAt != std::string::npos && message.find("'s stderr") != std::string::npos)
    return message.substr(0, stderrAt);
  return message;
}

CaseResult combineRuns(std::vector<CaseResult> runs) {
  Repeats repeats;
  repeats.runs = static_cast<int>(runs.size());
  for (const CaseResult& r : runs) {
    if (producedNoTrace(r.status)) continue;
    repeats.outcome += r.level >= Level::Outcome;
    repeats.causal += r.level >= Level::Causal;
    repeats.exact += r.level >= Level::Exact;
  }
  // Of the weakest runs, the one whose reason sorts first: which run came first must not matter.
  auto weakest = std::min_element(runs.begin(), runs.end(), [](const CaseResult& a, const CaseResult& b) {
    if (strength(a) != strength(b)) return strength(a) < strength(b);
    return stableReason(a.message) < stableReason(b.message);
  });
  for (const CaseResult& r : runs) {
    repeats.sameMessage = repeats.sameMessage && stableReason(r.message) == stableReason(weakest->message);
    repeats.sameTrace = repeats.sameTrace && r.actual.events == weakest->actual.events &&
                        r.actual.final == weakest->actual.final && r.actual.failure == weakest->actual.failure;
  }
  CaseResult out = std::move(*weakest);
  out.repeats = repeats;
  return out;
}

SuiteResult runSuite(std::span<const Case> cases, std::span<const InvalidCase> invalid,
                     std::span<const SubjectPlan> plans, Subject* witness, unsigned jobs) {
  jobs = std::max(jobs, 1u);
  const Clock::time_point witnessStart = Clock::now();
  const WitnessTraces witnessed = runWitness(witness, cases);
  const auto witnessWall = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - witnessStart);
  std::vector<Shard> shards = planShards(plans, cases, witness, jobs);
  runShards(shards, plans, cases, jobs);

  SuiteResult suite;
  for (std::size_t p = 0; p < plans.size(); ++p) {
    const SubjectPlan& plan = plans[p];
    Gathered g = plan.subject == witness ? gatherWitness(*witness, cases, witnessed, witnessWall)
                                         : gather(p, plan.repeat, shards);
    std::vector<CaseResult> mine = judgeSubject(plan, cases, invalid, witnessed, g.picked, std::move(g.runs));
    suite.summaries.push_back(summarize(plan.subject->name(), plan.required, mine));
    suite.wallTimes.push_back(g.wall);
    std::move(mine.begin(), mine.end(), std::back_inserter(suite.results));
  }
  return suite;
}

bool SuiteResult::allPassed() const {
  return std::all_of(summaries.begin(), summaries.end(),
                     [](const SubjectSummary& s) { return s.fail == 0 && s.noTrace() == 0 && s.invalid == 0; });
}

}  // namespace pc
