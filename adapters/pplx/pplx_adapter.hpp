#pragma once
#include "harness/sdk/registry.hpp"

namespace pc::adapters {

void addPplxSubjects(SubjectRegistry& registry);

}  // namespace pc::adapters
