#include "harness/report/explain.hpp"

#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "harness/report/side_by_side.hpp"

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

void writeStory(std::ostream& out, const Trace& trace) {
  if (trace.hasCausality()) {
    for (const JobRecord& job : trace.jobs) writeJob(out, job, trace);
    writeStrayEvents(out, trace);
  } else {
    writeFlatEvents(out, trace);
  }
  out << '\n';
  writeFinal(out, trace);
}

// "job 4 PromiseReactionJob": the job event `i` of `story` ran in.
std::string jobOfEvent(const Trace& story, std::size_t i) {
  const int id = story.eventJob[i];
  for (const JobRecord& job : story.jobs)
    if (job.id == id) return fmt::format("job {} {}", id, job.kind);
  return fmt::format("job {}", id);
}

}  // namespace

void writeSubjectBesideReference(std::ostream& out, const std::string& subject, const Trace& actual,
                                 const Trace& story) {
  if (actual.failure) return;  // the verdict line says why there is no trace
  if (actual.hasCausality()) {
    out << fmt::format("\n{}'s own story, from the jobs it recorded:\n", subject);
    writeStory(out, actual);
    return;
  }
  out << fmt::format("\n{} records no jobs; its events beside the reference's story:\n", subject);
  LeftColumn left{.title = "reference (job: event)", .note = {}};
  if (story.hasCausality()) left.note = [&story](std::size_t i) { return jobOfEvent(story, i); };
  out << sideBySide(story, actual, subject, left);
}

void writeExplanation(std::ostream& out, const Case& c, const Trace& trace) {
  out << fmt::format("case {}\n  {}\n\n", c.id, c.title);
  if (trace.failure) {
    out << fmt::format("the reference could not run this case: {}\n", *trace.failure);
    return;
  }
  writeStory(out, trace);
}

}  // namespace pc
