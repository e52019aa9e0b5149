// A worker built the way a user's project builds one (pc::worker::subjects() + worker_main), from the
// SDK's toy library: "toy/loop" runs continuations from its queue, "toy/sync" inside then() and the
// settle (so it fails causal cases: the tests can tell a failing subject from a passing one).
#include "harness/sdk/tests/toy_library.hpp"
#include "harness/worker/worker.hpp"

namespace pc::worker {

LibraryVariants subjects() {
  LibraryVariants variants;
  variants.push_back(librarySubject<sdk::toy::Adapter>(
      {"toy/loop", "the SDK's toy library", "continuations from a queue"}, sdk::toy::Options{}));
  variants.push_back(
      librarySubject<sdk::toy::Adapter>({"toy/sync", "the SDK's toy library", "continuations inside then() and settle"},
                                        sdk::toy::Options{.synchronous = true}));
  return variants;
}

}  // namespace pc::worker
