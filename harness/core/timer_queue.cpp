#include "harness/core/timer_queue.hpp"

namespace pc {

std::uint64_t VirtualTimerQueue::schedule(double delay, int scheduledBy, std::size_t scheduledAfterEvents,
                                          std::function<void()> callback) {
  // Node.js treats a delay below 1, above 2^31 - 1, or not a number, as 1.
  constexpr double kTimeoutMax = 2147483647.0;
  if (!(delay >= 1 && delay <= kTimeoutMax)) delay = 1;
  timers_.push(Timer{now_ + delay, nextSequence_, scheduledBy, scheduledAfterEvents, std::move(callback)});
  return nextSequence_++;
}

void VirtualTimerQueue::cancel(std::uint64_t sequence) {
  if (sequence >= nextSequence_) return;
  // Only a timer still waiting can be cancelled; one that ran is no longer in the queue.
  std::priority_queue<Timer, std::vector<Timer>, Later> copy = timers_;
  for (; !copy.empty(); copy.pop())
    if (copy.top().sequence == sequence) cancelled_.insert(sequence);
}

VirtualTimerQueue::Timer VirtualTimerQueue::takeNext() {
  while (cancelled_.erase(timers_.top().sequence)) timers_.pop();
  Timer t = timers_.top();
  timers_.pop();
  now_ = t.due;
  return t;
}

}  // namespace pc
