#pragma once
// How job descriptions name a promise of the reference: "promise p" by the name the case gave it,
// else "promise #3" by the order its realm made it in.
#include <cstddef>
#include <string>
#include <unordered_map>

#include "harness/core/value_encoding.hpp"
#include "reference/object.hpp"

namespace pc {

class PromiseNames {
 public:
  // Both must outlive this; `caseNames` may grow while the run goes on.
  PromiseNames(const es::Heap& heap, const ObjectNames& caseNames) : heap_(heap), caseNames_(caseNames) {}

  std::string describe(const es::PromiseObject* p);

 private:
  // The creation order of `p` among the heap's promises, counted lazily: a run that is never
  // journaled never pays for it.
  std::size_t serialOf(const es::PromiseObject* p);

  const es::Heap& heap_;
  const ObjectNames& caseNames_;
  std::unordered_map<const es::PromiseObject*, std::size_t> serials_;
  es::Heap::Position scanned_;  // how far the heap's objects have been counted
};

}  // namespace pc
