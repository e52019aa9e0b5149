#pragma once
// A virtual-time timer queue: setTimeout without sleeping, for the interpreter's event loop (timers
// are the host's, not ECMA-262's). The clock starts at 0 and jumps to the due time of each timer it
// runs; timers due at the same time run in the order they were set. Delays below 1 count as 1, as in
// Node.js. Each timer remembers the job that set it and after how many events, for the journal.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <queue>
#include <set>
#include <vector>

namespace pc {

class VirtualTimerQueue {
 public:
  struct Timer {
    double due = 0;
    std::uint64_t sequence = 0;
    int scheduledBy = -1;                  // the job that called setTimeout
    std::size_t scheduledAfterEvents = 0;  // observable events before that call
    std::function<void()> callback;
  };

  // Returns the timer's sequence number, which `cancel` takes (clearTimeout).
  std::uint64_t schedule(double delay, int scheduledBy, std::size_t scheduledAfterEvents,
                         std::function<void()> callback);
  // A timer that already ran, or was never set, is left alone.
  void cancel(std::uint64_t sequence);
  bool empty() const { return timers_.size() == cancelled_.size(); }
  // Removes the next timer and advances the clock to its due time.
  Timer takeNext();
  double now() const { return now_; }

 private:
  struct Later {
    bool operator()(const Timer& a, const Timer& b) const {
      return a.due != b.due ? a.due > b.due : a.sequence > b.sequence;
    }
  };
  std::priority_queue<Timer, std::vector<Timer>, Later> timers_;
  std::set<std::uint64_t> cancelled_;  // still in timers_, to be skipped
  std::uint64_t nextSequence_ = 0;
  double now_ = 0;
};

}  // namespace pc
