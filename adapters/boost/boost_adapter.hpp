#pragma once
#include "harness/sdk/registry.hpp"

namespace pc::adapters {

void addBoostSubjects(LibraryVariants& registry);

}  // namespace pc::adapters
