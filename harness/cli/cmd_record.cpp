// `promise-conformance record`: runs draft cases on V8 (the node subject) and fills in their
// "expect" from its answer: shows the change, applies it with --write, or with --check only says
// whether V8 agrees. What it writes is V8's answer, not a judgement: a person reads it before it is
// committed (cases/README.md, "Adding a case").
#include <fstream>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "harness/cli/commands.hpp"
#include "harness/cli/corpus.hpp"
#include "harness/cli/line_diff.hpp"
#include "harness/load/case_check.hpp"
#include "harness/load/case_layout.hpp"
#include "harness/load/final_check.hpp"
#include "harness/load/rules.hpp"

namespace pc::cli {
namespace {

struct RecordOptions {
  std::vector<std::filesystem::path> files;
  std::filesystem::path cases, rules;
  bool check = false, write = false;
};

// One draft on its way: its text, the case loaded from it, and what V8 made of it.
struct Draft {
  std::filesystem::path file;
  std::string text;
  Case loaded;
};

std::unique_ptr<Subject> openNode(Context& ctx) {
  for (const SubjectEntry& e : ctx.subjects)
    if (e.name == "node") {
      Opened opened = e.open();
      if (!opened.subject) ctx.err << fmt::format("error: V8 is not available: {}\n", opened.unavailable);
      return std::move(opened.subject);
    }
  ctx.err << "error: this build has no node subject to record V8's answer with\n";
  return nullptr;
}

std::optional<Draft> readDraft(const std::filesystem::path& file, const RecordOptions& opt, Context& ctx) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    ctx.err << fmt::format("{}: cannot read the file\n", file.string());
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  OneCase one = loadOneCase(file, casesDirOf(file, opt.cases), opt.rules, /*draft=*/true);
  for (const std::string& e : one.errors) ctx.err << e << '\n';
  if (!one.loaded || !one.errors.empty()) return std::nullopt;
  for (const std::string& note : authorNotes(*one.loaded)) ctx.out << note << '\n';
  return Draft{file, text.str(), std::move(*one.loaded)};
}

// The recorded file must pass what `validate` checks; anything it reports is shown and fails.
bool recordedIsValid(const Draft& d, const std::string& text, const RecordOptions& opt, Context& ctx) {
  const Json doc = Json::parse(text, nullptr, false);
  Diagnostics out(d.file);
  const LoadedRules rules = loadRules(opt.rules);
  load::checkCase(doc, d.loaded.id, &rules.catalog, out);
  for (const LoadError& e : out.errors()) ctx.err << formatError(e) << '\n';
  return out.empty();
}

bool agrees(const Case& c, const Trace& v8) {
  const Json& source = c.source;
  return source.contains("expect") && c.expected.events == v8.events && c.expected.final == v8.final;
}

// Shows and (with --write) applies V8's answer to one draft; false when something failed or, with
// --check, when V8 disagrees.
bool record(const Draft& d, const Trace& v8, const RecordOptions& opt, Context& ctx) {
  const std::string name = d.file.string();
  if (v8.failure) {
    ctx.err << fmt::format("{}: V8 could not run the case: {}\n", name, *v8.failure);
    return false;
  }
  if (agrees(d.loaded, v8)) {
    ctx.out << fmt::format("{}: V8 agrees with the expectation\n", name);
    return true;
  }
  const std::string expect = load::expectLayout(v8.events, v8.final, load::promisesInBindingOrder(d.loaded.program));
  const auto text = load::withTopLevelMember(d.text, "expect", expect);
  if (!text) {
    ctx.err << fmt::format("{}: cannot find where 'expect' goes in the file's text\n", name);
    return false;
  }
  const auto old = load::findTopLevelMember(d.text, "expect");
  const std::string before = old ? d.text.substr(old->begin, old->end - old->begin) : "";
  ctx.out << fmt::format("{}: {}\n", name,
                         old ? "V8 disagrees with the expectation:" : "no expectation yet; V8's answer:");
  // Both sides as the member reads in the file, so that the lines line up as they will stand.
  const std::string member = "  \"expect\": ";
  ctx.out << lineDiff(old ? member + before : "", member + expect);
  if (!recordedIsValid(d, *text, opt, ctx)) return false;
  if (opt.check) return false;
  if (!opt.write) return true;
  std::ofstream out(d.file, std::ios::binary);
  out << *text;
  if (!out) {
    ctx.err << fmt::format("{}: cannot write the file\n", name);
    return false;
  }
  ctx.out << fmt::format("{}: written; read the expectation before you commit it\n", name);
  return true;
}

int recordCommand(const RecordOptions& opt, Context& ctx) {
  bool ok = true;
  std::vector<Draft> drafts;
  for (const std::filesystem::path& file : opt.files) {
    auto d = readDraft(file, opt, ctx);
    if (d)
      drafts.push_back(std::move(*d));
    else
      ok = false;
  }
  if (drafts.empty()) return 1;
  const std::unique_ptr<Subject> node = openNode(ctx);
  if (!node) return 1;
  std::vector<const Case*> cases;
  for (const Draft& d : drafts) cases.push_back(&d.loaded);
  const std::vector<Trace> traces = node->run(cases);
  bool changes = false;
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    ok &= record(drafts[i], traces[i], opt, ctx);
    changes |= !traces[i].failure && !agrees(drafts[i].loaded, traces[i]);
  }
  if (changes && !opt.write && !opt.check) ctx.out << "nothing written: --write applies the changes shown\n";
  return ok ? 0 : 1;
}

}  // namespace

void addRecordCommand(CLI::App& app, Context& ctx, int& exitCode) {
  auto opt = std::make_shared<RecordOptions>();
  opt->cases = ctx.casesDir;
  opt->rules = ctx.rulesDir;
  CLI::App* cmd = app.add_subcommand(
      "record", "Run draft cases on V8 (node) and fill in their 'expect' with V8's trace and final states");
  cmd->add_option("files", opt->files, "Case files; a draft may leave out 'expect'")
      ->required()
      ->check(CLI::ExistingFile);
  auto* check = cmd->add_flag("--check", opt->check, "Change nothing; exit 1 when V8 disagrees with a file");
  cmd->add_flag("--write", opt->write, "Write V8's answer into the files (without it, only show the change)")
      ->excludes(check);
  cmd->add_option("--cases", opt->cases, "Directory of case files, when a file's id does not tell")
      ->capture_default_str();
  cmd->add_option("--rules", opt->rules, "Directory of the rules catalog")->capture_default_str();
  cmd->footer(
      "The expectation this writes is V8's answer, not a proof that V8 is right: read it, work out "
      "from the rules why each event comes where it does, and say so in 'notes' before you commit it.");
  cmd->callback([opt, &ctx, &exitCode] { exitCode = recordCommand(*opt, ctx); });
}

}  // namespace pc::cli
