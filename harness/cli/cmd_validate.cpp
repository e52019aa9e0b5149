// `promise-conformance validate`: loads every rule and case file and prints every problem.
#include <memory>
#include <vector>

#include <fmt/format.h>

#include "harness/cli/commands.hpp"
#include "harness/cli/corpus.hpp"

namespace pc::cli {
namespace {

struct ValidateOptions {
  std::filesystem::path cases, rules;
  std::vector<std::filesystem::path> files;
};

// Only the files named, with the notes for their author as well as their problems.
int validateFiles(const ValidateOptions& opt, Context& ctx) {
  std::size_t problems = 0, notes = 0;
  for (const std::filesystem::path& file : opt.files) {
    const OneCase one = loadOneCase(file, casesDirOf(file, opt.cases), opt.rules);
    for (const std::string& e : one.errors) ctx.err << e << '\n';
    problems += one.errors.size();
    if (!one.loaded) continue;
    const std::vector<std::string> advice = authorNotes(*one.loaded);
    for (const std::string& n : advice) ctx.out << n << '\n';
    notes += advice.size();
  }
  ctx.out << fmt::format("{} files, {} problems, {} notes\n", opt.files.size(), problems, notes);
  return problems == 0 ? 0 : 1;
}

int validateCommand(const ValidateOptions& opt, Context& ctx) {
  if (!opt.files.empty()) return validateFiles(opt, ctx);
  const Corpus corpus = loadCorpus(opt.cases, opt.rules);
  for (const std::string& e : corpus.errors) ctx.err << e << '\n';
  ctx.out << fmt::format("{} valid case files, {} invalid, {} problems\n", corpus.cases.size(), corpus.invalid.size(),
                         corpus.errors.size());
  return corpus.errors.empty() ? 0 : 1;
}

}  // namespace

void addValidateCommand(CLI::App& app, Context& ctx, int& exitCode) {
  auto opt = std::make_shared<ValidateOptions>();
  opt->cases = ctx.casesDir;
  opt->rules = ctx.rulesDir;
  CLI::App* cmd = app.add_subcommand("validate",
                                     "Check every rule and case file; print each problem as "
                                     "'file: /pointer: message'");
  cmd->add_option("files", opt->files,
                  "Only these case files, with notes for their author (e.g. where {\"log\": \"x\"} also "
                  "records a handler's argument)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--cases", opt->cases, "Directory of case files")->capture_default_str();
  cmd->add_option("--rules", opt->rules, "Directory of the rules catalog")->capture_default_str();
  cmd->callback([opt, &ctx, &exitCode] { exitCode = validateCommand(*opt, ctx); });
}

}  // namespace pc::cli
