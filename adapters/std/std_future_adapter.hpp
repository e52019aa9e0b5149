#pragma once
#include "harness/sdk/registry.hpp"

namespace pc::adapters {

// std/async and std/deferred: std::promise and std::shared_future, continuations by std::async.
void addStdFutureSubjects(LibraryVariants& registry);

}  // namespace pc::adapters
