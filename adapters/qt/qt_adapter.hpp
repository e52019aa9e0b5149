#pragma once
#include "harness/sdk/registry.hpp"

namespace pc::adapters {

void addQtSubjects(SubjectRegistry& registry);

}  // namespace pc::adapters
