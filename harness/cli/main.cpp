// The promise-conformance command: wires the real outside world (standard streams, the built-in
// subjects and the adapters, the corpus of this source tree) into runCli.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "adapters/registry.hpp"
#include "harness/cli/context.hpp"
#include "harness/cli/source_tree.hpp"
#include "harness/cli/subjects.hpp"

int main(int argc, char** argv) {
  const pc::cli::SourceTree tree = pc::cli::sourceTree();
  pc::cli::SubjectRegistry inProcess = pc::cli::builtinSubjects(tree.nodeDir);
  // A user's own JavaScript library, named on the command line as js:PATH.
  pc::cli::addJsModuleEntries(inProcess, argc, argv, tree.nodeDir);
  for (pc::LibraryVariant& variant : pc::adapters::adapterSubjects())
    inProcess.push_back(pc::cli::libraryEntry(std::move(variant)));
  // Adapters run in workers: this very program, started again as `worker --subject NAME`.
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  const pc::cli::SubjectRegistry subjects =
      pc::cli::isolateEntries(inProcess, {ec ? std::string(argv[0]) : self.string(), "worker", "--subject"});

  pc::cli::Context ctx{std::cout, std::cerr, subjects, tree.casesDir, tree.rulesDir};
  ctx.reportsDir = tree.reportsDir;
  ctx.workerSubjects = &inProcess;
  // Colours only for a person at a terminal, and never when they asked for none (no-color.org).
  ctx.color = isatty(fileno(stdout)) != 0 && std::getenv("NO_COLOR") == nullptr;
  return pc::cli::runCli(argc, argv, ctx);
}
