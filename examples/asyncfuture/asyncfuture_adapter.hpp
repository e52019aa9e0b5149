#pragma once
// AsyncFuture (github.com/benlau/asyncfuture, Debian libasyncfuture-dev): promises over Qt 5's QFuture,
// as its README shows them. A pending promise is a Deferred<Value>: resolve is complete(value) (or
// complete(future) for one of its futures, which the deferred then follows), reject is cancel(), the
// only way AsyncFuture offers to fail a deferred, so its reason is lost. `then` is
// observe(future).subscribe(onCompleted, onCanceled), whose callbacks Qt's event loop runs on this
// thread. A handler that throws throws a QException carrying the reason, which AsyncFuture stores in
// the next future (the way Qt futures fail); a handler that returns a future is followed by
// subscribe's own flattening; what onCanceled returns AsyncFuture drops: the next future is canceled.
// `all` is combine() << each future, subscribed to read their results in input order.
#include <QFuture>
#include <vector>

#include "harness/sdk/adapter.hpp"
#include "harness/sdk/host.hpp"

namespace asyncfuture_conformance {

using pc::sdk::Value;
using Future = QFuture<Value>;

class AsyncFutureAdapter {
 public:
  using Handle = Future;

  explicit AsyncFutureAdapter(pc::sdk::Host& host);

  pc::sdk::Pending<Handle> pending();
  Handle then(const Handle& future, pc::sdk::Callback onFulfilled, pc::sdk::Callback onRejected);
  pc::sdk::Settled inspect(const Handle& future);
  Handle all(std::vector<Handle> futures);
  void pump();
  pc::sdk::Scheduling scheduling() const { return pc::sdk::Scheduling::SingleThreaded; }

 private:
  Value reasonOf(const Handle& canceled);
  Handle settledBy(const pc::sdk::Outcome& outcome);

  pc::sdk::Host& host_;
};

}  // namespace asyncfuture_conformance
