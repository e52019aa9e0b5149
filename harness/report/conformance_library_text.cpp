// A library's section of the index, from the "libraries" part of the report: one table of findings
// by variant (findings.hpp), then what the library does not offer. Nothing here is written about a
// particular library.
#include <fmt/format.h>

#include "harness/report/conformance_markdown.hpp"
#include "harness/report/conformance_report.hpp"
#include "harness/report/markdown_text.hpp"

namespace pc::conformance {
namespace {

// A detail longer than this is cut: the cell is a table cell, the subject page has the whole message.
constexpr std::size_t kDetailLength = 70;

std::string str(const Json& j) { return j.get<std::string>(); }
std::size_t num(const Json& j) { return j.get<std::size_t>(); }

std::string shortDetail(std::string detail) {
  if (detail.size() > kDetailLength) detail = detail.substr(0, kDetailLength - 3) + "...";
  return markdown::text(detail);
}

// "yes, 59 cases" and the details the variant's cases gave, or "–" when its results do not show it.
// "3 cases (std::future_error: ...)": how often a finding holds on one variant, and what it saw.
std::string extent(const Json& on) {
  std::string out = markdown::count(num(on.at("cases")), "case");
  std::string details;
  for (const Json& d : on.at("details")) details += (details.empty() ? "" : "; ") + shortDetail(str(d));
  return details.empty() ? out : out + " (" + details + ")";
}

std::string findingCell(const Json& finding, const std::string& variant) {
  const Json& holds = finding.at("variants");
  return holds.contains(variant) ? "yes, " + extent(holds.at(variant)) : "–";
}

// The first variant's example: every cell that says yes has one; the row cites the first.
std::string exampleOf(const Json& finding, const Json& variants) {
  for (const Json& v : variants)
    if (finding.at("variants").contains(str(v)))
      return markdown::link(markdown::code(str(finding.at("variants").at(str(v)).at("example"))),
                            subjectPagePath(str(v)));
  return "";
}

std::string findingsTable(const Json& library) {
  const Json& variants = library.at("subjects");
  if (library.at("findings").empty()) return "No finding holds for its variants.\n";
  std::string header = "| finding |", rule = "| --- |";
  for (const Json& v : variants) {
    header += " " + markdown::cell(subjectLink(str(v), false)) + " |";
    rule += " --- |";
  }
  std::string out = header + " e.g. |\n" + rule + " --- |\n";
  for (const Json& f : library.at("findings")) {
    out += "| " + markdown::cell(markdown::text(str(f.at("text")))) + " |";
    for (const Json& v : variants) out += " " + markdown::cell(findingCell(f, str(v))) + " |";
    out += " " + markdown::cell(exampleOf(f, variants)) + " |\n";
  }
  return out;
}

// "finally (15 cases), all (16 cases)" for the features that are (or are not) JavaScript-only.
std::string featureList(const Json& library, bool jsOnly) {
  const std::size_t variants = library.at("subjects").size();
  std::string out;
  for (const Json& f : library.at("missingFeatures")) {
    if (f.value("javascriptOnly", false) != jsOnly) continue;
    std::string where;
    if (f.at("subjects").size() != variants)
      for (const Json& s : f.at("subjects")) where += (where.empty() ? " in " : ", ") + markdown::code(str(s));
    out += fmt::format("{}{} ({}{})", out.empty() ? "" : ", ", str(f.at("feature")),
                       markdown::count(num(f.at("cases")), "case"), where);
  }
  return out;
}

// The findings that hold but did not fit in the table: each sentence, then where it holds.
std::string omitted(const Json& library) {
  const Json& left = library.value("omittedFindings", Json::array());
  if (left.empty()) return "";
  std::string out = "- Also found, beyond the dozen above:\n";
  for (const Json& f : left) {
    std::string where;
    for (const auto& [variant, on] : f.at("variants").items())
      where += (where.empty() ? "" : ", ") + markdown::code(variant) + ": " + extent(on);
    out += "  - " + markdown::text(str(f.at("text"))) + " (" + where + ")\n";
  }
  return out;
}

std::string notApplicable(const Json& library) {
  const std::string notOffered = featureList(library, false), jsOnly = featureList(library, true);
  std::string out = "\n- Does not offer: " + (notOffered.empty() ? "nothing the cases need" : notOffered) + ".\n";
  if (!jsOnly.empty()) out += "- JavaScript-only, so not applicable: " + jsOnly + ".\n";
  return out;
}

}  // namespace

std::string renderLibrarySummary(const Json& library) {
  return "### " + markdown::text(str(library.at("library"))) + "\n\n" + findingsTable(library) +
         notApplicable(library) + omitted(library) + "\n";
}

}  // namespace pc::conformance
