#pragma once
// The default host: promise jobs in one first-in, first-out queue and rejections tracked as Node.js
// tracks them, so that the model runs on its own. Whoever drives the model drains `jobs` and asks
// `rejections` for its reports.
#include "reference/host.hpp"
#include "reference/host_rejection_tracker.hpp"
#include "reference/job_queue.hpp"

namespace pc::es {

class NodeHost : public Host {
 public:
  void HostEnqueuePromiseJob(PromiseJob job) override { jobs.enqueue(std::move(job)); }
  void HostPromiseRejectionTracker(PromiseObject* promise, RejectionOperation operation) override {
    rejections.track(promise, operation);
  }

  JobQueue jobs;
  NodeRejectionTracker rejections;
};

}  // namespace pc::es
