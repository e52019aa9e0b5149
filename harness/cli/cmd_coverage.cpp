// `promise-conformance coverage`: joins the rules catalog with the cases that cite each rule, prints
// the rule -> cases table and the rules no case exercises. Exit code 1 when a rule has no case (or a
// file could not be loaded), so a test can keep the catalog and the corpus in step.
// `coverage --test262` joins the test262 lists with the cases' "test262" fields instead.
#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "harness/cli/commands.hpp"
#include "harness/cli/corpus.hpp"
#include "harness/cli/test262_coverage.hpp"
#include "harness/load/rules.hpp"

namespace pc::cli {
namespace {

struct CoverageOptions {
  std::filesystem::path cases, rules, test262Lists;
  bool listEveryCase = false;
  bool test262 = false;
};

// Rule id -> ids of the cases citing it; `corpus.cases` is sorted by id, so each list is too.
std::map<std::string, std::vector<std::string>, std::less<>> casesByRule(const Corpus& corpus) {
  std::map<std::string, std::vector<std::string>, std::less<>> byRule;
  for (const Case& c : corpus.cases)
    for (const std::string& rule : c.rules) byRule[rule].push_back(c.id);
  return byRule;
}

// "3 cases: es/then/a, es/then/b, ..." or the full list with --all-cases.
std::string describeCases(const std::vector<std::string>& ids, bool listEveryCase) {
  if (ids.empty()) return "NO CASE";
  const std::size_t shown = listEveryCase ? ids.size() : std::min<std::size_t>(ids.size(), 2);
  std::string text = fmt::format("{} case{}: ", ids.size(), ids.size() == 1 ? "" : "s");
  for (std::size_t i = 0; i < shown; ++i) text += (i ? ", " : "") + ids[i];
  if (shown < ids.size()) text += ", ...";
  return text;
}

int coverageCommand(const CoverageOptions& opt, Context& ctx) {
  const Corpus corpus = loadCorpus(opt.cases, opt.rules);
  for (const std::string& e : corpus.errors) ctx.err << e << '\n';
  const LoadedRules rules = loadRules(opt.rules);  // Corpus keeps only the rules' errors, not the catalog
  const auto byRule = casesByRule(corpus);
  const std::vector<std::string> noCases;

  std::size_t width = 0;
  for (const Rule& r : rules.catalog.rules()) width = std::max(width, r.id.size());
  std::vector<const Rule*> uncovered;
  for (const Rule& r : rules.catalog.rules()) {
    const auto it = byRule.find(r.id);
    const auto& ids = it == byRule.end() ? noCases : it->second;
    if (ids.empty()) uncovered.push_back(&r);
    ctx.out << fmt::format("{:<{}}  {:<12}  {}\n", r.id, width, ruleStatusName(r.status),
                           describeCases(ids, opt.listEveryCase));
  }

  ctx.out << fmt::format("\n{} rules, {} covered by {} cases, {} without a case\n", rules.catalog.rules().size(),
                         rules.catalog.rules().size() - uncovered.size(), corpus.cases.size(), uncovered.size());
  if (!uncovered.empty()) {
    ctx.out << "Rules without a case:\n";
    for (const Rule* r : uncovered)
      ctx.out << fmt::format("  {} ({}): {}\n", r->id, r->file.filename().string(), r->statement);
  }
  if (!corpus.errors.empty())
    ctx.err << fmt::format("{} problems while loading; broken files count for no rule\n", corpus.errors.size());
  return uncovered.empty() && corpus.errors.empty() ? 0 : 1;
}

// Exit code 1 when a list or a case is broken, a case cites a file no list has, or a list's note is
// missing or stale; files still without a case are a goal, not an error.
int test262CoverageCommand(const CoverageOptions& opt, Context& ctx) {
  const Corpus corpus = loadCorpus(opt.cases, opt.rules);
  const Test262List list = loadTest262Lists(opt.test262Lists);
  std::vector<std::string> errors = corpus.errors;
  for (const LoadError& e : list.errors) errors.push_back(formatError(e));
  const Test262Coverage coverage = joinTest262(list, corpus.cases);
  errors.insert(errors.end(), coverage.errors.begin(), coverage.errors.end());
  ctx.out << describeTest262Coverage(coverage);
  for (const std::string& e : errors) ctx.err << e << '\n';
  if (!errors.empty()) ctx.err << fmt::format("{} problems in the cases or the test262 lists\n", errors.size());
  return errors.empty() ? 0 : 1;
}

}  // namespace

void addCoverageCommand(CLI::App& app, Context& ctx, int& exitCode) {
  auto opt = std::make_shared<CoverageOptions>();
  opt->cases = ctx.casesDir;
  opt->rules = ctx.rulesDir;
  CLI::App* cmd = app.add_subcommand("coverage",
                                     "Print which cases exercise each rule and the rules that "
                                     "no case exercises (exit code 1 if there are any)");
  cmd->add_option("--cases", opt->cases, "Directory of case files")->capture_default_str();
  cmd->add_option("--rules", opt->rules, "Directory of the rules catalog")->capture_default_str();
  cmd->add_flag("--all-cases", opt->listEveryCase, "List every case of each rule, not only the first two");
  cmd->add_flag("--test262", opt->test262,
                "Print which files of the test262 lists the cases mirror (their \"test262\" field), by class, "
                "and the files without a case with what they need (exit code 1 on a case citing a file no "
                "list has, or on a missing or stale note)");
  opt->test262Lists = ctx.rulesDir.parent_path() / "test262";
  cmd->add_option("--test262-lists", opt->test262Lists, "Directory of the test262 lists (*.tsv)")
      ->capture_default_str();
  cmd->callback([opt, &ctx, &exitCode] {
    exitCode = opt->test262 ? test262CoverageCommand(*opt, ctx) : coverageCommand(*opt, ctx);
  });
}

}  // namespace pc::cli
