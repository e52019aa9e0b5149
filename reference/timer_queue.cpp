#include "reference/timer_queue.hpp"

namespace pc::es {

void VirtualTimerQueue::schedule(double delay, int scheduledBy, std::size_t scheduledAfterEvents,
                                 std::function<void()> callback) {
  // Node.js treats a delay below 1, above 2^31 - 1, or not a number, as 1.
  constexpr double kTimeoutMax = 2147483647.0;
  if (!(delay >= 1 && delay <= kTimeoutMax)) delay = 1;
  timers_.push(Timer{now_ + delay, nextSequence_++, scheduledBy, scheduledAfterEvents,
                     std::move(callback)});
}

VirtualTimerQueue::Timer VirtualTimerQueue::takeNext() {
  Timer t = timers_.top();
  timers_.pop();
  now_ = t.due;
  return t;
}

}  // namespace pc::es
