#include <sstream>

#include "harness/cli/commands.hpp"
#include "harness/cli/context.hpp"

namespace pc::cli {

int runCli(int argc, const char* const* argv, Context& ctx) {
  CLI::App app{"promise-conformance: runs the promise conformance cases against promise implementations",
               "promise-conformance"};
  app.require_subcommand(1);
  app.footer("Each subcommand has --help. Exit code 0 only when everything asked for passed.");
  int exitCode = 0;
  addRunCommand(app, ctx, exitCode);
  addListCommand(app, ctx, exitCode);
  addValidateCommand(app, ctx, exitCode);
  addExplainCommand(app, ctx, exitCode);
  addCoverageCommand(app, ctx, exitCode);
  addFuzzCommand(app, ctx, exitCode);
  addReportCommand(app, ctx, exitCode);
  addRecordCommand(app, ctx, exitCode);
  addWorkerCommand(app, ctx, exitCode);
  addBenchCommand(app, ctx, exitCode);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help is a "success" error; everything else is a usage error, exit code 2 as is customary.
    const int code = app.exit(e, ctx.out, ctx.err);
    return code == 0 ? 0 : 2;
  }
  return exitCode;
}

}  // namespace pc::cli
