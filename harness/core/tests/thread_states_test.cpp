// Reading the other threads' states from /proc: what the drain's idle test rests on.
#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "harness/core/thread_states.hpp"

namespace pc {
namespace {

// Polls until `want` is seen (the other thread needs a moment to block or to get a core); gives up
// after many polls, so a wrong answer fails instead of hanging.
bool seen(bool want) {
  for (int i = 0; i < 2000; ++i) {
    if (otherThreadsRunning() == want) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return false;
}

TEST(ThreadStates, TheStateIsTheFieldAfterTheCommandName) {
  EXPECT_EQ(threadStateOf("12 (worker) S 1 2 3"), 'S');
  EXPECT_EQ(threadStateOf("12 (odd) name (x)) R 1 2 3"), 'R');
  EXPECT_EQ(threadStateOf(""), '?');
  EXPECT_EQ(threadStateOf("12 (cut"), '?');
}

TEST(ThreadStates, AThreadBlockedOnAConditionVariableIsNotRunning) {
  std::mutex m;
  std::condition_variable cv;
  bool go = false;
  std::thread waiter([&] {
    std::unique_lock lock(m);
    cv.wait(lock, [&] { return go; });
  });
  EXPECT_TRUE(seen(false));
  {
    std::lock_guard lock(m);
    go = true;
  }
  cv.notify_all();
  waiter.join();
}

TEST(ThreadStates, ASpinningThreadIsRunning) {
  std::atomic<bool> stop{false};
  std::thread spinner([&] {
    while (!stop) {
    }
  });
  EXPECT_TRUE(seen(true));
  stop = true;
  spinner.join();
}

TEST(ThreadStates, IdleNeedsSeveralQuietPollsInARowWithoutNewCallbacks) {
  IdleWatch watch;
  for (int i = 1; i < IdleWatch::kPolls; ++i) EXPECT_FALSE(watch.observe(7, false)) << i;
  EXPECT_FALSE(watch.observe(8, false)) << "a callback started: the streak begins again";
  for (int i = 1; i < IdleWatch::kPolls; ++i) EXPECT_FALSE(watch.observe(8, false)) << i;
  EXPECT_TRUE(watch.observe(8, false));

  IdleWatch busy;
  for (int i = 0; i < 3 * IdleWatch::kPolls; ++i) {
    EXPECT_FALSE(busy.observe(1, i % IdleWatch::kPolls == 0));
    EXPECT_FALSE(busy.observe(1, std::nullopt)) << "unknown is never idle";
  }
}

}  // namespace
}  // namespace pc
