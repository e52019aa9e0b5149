#pragma once
// JUnit XML, as CI systems read it: one <testsuite> per subject, one <testcase> per case
// (classname = subject, name = case id). fail -> <failure>, the four no-trace kinds and invalid -> <error>,
// not applicable -> <skipped>. No timestamps or durations, so equal runs give equal bytes.
#include <ostream>

#include "harness/run/runner.hpp"

namespace pc {

void writeJUnitReport(std::ostream& out, const SuiteResult& suite);

}  // namespace pc
