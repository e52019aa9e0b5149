#pragma once
// A microtask queue as Node.js runs promise jobs: first in, first out, each job to completion.
#include <array>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <utility>

#include "reference/host.hpp"

namespace pc::es {

// First in, first out, in blocks of a few hundred. NON-SPEC, allocation only: the block emptied at
// the front is kept for the back, so a short but busy queue (an await loop) allocates nothing, where
// a std::deque frees and allocates a block every few jobs; and a long queue grows by a block at a
// time, never copying what it holds, where one array would double.
template <class T>
class BlockQueue {
 public:
  bool empty() const { return head_ == tail_ && first_ == last_; }
  std::size_t size() const { return last_ ? blocks_.size() * kBlockSize - head_ - (kBlockSize - tail_) : 0; }
  void push(T&& item) {
    if (!last_ || tail_ == kBlockSize) addBlock();
    (*last_)[tail_++] = std::move(item);
  }
  T pop() {  // the oldest; the queue must not be empty
    T item = std::move((*first_)[head_++]);
    if (head_ == tail_ && first_ == last_)
      head_ = tail_ = 0;  // empty: its one block is used again from the start
    else if (head_ == kBlockSize)
      dropFirstBlock();
    return item;
  }

 private:
  static constexpr std::size_t kBlockSize = 256;
  using Block = std::array<T, kBlockSize>;
  void addBlock() {
    blocks_.push_back(spare_ ? std::move(spare_) : std::make_unique<Block>());
    first_ = blocks_.front().get();
    last_ = blocks_.back().get();
    tail_ = 0;
  }
  void dropFirstBlock() {
    spare_ = std::move(blocks_.front());
    blocks_.pop_front();
    first_ = blocks_.front().get();
    head_ = 0;
  }

  std::deque<std::unique_ptr<Block>> blocks_;  // from the oldest item's to the newest's; none before the first
  std::unique_ptr<Block> spare_;               // the last block emptied, for the next one needed
  Block* first_ = nullptr;                     // blocks_.front(), and
  Block* last_ = nullptr;                      // blocks_.back(), at hand
  std::size_t head_ = 0;                       // the oldest item, in the first block
  std::size_t tail_ = 0;                       // where the next item goes, in the last block
};

class JobQueue {
 public:
  using Work = std::function<void()>;  // a job of the host's own

  void enqueue(PromiseJob&& job) { queue_.push(std::move(job)); }
  void enqueue(Work work) {
    work_.push_back(std::move(work));
    queue_.push(PromiseJob{});  // a job without a realm: the next of work_ (see queue_)
  }
  bool empty() const { return queue_.empty(); }
  std::size_t size() const { return queue_.size(); }
  void runNext();  // runs the oldest job
  void drain();    // runs jobs until none is left, including jobs they enqueue

 private:
  // Every job in the order it came, promise jobs as they are (wrapping each in a Work would
  // allocate for each, and a variant of the two would make every entry larger). NON-SPEC, layout
  // only: a host's Work waits in work_, and an entry whose realm is null stands for the next one.
  BlockQueue<PromiseJob> queue_;
  std::deque<Work> work_;
};

}  // namespace pc::es
