#pragma once
// The host hooks ECMA-262 names for promises: how a job callback is made and called (9.5.2,
// 9.5.3), how a promise job is enqueued (9.5.5) and how rejections are tracked (27.2.1.9). The
// model reaches its host through these and nothing else; node_host.hpp is the host it runs on by
// default, as Node.js runs these hooks.
#include <functional>
#include <span>

#include "reference/completion.hpp"
#include "reference/object.hpp"

namespace pc::es {

class Realm;

// A promise job as HostEnqueuePromiseJob receives it: the Job Abstract Closure, and what a host
// may know of it besides (NON-SPEC: the specification passes the closure alone; an engine knows
// which of its two promise jobs it made, and for which promise). [[Realm]] is left out: the model
// has one realm, and every job runs in it.
struct PromiseJob {
  enum class Kind { Reaction, ResolveThenable };
  std::function<void()> job;  // the Job Abstract Closure
  Kind kind = Kind::Reaction;
  // Reaction: the promise whose reaction this is. ResolveThenable: promiseToResolve.
  PromiseObject* promise = nullptr;
  ReactionType reactionType = ReactionType::Fulfill;  // Reaction only
  Value thenable;                                     // ResolveThenable only
};

// The operation HostPromiseRejectionTracker is told about (27.2.1.9).
enum class RejectionOperation { Reject, Handle };

class Host {
 public:
  virtual ~Host() = default;

  // 9.5.2 HostMakeJobCallback ( callback ) — https://tc39.es/ecma262/2025/#sec-hostmakejobcallback
  virtual JobCallback HostMakeJobCallback(Object* callback);
  // 9.5.3 HostCallJobCallback ( jobCallback, V, argumentsList ) — https://tc39.es/ecma262/2025/#sec-hostcalljobcallback
  virtual Completion HostCallJobCallback(Realm& realm, const JobCallback& jobCallback, const Value& v,
                                         std::span<const Value> argumentsList);
  // 9.5.5 HostEnqueuePromiseJob ( job, realm ) — https://tc39.es/ecma262/2025/#sec-hostenqueuepromisejob
  virtual void HostEnqueuePromiseJob(PromiseJob job) = 0;
  // 27.2.1.9 HostPromiseRejectionTracker ( promise, operation ) — https://tc39.es/ecma262/2025/#sec-host-promise-rejection-tracker
  virtual void HostPromiseRejectionTracker(PromiseObject* promise, RejectionOperation operation) = 0;
};

}  // namespace pc::es
