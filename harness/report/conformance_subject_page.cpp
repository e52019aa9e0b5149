// One subject's page: what it is, its counts at each level, why cases were not applicable, and every
// failing case, grouped by the finding that explains it, with expected and actual traces side by side
// and the rules it exercises.
#include <fmt/format.h>

#include "harness/report/conformance_markdown.hpp"
#include "harness/report/markdown_text.hpp"
#include "harness/report/side_by_side.hpp"

namespace pc::conformance {
namespace {

std::string str(const Json& j) { return j.get<std::string>(); }

Trace traceFromJson(const Json& j) {
  Trace t;
  if (j.is_null()) return t;
  for (const Json& event : j.at("trace")) t.events.push_back(event);
  t.final = j.at("final");
  if (j.contains("failure")) t.failure = str(j.at("failure"));
  return t;
}

std::string about(const Json& s) {
  std::string out = markdown::text(str(s.at("description"))) + "\n\n";
  if (!str(s.at("library")).empty()) out += "- library: " + markdown::text(str(s.at("library"))) + "\n";
  out += "- required level: " + str(s.at("required")) + "\n";
  out += s.at("deterministic").get<bool>()
             ? "- deterministic: yes\n"
             : "- deterministic: no: its threads decide the order of some events, so which cases pass at causal "
               "and exact may change from run to run\n";
  std::string features;
  for (const Json& f : s.at("features")) features += (features.empty() ? "" : ", ") + str(f);
  return out + "- features: " + (features.empty() ? "none" : features) + "\n";
}

std::string countsTable(const Json& s) {
  std::string out =
      "| level | pass | fail | not applicable | no trace | invalid |\n| --- | --- | --- | --- | --- | --- |\n";
  for (const char* level : {"outcome", "causal", "exact"}) {
    const Json& c = s.at("counts").at(level);
    out += fmt::format("| {}{} | {} | {} | {} | {} | {} |\n", level, s.at("required") == level ? " (required)" : "",
                       c.at("pass").get<std::size_t>(), c.at("fail").get<std::size_t>(),
                       c.at("not-applicable").get<std::size_t>(), noTraceCell(c), c.at("invalid").get<std::size_t>());
  }
  return out;
}

std::string notApplicableSection(const Json& s) {
  const Json& na = s.at("notApplicable");
  if (na.at("cases").get<std::size_t>() == 0) return "";
  std::string out = fmt::format(
      "\n## Not applicable ({} cases)\n\nCases needing a feature this subject does not offer, by feature "
      "(a case may need several):\n\n",
      na.at("cases").get<std::size_t>());
  for (const Json& f : na.at("byFeature"))
    out += fmt::format("- {}: {}, e.g. {}\n", str(f.at("feature")),
                       markdown::count(f.at("cases").get<std::size_t>(), "case"), markdown::code(str(f.at("example"))));
  return out;
}

std::string statementOf(const std::string& rule, const Json& report) {
  for (const Json& r : report.at("rules"))
    if (r.at("id") == rule) return markdown::text(str(r.at("statement")));
  return "(not in the rules catalog)";
}

std::string verdict(const Json& failure, const Json& s) {
  const std::string status = str(failure.at("status"));
  if (status != "fail") return "no trace: " + status;
  return fmt::format("reaches {}, needs {}", str(failure.at("level")), str(s.at("required")));
}

std::string failureSection(const Json& failure, const Json& s, const Json& report) {
  std::string out = fmt::format("\n#### {}\n\n{}\n\n", markdown::code(str(failure.at("case"))),
                                markdown::text(str(failure.at("title"))));
  out += "- verdict: " + verdict(failure, s) + "\n";
  if (!str(failure.at("message")).empty()) out += "- why: " + markdown::text(str(failure.at("message"))) + "\n";
  if (failure.contains("stability")) {
    const Json& st = failure.at("stability");
    out += fmt::format("- over repeated runs (the verdict is the weakest): outcome {}, causal {}, exact {}\n",
                       str(st.at("outcome")), str(st.at("causal")), str(st.at("exact")));
  }
  for (const Json& rule : failure.at("rules"))
    out += fmt::format("- rule {}: {}\n", markdown::code(str(rule)), statementOf(str(rule), report));
  if (failure.at("actual").is_null())
    return out + "- the subject's trace differs from run to run; " +
           markdown::code("promise-conformance run --subject " + str(s.at("name")) + " --filter " +
                          str(failure.at("case")) + " -v") +
           " shows one\n";
  const Trace expected = traceFromJson(failure.at("expected")), actual = traceFromJson(failure.at("actual"));
  return out + "\n" + markdown::fenced(sideBySide(expected, actual, str(s.at("name"))));
}

// The failing cases under the finding that explains each (findings.hpp), in the order of the report's
// findings, then those no finding explains.
std::string failuresSection(const Json& s, const Json& report) {
  const Json& failures = s.at("failures");
  if (failures.empty()) return "\n## Failing cases\n\nEvery case that ran reaches the required level.\n";
  std::string out = fmt::format(
      "\n## Failing cases ({})\n\nBelow the required level or without a trace, grouped by the finding that "
      "explains them, by case id within a group. Rows that differ are marked with `!`.\n",
      failures.size());
  auto group = [&](const std::string& id, const std::string& heading) {
    std::string cases;
    std::size_t n = 0;
    for (const Json& failure : failures)
      if (failure.value("finding", std::string()) == id) {
        cases += failureSection(failure, s, report);
        ++n;
      }
    return n == 0 ? std::string() : fmt::format("\n### {} ({})\n", heading, markdown::count(n, "case")) + cases;
  };
  for (const Json& finding : report.at("findings"))
    out += group(str(finding.at("id")), markdown::text(str(finding.at("text"))));
  return out + group("", "Other differences");
}

}  // namespace

std::string renderSubjectPage(const Json& subject, const Json& report) {
  std::string out = fmt::format("# {}\n\n", markdown::code(str(subject.at("name"))));
  out += "[All subjects](../conformance.md). Rendered from `conformance.json` by `promise-conformance report`.\n\n";
  out += about(subject) + "\n" + countsTable(subject);
  out += notApplicableSection(subject);
  out += failuresSection(subject, report);
  return out;
}

}  // namespace pc::conformance
