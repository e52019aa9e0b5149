#include "harness/core/happens_before.hpp"

#include <unordered_map>

namespace pc {
namespace {

using EventSet = std::vector<bool>;

void unite(EventSet& into, const EventSet& from) {
  for (std::size_t i = 0; i < into.size(); ++i)
    if (from[i]) into[i] = true;
}

}  // namespace

HappensBefore::HappensBefore(const Trace& t) {
  const std::size_t n = t.events.size();
  std::unordered_map<int, std::vector<std::size_t>> eventsOf;  // job id -> its events, in order
  for (std::size_t e = 0; e < n; ++e) eventsOf[t.eventJob[e]].push_back(e);

  // Jobs are journaled in id order, and every edge points to an earlier job.
  std::unordered_map<int, EventSet> beforeJob;  // events that precede everything a job does
  for (const JobRecord& job : t.jobs) {
    EventSet pred(n, false);
    if (auto parent = beforeJob.find(job.enqueuedBy); parent != beforeJob.end()) {
      unite(pred, parent->second);
      for (std::size_t e : eventsOf[job.enqueuedBy])
        if (e < job.enqueuedAfterEvents) pred[e] = true;
    }
    for (int earlier : job.after) {
      if (auto it = beforeJob.find(earlier); it != beforeJob.end()) unite(pred, it->second);
      for (std::size_t e : eventsOf[earlier]) pred[e] = true;
    }
    beforeJob.emplace(job.id, std::move(pred));
  }

  preceding_.assign(n, EventSet(n, false));
  for (auto& [job, events] : eventsOf) {
    const auto found = beforeJob.find(job);
    for (std::size_t i = 0; i < events.size(); ++i) {
      EventSet& p = preceding_[events[i]];
      if (found != beforeJob.end()) p = found->second;
      for (std::size_t j = 0; j < i; ++j) p[events[j]] = true;  // program order within the job
    }
  }
}

bool HappensBefore::ready(std::size_t event, const std::vector<bool>& done) const {
  const EventSet& p = preceding_[event];
  for (std::size_t a = 0; a < p.size(); ++a)
    if (p[a] && !done[a]) return false;
  return true;
}

}  // namespace pc
