#pragma once
// Two traces in two columns, one event or final state per row: the first row that differs marked
// with '>' (where the subject left the expected path), the later ones with '!'.
// Used where a person has to see at a glance where a subject left the expected path.
#include <string>

#include "harness/core/trace.hpp"

namespace pc {

std::string sideBySide(const Trace& expected, const Trace& actual, const std::string& actualTitle);

}  // namespace pc
