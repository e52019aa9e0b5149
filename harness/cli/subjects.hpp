#pragma once
// The subject registry of the command: the built-in subjects, then every adapter that was built
// (adapters/registry.cpp). Adapters add an entry in their own folder and nowhere else.
#include "harness/sdk/registry.hpp"

namespace pc::cli {

using pc::Opened;
using pc::SubjectEntry;
using pc::SubjectRegistry;

// reference (the C++ model) and node (V8 through the pinned Node.js).
SubjectRegistry builtinSubjects();

}  // namespace pc::cli
