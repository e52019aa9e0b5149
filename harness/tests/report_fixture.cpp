#include "harness/tests/report_fixture.hpp"

#include <vector>

#include "harness/tests/fakes.hpp"

namespace pc::tests {

SuiteResult sampleSuite() {
  FeatureSet timers;
  timers.add(Feature::Timers);
  const std::vector<Case> cases = {makeCase("a/pass"), makeCase("a/fail"), makeCase("a/crash"),
                                   makeCase("a/timers", timers)};
  const std::vector<InvalidCase> invalid = {{"a/bad", "cases/a/bad.json: /program/0: " + kNasty}};
  FeatureSet noTimers = FeatureSet::all().missingFrom(timers);
  ScriptedSubject lib("lib", noTimers), odd("lib<&>", FeatureSet::all());
  Trace wrong = cases[1].expected;
  wrong.events.push_back(Json::array({kNastyUtf8, Json::object({{"error", "TypeError"}})}));
  wrong.final["p"] = Json::array({"rejected", kNastyUtf8});
  lib.answers["a/fail"] = wrong;
  lib.answers["a/crash"] = crashedTrace(kNasty);
  const std::vector<SubjectPlan> plans = {{&lib, Level::Exact}, {&odd, Level::Exact}};
  return runSuite(cases, invalid, plans, nullptr);
}

}  // namespace pc::tests
