#include "harness/report/explain.hpp"

#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace pc {
namespace {

std::string compact(const Json& v) { return v.dump(-1, ' ', false, Json::error_handler_t::replace); }

// "enqueued by job 3 after event 2" reads naturally; events are numbered from 1 as they are printed.
std::string origin(const JobRecord& job) {
  if (job.enqueuedBy < 0) return "a macrotask";
  const std::string when =
      job.enqueuedAfterEvents == 0 ? "before any event" : fmt::format("after event {}", job.enqueuedAfterEvents);
  return fmt::format("enqueued by job {} {}", job.enqueuedBy, when);
}

void writeJob(std::ostream& out, const JobRecord& job, const Trace& trace) {
  out << fmt::format("job {}  {}: {}  ({})\n", job.id, job.kind, job.description, origin(job));
  if (!job.after.empty()) out << fmt::format("    also after jobs {}\n", fmt::join(job.after, ", "));
  for (std::size_t i = 0; i < trace.events.size(); ++i)
    if (trace.eventJob[i] == job.id) out << fmt::format("    event {}: {}\n", i + 1, compact(trace.events[i]));
}

// Events whose job is not in the job list would otherwise vanish from the story; show them apart.
void writeStrayEvents(std::ostream& out, const Trace& trace) {
  std::set<int> known;
  for (const JobRecord& job : trace.jobs) known.insert(job.id);
  bool header = false;
  for (std::size_t i = 0; i < trace.events.size(); ++i) {
    if (known.contains(trace.eventJob[i])) continue;
    if (!header) out << "events of unrecorded jobs:\n";
    header = true;
    out << fmt::format("    event {} (job {}): {}\n", i + 1, trace.eventJob[i], compact(trace.events[i]));
  }
}

void writeFlatEvents(std::ostream& out, const Trace& trace) {
  out << "(this trace carries no job records; events in order)\n";
  for (std::size_t i = 0; i < trace.events.size(); ++i)
    out << fmt::format("    event {}: {}\n", i + 1, compact(trace.events[i]));
}

void writeFinal(std::ostream& out, const Trace& trace) {
  out << "final states:\n";
  if (trace.final.empty()) out << "    (no named promise)\n";
  for (const auto& [name, state] : trace.final.items()) out << fmt::format("    {}: {}\n", name, compact(state));
}

}  // namespace

void writeExplanation(std::ostream& out, const Case& c, const Trace& trace) {
  out << fmt::format("case {}\n  {}\n\n", c.id, c.title);
  if (trace.failure) {
    out << fmt::format("the reference could not run this case: {}\n", *trace.failure);
    return;
  }
  if (trace.hasCausality()) {
    for (const JobRecord& job : trace.jobs) writeJob(out, job, trace);
    writeStrayEvents(out, trace);
  } else {
    writeFlatEvents(out, trace);
  }
  out << '\n';
  writeFinal(out, trace);
}

}  // namespace pc
