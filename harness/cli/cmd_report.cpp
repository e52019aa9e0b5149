// `promise-conformance report`: runs the suite and writes the conformance report people read
// (conformance.json, and conformance.md with one page per subject rendered from it), or checks that a
// committed report is still what this code produces.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "harness/cli/commands.hpp"
#include "harness/cli/corpus.hpp"
#include "harness/cli/report_files.hpp"
#include "harness/cli/suite_setup.hpp"
#include "harness/load/rules.hpp"
#include "harness/report/conformance_report.hpp"

namespace pc::cli {
namespace {

// Differences printed by --check; the rest are counted.
constexpr std::size_t kShownDifferences = 50;

struct ReportOptions {
  std::vector<std::string> subjects{"all"};
  std::filesystem::path cases, rules, output, check, freshJson;
  std::string filter;
  ExecutionOptions execution;
};

struct FreshReport {
  std::string text;  // conformance.json as written
  Json json;         // the same, parsed back: what the Markdown is rendered from, as from a committed file
  std::vector<std::string> summary;  // one line per subject
};

std::vector<ReportSubject> describe(const OpenedSubjects& opened) {
  std::vector<ReportSubject> out;
  for (std::size_t i = 0; i < opened.plans.size(); ++i) {
    const SubjectEntry& e = *opened.entries[i];
    out.push_back({e.name, e.library, e.description, opened.plans[i].subject->features(), e.deterministic});
  }
  return out;
}

// One line per subject, with the wall time it took (console only: the report files stay the same
// from run to run).
std::vector<std::string> summaryLines(const SuiteResult& suite) {
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < suite.summaries.size(); ++i) {
    const SubjectSummary& s = suite.summaries[i];
    const double seconds = i < suite.wallTimes.size() ? suite.wallTimes[i].count() / 1000.0 : 0.0;
    lines.push_back(
        fmt::format("  {:<16} at {}: {} ({:.1f} s)", s.subject, levelName(s.required), countsText(s), seconds));
  }
  return lines;
}

FreshReport buildFresh(const OpenedSubjects& opened, const Corpus& corpus, const RuleCatalog& rules,
                       const ExecutionOptions& execution, const std::string& corpusVersion) {
  applyCaseTimeout(opened, execution);
  std::unique_ptr<Subject> spare;
  SuiteResult suite = runSuite(corpus.cases, corpus.invalid, opened.plans, witnessFor(opened, spare), execution.jobs);
  suite.corpusVersion = corpusVersion;
  const std::vector<ReportSubject> subjects = describe(opened);
  const Json report = buildConformanceReport({suite, corpus.cases, rules, subjects});
  // Invalid UTF-8 from a subject is replaced, never thrown on; parsing the text back makes the
  // rendering see exactly what a later --check will read from the file.
  FreshReport fresh;
  fresh.text = report.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
  fresh.json = Json::parse(fresh.text);
  fresh.summary = summaryLines(suite);
  return fresh;
}

int writeReport(const ReportOptions& opt, const FreshReport& fresh, Context& ctx) {
  const ReportFiles markdown = renderConformanceMarkdown(fresh.json);
  const WrittenReport written = writeReportFiles(opt.output, fresh.text, markdown, ctx.err);
  ctx.out << fmt::format("wrote {}: {}, conformance.md, rules.md and {} subject pages\n", opt.output.string(),
                         kReportJson, markdown.size() - 2);
  for (const std::string& path : written.removed) ctx.out << fmt::format("removed the stale page {}\n", path);
  for (const std::string& line : fresh.summary) ctx.out << line << '\n';
  return written.ok ? 0 : 1;
}

std::vector<std::string> differences(const std::filesystem::path& dir, const Json& fresh) {
  const std::optional<std::string> text = readText(dir / kReportJson);
  if (!text) return {fmt::format("{}: missing", kReportJson)};
  Json committed;
  try {
    committed = Json::parse(*text);
  } catch (const Json::exception& e) {
    return {fmt::format("{}: not JSON: {}", kReportJson, e.what())};
  }
  std::vector<std::string> out = compareReports(committed, fresh);
  for (std::string& d : compareRenderings(committed, readReportMarkdown(dir))) out.push_back(std::move(d));
  return out;
}

int checkReport(const ReportOptions& opt, const FreshReport& fresh, Context& ctx) {
  if (!opt.freshJson.empty() && !writeText(opt.freshJson, fresh.text, ctx.err)) return 1;
  const std::vector<std::string> found = differences(opt.check, fresh.json);
  if (found.empty()) {
    ctx.out << fmt::format("{} is current: {} matches this run and the Markdown is its rendering\n", opt.check.string(),
                           kReportJson);
    return 0;
  }
  ctx.out << fmt::format("{} is stale, {} difference{}:\n", opt.check.string(), found.size(),
                         found.size() == 1 ? "" : "s");
  for (std::size_t i = 0; i < found.size() && i < kShownDifferences; ++i) ctx.out << "  " << found[i] << '\n';
  if (found.size() > kShownDifferences) ctx.out << fmt::format("  ... and {} more\n", found.size() - kShownDifferences);
  ctx.out << fmt::format("regenerate it with: promise-conformance report --subject {} --output {}\n",
                         fmt::join(opt.subjects, ","), opt.check.string());
  return 1;
}

int reportCommand(const ReportOptions& opt, Context& ctx) {
  OpenedSubjects opened = openSubjects(opt.subjects, std::nullopt, ctx, opt.execution.repeat);
  if (!opened.ok) return 1;
  if (opened.plans.empty()) {
    ctx.err << "error: no subject to run\n";
    return 1;
  }
  Corpus corpus = loadCorpus(opt.cases, opt.rules);
  keepMatching(corpus, opt.filter);
  for (const std::string& e : corpus.ruleErrors) ctx.err << e << '\n';
  const LoadedRules rules = loadRules(opt.rules);
  const FreshReport fresh = buildFresh(opened, corpus, rules.catalog, opt.execution, ctx.corpusVersion);
  const int code = opt.check.empty() ? writeReport(opt, fresh, ctx) : checkReport(opt, fresh, ctx);
  // A broken rules catalog makes every rule-based part of the report doubtful; a subject asked for
  // that could not run leaves the report without it.
  return corpus.ruleErrors.empty() && opened.unavailable.empty() ? code : 1;
}

}  // namespace

