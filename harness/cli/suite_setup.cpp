#include "harness/cli/suite_setup.hpp"

#include <algorithm>
#include <thread>

#include <fmt/format.h>

#include "harness/core/reference_subject.hpp"

namespace pc::cli {
namespace {

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool reportUnknown(const std::vector<std::string>& names, Context& ctx) {
  bool ok = true;
  for (const std::string& name : names) {
    if (name == "all" || name.ends_with(":all")) continue;
    if (std::none_of(ctx.subjects.begin(), ctx.subjects.end(),
                     [&](const SubjectEntry& e) { return selects(e, name); })) {
      ctx.err << fmt::format("error: unknown subject '{}' (see `promise-conformance list --subjects`)\n", name);
      ok = false;
    }
  }
  return ok;
}

}  // namespace

std::optional<Level> levelFromName(const std::string& name) {
  for (Level l : {Level::Outcome, Level::Causal, Level::Exact})
    if (levelName(l) == name) return l;
  return std::nullopt;
}

OpenedSubjects openSubjects(const std::vector<std::string>& names, std::optional<Level> level, Context& ctx,
                            int repeat) {
  OpenedSubjects opened;
  opened.ok = reportUnknown(names, ctx);
  const bool all = contains(names, "all");
  for (const SubjectEntry& entry : ctx.subjects) {
    const bool named = std::any_of(names.begin(), names.end(), [&](const std::string& n) { return selects(entry, n); });
    // `all` is every subject outside a group; `GROUP:all` every subject of the group (subjects.hpp).
    const bool inAll = entry.group.empty() ? all : contains(names, entry.group + ":all");
    if (!inAll && !named) continue;
    Opened o = entry.open();
    if (!o.subject) {
      ctx.err << fmt::format("{}: subject {} is not available: {}\n", named ? "error" : "note", entry.name,
                             o.unavailable);
      if (named) opened.unavailable.push_back(entry.name);
      continue;
    }
    opened.plans.push_back({o.subject.get(), level.value_or(entry.required), entry.deterministic ? 1 : repeat});
    opened.entries.push_back(&entry);
    opened.owned.push_back(std::move(o.subject));
  }
  return opened;
}

unsigned ExecutionOptions::defaultJobs() { return std::max(1u, std::thread::hardware_concurrency()); }

void addExecutionOptions(CLI::App& cmd, ExecutionOptions& options) {
  cmd.add_option("--jobs,-j", options.jobs,
                 "Batches run at once: subjects that run in child processes split their cases into this many "
                 "shards (default: the number of cores)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd.add_option("--case-timeout", options.caseTimeoutMs,
                 "Milliseconds a child process (node, a library's worker) may spend on one case before it is "
                 "killed and the case counts as hung")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd.add_option("--repeat", options.repeat,
                 "Runs of each case on subjects whose threads decide the order of some events; a case passes a "
                 "level only when every run reaches it")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
}

void applyCaseTimeout(const OpenedSubjects& opened, const ExecutionOptions& options) {
  for (const SubjectPlan& plan : opened.plans)
    plan.subject->setCaseTimeout(std::chrono::milliseconds(options.caseTimeoutMs));
}

Subject* witnessFor(const OpenedSubjects& opened, std::unique_ptr<Subject>& spare) {
  for (const SubjectPlan& plan : opened.plans)
    if (plan.subject->name() == "reference") return plan.subject;
  spare = std::make_unique<ReferenceSubject>();
  return spare.get();
}

}  // namespace pc::cli
