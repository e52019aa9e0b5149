// Qt 6 QPromise / QFuture. A pending promise is a started QPromise<Value>; resolve is addResult then
// finish, reject is setException then finish; a reject after it finished ends the case as the
// library's failure (completedAgain). `then` is QFuture::then with a continuation that
// takes the whole QFuture, the form that runs on success and on failure; the variants differ in
// where Qt runs it. A continuation returns a QFuture<Value> (the one its handler returned, or a
// ready or failed one), and QFuture::unwrap() (Qt 6.4) follows it. Caution for readers: a QFuture
// holds ONE continuation, and a second then replaces the first (the first one's future is
// canceled) -- the library's rule, kept as it is; unwrap() attaches one to the future it follows.
//
// Combinators: QtFuture::whenAll never fails: it finishes once every input has, with the list of
// the input futures. all and allSettled are a continuation on it that reads each input in input
// order (all: the first failure in input order rejects); race is QtFuture::whenAny (the first input
// to finish, failed or not) with a continuation that reads the winner. Each description says so.
#include "adapters/qt/qt_adapter.hpp"

#include <QCoreApplication>
#include <QFuture>
#include <QPromise>
#include <QThread>
#include <QThreadPool>
#include <atomic>
#include <memory>
#include <type_traits>
#include <vector>

namespace pc::adapters {
namespace {

using sdk::Value;
using Future = QFuture<Value>;

enum class Mode {
  Sync,           // then(f): in the thread that finishes the antecedent, at once if it has finished
  Context,        // then(context, f), context on the case's thread
  ContextThread,  // then(context, f), context living in its own QThread with an event loop
  Async,          // then(QtFuture::Launch::Async, f): the global QThreadPool
  OnFailed,       // then(f).onFailed(r), the pair Qt's documentation shows
};

// Queued calls need a QCoreApplication, one per process. Never destroyed: deleting it during
// static destruction would race Qt's own teardown.
void ensureApplication() {
  static int argc = 1;
  static char name[] = "promise-conformance";
  static char* argv[] = {name, nullptr};
  static QCoreApplication* app = QCoreApplication::instance() ? nullptr : new QCoreApplication(argc, argv);
  (void)app;
}

class QtAdapter {
 public:
  using Handle = Future;

  QtAdapter(sdk::Host& host, Mode mode) : host_(host), mode_(mode) {
    ensureApplication();
    if (mode_ == Mode::ContextThread) startContextThread();
  }
  ~QtAdapter() {
    if (thread_) {
      thread_->quit();
      thread_->wait();
    }
    // Async continuations still queued hold our callbacks: let them finish before the case goes.
    if (mode_ == Mode::Async) QThreadPool::globalInstance()->waitForDone();
  }
  QtAdapter(const QtAdapter&) = delete;
  QtAdapter& operator=(const QtAdapter&) = delete;

  sdk::Pending<Handle> pending() {
    auto promise = std::make_shared<QPromise<Value>>();
    promise->start();
    return {promise->future(),
            [promise](const Value& v) {
              promise->addResult(v);  // ignored once finished, as Qt documents
              promise->finish();
            },
            [this, promise](const Value& reason) {
              if (completedAgain(*promise)) return;
              promise->setException(std::make_exception_ptr(sdk::Rejection(reason)));
              promise->finish();
            }};
  }

  // QPromise guards addResult (ignored once finished) but not setException: setting an exception on
  // a finished QPromise is undefined, and it crashed in some runs and not in others. It is not made;
  // the case ends as the library's failure, the same in every run.
  bool completedAgain(QPromise<Value>& promise) {
    if (!promise.future().isFinished()) return false;
    host_.fault(
        FailureKind::LibraryError,
        "set an exception on a QPromise that had already finished: undefined in Qt (it crashes in some runs), so the "
        "adapter stops the case there");
    return true;
  }

  Handle resolved(const Value& v) { return QtFuture::makeReadyFuture(v); }
  Handle rejected(const Value& reason) {
    return QtFuture::makeExceptionalFuture<Value>(std::make_exception_ptr(sdk::Rejection(reason)));
  }

