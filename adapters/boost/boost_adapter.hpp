#pragma once
#include "harness/sdk/registry.hpp"

namespace pc::adapters {

void addBoostSubjects(SubjectRegistry& registry);

}  // namespace pc::adapters
