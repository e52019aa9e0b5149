#pragma once
// The host hooks ECMA-262 names for promises: how a job callback is made and called (9.5.2,
// 9.5.3), how a promise job is enqueued (9.5.5) and how rejections are tracked (27.2.1.9). The
// model reaches its host through these and nothing else; node_host.hpp is the host it runs on by
// default, as Node.js runs these hooks.
#include <cstdint>
#include <span>

#include "reference/completion.hpp"
#include "reference/object.hpp"

namespace pc::es {

class Realm;

// A promise job as HostEnqueuePromiseJob receives it: the Job Abstract Closure, and what a host
// may know of it besides (NON-SPEC: the specification passes the closure alone; an engine knows
// which of its two promise jobs it made, and for which promise). [[Realm]] is left out: the model
// has one realm, and every job runs in it.
// NON-SPEC, layout only: the closure is this record of what it captured, and calling the record
// performs the closure's steps (NewPromiseReactionJob's or NewPromiseResolveThenableJob's, by
// kind), so that a job costs no allocation of its own.
struct PromiseJob {
  // Which closure this is, and for a reaction job its reaction.[[Type]]. NON-SPEC, layout only: one
  // byte for the two, since a copy of the job would read two adjacent bytes as one word before
  // both writes of them had landed, and stall on every job.
  enum class Kind : std::uint8_t { FulfillReaction, RejectReaction, ResolveThenable };
  Kind kind = Kind::FulfillReaction;
  bool isReaction() const { return kind != Kind::ResolveThenable; }
  ReactionType reactionType() const {  // Reaction only
    return kind == Kind::FulfillReaction ? ReactionType::Fulfill : ReactionType::Reject;
  }
  // Reaction: the promise whose reaction this is. ResolveThenable: promiseToResolve.
  PromiseObject* promise = nullptr;
  Value value;  // Reaction: argument. ResolveThenable: thenable. (One field: a job is one or the other.)
  // Reaction: reaction.[[Capability]], undefined when its promise is null (Await's reactions).
  PromiseCapability capability;
  // Reaction: reaction.[[Handler]], empty when its callback is null. ResolveThenable: then.
  JobCallback handler;
  Realm* realm = nullptr;  // where the steps run

  const Value& argument() const { return value; }  // Reaction only
  const Value& thenable() const { return value; }  // ResolveThenable only
  void operator()() const;                         // the closure's steps (promise_abstract_operations.cpp)
};

// The operation HostPromiseRejectionTracker is told about (27.2.1.9).
enum class RejectionOperation { Reject, Handle };

class Host {
 public:
  virtual ~Host() = default;

  // 9.5.2 HostMakeJobCallback ( callback ), the default implementation, which a host that is not a
  // web browser must use (so no host of this model overrides it) — https://tc39.es/ecma262/2025/#sec-hostmakejobcallback
  JobCallback HostMakeJobCallback(Object* callback) {
    // 1. Return the JobCallback Record { [[Callback]]: callback, [[HostDefined]]: empty }.
    return JobCallback{callback};
  }
  // 9.5.3 HostCallJobCallback ( jobCallback, V, argumentsList ) — https://tc39.es/ecma262/2025/#sec-hostcalljobcallback
  virtual Completion HostCallJobCallback(Realm& realm, const JobCallback& jobCallback, const Value& v,
                                         std::span<const Value> argumentsList);
  // 9.5.5 HostEnqueuePromiseJob ( job, realm ) — https://tc39.es/ecma262/2025/#sec-hostenqueuepromisejob
  virtual void HostEnqueuePromiseJob(PromiseJob job) = 0;
  // 27.2.1.9 HostPromiseRejectionTracker ( promise, operation ) — https://tc39.es/ecma262/2025/#sec-host-promise-rejection-tracker
  virtual void HostPromiseRejectionTracker(PromiseObject* promise, RejectionOperation operation) = 0;
};

}  // namespace pc::es
