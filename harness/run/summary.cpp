#include "harness/run/summary.hpp"

#include <algorithm>

namespace pc {

SubjectSummary summarize(const std::string& subject, Level required, std::span<const CaseResult> results) {
  SubjectSummary s;
  s.subject = subject;
  s.required = required;
  for (const CaseResult& r : results) {
    if (r.subject != subject) continue;
    switch (r.status) {
      case Status::Pass: ++s.pass; break;
      case Status::Fail: ++s.fail; break;
      case Status::NotApplicable: ++s.notApplicable; continue;  // did not run: no level
      case Status::Crashed: ++s.crashed; break;
      case Status::Invalid: ++s.invalid; continue;              // did not run: no level
    }
    const Level level = r.status == Status::Crashed ? Level::None : r.level;
    s.reached = s.reached ? std::min(*s.reached, level) : level;
  }
  return s;
}

}  // namespace pc
