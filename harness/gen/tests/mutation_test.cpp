// The properties notice a deliberately broken reference (es::Mutation), and the shrinker reduces
// what they found to a case of at most 6 statements. (Running reactions synchronously changes no
// outcome, only the order of events, so only the job properties can see that one.) Without this, a property that can never fail
// would pass unnoticed.
#include <functional>

#include <gtest/gtest.h>

#include "harness/gen/fuzz.hpp"
#include "harness/gen/shrink.hpp"
#include "harness/gen/tests/properties.hpp"

namespace pc::gen::test {
namespace {

using Property = std::function<Violation(const Json&, es::Mutation)>;

struct Break {
  const char* name;
  es::Mutation mutation;
  Property property;
};

void PrintTo(const Break& b, std::ostream* os) { *os << b.name; }

class MutationIsCaught : public ::testing::TestWithParam<Break> {};

TEST_P(MutationIsCaught, AndShrunkToAtMostSixStatements) {
  const Break& b = GetParam();
  for (std::size_t i = 0; i < 3000; ++i) {
    const rc::Shrinkable<Json> candidate = generatedProgram(2024, i);
    if (!b.property(candidate.value(), b.mutation)) continue;
    ASSERT_FALSE(b.property(candidate.value(), es::Mutation::None))
        << "the sound reference fails too: " << candidate.value().dump();
    const FirstFailing stillFails = [&](const std::vector<Json>& programs) -> std::optional<std::size_t> {
      for (std::size_t k = 0; k < programs.size(); ++k)
        if (b.property(programs[k], b.mutation)) return k;
      return std::nullopt;
    };
    const Json shrunk = shrinkFailure(candidate, stillFails).value();
    EXPECT_LE(shrunk.size(), 6u) << shrunk.dump();
    std::cout << "[ caught   ] " << b.name << ": " << *b.property(shrunk, b.mutation) << "\n  in "
              << shrunk.dump() << "\n";
    return;
  }
  FAIL() << "no program among 3000 exposes the mutation";
}

INSTANTIATE_TEST_SUITE_P(
    Breaks, MutationIsCaught,
    ::testing::Values(
        Break{"SynchronousReactions_LaterJobs", es::Mutation::SynchronousReactions, handlersRunInLaterJobs},
        Break{"IgnoreAlreadyResolved_Model", es::Mutation::IgnoreAlreadyResolved, outcomesMatchModel},
        Break{"IgnoreAlreadyResolved_AtMostOnce", es::Mutation::IgnoreAlreadyResolved, settlesAtMostOnce}),
    [](const ::testing::TestParamInfo<Break>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace pc::gen::test
