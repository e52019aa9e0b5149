#pragma once
// The subcommands of `promise-conformance`. Each adds itself to the app; when it is the one the user
// chose, its callback runs and stores the exit code.
#include <CLI/CLI.hpp>

#include "harness/cli/context.hpp"

namespace pc::cli {

void addRunCommand(CLI::App& app, Context& ctx, int& exitCode);
void addListCommand(CLI::App& app, Context& ctx, int& exitCode);
void addValidateCommand(CLI::App& app, Context& ctx, int& exitCode);
void addExplainCommand(CLI::App& app, Context& ctx, int& exitCode);
void addCoverageCommand(CLI::App& app, Context& ctx, int& exitCode);
void addFuzzCommand(CLI::App& app, Context& ctx, int& exitCode);
void addReportCommand(CLI::App& app, Context& ctx, int& exitCode);
void addRecordCommand(CLI::App& app, Context& ctx, int& exitCode);
void addWorkerCommand(CLI::App& app, Context& ctx, int& exitCode);
void addBenchCommand(CLI::App& app, Context& ctx, int& exitCode);

}  // namespace pc::cli
