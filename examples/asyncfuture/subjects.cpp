// The variants this project's worker offers to promise-conformance (harness/worker/worker.hpp): the
// one function a worker's adapter defines.
#include <QtGlobal>

#include "asyncfuture_adapter.hpp"
#include "harness/sdk/registry.hpp"
#include "harness/worker/worker.hpp"

pc::LibraryVariants pc::worker::subjects() {
  LibraryVariants variants;
  variants.push_back(librarySubject<asyncfuture_conformance::AsyncFutureAdapter>(
      {"asyncfuture/subscribe", "AsyncFuture 0.4.1 over Qt " QT_VERSION_STR,
       "deferred<T>() for pending (resolve is complete(value or future); reject is cancel(): the reason is lost); "
       "then is "
       "observe(f).subscribe(onCompleted, onCanceled) on Qt's event loop; a throwing handler throws a QException "
       "that carries the reason; all is combine() << futures with a subscribe that reads their results"}));
  return variants;
}
