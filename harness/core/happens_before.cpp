#include "harness/core/happens_before.hpp"

#include <unordered_map>

namespace pc {
namespace {

using EventSet = std::vector<bool>;

void unite(EventSet& into, const EventSet& from) {
  for (std::size_t i = 0; i < into.size(); ++i)
    if (from[i]) into[i] = true;
}

// Everything that precedes each job as a whole, built job by job: every edge points to an earlier job
// (the witness's jobs are journaled in the order they ran).
class JobPredecessors {
 public:
  explicit JobPredecessors(const Trace& t) : trace_(t), n_(t.events.size()) {
    for (std::size_t e = 0; e < n_; ++e) eventsOf_[t.eventJob[e]].push_back(e);
    for (const JobRecord& job : t.jobs) add(job);
  }

  const EventSet* of(int job) const {
    auto found = before_.find(job);
    return found == before_.end() ? nullptr : &found->second;
  }
  const std::vector<std::size_t>& eventsOf(int job) { return eventsOf_[job]; }

 private:
  void add(const JobRecord& job) {
    EventSet pred(n_, false);
    if (job.enqueuedBy >= 0) wholeJobBefore(job.enqueuedBy, pred);  // E2
    for (int earlier : job.after) wholeJobBefore(earlier, pred);    // E3, timer order, E5
    if (job.kind == "timer")                                        // E4
      for (const JobRecord& other : trace_.jobs) {
        if (other.id == job.id) break;
        if (other.time < job.time) wholeJobBefore(other.id, pred);
      }
    before_.emplace(job.id, std::move(pred));
  }

  // Every event of `job`, and everything before it, precede the job being added.
  void wholeJobBefore(int job, EventSet& pred) {
    if (const EventSet* earlier = of(job)) unite(pred, *earlier);
    for (std::size_t e : eventsOf_[job]) pred[e] = true;
  }

  const Trace& trace_;
  std::size_t n_;
  std::unordered_map<int, std::vector<std::size_t>> eventsOf_;  // job id -> its events, in order
  std::unordered_map<int, EventSet> before_;
};

}  // namespace

HappensBefore::HappensBefore(const Trace& t) {
  const std::size_t n = t.events.size();
  JobPredecessors jobs(t);
  preceding_.assign(n, EventSet(n, false));
  for (std::size_t e = 0; e < n; ++e) {
    if (const EventSet* whole = jobs.of(t.eventJob[e])) preceding_[e] = *whole;
    for (std::size_t earlier : jobs.eventsOf(t.eventJob[e])) {  // E1
      if (earlier == e) break;
      preceding_[e][earlier] = true;
    }
  }
}

namespace {

const JobRecord* jobWithId(const Trace& t, int id) {
  for (const JobRecord& j : t.jobs)
    if (j.id == id) return &j;
  return nullptr;
}

// A time for messages: "t=20".
std::string at(double t) { return "t=" + std::to_string(static_cast<long long>(t)); }

}  // namespace

std::string edgeName(const Trace& witness, std::size_t a, std::size_t b) {
  const JobRecord* from = jobWithId(witness, witness.eventJob[a]);
  const JobRecord* to = jobWithId(witness, witness.eventJob[b]);
  if (from == nullptr || to == nullptr) return "happens-before";
  if (from == to) return "E1 program order (one job)";
  // The edge into the nearest of b's job and the jobs that led to it (what enqueued it, and so on).
  for (const JobRecord* job = to; job != nullptr; job = jobWithId(witness, job->enqueuedBy)) {
    if (job->enqueuedBy == from->id) return "E2 run to completion (its job enqueued the other's, or led to it)";
    if (job->kind == "timer" && from->time < job->time)
      return "E4 virtual time (work at " + at(from->time) + " comes before the timer due at " + at(job->time) + ")";
    if (job->kind == "host") return "E5 host reports (after every job of their macrotask)";
    if (job->kind == "timer" && !job->after.empty()) return "E4 virtual time (timers run in due order)";
    if (!job->after.empty()) return "E3 registration order (the handlers of one promise)";
    if (job->enqueuedBy < 0) break;
  }
  return "happens-before, through other events";
}

bool HappensBefore::ready(std::size_t event, const std::vector<bool>& done) const {
  const EventSet& p = preceding_[event];
  for (std::size_t a = 0; a < p.size(); ++a)
    if (p[a] && !done[a]) return false;
  return true;
}

}  // namespace pc
