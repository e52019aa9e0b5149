// `promise-conformance list`: the cases with their features and rules, or the subjects.
#include <memory>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "harness/cli/commands.hpp"
#include "harness/cli/corpus.hpp"

namespace pc::cli {
namespace {

struct ListOptions {
  std::filesystem::path cases;
  bool subjects = false;
};

std::string joinedOrDash(const std::vector<std::string>& items) {
  return items.empty() ? "-" : fmt::format("{}", fmt::join(items, ","));
}

int listSubjects(Context& ctx) {
  for (const SubjectEntry& entry : ctx.subjects) {
    Opened o = entry.open();
    if (o.subject)
      ctx.out << fmt::format("{}  {}\n  features: {}\n", entry.name, entry.description,
                             joinedOrDash(o.subject->features().names()));
    else
      ctx.out << fmt::format("{}  {}\n  not available: {}\n", entry.name, entry.description, o.unavailable);
  }
  return 0;
}

int listCases(const ListOptions& opt, Context& ctx) {
  const Corpus corpus = loadCorpus(opt.cases, {});
  for (const Case& c : corpus.cases)
    ctx.out << fmt::format("{}  features={}  rules={}\n", c.id, joinedOrDash(c.features.names()),
                           joinedOrDash(c.rules));
  for (const InvalidCase& bad : corpus.invalid) ctx.err << bad.message << '\n';
  return corpus.invalid.empty() ? 0 : 1;
}

}  // namespace

void addListCommand(CLI::App& app, Context& ctx, int& exitCode) {
  auto opt = std::make_shared<ListOptions>();
  opt->cases = ctx.casesDir;
  CLI::App* cmd = app.add_subcommand("list", "List the case ids with their features and rules, or the subjects");
  cmd->add_option("--cases", opt->cases, "Directory of case files")->capture_default_str();
  cmd->add_flag("--subjects", opt->subjects, "List the subjects and their features instead");
  cmd->callback([opt, &ctx, &exitCode] { exitCode = opt->subjects ? listSubjects(ctx) : listCases(*opt, ctx); });
}

}  // namespace pc::cli
