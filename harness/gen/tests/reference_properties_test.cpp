// Properties of the reference on random programs (RapidCheck; RC_PARAMS="seed=..." replays one).
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "harness/gen/program_gen.hpp"
#include "harness/gen/tests/properties.hpp"

namespace pc::gen::test {
namespace {

// Fails the property with the violation's description, when there is one.
void holds(const Violation& v) {
  if (v) RC_FAIL(*v);
}

RC_GTEST_PROP(ReferenceProperties, SameProgramGivesTheSameTrace, ()) {
  holds(sameTraceTwice(*gen::program(), std::nullopt));
}

RC_GTEST_PROP(ReferenceProperties, EveryPromiseSettlesAtMostOnce, ()) {
  holds(settlesAtMostOnce(*gen::program(), std::nullopt));
}

RC_GTEST_PROP(ReferenceProperties, NoHandlerRunsInTheJobThatRegisteredIt, ()) {
  holds(handlersRunInLaterJobs(*gen::program(), std::nullopt));
}

RC_GTEST_PROP(ReferenceProperties, HandlersOfOnePromiseRunInRegistrationOrder, ()) {
  holds(handlersRunInRegistrationOrder(*gen::program(), std::nullopt));
}

RC_GTEST_PROP(ReferenceProperties, FinalStatesMatchTheSchedulingFreeModel, ()) {
  holds(outcomesMatchModel(*gen::program(), std::nullopt));
}

}  // namespace
}  // namespace pc::gen::test
