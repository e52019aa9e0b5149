#include "harness/core/journaling_host.hpp"

#include <utility>

namespace pc {
namespace {

const char* kindOf(const es::PromiseJob& job) {
  return job.isReaction() ? "PromiseReactionJob" : "PromiseResolveThenableJob";
}

}  // namespace

void JournalingHost::recordIn(JobJournal& journal, PromiseNames& names) {
  journal_ = &journal;
  names_ = &names;
}

void JournalingHost::HostEnqueuePromiseJob(es::PromiseJob job) {
  if (!journal_) return NodeHost::HostEnqueuePromiseJob(std::move(job));
  std::string description = describe(job);
  std::vector<int> after = mustFollow(job, journal_->nextId());
  const char* kind = kindOf(job);
  enqueue(
      kind, std::move(description), [job = std::move(job)] { job(); }, std::move(after));
}

void JournalingHost::queueMicrotask(std::string description, std::function<void()> work) {
  if (!journal_) return jobs.enqueue(std::move(work));
  enqueue("microtask", std::move(description), std::move(work), {});
}

void JournalingHost::enqueue(std::string kind, std::string description, std::function<void()> work,
                             std::vector<int> after) {
  const int id = journal_->enqueue(std::move(kind), std::move(description), std::move(after));
  // As a Work of the host's, never as a PromiseJob: the queue then never lets the heap reuse the place
  // of an object the model discarded (es::Heap::discard), which names and this journal, knowing
  // objects by address, would take for the old object.
  jobs.enqueue([journal = journal_, id, work = std::move(work)] { journal->run(id, work); });
}

// "fulfill reaction of promise p", "resolve promise q with promise p" (or "with a thenable").
std::string JournalingHost::describe(const es::PromiseJob& job) {
  if (job.isReaction())
    return std::string(job.reactionType() == es::ReactionType::Fulfill ? "fulfill" : "reject") + " reaction of " +
           names_->describe(job.promise);
  const es::PromiseObject* source = es::asPromise(job.thenable());
  return "resolve " + names_->describe(job.promise) + " with " +
         (source ? names_->describe(source) : std::string("a thenable"));
}

// The reactions of one promise run in the order they were registered: each reaction job after the
// previous one of its promise. `id` is the job about to be journaled.
std::vector<int> JournalingHost::mustFollow(const es::PromiseJob& job, int id) {
  if (!job.isReaction()) return {};
  auto [last, first] = lastReactionJob_.try_emplace(job.promise, id);
  if (first) return {};
  const int previous = std::exchange(last->second, id);
  return {previous};
}

}  // namespace pc
