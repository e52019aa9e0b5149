// `promise-conformance run`: runs the corpus on the chosen subjects and reports.
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "harness/cli/commands.hpp"
#include "harness/cli/corpus.hpp"
#include "harness/cli/suite_setup.hpp"
#include "harness/report/console.hpp"
#include "harness/report/json_report.hpp"
#include "harness/report/junit.hpp"
#include "harness/run/runner.hpp"

namespace pc::cli {
namespace {

struct RunOptions {
  std::vector<std::string> subjects{"all"};
  std::filesystem::path cases, rules;
  std::string filter;
  std::string level;  // empty: each subject's own required level
  std::filesystem::path json, junit, output;
  bool verbose = false;
  ExecutionOptions execution;
};

bool writeFile(const std::filesystem::path& file, Context& ctx, void (*write)(std::ostream&, const SuiteResult&),
               const SuiteResult& suite) {
  if (file.has_parent_path()) {
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
  }
  std::ofstream out(file, std::ios::binary);
  if (out) write(out, suite);
  if (!out) {
    ctx.err << fmt::format("error: cannot write {}\n", file.string());
    return false;
  }
  return true;
}

bool writeReports(const RunOptions& opt, Context& ctx, const SuiteResult& suite) {
  bool ok = true;
  if (!opt.output.empty()) {
    ok &= writeFile(opt.output / "results.json", ctx, writeJsonReport, suite);
    ok &= writeFile(opt.output / "junit.xml", ctx, writeJUnitReport, suite);
  }
  if (!opt.json.empty()) ok &= writeFile(opt.json, ctx, writeJsonReport, suite);
  if (!opt.junit.empty()) ok &= writeFile(opt.junit, ctx, writeJUnitReport, suite);
  return ok;
}

int runCommand(const RunOptions& opt, Context& ctx) {
  OpenedSubjects opened = openSubjects(opt.subjects, opt.level.empty() ? std::nullopt : levelFromName(opt.level), ctx,
                                       opt.execution.repeat);
  if (!opened.ok) return 1;
  if (opened.plans.empty()) {
    ctx.err << "error: no subject to run\n";
    return 1;
  }
  Corpus corpus = loadMatching(opt.cases, opt.rules, opt.filter);
  for (const std::string& e : corpus.ruleErrors) ctx.err << e << '\n';
  const std::vector<Case>& cases = corpus.cases;
  const std::vector<InvalidCase>& invalid = corpus.invalid;
  if (!opt.filter.empty() && cases.empty() && invalid.empty())
    ctx.err << fmt::format("warning: no case matches --filter '{}'\n", opt.filter);

  applyCaseTimeout(opened, opt.execution);
  std::unique_ptr<Subject> spare;
  SuiteResult suite = runSuite(cases, invalid, opened.plans, witnessFor(opened, spare), opt.execution.jobs);
  suite.corpusVersion = ctx.corpusVersion;
  writeConsoleReport(ctx.out, suite, {.color = ctx.color, .verbose = opt.verbose});
  const bool written = writeReports(opt, ctx, suite);
  return suite.allPassed() && corpus.ruleErrors.empty() && written && opened.unavailable.empty() ? 0 : 1;
}

}  // namespace

void addRunCommand(CLI::App& app, Context& ctx, int& exitCode) {
  auto opt = std::make_shared<RunOptions>();
  opt->cases = ctx.casesDir;
  opt->rules = ctx.rulesDir;
  CLI::App* cmd = app.add_subcommand("run", "Run the cases on subjects and report the verdicts");
  cmd->add_option("--subject", opt->subjects,
                  "Subjects to run, comma-separated, or 'all' for every subject available on this machine")
      ->delimiter(',')
      ->capture_default_str();
  cmd->add_option("--cases", opt->cases, "Directory of case files")->capture_default_str();
  cmd->add_option("--rules", opt->rules, "Directory of the rules catalog")->capture_default_str();
  cmd->add_option("--filter", opt->filter, "Only cases whose id matches this glob (* and ?), e.g. 'es/then/*'");
  cmd->add_option("--level", opt->level, "Level every case must reach to pass (default: each subject's own)")
      ->check(CLI::IsMember({"outcome", "causal", "exact"}));
  cmd->add_option("--json", opt->json, "Write the JSON report to this file");
  cmd->add_option("--junit", opt->junit, "Write the JUnit XML report to this file");
  cmd->add_option("--output", opt->output, "Write DIR/results.json and DIR/junit.xml");
  cmd->add_flag("--verbose,-v", opt->verbose, "Also list passing and not-applicable cases");
  addExecutionOptions(*cmd, opt->execution);
  cmd->callback([opt, &ctx, &exitCode] { exitCode = runCommand(*opt, ctx); });
}

}  // namespace pc::cli
