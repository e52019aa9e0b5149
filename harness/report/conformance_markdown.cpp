// renderConformanceMarkdown and the index page: counts per level, library summaries, rules matrix.
#include "harness/report/conformance_markdown.hpp"

#include <fmt/format.h>

#include "harness/report/conformance_report.hpp"
#include "harness/report/markdown_text.hpp"

namespace pc {
namespace conformance {
namespace {

constexpr const char* kLevelsExplained =
    "A case passes at a level when the subject's trace matches the expected one that far: **outcome** "
    "(the same final states and events, in any order), **causal** (an order JavaScript's happens-before "
    "relation allows, what Promises/A+ asks), **exact** (JavaScript's own order, job for job). Each "
    "subject must reach its required level. A case that left no trace failed at every level, for one of "
    "four reasons told apart: a **library error** (a C++ exception out of a library call), a **crash** (the "
    "process died), a **hang** (no progress within the budget) or a **harness error** (our own fault). Not "
    "applicable and invalid cases count the same at every level.\n";

std::string countsTable(const Json& report) {
  std::string out =
      "| subject | library | required | deterministic | outcome pass / fail | causal pass / fail "
      "| exact pass / fail | not applicable | no trace | invalid |\n"
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n";
  for (const Json& s : report.at("subjects")) {
    // Not applicable, no trace and invalid are the same at every level.
    const Json& any = s.at("counts").at("exact");
    out += fmt::format(
        "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", markdown::cell(subjectLink(s.at("name"), false)),
        markdown::cell(markdown::text(s.at("library").get<std::string>())), s.at("required").get<std::string>(),
        s.at("deterministic").get<bool>() ? "yes" : "no", passFailAt(s, "outcome"), passFailAt(s, "causal"),
        passFailAt(s, "exact"), any.at("not-applicable").get<std::size_t>(), noTraceCell(any),
        any.at("invalid").get<std::size_t>());
  }
  return out;
}

std::string matrixCell(const Json& cell) {
  const std::size_t pass = cell.at("pass"), fail = cell.at("fail"), noTrace = cell.at("no-trace");
  const std::size_t ran = pass + fail + noTrace;
  if (ran == 0) return "n/a";
  std::string out = pass == ran ? fmt::format("{}/{}", pass, ran) : fmt::format("**{}/{}**", pass, ran);
  if (noTrace > 0) out += fmt::format(" †{}", noTrace);
  return out;
}

std::string matrixTable(const Json& report) {
  std::string header = "| rule |", rule = "| --- |";
  for (const Json& s : report.at("subjects")) {
    header += " " + markdown::cell(markdown::code(s.at("name").get<std::string>())) + " |";
    rule += " --- |";
  }
  std::string out = header + "\n" + rule + "\n";
  for (const Json& row : report.at("matrix")) {
    out += "| " + markdown::cell(markdown::code(row.at("rule").get<std::string>())) + " |";
    for (const Json& s : report.at("subjects"))
      out += " " + matrixCell(row.at("cells").at(s.at("name").get<std::string>())) + " |";
    out += "\n";
  }
  return out;
}

std::string librariesSection(const Json& report) {
  std::string out = "## How each library differs from JavaScript promises\n\n";
  if (report.at("libraries").empty()) return out + "No library was run.\n";
  for (const Json& library : report.at("libraries")) out += renderLibrarySummary(library);
  return out;
}

}  // namespace

std::string subjectLink(const std::string& subject, bool fromSubjectsFolder) {
  const std::string page = subjectPagePath(subject);
  return markdown::link(markdown::code(subject), fromSubjectsFolder ? page.substr(page.find('/') + 1) : page);
}

std::string passFailAt(const Json& subject, const std::string& level) {
  const Json& counts = subject.at("counts").at(level);
  const std::string text =
      fmt::format("{} / {}", counts.at("pass").get<std::size_t>(), counts.at("fail").get<std::size_t>());
  return subject.at("required") == level ? "**" + text + "**" : text;
}

std::string noTraceCell(const Json& counts) {
  std::size_t total = 0;
  std::string kinds;
  for (const char* kind : {"library-error", "crash", "hang", "harness-error"}) {
    const std::size_t n = counts.value(kind, std::size_t{0});
    if (n == 0) continue;
    total += n;
    kinds += fmt::format("{}{} {}", kinds.empty() ? "" : ", ", n, kind);
  }
  return total == 0 ? "0" : fmt::format("{}: {}", total, kinds);
}

std::string renderIndex(const Json& report) {
  std::string out = "# Promise conformance\n\n";
  out +=
      "Rendered by `promise-conformance report` from `conformance.json`; regenerate both with that command "
      "instead of editing them.\n\n";
  out += kLevelsExplained;
  out += "\n## Subjects\n\nCounts at each level; the subject's required level is in bold.\n\n";
  out += countsTable(report);
  out += "\n" + librariesSection(report);
  out +=
      "\n## Rules × subjects\n\nEach cell: the rule's cases that pass at the subject's required level / the "
      "rule's cases that ran there; **bold** when some did not pass, †k when k of them left no trace, n/a when "
      "none ran.\n\n";
  out += matrixTable(report);
  return out;
}

}  // namespace conformance

std::string subjectPagePath(const std::string& subject) {
  std::string name;
  for (char c : subject) {
    const bool plain =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    name += plain ? c : '-';
  }
  return "subjects/" + name + ".md";
}

ReportFiles renderConformanceMarkdown(const Json& report) {
  ReportFiles files;
  files["conformance.md"] = conformance::renderIndex(report);
  for (const Json& subject : report.at("subjects"))
    files[subjectPagePath(subject.at("name"))] = conformance::renderSubjectPage(subject, report);
  return files;
}

}  // namespace pc
