// `promise-conformance bench`: how fast the reference runs promise workloads, and in how much memory,
// against V8 (the pinned node) in the same run. harness/bench/ does the measuring.
#include <memory>
#include <stdexcept>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "harness/bench/bench.hpp"
#include "harness/bench/workloads.hpp"
#include "harness/cli/commands.hpp"
#include "harness/node/node_locate.hpp"

namespace pc::cli {
namespace {

struct BenchCommandOptions {
  bench::BenchOptions bench;
  bool noNode = false;
};

std::string workloadHelp() {
  std::string help = "Workloads to run (default: all):";
  for (const bench::Workload& w : bench::workloads()) help += fmt::format("\n  {}: {}", w.name, w.what);
  return help;
}

int runBenchCommand(BenchCommandOptions& opt, Context& ctx) {
  bench::BenchOptions& options = opt.bench;
  std::string nodeVersion;
  try {
    if (!opt.noNode) {
      options.node = node::findNode(ctx.nodeDir);
      node::nodeMajorVersion(*options.node, &nodeVersion);
      options.nodeScript = ctx.nodeDir / "bench.js";
    }
    const std::vector<std::string> names = bench::chosenWorkloads(options);
    ctx.out << fmt::format(
        "N = {}, fastest of {} runs per subject, taken in turns, each in a child process of its own (peak RSS per "
        "workload).\n"
        "reference: the C++ model through its own API with its default host (no interpreter, no journaling).\n"
        "node: {}\n",
        options.n, options.repeat,
        options.node ? fmt::format("{} {}", options.node->string(), nodeVersion) : "not run");
    bench::printHeader(ctx.out);
    bool allOk = true;
    for (const std::string& name : names) {
      allOk = bench::printRow(bench::runWorkload(options, name), options.n, ctx.out) && allOk;
      ctx.out.flush();
    }
    return allOk ? 0 : 1;
  } catch (const std::exception& e) {
    ctx.err << "bench: " << e.what() << '\n';
    return 1;
  }
}

}  // namespace

void addBenchCommand(CLI::App& app, Context& ctx, int& exitCode) {
  auto opt = std::make_shared<BenchCommandOptions>();
  CLI::App* cmd =
      app.add_subcommand("bench", "Time promise workloads on the reference and on node, with their ratio and peak RSS");
  cmd->add_option("-n,--n", opt->bench.n, "Operations per workload")
      ->capture_default_str()
      ->check(CLI::Range(1, 100'000'000));
  cmd->add_option("-w,--workload", opt->bench.workloads, workloadHelp())->delimiter(',');
  cmd->add_option("--repeat", opt->bench.repeat, "Runs per workload and subject; the fastest counts")
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  cmd->add_flag("--no-node", opt->noNode, "Run the reference alone");
  cmd->callback([opt, &ctx, &exitCode] { exitCode = runBenchCommand(*opt, ctx); });
}

}  // namespace pc::cli
