#include "harness/gen/fuzz.hpp"

#include <chrono>
#include <future>

#include "harness/core/interpreter.hpp"
#include "harness/core/reference_runtime.hpp"
#include "harness/gen/generated_case.hpp"
#include "harness/gen/program_gen.hpp"
#include "harness/gen/shrink.hpp"

namespace pc::gen {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// splitmix64: spreads (seed, index) over the whole key space so neighbouring programs differ.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// The indices of programs whose traces disagree.
std::vector<std::size_t> disagreeing(const std::vector<Json>& programs, const BatchRunner& subject,
                                     const BatchRunner& oracle) {
  const std::vector<Trace> mine = subject(programs), theirs = oracle(programs);
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < programs.size(); ++i)
    if (disagree(mine[i], theirs[i])) out.push_back(i);
  return out;
}

Disagreement shrunkDisagreement(std::size_t index, const rc::Shrinkable<Json>& failing, const BatchRunner& subject,
                                const BatchRunner& oracle) {
  const FirstFailing stillDisagrees = [&](const std::vector<Json>& candidates) -> std::optional<std::size_t> {
    const std::vector<std::size_t> hits = disagreeing(candidates, subject, oracle);
    if (hits.empty()) return std::nullopt;
    return hits.front();
  };
  Disagreement d;
  d.index = index;
  d.original = failing.value();
  d.shrunk = shrinkFailure(failing, stillDisagrees).value();
  d.subjectTrace = subject({d.shrunk}).at(0);
  d.oracleTrace = oracle({d.shrunk}).at(0);
  return d;
}

// Programs [first, first + batch) of a run, generated and run on the subject.
struct Batch {
  std::size_t first = 0;
  std::vector<rc::Shrinkable<Json>> shrinkables;
  std::vector<Json> programs;
  std::vector<Trace> subjectTraces;
};

Batch runBatch(const FuzzOptions& options, std::size_t first, const BatchRunner& subject) {
  Batch b;
  b.first = first;
  const std::size_t n = std::min(options.batch, options.count - first);
  for (std::size_t i = 0; i < n; ++i) {
    b.shrinkables.push_back(generatedProgram(options.seed, first + i));
    b.programs.push_back(b.shrinkables.back().value());
  }
  b.subjectTraces = subject(b.programs);
  return b;
}

}  // namespace

BatchRunner referenceRunner(std::optional<HostFault> fault) {
  return [fault](const std::vector<Json>& programs) {
    std::vector<Trace> traces;
    traces.reserve(programs.size());
    for (const Json& program : programs) {
      ReferenceRuntime runtime(fault ? faultyHost(*fault) : std::make_unique<JournalingHost>());
      traces.push_back(interpret(program, runtime));
    }
    return traces;
  };
}

BatchRunner subjectRunner(Subject& subject) {
  return [&subject](const std::vector<Json>& programs) {
    std::vector<Case> cases;
    cases.reserve(programs.size());
    for (std::size_t i = 0; i < programs.size(); ++i)
      cases.push_back(makeCase(programs[i], "fuzz/" + std::to_string(i)));
    std::vector<const Case*> pointers;
    for (const Case& c : cases) pointers.push_back(&c);
    return subject.run(pointers);
  };
}

rc::Shrinkable<Json> generatedProgram(std::uint64_t seed, std::size_t index) {
  const rc::Random random(mix(seed ^ mix(index)));
  return program()(random, static_cast<int>(index % 100));
}

bool disagree(const Trace& subject, const Trace& oracle) {
  // A program that runs forever on both (the reference's job budget, node's CPU budget) agrees:
  // with own `then` methods, a generated thenable can resolve with its own promise.
  const auto hangs = [](const Trace& t) { return t.failure && t.failureKind == FailureKind::Hang; };
  if (hangs(subject) && hangs(oracle)) return false;
  if (subject.failure || oracle.failure) return true;
  return subject.events != oracle.events || subject.final != oracle.final;
}

FuzzReport fuzz(const FuzzOptions& options, const BatchRunner& subject, const BatchRunner& oracle,
                const std::function<void(std::size_t done)>& progress) {
  FuzzReport report;
  std::vector<std::pair<std::size_t, rc::Shrinkable<Json>>> failing;
  const Clock::time_point start = Clock::now();
  std::optional<Batch> next;
  if (options.count > 0) next = runBatch(options, 0, subject);
  while (next && failing.size() < options.maxFailures) {
    Batch batch = std::move(*next);
    next.reset();
    auto oracleTraces = std::async(std::launch::async, [&] { return oracle(batch.programs); });
    const std::size_t end = batch.first + batch.programs.size();
    if (end < options.count) next = runBatch(options, end, subject);
    const std::vector<Trace> theirs = oracleTraces.get();
    for (std::size_t i = 0; i < batch.programs.size(); ++i)
      if (disagree(batch.subjectTraces[i], theirs[i]) && failing.size() < options.maxFailures)
        failing.emplace_back(batch.first + i, batch.shrinkables[i]);
    report.programs = end;
    if (progress) progress(report.programs);
  }
  report.seconds = secondsSince(start);
  const Clock::time_point shrinkStart = Clock::now();
  for (const auto& [index, shrinkable] : failing)
    report.disagreements.push_back(shrunkDisagreement(index, shrinkable, subject, oracle));
  report.shrinkSeconds = secondsSince(shrinkStart);
  return report;
}

BatchRunner inParallel(std::vector<BatchRunner> runners) {
  return [runners = std::move(runners)](const std::vector<Json>& programs) {
    const std::size_t share = (programs.size() + runners.size() - 1) / runners.size();
    std::vector<std::future<std::vector<Trace>>> parts;
    for (std::size_t r = 0, first = 0; r < runners.size() && first < programs.size(); ++r, first += share) {
      const auto begin = programs.begin() + static_cast<long>(first);
      std::vector<Json> part(begin, begin + static_cast<long>(std::min(share, programs.size() - first)));
      parts.push_back(
          std::async(std::launch::async, [&runner = runners[r], part = std::move(part)] { return runner(part); }));
    }
    std::vector<Trace> traces;
    for (auto& part : parts)
      for (Trace& t : part.get()) traces.push_back(std::move(t));
    return traces;
  };
}

}  // namespace pc::gen
