#include "harness/report/junit.hpp"

#include <fmt/format.h>

#include "harness/report/xml_escape.hpp"

namespace pc {
namespace {

// The body of a <failure>: the reason, then the trace the subject produced, for reading in CI.
std::string failureBody(const CaseResult& r) {
  return fmt::format("{}\nactual: {}", r.message,
                     r.actual.toJson().dump(-1, ' ', false, Json::error_handler_t::replace));
}

void writeTestCase(std::ostream& out, const CaseResult& r) {
  out << fmt::format("    <testcase classname=\"{}\" name=\"{}\"", xmlAttribute(r.subject), xmlAttribute(r.caseId));
  switch (r.status) {
    case Status::Pass: out << "/>\n"; return;
    case Status::Fail:
      out << fmt::format(">\n      <failure type=\"fail\" message=\"{}\">{}</failure>\n",
                         xmlAttribute(fmt::format("reached {}: {}{}", levelName(r.level), r.message,
                                                  r.repeats ? " (" + repeatsText(*r.repeats) + ")" : "")),
                         xmlText(failureBody(r)));
      break;
    case Status::LibraryError:
    case Status::Crash:
    case Status::Hang:
    case Status::HarnessError:
    case Status::Invalid:
      out << fmt::format(">\n      <error type=\"{}\" message=\"{}\">{}</error>\n", statusName(r.status),
                         xmlAttribute(r.message), xmlText(r.message));
      break;
    case Status::NotApplicable:
      out << fmt::format(">\n      <skipped message=\"{}\"/>\n", xmlAttribute(r.message));
      break;
  }
  out << "    </testcase>\n";
}

void writeTestSuite(std::ostream& out, const SubjectSummary& s, const SuiteResult& suite) {
  out << fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\">\n",
                     xmlAttribute(s.subject), s.total(), s.fail, s.noTrace() + s.invalid, s.notApplicable);
  for (const CaseResult& r : suite.results)
    if (r.subject == s.subject) writeTestCase(out, r);
  out << "  </testsuite>\n";
}

}  // namespace

void writeJUnitReport(std::ostream& out, const SuiteResult& suite) {
  std::size_t tests = 0, failures = 0, errors = 0, skipped = 0;
  for (const SubjectSummary& s : suite.summaries) {
    tests += s.total();
    failures += s.fail;
    errors += s.noTrace() + s.invalid;
    skipped += s.notApplicable;
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format(
      "<testsuites name=\"promise-conformance\" tests=\"{}\" failures=\"{}\" errors=\"{}\" "
      "skipped=\"{}\">\n",
      tests, failures, errors, skipped);
  for (const SubjectSummary& s : suite.summaries) writeTestSuite(out, s, suite);
  out << "</testsuites>\n";
}

}  // namespace pc
