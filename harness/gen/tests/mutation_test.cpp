// The properties notice a reference on a faulty host (faulty_host.hpp), and the shrinker reduces
// what they found to a case of at most 6 statements. Without this, a property that can never fail
// would pass unnoticed: each property here is shown to catch at least one fault. (Running reactions
// synchronously or calling handlers twice changes no outcome, only which events happen in which
// job and how often, so only the job properties can see those.)
#include <functional>

#include <gtest/gtest.h>

#include "harness/gen/fuzz.hpp"
#include "harness/gen/shrink.hpp"
#include "harness/gen/tests/properties.hpp"

namespace pc::gen::test {
namespace {

using Property = std::function<Violation(const Json&, std::optional<HostFault>)>;

struct Break {
  const char* name;
  HostFault fault;
  Property property;
};

void PrintTo(const Break& b, std::ostream* os) { *os << b.name; }

class FaultIsCaught : public ::testing::TestWithParam<Break> {};

TEST_P(FaultIsCaught, AndShrunkToAtMostSixStatements) {
  const Break& b = GetParam();
  for (std::size_t i = 0; i < 3000; ++i) {
    const rc::Shrinkable<Json> candidate = generatedProgram(2024, i);
    if (!b.property(candidate.value(), b.fault)) continue;
    ASSERT_FALSE(b.property(candidate.value(), std::nullopt))
        << "the sound reference fails too: " << candidate.value().dump();
    const FirstFailing stillFails = [&](const std::vector<Json>& programs) -> std::optional<std::size_t> {
      for (std::size_t k = 0; k < programs.size(); ++k)
        if (b.property(programs[k], b.fault)) return k;
      return std::nullopt;
    };
    const Json shrunk = shrinkFailure(candidate, stillFails).value();
    EXPECT_LE(shrunk.size(), 6u) << shrunk.dump();
    std::cout << "[ caught   ] " << b.name << ": " << *b.property(shrunk, b.fault) << "\n  in " << shrunk.dump()
              << "\n";
    return;
  }
  FAIL() << "no program among 3000 exposes the fault";
}

INSTANTIATE_TEST_SUITE_P(Breaks, FaultIsCaught,
                         ::testing::Values(Break{"SynchronousReactions_LaterJobs", HostFault::SynchronousReactions,
                                                 handlersRunInLaterJobs},
                                           Break{"CallbacksCalledTwice_RegistrationOrder",
                                                 HostFault::CallbacksCalledTwice, handlersRunInRegistrationOrder},
                                           Break{"CallbacksWithoutArguments_Model",
                                                 HostFault::CallbacksWithoutArguments, outcomesMatchModel},
                                           Break{"CallbacksWithoutArguments_AtMostOnce",
                                                 HostFault::CallbacksWithoutArguments, settlesAtMostOnce}),
                         [](const ::testing::TestParamInfo<Break>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace pc::gen::test
