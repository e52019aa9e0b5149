// The promise-conformance command: wires the real outside world (standard streams, the built-in
// subjects, the corpus of this source tree) into runCli.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "harness/cli/context.hpp"

int main(int argc, char** argv) {
  const pc::cli::SubjectRegistry subjects = pc::cli::builtinSubjects();
  pc::cli::Context ctx{std::cout, std::cerr, subjects, PC_DEFAULT_CASES_DIR, PC_DEFAULT_RULES_DIR};
  // Colours only for a person at a terminal, and never when they asked for none (no-color.org).
  ctx.color = isatty(fileno(stdout)) != 0 && std::getenv("NO_COLOR") == nullptr;
  return pc::cli::runCli(argc, argv, ctx);
}
