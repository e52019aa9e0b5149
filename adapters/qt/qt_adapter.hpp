#pragma once
#include "harness/sdk/registry.hpp"

namespace pc::adapters {

void addQtSubjects(LibraryVariants& registry);

}  // namespace pc::adapters
