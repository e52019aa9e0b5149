#pragma once
// How a runtime value is written into a trace (spec/case-language.md, "The trace"). Encoding never
// runs user code: accessors are reported, not read.
#include <string>
#include <unordered_map>

#include "harness/core/trace.hpp"
#include "reference/object.hpp"

namespace pc {

// The names a case gave to objects (the first name bound wins).
using ObjectNames = std::unordered_map<const es::Object*, std::string>;

Json encodeValue(const es::Value& v, const ObjectNames& names);

}  // namespace pc
