// `promise-conformance worker --subject NAME`: the far end of an isolated subject (harness/isolate).
// Not for people: it reads a batch of cases on stdin and answers one JSON line per case.
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "harness/cli/commands.hpp"
#include "harness/isolate/isolated_subject.hpp"

namespace pc::cli {
namespace {

int runWorkerCommand(const std::string& name, Context& ctx) {
  const SubjectRegistry& registry = ctx.workerSubjects ? *ctx.workerSubjects : ctx.subjects;
  for (const SubjectEntry& entry : registry) {
    if (entry.name != name) continue;
    Opened opened = entry.open();
    if (!opened.subject) {
      ctx.err << fmt::format("worker: subject {} is not available: {}\n", name, opened.unavailable);
      return 1;
    }
    return runWorker(*opened.subject, std::cin, ctx.out, ctx.err);
  }
  ctx.err << fmt::format("worker: unknown subject '{}'\n", name);
  return 2;
}

}  // namespace

void addWorkerCommand(CLI::App& app, Context& ctx, int& exitCode) {
  auto name = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("worker", "Run cases for an isolated subject (used by the harness itself)");
  cmd->group("");  // hidden from --help: people never call it
  cmd->add_option("--subject", *name, "The subject to run in this process")->required();
  cmd->callback([name, &ctx, &exitCode] { exitCode = runWorkerCommand(*name, ctx); });
}

}  // namespace pc::cli
