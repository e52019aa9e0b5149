#include "harness/report/console.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "harness/report/side_by_side.hpp"

namespace pc {
namespace {

constexpr std::string_view kRed = "\x1b[31m", kGreen = "\x1b[32m", kYellow = "\x1b[33m", kDim = "\x1b[2m",
                           kReset = "\x1b[0m";

std::string paint(std::string_view text, std::string_view colour, const ConsoleStyle& style) {
  if (!style.color) return std::string(text);
  return fmt::format("{}{}{}", colour, text, kReset);
}

// Continuation lines of a multi-line message line up under its first line.
std::string indentLines(std::string_view text, std::string_view indent) {
  std::string out;
  for (char ch : text) {
    out += ch;
    if (ch == '\n') out += indent;
  }
  return out;
}

// "no level" rather than "none": a case that reached none has different final states or events.
std::string levelWords(Level level) { return level == Level::None ? "no level" : std::string(levelName(level)); }

Level requiredOf(const SuiteResult& suite, const std::string& subject) {
  for (const SubjectSummary& s : suite.summaries)
    if (s.subject == subject) return s.required;
  return Level::Exact;
}

void writeCaseLine(std::ostream& out, const CaseResult& r, Level required, const ConsoleStyle& style) {
  std::string_view tag, colour;
  // clang-format off
  switch (r.status) {
    case Status::Pass: tag = "PASS"; colour = kGreen; break;
    case Status::Fail: tag = "FAIL"; colour = kRed; break;
    case Status::LibraryError: tag = "LIBERR"; colour = kRed; break;
    case Status::Crash: tag = "CRASH"; colour = kRed; break;
    case Status::Hang: tag = "HANG"; colour = kRed; break;
    case Status::HarnessError: tag = "HARNESS"; colour = kYellow; break;
    case Status::NotApplicable: tag = "N/A"; colour = kDim; break;
    case Status::Invalid: return;  // listed once per file, not once per subject
  }
  // clang-format on
  std::string line = fmt::format("{:<5} {} {}", tag, r.subject, r.caseId);
  if (r.status == Status::Fail)
    line += fmt::format(" (reached {}, needs {})", levelWords(r.level), levelName(required));
  if (!r.message.empty() && r.status != Status::Pass) line += ": " + indentLines(r.message, "      ");
  if (r.repeats && r.status != Status::Pass) line += " (" + repeatsText(*r.repeats) + ")";
  out << paint(line, colour, style) << '\n';
}

void writeInvalidFiles(std::ostream& out, const SuiteResult& suite, const ConsoleStyle& style) {
  std::set<std::string> seen;
  for (const CaseResult& r : suite.results) {
    if (r.status != Status::Invalid || !seen.insert(r.caseId).second) continue;
    out << paint(fmt::format("INVALID {}:\n  {}", r.caseId, indentLines(r.message, "  ")), kYellow, style) << '\n';
  }
}

std::string reachedText(const SubjectSummary& s) {
  if (!s.reached) return "no case ran";
  if (*s.reached == Level::None) return fmt::format("some case reached no level (needs {})", levelName(s.required));
  return fmt::format("every case reached {} (needs {})", levelName(*s.reached), levelName(s.required));
}

// Under a failing case's line: its expected and actual traces side by side, indented.
void writeTraces(std::ostream& out, const CaseResult& r, std::span<const Case> cases) {
  const auto it = std::lower_bound(cases.begin(), cases.end(), r.caseId,
                                   [](const Case& c, const std::string& id) { return c.id < id; });
  if (it == cases.end() || it->id != r.caseId) return;
  std::string text = sideBySide(it->expected, r.actual, r.subject);
  if (text.ends_with('\n')) text.pop_back();
  out << "      " << indentLines(text, "      ") << '\n';
}

void writeSummary(std::ostream& out, const SubjectSummary& s, const ConsoleStyle& style) {
  const bool ok = s.fail == 0 && s.noTrace() == 0 && s.invalid == 0;
  const std::string line = fmt::format("{:<12} {}; {}", s.subject, countsText(s), reachedText(s));
  out << paint(line, ok ? kGreen : kRed, style) << '\n';
}

}  // namespace

void writeConsoleReport(std::ostream& out, const SuiteResult& suite, ConsoleStyle style, std::span<const Case> cases) {
  writeInvalidFiles(out, suite, style);
  for (const CaseResult& r : suite.results) {
    const bool quiet = r.status == Status::Pass || r.status == Status::NotApplicable;
    if (!quiet || style.verbose) writeCaseLine(out, r, requiredOf(suite, r.subject), style);
    if (style.verbose && r.status == Status::Fail) writeTraces(out, r, cases);
  }
  for (const SubjectSummary& s : suite.summaries) writeSummary(out, s, style);
}

}  // namespace pc
