// Handles follow the program: a promise no statement named is dropped by the harness, and so are
// resolvers nothing can call any more. Shown on a small library that cancels a continuation whose
// future is dropped (as KJ does) and fails a future whose producer is dropped (as std::promise does).
#include <gtest/gtest.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

#include "harness/sdk/library_subject.hpp"

namespace pc::sdk {
namespace {

struct Node {
  std::optional<Settled> result;
  std::vector<std::function<void()>> waiting;  // continuations, queued on the loop when it settles
};

class CancellingAdapter {
 public:
  using Handle = std::shared_ptr<Node>;
  explicit CancellingAdapter(Host& host) : host_(host) {}

  Pending<Handle> pending() {
    auto node = std::make_shared<Node>();
    // The producer: destroyed unsettled, it fails the future, like a std::promise.
    struct Producer {
      std::shared_ptr<Node> node;
      CancellingAdapter* self;
      ~Producer() {
        if (!node->result) self->settle(node, Settled::rejected(self->host_.makeError("BrokenPromise", "dropped")));
      }
    };
    auto producer = std::make_shared<Producer>(node, this);
    return {node, [this, producer](const Value& v) { settle(producer->node, Settled::fulfilled(v)); },
            [this, producer](const Value& v) { settle(producer->node, Settled::rejected(v)); }};
  }

  // The continuation holds its future weakly: once nobody holds that future, it never runs.
  Handle then(const Handle& antecedent, Callback onFulfilled, Callback onRejected) {
    auto derived = std::make_shared<Node>();
    std::weak_ptr<Node> weak = derived;
    auto run = [this, antecedent, weak, onFulfilled, onRejected] {
      std::shared_ptr<Node> d = weak.lock();
      if (!d) return;
      const Settled& in = *antecedent->result;
      const Outcome out = in.state == Settled::State::Fulfilled ? onFulfilled(in.value) : onRejected(in.value);
      settle(d, out.rejected ? Settled::rejected(out.value) : Settled::fulfilled(out.value));
    };
    if (antecedent->result)
      loop_.push_back(run);
    else
      antecedent->waiting.push_back(run);
    return derived;
  }

  Settled inspect(const Handle& h) { return h->result ? *h->result : Settled::pending(); }
  void pump() {
    while (!loop_.empty()) {
      auto work = std::move(loop_.front());
      loop_.pop_front();
      work();
    }
  }
  Scheduling scheduling() const { return Scheduling::SingleThreaded; }

 private:
  void settle(const Handle& node, Settled s) {
    if (node->result) return;
    node->result = std::move(s);
    for (auto& w : node->waiting) loop_.push_back(std::move(w));
    node->waiting.clear();
  }

  Host& host_;
  std::deque<std::function<void()>> loop_;
};

Trace run(const char* program) {
  Case c;
  c.id = "t/drop";
  c.program = Json::parse(program);
  return runLibraryCase<CancellingAdapter>(c, Options{});
}

TEST(DroppedHandles, AContinuationWhoseFutureNoStatementNamedIsDropped) {
  const Trace t = run(R"([{"resolved": 1, "as": "p"},
                          {"then": "p", "onFulfilled": [{"log": "dropped"}]},
                          {"then": "p", "onFulfilled": [{"log": "kept"}], "as": "q"}])");
  ASSERT_FALSE(t.failure) << *t.failure;
  EXPECT_EQ(t.events, std::vector<Json>{Json::parse(R"(["kept", 1])")});
}

TEST(DroppedHandles, AnExecutorThatNeverSettlesDropsItsProducer) {
  const Trace t = run(R"([{"new": "p", "executor": []}])");
  ASSERT_FALSE(t.failure) << *t.failure;
  EXPECT_EQ(t.final.at("p").at(0), "rejected") << t.final.dump();
}

TEST(DroppedHandles, ResolversTheProgramCanStillCallAreKept) {
  const Trace later = run(R"([{"new": "p", "executor": [{"timer": 5, "do": [{"resolve": 1}]}]}])");
  EXPECT_EQ(later.final, Json::parse(R"({"p": ["fulfilled", 1]})"));
  const Trace byName = run(R"([{"deferred": "d"}, {"timer": 5, "do": [{"resolve": 2, "of": "d"}]}])");
  EXPECT_EQ(byName.final, Json::parse(R"({"d": ["fulfilled", 2]})"));
  const Trace unused = run(R"([{"deferred": "d"}])");
  EXPECT_EQ(unused.final.at("d").at(0), "rejected") << "nothing names d's resolvers";
}

// A library whose future, like std::async's, waits in its destructor until its work is done: here,
// until the promise it continues is settled or broken.
struct Gate {
  std::mutex m;
  std::condition_variable cv;
  bool open = false;
  void release() {
    std::lock_guard lock(m);
    open = true;
    cv.notify_all();
  }
  void wait() {
    std::unique_lock lock(m);
    cv.wait(lock, [&] { return open; });
  }
};

struct BlockingFuture {
  std::shared_ptr<Gate> antecedentSettled;
  ~BlockingFuture() {
    if (antecedentSettled) antecedentSettled->wait();
  }
};

class BlockingAdapter {
 public:
  using Handle = std::shared_ptr<BlockingFuture>;
  explicit BlockingAdapter(Host&) {}
  Pending<Handle> pending() {
    auto gate = std::make_shared<Gate>();
    struct Producer {
      std::shared_ptr<Gate> gate;
      ~Producer() { gate->release(); }  // broken: waiters wake
    };
    auto producer = std::make_shared<Producer>(gate);
    auto future = std::make_shared<BlockingFuture>();
    gates_[future.get()] = gate;
    return {future, [producer](const Value&) { producer->gate->release(); },
            [producer](const Value&) { producer->gate->release(); }};
  }
  Handle then(const Handle& antecedent, Callback, Callback) {
    auto future = std::make_shared<BlockingFuture>();
    future->antecedentSettled = gates_.at(antecedent.get());
    return future;
  }
  Settled inspect(const Handle&) { return Settled::pending(); }
  Scheduling scheduling() const { return Scheduling::Threaded; }

 private:
  std::map<const BlockingFuture*, std::shared_ptr<Gate>> gates_;
};

TEST(DroppedHandles, ADestructorThatWaitsForLaterWorkOfTheSameThreadIsAHangWithItsReason) {
  Case c;
  c.id = "t/blocking-drop";
  c.program = Json::parse(R"([{"deferred": "d"}, {"then": "d", "onFulfilled": []},
                              {"timer": 5, "do": [{"resolve": 1, "of": "d"}]}])");
  const Trace t = runLibraryCase<BlockingAdapter>(c, Options{});
  ASSERT_TRUE(t.failure);
  EXPECT_EQ(t.failureKind, FailureKind::Hang);
  EXPECT_NE(t.failure->find("destroying a future the case dropped"), std::string::npos) << *t.failure;
}

}  // namespace
}  // namespace pc::sdk
