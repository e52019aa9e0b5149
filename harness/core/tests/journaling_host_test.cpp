// The reference's host in the harness: what it journals of each job the model hands it, and how it
// names promises in job descriptions. (The interpreter's own entries are in interpreter_test.cpp.)
#include <gtest/gtest.h>

#include "harness/core/journaling_host.hpp"
#include "reference/promise_abstract_operations.hpp"
#include "reference/promise_builtins.hpp"

namespace pc {
namespace {

es::Value then(es::Realm& realm, const es::Value& p, const es::Value& onFulfilled) {
  return es::PromisePrototypeThen(realm, p, onFulfilled, es::Undefined{}).value;
}

struct Journaled {
  JournalingHost host;
  es::Realm realm{host};
  ObjectNames names;
  PromiseNames promiseNames{realm.heap, names};
  JobJournal journal;
  Journaled() { host.recordIn(journal, promiseNames); }
  es::Object* identity() {
    return realm.makeFunction([](const es::Value&, std::span<const es::Value> args) {
      return es::Completion::normal(args.empty() ? es::Value() : args[0]);
    });
  }
};

TEST(JournalingHost, RecordsWhatEnqueuedEachJobAndAfterHowManyEvents) {
  Journaled j;
  const int script = j.journal.beginMacrotask("script", "main script", -1, 0, {});
  const es::Value p = es::PromiseResolveFunction(j.realm, 1).value;
  j.journal.noteEvent();
  const es::Value chained = then(j.realm, p, j.identity());
  then(j.realm, chained, j.identity());
  j.journal.endMacrotask();
  j.host.jobs.drain();
  const std::vector<JobRecord>& records = j.journal.records();
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].kind, "PromiseReactionJob");
  EXPECT_EQ(records[1].enqueuedBy, script);
  EXPECT_EQ(records[1].enqueuedAfterEvents, 1u);
  EXPECT_EQ(records[2].enqueuedBy, records[1].id) << "the chained reaction is enqueued by the first";
}

TEST(JournalingHost, NamesPromisesByTheCaseElseByCreationOrder) {
  Journaled j;
  const es::Value first = es::PromiseResolveFunction(j.realm, 1).value;   // promise #0
  const es::Value second = es::PromiseResolveFunction(j.realm, 2).value;  // promise #1
  j.names[second.asObject()] = "p";
  then(j.realm, first, j.identity());
  then(j.realm, second, j.identity());
  es::PromiseCapability adopting = es::NewPromiseCapability(j.realm);
  const es::Value adopt[] = {second};
  es::Call(j.realm, adopting.resolve, es::Undefined{}, adopt);
  const std::vector<JobRecord>& records = j.journal.records();
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].description, "fulfill reaction of promise #0");
  EXPECT_EQ(records[1].description, "fulfill reaction of promise p");
  EXPECT_EQ(records[2].kind, "PromiseResolveThenableJob");
  EXPECT_EQ(records[2].description, "resolve promise #4 with promise p") << "two more promises from the thens";
}

TEST(JournalingHost, ReactionsOfOnePromiseFollowTheOneRegisteredBefore) {
  Journaled j;
  es::PromiseCapability c = es::NewPromiseCapability(j.realm);
  then(j.realm, c.promise, j.identity());
  then(j.realm, c.promise, j.identity());
  then(j.realm, es::PromiseResolveFunction(j.realm, 0).value, j.identity());
  const es::Value v[] = {1};
  es::Call(j.realm, c.resolve, es::Undefined{}, v);
  const std::vector<JobRecord>& records = j.journal.records();
  ASSERT_EQ(records.size(), 3u);
  EXPECT_TRUE(records[0].after.empty()) << "another promise's reaction";
  EXPECT_TRUE(records[1].after.empty()) << "the first reaction of c";
  EXPECT_EQ(records[2].after, std::vector<int>{records[1].id});
}

TEST(JournalingHost, QueueMicrotaskSharesThePromiseJobsQueue) {
  Journaled j;
  std::vector<std::string> order;
  then(j.realm, es::PromiseResolveFunction(j.realm, 0).value,
       j.realm.makeFunction([&order](const es::Value&, std::span<const es::Value>) {
         order.push_back("reaction");
         return es::Completion::normal();
       }));
  j.host.queueMicrotask("a microtask", [&] { order.push_back("microtask"); });
  j.host.jobs.drain();
  EXPECT_EQ(order, (std::vector<std::string>{"reaction", "microtask"}));
  ASSERT_EQ(j.journal.records().size(), 2u);
  EXPECT_EQ(j.journal.records()[1].kind, "microtask");
  EXPECT_EQ(j.journal.records()[1].description, "a microtask");
}

TEST(JournalingHost, WithoutAJournalItIsNodesHost) {
  JournalingHost host;
  es::Realm realm(host);
  int ran = 0;
  es::PromisePrototypeThen(realm, es::PromiseResolveFunction(realm, 0).value,
                           realm.makeFunction([&ran](const es::Value&, std::span<const es::Value>) {
                             ++ran;
                             return es::Completion::normal();
                           }),
                           es::Undefined{});
  host.queueMicrotask("", [&ran] { ++ran; });
  host.jobs.drain();
  EXPECT_EQ(ran, 2);
}

}  // namespace
}  // namespace pc
