#include "harness/report/console.hpp"

#include <set>
#include <string>
#include <string_view>

#include <fmt/format.h>

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

void writeCaseLine(std::ostream& out, const CaseResult& r, const ConsoleStyle& style) {
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
  if (r.status == Status::Fail) line += fmt::format(" (reached {})", levelName(r.level));
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
  return fmt::format("level {} (required {})", levelName(*s.reached), levelName(s.required));
}

void writeSummary(std::ostream& out, const SubjectSummary& s, const ConsoleStyle& style) {
  const bool ok = s.fail == 0 && s.noTrace() == 0 && s.invalid == 0;
  const std::string line = fmt::format("{:<12} {}; {}", s.subject, countsText(s), reachedText(s));
  out << paint(line, ok ? kGreen : kRed, style) << '\n';
}

}  // namespace

void writeConsoleReport(std::ostream& out, const SuiteResult& suite, ConsoleStyle style) {
  writeInvalidFiles(out, suite, style);
  for (const CaseResult& r : suite.results) {
    const bool quiet = r.status == Status::Pass || r.status == Status::NotApplicable;
    if (!quiet || style.verbose) writeCaseLine(out, r, style);
  }
  for (const SubjectSummary& s : suite.summaries) writeSummary(out, s, style);
}

}  // namespace pc
