#pragma once
// HostPromiseRejectionTracker (27.2.1.9) as Node.js implements it, for the default host. The engine
// tells the host when a promise is rejected with no handler ("reject") and when a handler is added
// to such a promise ("handle"). After each macrotask's microtasks have drained, the host reports:
// first a "handled" event for every promise that got a handler after it had been reported, then an
// "unhandled" event for every promise rejected since the last report that is still unhandled.
#include <cstddef>
#include <unordered_map>
#include <vector>

#include "reference/host.hpp"
#include "reference/object.hpp"

namespace pc::es {

struct RejectionReport {
  enum class Kind { Handled, Unhandled };
  Kind kind = Kind::Unhandled;
  PromiseObject* promise = nullptr;
  Value reason;  // for Unhandled
};

class NodeRejectionTracker {
 public:
  void track(PromiseObject* promise, RejectionOperation operation);
  // One round of Node's processPromiseRejections. Returns false when it had nothing to do, so the
  // caller knows it need not drain the microtasks again.
  bool process(std::vector<RejectionReport>& out);

 private:
  struct Info {
    Value reason;
    bool warned = false;
  };
  std::unordered_map<PromiseObject*, Info> maybeUnhandled_;
  std::vector<PromiseObject*> pendingUnhandled_;  // in rejection order
  std::vector<PromiseObject*> handledLate_;       // handled after being reported
};

}  // namespace pc::es
