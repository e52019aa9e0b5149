// renderConformanceMarkdown, the index page (counts per level, findings per library) and the rules page.
#include "harness/report/conformance_markdown.hpp"

#include <fmt/format.h>

#include "harness/report/conformance_report.hpp"
#include "harness/report/markdown_text.hpp"

namespace pc {
namespace conformance {
namespace {

constexpr const char* kLevelsExplained =
    "A case passes at a level when the subject's trace matches the expected one that far: **outcome** (the same "
    "final states and events, in any order), **causal** (an order JavaScript's happens-before relation allows, "
    "what Promises/A+ asks), **exact** (JavaScript's own order, job for job). A case that left no trace (a C++ "
    "exception out of the library, a crash, a hang, or our own fault) fails at every level. Not applicable: the "
    "case needs a feature the library does not offer, or one only JavaScript has.\n";

std::size_t ranAt(const Json& counts) {
  std::size_t n = 0;
  for (const char* kind : {"pass", "fail", "library-error", "crash", "hang", "harness-error"})
    n += counts.value(kind, std::size_t{0});
  return n;
}

std::string countsTable(const Json& report) {
  std::string out =
      "| subject | library | required | deterministic | ran | outcome pass / fail | causal pass / fail "
      "| exact pass / fail | does not offer | JavaScript-only | no trace | invalid |\n"
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n";
  for (const Json& s : report.at("subjects")) {
    // Not applicable, no trace and invalid are the same at every level.
    const Json& any = s.at("counts").at("exact");
    const std::size_t notApplicable = any.at("not-applicable"),
                      jsOnly = s.at("notApplicable").value("javascriptOnly", 0);
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
                       markdown::cell(subjectLink(s.at("name"), false)),
                       markdown::cell(markdown::text(s.at("library").get<std::string>())),
                       s.at("required").get<std::string>(), s.at("deterministic").get<bool>() ? "yes" : "no",
                       ranAt(any), passFailAt(s, "outcome"), passFailAt(s, "causal"), passFailAt(s, "exact"),
                       notApplicable - jsOnly, jsOnly, noTraceCell(any), any.at("invalid").get<std::size_t>());
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
  std::string out =
      "## What each library does\n\nFindings a C++ developer chooses a library by, each derived from the results "
      "by one rule applied to every library, with a case that shows it (its subject page has the traces). A cell "
      "says in how many of the variant's cases it shows; – means none of them does, which is not proof that it "
      "never happens. No finding about an order is drawn for a variant whose threads decide the order of events: "
      "the next run may order them otherwise.\n\n";
  if (report.at("libraries").empty()) return out + "No library was run.\n";
  for (const Json& library : report.at("libraries")) out += renderLibrarySummary(library);
  return out;
}

}  // namespace

std::string renderRules(const Json& report) {
  return "# Rules × subjects\n\n[All subjects](conformance.md). Rendered from `conformance.json` by "
         "`promise-conformance report`.\n\nEach cell: the rule's cases that pass at the subject's required level / "
         "the rule's cases that ran there; **bold** when some did not pass, †k when k of them left no trace, n/a "
         "when none ran.\n\n" +
         matrixTable(report);
}

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
  out += "\n## Subjects\n\nCases at each level; the subject's required level is in bold.\n\n";
  out += countsTable(report);
  out += "\n" + librariesSection(report);
  out +=
      "## More\n\n- [Rules × subjects](rules.md): every rule's cases on every subject.\n- Each subject's page "
      "(linked above) groups its failing cases by finding, with expected and actual traces side by side.\n";
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
  files["rules.md"] = conformance::renderRules(report);
  for (const Json& subject : report.at("subjects"))
    files[subjectPagePath(subject.at("name"))] = conformance::renderSubjectPage(subject, report);
  return files;
}

}  // namespace pc
