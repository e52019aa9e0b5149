// The host's job queue keeps jobs first in, first out, however many wait at once: across the blocks
// it holds them in, when it empties and fills again, and with a host's own work among promise jobs.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "reference/job_queue.hpp"

namespace pc::es {
namespace {

TEST(BlockQueue, KeepsTheOrderAcrossManyBlocks) {
  BlockQueue<int> queue;
  EXPECT_TRUE(queue.empty());
  for (int i = 0; i < 1000; ++i) queue.push(int(i));
  EXPECT_EQ(queue.size(), 1000u);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(queue.pop(), i);
  EXPECT_TRUE(queue.empty());
  EXPECT_EQ(queue.size(), 0u);
}

TEST(BlockQueue, KeepsTheOrderWhilePushesAndPopsInterleave) {
  BlockQueue<int> queue;
  int pushed = 0, popped = 0;
  // Three in, two out, until far more have passed than one block holds; then drain.
  for (int round = 0; round < 700; ++round) {
    for (int k = 0; k < 3; ++k) queue.push(int(pushed++));
    for (int k = 0; k < 2; ++k) ASSERT_EQ(queue.pop(), popped++);
    ASSERT_EQ(queue.size(), std::size_t(pushed - popped));
  }
  while (!queue.empty()) ASSERT_EQ(queue.pop(), popped++);
  EXPECT_EQ(popped, pushed);
}

TEST(BlockQueue, StartsAgainWhenEmptied) {
  BlockQueue<std::string> queue;
  for (int round = 0; round < 600; ++round) {  // one in, one out: more than a block's worth
    queue.push(std::to_string(round));
    ASSERT_EQ(queue.size(), 1u);
    ASSERT_EQ(queue.pop(), std::to_string(round));
    ASSERT_TRUE(queue.empty());
  }
}

TEST(JobQueue, RunsAHostsWorkInItsPlaceAmongPromiseJobs) {
  JobQueue jobs;
  std::vector<int> ran;
  for (int i = 0; i < 300; ++i) jobs.enqueue(JobQueue::Work([&ran, i] { ran.push_back(i); }));
  EXPECT_EQ(jobs.size(), 300u);
  jobs.drain();
  ASSERT_EQ(ran.size(), 300u);
  for (int i = 0; i < 300; ++i) EXPECT_EQ(ran[std::size_t(i)], i);
  EXPECT_TRUE(jobs.empty());
}

}  // namespace
}  // namespace pc::es
