// The toy library's one variant, as a user's worker lists it.
#include "harness/sdk/registry.hpp"
#include "harness/worker/worker.hpp"
#include "toy_library.hpp"

pc::LibraryVariants pc::worker::subjects() {
  sdk::toy::Options options;
#ifdef TOY_BROKEN
  options.synchronous = true;  // handlers run inside then() and the settle: not Promises/A+
#endif
  return {librarySubject<sdk::toy::Adapter>({"toy/loop", "toy 1.0", "continuations from the toy's queue"}, options)};
}
