#pragma once
#include "harness/sdk/registry.hpp"

namespace pc::adapters {

void addKjSubjects(LibraryVariants& registry);

}  // namespace pc::adapters
