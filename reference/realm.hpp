#pragma once
// A realm with its agent's job queue and host hooks: everything one run of promise code needs.
// The abstract operations of ECMA-262 7.3 that promise algorithms use (Call, Get, Invoke,
// IsCallable) are free functions over it.
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "reference/completion.hpp"
#include "reference/host_rejection_tracker.hpp"
#include "reference/job_queue.hpp"
#include "reference/object.hpp"

namespace pc::es {

// NON-SPEC, tests only: a deliberate fault to prove that the property tests and the fuzzer catch
// a broken model (harness/gen/README.md). It is None unless a test or `fuzz --break NAME` sets it
// on a realm of its own; nothing else in the project touches it.
enum class Mutation {
  None,
  SynchronousReactions,   // reaction jobs run at once instead of being enqueued
  IgnoreAlreadyResolved,  // resolving functions forget that they were already called
};

class Realm {
 public:
  Realm();
  Realm(const Realm&) = delete;
  Realm& operator=(const Realm&) = delete;

  Heap heap;
  JobQueue jobs;
  NodeRejectionTracker rejections;
  Mutation mutation = Mutation::None;  // see Mutation: a test-only fault, None in production

  // %Promise.prototype.then%, what Get(promise, "then") finds on every promise.
  Object* promiseThen = nullptr;

  FunctionObject* makeFunction(Behaviour behaviour, std::string name = "");
  PromiseObject* makePromise();
  ArrayObject* makeArray(std::vector<Value> elements = {});
  Object* makeObject();
  ErrorObject* makeError(std::string name, std::optional<std::string> message, bool engineMade);
  // A throw completion carrying a new engine-made TypeError.
  Completion throwTypeError(std::string message);

  // NON-SPEC: how job descriptions name a promise; the harness installs the case's names.
  std::function<std::string(const PromiseObject*)> describePromise;
  std::string describe(const PromiseObject* p) const;

 private:
  std::uint64_t nextPromiseSerial_ = 0;
};

bool IsCallable(const Value& v);                                              // 7.2.3
Completion Call(Realm& realm, const Value& f, const Value& thisArgument,
                std::span<const Value> arguments = {});                       // 7.3.14
Completion Get(Realm& realm, const Value& o, std::string_view key);          // 7.3.2 / 7.3.3
Completion Invoke(Realm& realm, const Value& v, std::string_view key,
                  std::span<const Value> arguments);                          // 7.3.21

}  // namespace pc::es
