#pragma once
#include "harness/sdk/registry.hpp"

namespace pc::adapters {

void addPplxSubjects(LibraryVariants& registry);

}  // namespace pc::adapters
