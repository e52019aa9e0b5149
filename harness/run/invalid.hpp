#pragma once
// Turning the loader's errors into InvalidCase entries: one per broken file, carrying every problem
// found in it, so a broken file is one visible verdict per subject.
#include <filesystem>
#include <span>
#include <vector>

#include "harness/load/loader.hpp"
#include "harness/run/runner.hpp"

namespace pc {

// `casesDir` turns a file into its would-be id (the path under it without ".json"). Sorted by id.
std::vector<InvalidCase> invalidCasesFrom(std::span<const LoadError> errors, const std::filesystem::path& casesDir);

// The id a case file at `file` must have: its path under `casesDir` without ".json", with '/' separators;
// the file's own path when it is not under casesDir.
std::string caseIdForFile(const std::filesystem::path& file, const std::filesystem::path& casesDir);

}  // namespace pc
