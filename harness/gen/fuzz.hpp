#pragma once
// Differential fuzzing: random programs run on a subject and on the oracle (V8), in large batches;
// every disagreement is shrunk to a small program that still disagrees.
//
//   FuzzOptions options{.seed = 7, .count = 20000};
//   FuzzReport r = fuzz(options, referenceRunner(), subjectRunner(node), {});
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <rapidcheck.h>

#include "harness/core/subject.hpp"
#include "harness/gen/faulty_host.hpp"

namespace pc::gen {

// Runs a batch of programs, one trace per program, in order.
using BatchRunner = std::function<std::vector<Trace>(const std::vector<Json>& programs)>;

// The reference model, on a faulty host when `fault` is set (tests and --break only).
BatchRunner referenceRunner(std::optional<HostFault> fault = std::nullopt);
// Any subject, each program wrapped as a case (generated_case.hpp); one Subject::run per batch.
BatchRunner subjectRunner(Subject& subject);

// Splits each batch over `runners` (e.g. several node processes), running them side by side.
BatchRunner inParallel(std::vector<BatchRunner> runners);

// The program number `index` of a run with `seed`: the same pair always gives the same program.
// Sizes cycle through 0..99 as RapidCheck's do, so a run mixes small and large programs.
rc::Shrinkable<Json> generatedProgram(std::uint64_t seed, std::size_t index);

// Whether two traces of one program differ (events, final states, or a failure to run); a program
// that hangs on both sides agrees.
bool disagree(const Trace& subject, const Trace& oracle);

struct FuzzOptions {
  std::uint64_t seed = 1;
  std::size_t count = 1000;
  std::size_t batch = 2000;      // programs per round-trip to the oracle
  std::size_t maxFailures = 10;  // stop generating after this many disagreements
};

struct Disagreement {
  std::size_t index = 0;  // the program's number in the run (generatedProgram(seed, index))
  Json original;
  Json shrunk;
  Trace subjectTrace;  // of the shrunk program
  Trace oracleTrace;   // of the shrunk program
};

struct FuzzReport {
  std::size_t programs = 0;  // programs run (not counting shrinking)
  std::vector<Disagreement> disagreements;
  double seconds = 0;  // wall time of the runs, without shrinking
  double shrinkSeconds = 0;
};

// `progress(done)` is called after every batch. While the oracle runs a batch, the next one is
// generated and run on the subject.
FuzzReport fuzz(const FuzzOptions& options, const BatchRunner& subject, const BatchRunner& oracle,
                const std::function<void(std::size_t done)>& progress);

}  // namespace pc::gen
