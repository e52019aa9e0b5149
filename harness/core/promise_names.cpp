#include "harness/core/promise_names.hpp"

namespace pc {

std::string PromiseNames::describe(const es::PromiseObject* p) {
  auto named = caseNames_.find(p);
  if (named != caseNames_.end()) return "promise " + named->second;
  return "promise #" + std::to_string(serialOf(p));
}

std::size_t PromiseNames::serialOf(const es::PromiseObject* p) {
  while (!serials_.contains(p)) {
    const es::Object* o = heap_.next(scanned_);
    if (!o) break;
    if (o->kind() == es::ObjectKind::Promise)
      serials_.emplace(static_cast<const es::PromiseObject*>(o), serials_.size());
  }
  return serials_.at(p);  // every promise of the realm is in its heap
}

}  // namespace pc