void addReportCommand(CLI::App& app, Context& ctx, int& exitCode) {
  auto opt = std::make_shared<ReportOptions>();
  opt->cases = ctx.casesDir;
  opt->rules = ctx.rulesDir;
  opt->output = ctx.reportsDir.empty() ? ctx.casesDir.parent_path() / "reports" : ctx.reportsDir;
  CLI::App* cmd = app.add_subcommand(
      "report",
      "Run the cases and write the conformance report: conformance.json, conformance.md (counts per "
      "level, findings per library), rules.md (rules x subjects) and subjects/*.md (failing cases by "
      "finding, side by side); or check a committed report with --check");
  cmd->add_option("--subject", opt->subjects,
                  "Subjects to run, comma-separated, or 'all' for every subject available on this machine")
      ->delimiter(',')
      ->capture_default_str();
  cmd->add_option("--output", opt->output, "Folder to write the report to")->capture_default_str();
  CLI::Option* check = cmd->add_option(
      "--check", opt->check,
      "Write nothing; compare the report in this folder with this run (subjects whose threads decide the order "
      "of events only on features, not-applicable and outcome counts) and its Markdown with the rendering of "
      "its JSON. Exit 1 when stale");
  cmd->add_option("--cases", opt->cases, "Directory of case files")->capture_default_str();
  cmd->add_option("--rules", opt->rules, "Directory of the rules catalog")->capture_default_str();
  cmd->add_option("--filter", opt->filter,
                  "Only cases whose id matches this glob (* and ?), e.g. 'aplus/then/*': a partial report, to study "
                  "one family (its --check compares with a report made with the same filter)");
  check->excludes(cmd->get_option("--output"));
  cmd->add_option("--fresh-json", opt->freshJson,
                  "With --check: also write this run's conformance.json to this file, for checks that read it "
                  "instead of running the suite again")
      ->needs(check);
  addExecutionOptions(*cmd, opt->execution);
  cmd->footer(
      "Exit code: 0 when the report was written (failing cases are its content) or is current, 1 when "
      "it is stale, a subject named is not available or a file cannot be written, 2 for a usage error.");
  cmd->callback([opt, &ctx, &exitCode] { exitCode = reportCommand(*opt, ctx); });
}

}  // namespace pc::cli
