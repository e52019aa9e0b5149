// The interpreter's virtual clock: timers run by due time, then in the order they were set.
#include <gtest/gtest.h>

#include <vector>

#include "harness/core/timer_queue.hpp"

namespace pc {
namespace {

TEST(VirtualTimerQueue, RunsByDueTimeThenBySchedulingOrderAndClampsDelays) {
  VirtualTimerQueue timers;
  std::vector<int> order;
  timers.schedule(10, -1, 0, [&] { order.push_back(1); });
  timers.schedule(0, -1, 0, [&] { order.push_back(2); });   // counts as 1
  timers.schedule(1, -1, 0, [&] { order.push_back(3); });   // same due time, later
  timers.schedule(-5, -1, 0, [&] { order.push_back(4); });  // counts as 1
  while (!timers.empty()) timers.takeNext().callback();
  EXPECT_EQ(order, (std::vector<int>{2, 3, 4, 1}));
  EXPECT_EQ(timers.now(), 10);
}

}  // namespace
}  // namespace pc
