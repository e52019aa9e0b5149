#include "harness/core/result.hpp"

namespace pc {

std::string_view levelName(Level l) {
  switch (l) {
    case Level::None: return "none";
    case Level::Outcome: return "outcome";
    case Level::Causal: return "causal";
    case Level::Exact: return "exact";
  }
  return "?";
}

std::string_view statusName(Status s) {
  switch (s) {
    case Status::Pass: return "pass";
    case Status::Fail: return "fail";
    case Status::NotApplicable: return "not-applicable";
    case Status::Crashed: return "crashed";
    case Status::Invalid: return "invalid";
  }
  return "?";
}

}  // namespace pc
