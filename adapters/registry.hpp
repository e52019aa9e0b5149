#pragma once
// Every adapter subject built into this binary, in a stable order (library, then variant).
#include "harness/sdk/registry.hpp"

namespace pc::adapters {

SubjectRegistry adapterSubjects();

}  // namespace pc::adapters