  Handle then(const Handle& antecedent, sdk::Callback onFulfilled, sdk::Callback onRejected) {
    if (mode_ == Mode::OnFailed) return thenOnFailed(antecedent, onFulfilled, onRejected);
    return continueWith(antecedent,
                        [this, onFulfilled, onRejected](const Future& settled) -> Future {
                          Value value;
                          try {
                            value = settled.result();  // rethrows the stored exception
                          } catch (...) {
                            return futureOf(onRejected(host_.reasonOf(std::current_exception())));
                          }
                          return futureOf(onFulfilled(value));
                        })
        .unwrap();
  }

  // A canceled future (its QPromise died unfinished, or its continuation was replaced) and a
  // finished one without a result are neither fulfilled nor rejected; they show as rejections
  // with an Error naming the state.
  sdk::Settled inspect(const Handle& h) {
    if (!h.isFinished()) return sdk::Settled::pending();
    try {
      Future(h).waitForFinished();  // does not block when finished; rethrows the exception
    } catch (...) {
      return sdk::Settled::rejected(host_.reasonOf(std::current_exception()));
    }
    if (h.resultCount() > 0) return sdk::Settled::fulfilled(h.resultAt(0));
    if (h.isCanceled()) return sdk::Settled::rejected(host_.makeError("QFuture canceled", "canceled, no result"));
    return sdk::Settled::rejected(host_.makeError("QFuture without result", "finished with no result"));
  }

  sdk::Scheduling scheduling() const {
    const bool threaded = mode_ == Mode::ContextThread || mode_ == Mode::Async;
    return threaded ? sdk::Scheduling::Threaded : sdk::Scheduling::SingleThreaded;
  }

  // Microtasks are calls queued to the case thread's event loop, as a Qt program posts work. They
  // go to caseObject_, so that those never delivered die with the case.
  void queueMicrotask(std::function<void()> work) {
    ++queued_;
    QMetaObject::invokeMethod(
        &caseObject_,
        [this, work = std::move(work)] {
          --queued_;
          work();
        },
        Qt::QueuedConnection);
  }
  // Delivers the case thread's posted calls, including those posted meanwhile.
  void pump() {
    while (queued_ > 0) QCoreApplication::sendPostedEvents();
  }

  // QtFuture::whenAll finishes once every input has finished, failed ones too: no early rejection,
  // and the reason given is the first failure in input order, not in time.
  Handle all(std::vector<Handle> inputs) {
    return continueWith(QtFuture::whenAll(inputs.begin(), inputs.end()), [this](const QFuture<QList<Future>>& all) {
      std::vector<Value> values;
      for (const Future& f : all.result()) values.push_back(valueOf(f));
      return host_.makeArray(std::move(values));
    });
  }
  Handle allSettled(std::vector<Handle> inputs) {
    return continueWith(QtFuture::whenAll(inputs.begin(), inputs.end()), [this](const QFuture<QList<Future>>& all) {
      std::vector<Value> outcomes;
      for (const Future& f : all.result()) outcomes.push_back(describe(inspect(f)));
      return host_.makeArray(std::move(outcomes));
    });
  }
  // QtFuture::whenAny gives the index and future of the first input to finish, failed or not.
  // With no input it finishes at once with index -1 and a canceled future.
  Handle race(std::vector<Handle> inputs) {
    return continueWith(
        QtFuture::whenAny(inputs.begin(), inputs.end()),
        [this](const QFuture<QtFuture::WhenAnyResult<Value>>& any) { return valueOf(any.result().future); });
  }

 private:
  // QFuture::then in this variant's form; `fn` takes the finished antecedent.
  template <class T, class Fn>
  auto continueWith(QFuture<T> antecedent, Fn&& fn) -> QFuture<std::invoke_result_t<Fn&, const QFuture<T>&>> {
    switch (mode_) {
      case Mode::Context:
      case Mode::ContextThread:
        return antecedent.then(threadContext_ ? threadContext_ : &caseObject_, std::forward<Fn>(fn));
      case Mode::Async: return antecedent.then(QtFuture::Launch::Async, std::forward<Fn>(fn));
      default: return antecedent.then(std::forward<Fn>(fn));
    }
  }

