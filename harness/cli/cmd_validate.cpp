// `promise-conformance validate`: loads every rule and case file and prints every problem.
#include <memory>

#include <fmt/format.h>

#include "harness/cli/commands.hpp"
#include "harness/cli/corpus.hpp"

namespace pc::cli {
namespace {

struct ValidateOptions {
  std::filesystem::path cases, rules;
};

int validateCommand(const ValidateOptions& opt, Context& ctx) {
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
  cmd->add_option("--cases", opt->cases, "Directory of case files")->capture_default_str();
  cmd->add_option("--rules", opt->rules, "Directory of the rules catalog")->capture_default_str();
  cmd->callback([opt, &ctx, &exitCode] { exitCode = validateCommand(*opt, ctx); });
}

}  // namespace pc::cli
