#include "harness/core/trace.hpp"

namespace pc {

Json Trace::toJson() const { return Json{{"trace", events}, {"final", final}}; }

}  // namespace pc
