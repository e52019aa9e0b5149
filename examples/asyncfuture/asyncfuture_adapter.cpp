#include "asyncfuture_adapter.hpp"

#include <asyncfuture.h>
#include <QCoreApplication>
#include <QException>

namespace asyncfuture_conformance {
namespace {

// How Qt futures fail: a QException, stored by AsyncFuture in the future a throwing handler makes,
// and thrown again by QFuture::waitForFinished. This one carries a JavaScript reason.
class Rejection : public QException {
 public:
  explicit Rejection(Value reason) : reason_(std::move(reason)) {}
  void raise() const override { throw *this; }
  Rejection* clone() const override { return new Rejection(*this); }
  const Value& reason() const { return reason_; }

 private:
  Value reason_;
};

// AsyncFuture's callbacks are queued to the QCoreApplication's thread: there must be one.
void ensureApplication() {
  static int argc = 1;
  static char name[] = "asyncfuture-conformance-worker";
  static char* argv[] = {name, nullptr};
  static QCoreApplication* app = QCoreApplication::instance() ? nullptr : new QCoreApplication(argc, argv);
  (void)app;
}

}  // namespace

AsyncFutureAdapter::AsyncFutureAdapter(pc::sdk::Host& host) : host_(host) { ensureApplication(); }

pc::sdk::Pending<Future> AsyncFutureAdapter::pending() {
  auto deferred = AsyncFuture::deferred<Value>();
  auto resolve = [this, deferred](const Value& v) mutable {
    // Resolved with one of its own futures, a deferred follows it: Deferred::complete(QFuture<T>).
    if (const Future* future = host_.handleOf<Future>(v))
      deferred.complete(*future);
    else
      deferred.complete(v);
  };
  return {deferred.future(), resolve, [deferred](const Value&) mutable { deferred.cancel(); }};
}

Future AsyncFutureAdapter::then(const Future& future, pc::sdk::Callback onFulfilled, pc::sdk::Callback onRejected) {
  return AsyncFuture::observe(future)
      .subscribe([this, onFulfilled](Future done) { return settledBy(onFulfilled(done.result())); },
                 [this, future, onRejected] { onRejected(reasonOf(future)); })
      .future();
}

pc::sdk::Settled AsyncFutureAdapter::inspect(const Future& future) {
  if (!future.isFinished()) return pc::sdk::Settled::pending();
  if (future.isCanceled()) return pc::sdk::Settled::rejected(reasonOf(future));
  return pc::sdk::Settled::fulfilled(future.result());
}

Future AsyncFutureAdapter::all(std::vector<Future> futures) {
  auto combined = AsyncFuture::combine();
  for (const Future& f : futures) combined << f;
  return combined
      .subscribe([this, futures] {
        std::vector<Value> results;
        for (const Future& f : futures) results.push_back(f.result());
        return host_.makeArray(std::move(results));
      })
      .future();
}

// Qt posts each finished future's notification as an event; running them can post more. Run them
// until a few rounds in a row start no JavaScript callback (some steps, such as following a
// returned future, start none themselves).
void AsyncFutureAdapter::pump() {
  constexpr int kQuietRounds = 8;
  for (int quiet = 0; quiet < kQuietRounds;) {
    const auto before = host_.callbacksStarted();
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    quiet = host_.callbacksStarted() == before ? quiet + 1 : 0;
  }
}

// The reason behind a canceled future: the Rejection a handler threw, or, for a deferred that was
// canceled, none (AsyncFuture has no reason to give), which JavaScript sees as an Error.
Value AsyncFutureAdapter::reasonOf(const Future& canceled) {
  try {
    Future(canceled).waitForFinished();
  } catch (const Rejection& r) {
    return r.reason();
  } catch (...) {
    return host_.reasonOf(std::current_exception());
  }
  return host_.makeError("Error", "canceled (AsyncFuture gives no reason)");
}

// A handler's outcome as the future subscribe follows: the library's own future it returned, a
// finished one with its value, or a throw AsyncFuture turns into a failed future.
Future AsyncFutureAdapter::settledBy(const pc::sdk::Outcome& outcome) {
  if (outcome.rejected) throw Rejection(outcome.value);
  if (const Future* returned = host_.handleOf<Future>(outcome.value)) return *returned;
  return AsyncFuture::completed(outcome.value);
}

}  // namespace asyncfuture_conformance
