#include "harness/run/summary.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace pc {

namespace {

void tally(SubjectSummary& s, Status status, Level level) {
  switch (status) {
    case Status::Pass: ++s.pass; break;
    case Status::Fail: ++s.fail; break;
    case Status::NotApplicable: ++s.notApplicable; return;  // did not run: no level
    case Status::LibraryError: ++s.libraryError; break;
    case Status::Crash: ++s.crash; break;
    case Status::Hang: ++s.hang; break;
    case Status::HarnessError: ++s.harnessError; break;
    case Status::Invalid: ++s.invalid; return;  // did not run: no level
  }
  if (producedNoTrace(status)) level = Level::None;
  s.reached = s.reached ? std::min(*s.reached, level) : level;
}

}  // namespace

SubjectSummary summarize(const std::string& subject, Level required, std::span<const CaseResult> results) {
  SubjectSummary s;
  s.subject = subject;
  s.required = required;
  for (const CaseResult& r : results)
    if (r.subject == subject) tally(s, r.status, r.level);
  return s;
}

SubjectSummary summarizeAt(Level level, std::span<const CaseResult* const> results) {
  SubjectSummary s;
  s.required = level;
  for (const CaseResult* r : results) {
    const bool traced = r->status == Status::Pass || r->status == Status::Fail;
    tally(s, traced ? (r->level >= level ? Status::Pass : Status::Fail) : r->status, r->level);
  }
  if (!results.empty()) s.subject = results.front()->subject;
  return s;
}

Json countsToJson(const SubjectSummary& s) {
  Json counts = Json::object();
  for (Status st : kAllStatuses) counts[std::string(statusName(st))] = s.count(st);
  return counts;
}

std::size_t SubjectSummary::count(Status st) const {
  switch (st) {
    case Status::Pass: return pass;
    case Status::Fail: return fail;
    case Status::NotApplicable: return notApplicable;
    case Status::LibraryError: return libraryError;
    case Status::Crash: return crash;
    case Status::Hang: return hang;
    case Status::HarnessError: return harnessError;
    case Status::Invalid: return invalid;
  }
  return 0;
}

std::string countsText(const SubjectSummary& s) {
  std::string out = fmt::format("{} pass, {} fail", s.pass, s.fail);
  for (Status kind : kNoTraceStatuses)
    if (s.count(kind) > 0) out += fmt::format(", {} {}", s.count(kind), statusName(kind));
  return out + fmt::format(", {} n/a, {} invalid", s.notApplicable, s.invalid);
}

}  // namespace pc
