#pragma once
#include "harness/sdk/registry.hpp"

namespace pc::adapters {

void addKjSubjects(SubjectRegistry& registry);

}  // namespace pc::adapters