  // then(f).onFailed(r).unwrap(): r also receives what f throws, unlike then(f, r).
  Handle thenOnFailed(Future antecedent, const sdk::Callback& onFulfilled, const sdk::Callback& onRejected) {
    return antecedent.then([this, onFulfilled](const Value& v) { return futureOrThrow(onFulfilled(v)); })
        .onFailed([this, onRejected](const sdk::Rejection& e) { return futureOrThrow(onRejected(e.reason())); })
        .unwrap();
  }

  // What a continuation returns: the future its handler returned, or a finished one.
  Future futureOf(const sdk::Outcome& outcome) {
    if (outcome.rejected) return QtFuture::makeExceptionalFuture<Value>(outcome.error());
    if (const Future* returned = host_.handleOf<Future>(outcome.value)) return *returned;
    return QtFuture::makeReadyFuture(outcome.value);
  }
  // The same, with a rejection thrown (so that onFailed sees it).
  Future futureOrThrow(const sdk::Outcome& outcome) {
    if (outcome.rejected) throw sdk::Rejection(outcome.value);
    return futureOf(outcome);
  }

  // An input of a combinator as the combinator's continuation sees it: its value, or a throw.
  Value valueOf(const Future& f) {
    const sdk::Settled s = inspect(f);
    if (s.state == sdk::Settled::State::Fulfilled) return s.value;
    // whenAll counts an input whose continuation was replaced as done while it still runs.
    if (s.isPending()) throw sdk::Rejection(host_.makeError("QFuture running", "combinator input not finished"));
    throw sdk::Rejection(s.value);
  }

  Value describe(const sdk::Settled& s) {
    if (s.state == sdk::Settled::State::Fulfilled)
      return host_.makeObject({{"status", "fulfilled"}, {"value", s.value}});
    if (s.state == sdk::Settled::State::Rejected)
      return host_.makeObject({{"status", "rejected"}, {"reason", s.value}});
    return host_.makeObject({{"status", "running"}});
  }

  // The context object lives in its own thread and is deleted there when the thread ends.
  void startContextThread() {
    thread_ = std::make_unique<QThread>();
    threadContext_ = new QObject;
    threadContext_->moveToThread(thread_.get());
    QObject::connect(thread_.get(), &QThread::finished, threadContext_, &QObject::deleteLater);
    thread_->start();
  }

  sdk::Host& host_;
  Mode mode_;
  QObject caseObject_;  // on the case's thread: the context of qt/context, the target of microtasks
  QObject* threadContext_ = nullptr;
  std::unique_ptr<QThread> thread_;
  std::atomic<int> queued_{0};
};

}  // namespace

void addQtSubjects(LibraryVariants& registry) {
  const std::string library = "Qt " QT_VERSION_STR " QPromise/QFuture";
  const std::string common =
      "; continuations return a QFuture and unwrap() follows it"
      "; all/allSettled: QtFuture::whenAll (never fails: the list of futures), then a continuation reads each input "
      "in input order; race: QtFuture::whenAny, then a continuation reads the winner";
  registry.push_back(librarySubject<QtAdapter>(
      {"qt/sync", library, "then(f): runs in the thread that finishes the future, at once if finished" + common},
      Mode::Sync));
  registry.push_back(librarySubject<QtAdapter>(
      {"qt/context", library, "then(context, f), context on the case's thread (invoked directly)" + common},
      Mode::Context));
  registry.push_back(librarySubject<QtAdapter>(
      {"qt/context-thread", library, "then(context, f), context in its own QThread: queued to its event loop" + common,
       false},
      Mode::ContextThread));
  registry.push_back(librarySubject<QtAdapter>(
      {"qt/async", library, "then(QtFuture::Launch::Async, f): the global QThreadPool" + common, false}, Mode::Async));
  registry.push_back(librarySubject<QtAdapter>(
      {"qt/onfailed", library, "then(f).onFailed(r).unwrap(), synchronous: r also sees what f throws" + common},
      Mode::OnFailed));
}

}  // namespace pc::adapters
