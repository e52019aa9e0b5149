#include "reference/host_rejection_tracker.hpp"

namespace pc::es {

void NodeRejectionTracker::track(PromiseObject* promise, RejectionOperation operation) {
  if (operation == RejectionOperation::Reject) {
    maybeUnhandled_[promise] = Info{promise->result, false};
    pendingUnhandled_.push_back(promise);
    return;
  }
  auto it = maybeUnhandled_.find(promise);
  if (it == maybeUnhandled_.end()) return;
  const bool warned = it->second.warned;
  maybeUnhandled_.erase(it);
  if (warned) handledLate_.push_back(promise);
}

bool NodeRejectionTracker::process(std::vector<RejectionReport>& out) {
  bool didSomething = !handledLate_.empty();
  for (PromiseObject* p : handledLate_) {
    RejectionReport& report = out.emplace_back();
    report.kind = RejectionReport::Kind::Handled;
    report.promise = p;
  }
  handledLate_.clear();

  std::vector<PromiseObject*> pending;
  pending.swap(pendingUnhandled_);
  for (PromiseObject* p : pending) {
    auto it = maybeUnhandled_.find(p);
    if (it == maybeUnhandled_.end()) continue;  // handled in time
    it->second.warned = true;
    RejectionReport& report = out.emplace_back();
    report.promise = p;
    report.reason = it->second.reason;
    didSomething = true;
  }
  return didSomething || !pendingUnhandled_.empty();
}

}  // namespace pc::es
