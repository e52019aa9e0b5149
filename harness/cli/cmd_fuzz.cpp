// `promise-conformance fuzz`: random programs on a subject and on V8 (the oracle), compared trace
// for trace; each disagreement is shrunk and can be written as a ready-to-commit case file.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "harness/cli/commands.hpp"
#include "harness/gen/fuzz.hpp"
#include "harness/gen/generated_case.hpp"

namespace pc::cli {
namespace {

struct FuzzCommandOptions {
  std::uint64_t seed = 1;
  std::size_t count = 1000;
  std::string subject = "reference";
  std::filesystem::path out;
  std::size_t batch = 2000;
  std::size_t jobs = 2;
  std::size_t maxFailures = 10;
  std::string breakName;  // a faulty host for the reference, to see the fuzzer catch it
};

const SubjectEntry* findSubject(const Context& ctx, const std::string& name) {
  for (const SubjectEntry& e : ctx.subjects)
    if (e.name == name) return &e;
  return nullptr;
}

// Opens a subject `copies` times (each node subject is one process) and keeps them alive.
struct OpenedRunners {
  std::vector<std::unique_ptr<Subject>> subjects;
  std::vector<gen::BatchRunner> runners;
  std::string unavailable;
};

OpenedRunners openRunners(const SubjectEntry& entry, std::size_t copies) {
  OpenedRunners out;
  for (std::size_t i = 0; i < copies; ++i) {
    Opened o = entry.open();
    if (!o.subject) {
      out.unavailable = o.unavailable;
      return out;
    }
    out.subjects.push_back(std::move(o.subject));
    out.runners.push_back(gen::subjectRunner(*out.subjects.back()));
  }
  return out;
}

// A bar redrawn in place for a person at a terminal; a plain line per batch for logs.
std::function<void(std::size_t)> progressReporter(Context& ctx, std::size_t total) {
  const bool terminal = &ctx.err == &std::cerr && isatty(fileno(stderr)) != 0;
  return [&ctx, total, terminal](std::size_t done) {
    if (!terminal) {
      ctx.err << fmt::format("fuzz: {}/{} programs\n", done, total);
      return;
    }
    const std::size_t width = 40, filled = total ? done * width / total : width;
    ctx.err << fmt::format("\r[{}{}] {}/{}", std::string(filled, '#'), std::string(width - filled, ' '), done, total);
    if (done == total) ctx.err << '\n';
    ctx.err.flush();
  };
}

void reportDisagreement(const FuzzCommandOptions& opt, const gen::Disagreement& d, Context& ctx) {
  ctx.out << fmt::format("disagreement: program #{} of seed {}, shrunk to {} statements:\n  {}\n", d.index, opt.seed,
                         d.shrunk.size(), d.shrunk.dump());
  ctx.out << fmt::format("  {}: {}\n  node: {}\n", opt.subject, d.subjectTrace.toJson().dump(),
                         d.oracleTrace.toJson().dump());
  if (d.subjectTrace.failure) ctx.out << fmt::format("  {} failed: {}\n", opt.subject, *d.subjectTrace.failure);
  if (d.oracleTrace.failure) ctx.out << fmt::format("  node failed: {}\n", *d.oracleTrace.failure);
  if (opt.out.empty()) return;
  // V8 is the oracle: its trace is the expectation of the case the lead may commit.
  const std::string id = fmt::format("fuzz/{}-s{}-n{}", opt.subject, opt.seed, d.index);
  const std::string title =
      fmt::format("Program #{} of fuzz seed {}, shrunk, on which {} and V8 disagreed", d.index, opt.seed, opt.subject);
  ctx.out << fmt::format("  written to {}\n",
                         gen::writeCaseFile(opt.out, gen::caseDocument(d.shrunk, id, title, d.oracleTrace)).string());
}

// "sync-reactions, callbacks-twice or callbacks-without-arguments"
std::string faultNames() {
  std::string names;
  const auto faults = gen::hostFaults();
  for (std::size_t i = 0; i < faults.size(); ++i)
    names += (i == 0 ? "" : i + 1 == faults.size() ? " or " : ", ") + std::string(faults[i].name);
  return names;
}

int fuzzCommand(const FuzzCommandOptions& opt, Context& ctx) {
  std::optional<gen::HostFault> fault;
  if (!opt.breakName.empty()) fault = gen::hostFaultNamed(opt.breakName);
  if ((!opt.breakName.empty() && !fault) || (fault && opt.subject != "reference")) {
    ctx.err << "error: --break takes " << faultNames() << ", with --subject reference\n";
    return 2;
  }
  const SubjectEntry* oracleEntry = findSubject(ctx, "node");
  const SubjectEntry* subjectEntry = findSubject(ctx, opt.subject);
  if (!oracleEntry || !subjectEntry) {
    ctx.err << fmt::format("error: no subject '{}' (see `list --subjects`)\n", subjectEntry ? "node" : opt.subject);
    return 2;
  }
  OpenedRunners oracle = openRunners(*oracleEntry, std::max<std::size_t>(1, opt.jobs));
  OpenedRunners tested = opt.subject == "reference" ? OpenedRunners{} : openRunners(*subjectEntry, 1);
  for (const OpenedRunners* r : {&oracle, &tested})
    if (!r->unavailable.empty()) {
      ctx.err << fmt::format("error: {}\n", r->unavailable);
      return 1;
    }
  const gen::BatchRunner subject = opt.subject == "reference" ? gen::referenceRunner(fault) : tested.runners[0];

  const gen::FuzzReport report = gen::fuzz({.seed = opt.seed,
                                            .count = opt.count,
                                            .batch = std::max<std::size_t>(1, opt.batch),
                                            .maxFailures = opt.maxFailures},
                                           subject, gen::inParallel(oracle.runners), progressReporter(ctx, opt.count));
  for (const gen::Disagreement& d : report.disagreements) reportDisagreement(opt, d, ctx);
  const double rate = report.seconds > 0 ? static_cast<double>(report.programs) / report.seconds : 0;
  ctx.out << fmt::format(
      "fuzz: {} programs (seed {}) on {} against node in {:.2f} s: {:.0f} programs/s; "
      "{} disagreement(s)",
      report.programs, opt.seed, opt.subject, report.seconds, rate, report.disagreements.size());
  if (!report.disagreements.empty()) ctx.out << fmt::format(", shrunk in {:.2f} s", report.shrinkSeconds);
  if (report.disagreements.size() >= opt.maxFailures && report.programs < opt.count)
    ctx.out << fmt::format(" (stopped after {}, --max-failures)", opt.maxFailures);
  ctx.out << '\n';
  return report.disagreements.empty() ? 0 : 1;
}

}  // namespace

void addFuzzCommand(CLI::App& app, Context& ctx, int& exitCode) {
  auto opt = std::make_shared<FuzzCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "fuzz", "Run random programs on a subject and on V8, shrink every disagreement to a small case");
  cmd->add_option("--seed", opt->seed, "Seed of the run: the same seed gives the same programs")->capture_default_str();
  cmd->add_option("--count", opt->count, "How many programs to run")->capture_default_str();
  cmd->add_option("--subject", opt->subject, "The subject compared with V8")->capture_default_str();
  cmd->add_option("--out", opt->out, "Write each shrunk disagreement here as a case file (V8's trace expected)");
  cmd->add_option("--batch", opt->batch, "Programs per round-trip to node")->capture_default_str();
  cmd->add_option("--jobs", opt->jobs, "Node processes running side by side")->capture_default_str();
  cmd->add_option("--max-failures", opt->maxFailures, "Stop after this many disagreements")->capture_default_str();
  cmd->add_option("--break", opt->breakName,
                  "Test the fuzzer: run the reference on a faulty host (" + faultNames() + ")");
  cmd->footer("Exit code 0 when every program agreed, 1 when one did not (or node is missing), 2 for usage errors.");
  cmd->callback([opt, &ctx, &exitCode] { exitCode = fuzzCommand(*opt, ctx); });
}

}  // namespace pc::cli
