// The promise-conformance command: wires the real outside world (standard streams, the built-in
// subjects, the adapters and the workers named on the command line, the corpus of this source tree
// or of the installed package) into runCli.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string_view>

#include "adapters/registry.hpp"
#include "harness/cli/context.hpp"
#include "harness/cli/source_tree.hpp"
#include "harness/cli/subjects.hpp"

int main(int argc, char** argv) {
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  const std::filesystem::path program = ec ? std::filesystem::path(argv[0]) : self;
  const pc::cli::SourceTree tree = pc::cli::sourceTree(std::filesystem::absolute(program));
  pc::cli::SubjectRegistry inProcess = pc::cli::builtinSubjects(tree.nodeDir);
  // A user's own JavaScript library, named on the command line as js:PATH.
  pc::cli::addJsModuleEntries(inProcess, argc, argv, tree.nodeDir);
  for (pc::LibraryVariant& variant : pc::adapters::adapterSubjects())
    inProcess.push_back(pc::cli::libraryEntry(std::move(variant)));
  // Libraries built outside this program, in workers of their own (worker:PATH on the command line);
  // not needed when this process is itself one of the in-tree adapters' workers.
  const bool isWorker = argc > 1 && std::string_view(argv[1]) == "worker";
  if (!isWorker) pc::cli::addWorkerEntries(inProcess, argc, argv, tree.reportWorkers);
  // Adapters run in workers: each adapter's own (libexec/promise-conformance/worker-<library>), or
  // this very program, started again as `worker --subject NAME`.
  const pc::cli::SubjectRegistry subjects =
      pc::cli::isolateEntries(inProcess, pc::cli::adapterWorkers(program, tree.adapterWorkersDir));

  pc::cli::Context ctx{std::cout, std::cerr, subjects, tree.casesDir, tree.rulesDir};
  ctx.reportsDir = tree.reportsDir;
  ctx.nodeDir = tree.nodeDir;
  ctx.corpusVersion = PC_VERSION;
  ctx.workerSubjects = &inProcess;
  // Colours only for a person at a terminal, and never when they asked for none (no-color.org).
  ctx.color = isatty(fileno(stdout)) != 0 && std::getenv("NO_COLOR") == nullptr;
  return pc::cli::runCli(argc, argv, ctx);
}
