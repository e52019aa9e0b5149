#pragma once
// Every adapter variant built into this binary, in a stable order (library, then variant).
#include "harness/sdk/registry.hpp"

namespace pc::adapters {

LibraryVariants adapterSubjects();

}  // namespace pc::adapters
