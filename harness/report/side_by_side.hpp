#pragma once
// Two traces in two columns, one event or final state per row: the first row that differs marked
// with '>' (where the subject left the expected path), the later ones with '!'.
// Used where a person has to see at a glance where a subject left the expected path.
#include <functional>
#include <string>

#include "harness/core/trace.hpp"

namespace pc {

// How the left column is headed, and an optional note shown before each of its events (e.g. the job
// an event ran in); notes are not compared.
struct LeftColumn {
  std::string title = "expected";
  std::function<std::string(std::size_t event)> note;
};

std::string sideBySide(const Trace& expected, const Trace& actual, const std::string& actualTitle,
                       const LeftColumn& left = {});

}  // namespace pc
