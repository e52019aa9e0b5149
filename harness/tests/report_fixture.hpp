#pragma once
// One suite result with every status and hostile strings everywhere, shared by the reporter tests.
#include <string>

#include "harness/run/runner.hpp"

namespace pc::tests {

// Control characters, markup, quotes, a CDATA terminator, a non-character and a stray byte.
inline const std::string kNasty = "<&>\"' ]]> \x01\x1b[0m\ttab\nnl\rcr \xEF\xBF\xBE \xFF é";
// The same without the stray byte: what a trace can hold (a trace is JSON, so it is UTF-8).
inline const std::string kNastyUtf8 = "<&>\"' ]]> \x01\x1b[0m\ttab\nnl\rcr \xEF\xBF\xBE é";

// Subject "lib": a/pass (pass), a/fail (fail, kNastyUtf8 in its trace), a/crash (crashed, message kNasty),
// a/timers (not applicable), a/bad (invalid); subject "lib<&>" passes everything that applies.
SuiteResult sampleSuite();

}  // namespace pc::tests
