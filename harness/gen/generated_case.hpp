#pragma once
// Generated programs as cases: a pc::Case that any subject can run, and the case file a
// disagreement becomes (ready to commit under cases/, with the oracle's trace as its expectation).
#include <filesystem>
#include <string>
#include <vector>

#include "harness/core/case.hpp"

namespace pc::gen {

// A case with the program and the features it needs; no expectation.
Case makeCase(const Json& program, std::string id);

// The rules a program exercises, from the statements and values it uses (at least one).
std::vector<std::string> rulesExercised(const Json& program);

// The whole case file: id, title, rules, program and `expectation` as its "expect".
Json caseDocument(const Json& program, const std::string& id, const std::string& title, const Trace& expectation);

// Writes `doc` to dir/<its id>.json, creating folders; returns the path.
std::filesystem::path writeCaseFile(const std::filesystem::path& dir, const Json& doc);

}  // namespace pc::gen
