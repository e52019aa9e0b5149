#include "harness/gen/shrink.hpp"

#include "harness/core/grammar.hpp"

namespace pc::gen {
namespace {

// Tries the shrinks of `current` batch by batch; the first that still fails, if any.
std::optional<rc::Shrinkable<Json>> failingShrink(const rc::Shrinkable<Json>& current, const FirstFailing& firstFailing,
                                                  std::size_t batchSize) {
  rc::Seq<rc::Shrinkable<Json>> shrinks = current.shrinks();
  for (;;) {
    std::vector<rc::Shrinkable<Json>> batch;
    std::vector<Json> programs;
    while (batch.size() < batchSize) {
      rc::Maybe<rc::Shrinkable<Json>> next = shrinks.next();
      if (!next) break;
      programs.push_back(next->value());
      batch.push_back(std::move(*next));
    }
    if (batch.empty()) return std::nullopt;
    if (std::optional<std::size_t> hit = firstFailing(programs)) return batch[*hit];
  }
}

bool isStatement(const Json& v) { return grammar::verbOf(v) != nullptr; }

}  // namespace

rc::Shrinkable<Json> shrinkFailure(rc::Shrinkable<Json> failing, const FirstFailing& firstFailing,
                                   std::size_t batchSize) {
  // Each step strictly simplifies, so this ends; the bound only guards against a flaky oracle.
  for (int step = 0; step < 10000; ++step) {
    std::optional<rc::Shrinkable<Json>> smaller = failingShrink(failing, firstFailing, batchSize);
    if (!smaller) break;
    failing = std::move(*smaller);
  }
  return failing;
}

std::size_t countStatements(const Json& program) {
  std::size_t n = isStatement(program) ? 1 : 0;
  if (program.is_structured())
    for (const Json& child : program) n += countStatements(child);
  return n;
}

}  // namespace pc::gen
