// Notes (not errors) for a case's author: `{"log": "x"}` records ["x", argument], and inside a
// fulfil or reject handler (or an async body after an await) the argument is a value, so the
// natural translation of console.log('x') records more than the label. The explicit forms
// {"log": "x", "value": {"undefined": true}} and {"log": "x", "value": {"argument": true}} say
// which is meant and silence the note. The corpus keeps the short form, whose meaning is documented
// (spec/case-language.md), so this is a note for new cases rather than an error.
#pragma once
#include <string>
#include <vector>

#include "harness/core/trace.hpp"

namespace pc::load {

struct Note {
  std::string pointer;
  std::string message;
};

std::vector<Note> logArgumentNotes(const Json& program);

}  // namespace pc::load
