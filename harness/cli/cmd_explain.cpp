// `promise-conformance explain`: the job-by-job story of one case on the reference, and with --subject
// what other subjects made of it: their own stories when they record jobs, else their order beside it.
#include <memory>

#include <fmt/format.h>

#include "harness/cli/commands.hpp"
#include "harness/cli/corpus.hpp"
#include "harness/cli/suite_setup.hpp"
#include "harness/core/compare.hpp"
#include "harness/core/reference_subject.hpp"
#include "harness/report/console.hpp"
#include "harness/report/explain.hpp"

namespace pc::cli {
namespace {

struct ExplainOptions {
  std::string which;  // a case id or a case file
  std::filesystem::path cases, rules;
  std::vector<std::string> subjects;  // also run it on these, each judged at its own level
};

// Says whether the reference agrees with the case's expectation; returns true when it does exactly.
bool writeVerdict(std::ostream& out, const Case& c, const Trace& trace) {
  if (trace.failure) return false;
  const Comparison cmp = compareTraces(c.expected, trace, &trace);
  if (cmp.level == Level::Exact) {
    out << "\nthe reference matches the expectation exactly\n";
    return true;
  }
  out << fmt::format("\nthe reference does NOT match the expectation (reaches {}): {}\n", levelName(cmp.level),
                     cmp.why);
  return false;
}

// The case on the subjects asked for, judged against the reference: a verdict line each, then each
// subject's own story, or its order beside the reference's story.
bool writeSubjectVerdicts(const std::vector<std::string>& subjects, const Case& c, const Trace& story, Context& ctx) {
  const OpenedSubjects opened = openSubjects(subjects, std::nullopt, ctx);
  if (!opened.ok || opened.plans.empty()) return false;
  std::unique_ptr<Subject> spare;
  const SuiteResult suite = runSuite(std::span<const Case>(&c, 1), {}, opened.plans, witnessFor(opened, spare));
  ctx.out << "\non the subjects asked for:\n";
  writeConsoleReport(ctx.out, suite, {.color = ctx.color, .verbose = false});
  for (const CaseResult& r : suite.results)
    if (r.status != Status::NotApplicable && r.status != Status::Invalid)
      writeSubjectBesideReference(ctx.out, r.subject, r.actual, story);
  return suite.allPassed() && opened.unavailable.empty();
}

int explainCommand(const ExplainOptions& opt, Context& ctx) {
  std::filesystem::path file = opt.which, casesDir = opt.cases;
  if (std::filesystem::is_regular_file(file)) {
    casesDir = casesDirOf(file, opt.cases);
  } else {
    std::string id = opt.which;
    if (id.ends_with(".json")) id.resize(id.size() - 5);
    file = opt.cases / (id + ".json");
  }
  if (!std::filesystem::is_regular_file(file)) {
    ctx.err << fmt::format("error: no case '{}' (looked for {})\n", opt.which, file.string());
    return 1;
  }
  const OneCase one = loadOneCase(file, casesDir, opt.rules);
  for (const std::string& e : one.errors) ctx.err << e << '\n';
  if (!one.loaded) return 1;
  const Trace trace = ReferenceSubject().runOne(*one.loaded);
  writeExplanation(ctx.out, *one.loaded, trace);
  const bool matches = writeVerdict(ctx.out, *one.loaded, trace);
  const bool subjectsPass = opt.subjects.empty() || writeSubjectVerdicts(opt.subjects, *one.loaded, trace, ctx);
  return matches && subjectsPass && one.errors.empty() ? 0 : 1;
}

}  // namespace

void addExplainCommand(CLI::App& app, Context& ctx, int& exitCode) {
  auto opt = std::make_shared<ExplainOptions>();
  opt->cases = ctx.casesDir;
  opt->rules = ctx.rulesDir;
  CLI::App* cmd = app.add_subcommand(
      "explain", "Tell the job-by-job story of one case on the reference, and what other subjects made of it");
  cmd->add_option("case", opt->which, "A case id (es/then/...) or a case file")->required();
  cmd->add_option("--cases", opt->cases, "Directory of case files")->capture_default_str();
  cmd->add_option("--rules", opt->rules, "Directory of the rules catalog")->capture_default_str();
  cmd->add_option(
         "--subject", opt->subjects,
         "Also run the case on these subjects (comma-separated; e.g. worker:PATH): each one's verdict, then its "
         "own story when it records jobs, else its events beside the reference's story")
      ->delimiter(',');
  cmd->callback([opt, &ctx, &exitCode] { exitCode = explainCommand(*opt, ctx); });
}

}  // namespace pc::cli
