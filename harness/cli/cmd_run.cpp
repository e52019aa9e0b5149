// `promise-conformance run`: runs the corpus on the chosen subjects and reports.
#include <algorithm>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "harness/cli/commands.hpp"
#include "harness/cli/corpus.hpp"
#include "harness/core/reference_subject.hpp"
#include "harness/report/console.hpp"
#include "harness/report/json_report.hpp"
#include "harness/report/junit.hpp"
#include "harness/run/glob.hpp"
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
};

std::optional<Level> levelFromName(const std::string& name) {
  for (Level l : {Level::Outcome, Level::Causal, Level::Exact})
    if (levelName(l) == name) return l;
  return std::nullopt;
}

// The subjects the user asked for, opened. Sets `ok` to false when a subject named explicitly is
// unknown or unavailable; with "all", unavailable subjects are skipped with a note.
struct OpenedSubjects {
  std::vector<std::unique_ptr<Subject>> owned;
  std::vector<SubjectPlan> plans;
  bool ok = true;
};

OpenedSubjects openSubjects(const RunOptions& opt, Context& ctx) {
  OpenedSubjects opened;
  const bool all = std::find(opt.subjects.begin(), opt.subjects.end(), "all") != opt.subjects.end();
  for (const std::string& name : opt.subjects) {
    if (name == "all") continue;
    if (std::none_of(ctx.subjects.begin(), ctx.subjects.end(), [&](const SubjectEntry& e) { return e.name == name; })) {
      ctx.err << fmt::format("error: unknown subject '{}' (see `promise-conformance list --subjects`)\n", name);
      opened.ok = false;
    }
  }
  // Registry order, so reports list subjects the same way whatever order the user typed them in.
  for (const SubjectEntry& entry : ctx.subjects) {
    const bool named = std::find(opt.subjects.begin(), opt.subjects.end(), entry.name) != opt.subjects.end();
    if (!all && !named) continue;
    Opened o = entry.open();
    if (!o.subject) {
      ctx.err << fmt::format("{}: subject {} is not available: {}\n", named ? "error" : "note", entry.name,
                             o.unavailable);
      if (named) opened.ok = false;
      continue;
    }
    const Level required = opt.level.empty() ? entry.required : *levelFromName(opt.level);
    opened.plans.push_back({o.subject.get(), required});
    opened.owned.push_back(std::move(o.subject));
  }
  return opened;
}

template <typename T>
std::vector<T> keepMatching(std::vector<T> items, const std::string& glob) {
  if (glob.empty()) return items;
  std::erase_if(items, [&](const T& item) { return !globMatch(glob, item.id); });
  return items;
}

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

// The reference is the causal witness: reuse it when it is being run anyway, else make one.
Subject* witnessFor(const OpenedSubjects& opened, std::unique_ptr<Subject>& spare) {
  for (const SubjectPlan& plan : opened.plans)
    if (plan.subject->name() == "reference") return plan.subject;
  spare = std::make_unique<ReferenceSubject>();
  return spare.get();
}

int runCommand(const RunOptions& opt, Context& ctx) {
  OpenedSubjects opened = openSubjects(opt, ctx);
  if (!opened.ok) return 1;
  if (opened.plans.empty()) {
    ctx.err << "error: no subject to run\n";
    return 1;
  }
  Corpus corpus = loadCorpus(opt.cases, opt.rules);
  for (const std::string& e : corpus.ruleErrors) ctx.err << e << '\n';
  const std::vector<Case> cases = keepMatching(std::move(corpus.cases), opt.filter);
  const std::vector<InvalidCase> invalid = keepMatching(std::move(corpus.invalid), opt.filter);
  if (!opt.filter.empty() && cases.empty() && invalid.empty())
    ctx.err << fmt::format("warning: no case matches --filter '{}'\n", opt.filter);

  std::unique_ptr<Subject> spare;
  const SuiteResult suite = runSuite(cases, invalid, opened.plans, witnessFor(opened, spare));
  writeConsoleReport(ctx.out, suite, {.color = ctx.color, .verbose = opt.verbose});
  const bool written = writeReports(opt, ctx, suite);
  return suite.allPassed() && corpus.ruleErrors.empty() && written ? 0 : 1;
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
  cmd->callback([opt, &ctx, &exitCode] { exitCode = runCommand(*opt, ctx); });
}

}  // namespace pc::cli
