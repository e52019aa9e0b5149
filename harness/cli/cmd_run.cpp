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

// What the words of the output mean; spec/levels.md is the definition.
constexpr const char* kLevelsHelp =
    "Levels, weakest first (spec/levels.md defines them):\n"
    "  outcome  every named promise ends in the same state with the same value, and the same events\n"
    "           happen, in any order\n"
    "  causal   the events come in an order the reference's happens-before relation allows (what\n"
    "           Promises/A+ asks of a library)\n"
    "  exact    the same events in the same order, job for job (what ECMA-262 asks of an engine)\n"
    "A case passes when it reaches the level its subject needs: exact for the reference and node, causal\n"
    "for the C++ libraries, or what --level says. A FAIL line says which it reached:\n"
    "  reached no level  a final state or an event differs: not even the outcome is right\n"
    "  reached outcome   the right results, in an order the needed level does not allow\n"
    "  reached causal    an order a library may legally produce, but not the exact one\n"
    "\"causal not judged\" in a reason: the reference's run of that case is missing or disagrees with the\n"
    "expectation, so there is no happens-before relation to judge the order by and only the exact order\n"
    "counts. With -v, each failing case shows both traces side by side: '>' marks the first row that\n"
    "differs, '!' the later ones.";

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
  writeConsoleReport(ctx.out, suite, {.color = ctx.color, .verbose = opt.verbose}, cases);
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
  cmd->add_flag("--verbose,-v", opt->verbose,
                "Also list passing and not-applicable cases, and show each failing case's expected and actual "
                "traces side by side, the first difference marked '>'");
  addExecutionOptions(*cmd, opt->execution);
  cmd->footer(kLevelsHelp);
  cmd->callback([opt, &ctx, &exitCode] { exitCode = runCommand(*opt, ctx); });
}

}  // namespace pc::cli
