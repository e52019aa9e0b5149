#pragma once
// Loading the rules and the cases for a subcommand, in one place, so that every subcommand treats
// broken files the same way: reported with file and JSON pointer, never stopping the others.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "harness/core/case.hpp"
#include "harness/run/runner.hpp"

namespace pc::cli {

struct Corpus {
  std::vector<Case> cases;              // the valid cases, sorted by id
  std::vector<InvalidCase> invalid;     // one per broken case file, sorted by id
  std::vector<std::string> ruleErrors;  // problems of the rules catalog, formatted
  std::vector<std::string> errors;      // every problem found (rules and cases), formatted, in order
};

// `rulesDir` empty: rule ids are not checked (for `list`).
Corpus loadCorpus(const std::filesystem::path& casesDir, const std::filesystem::path& rulesDir);

// Keeps the cases (valid and invalid) whose id matches `glob` (* and ?); an empty glob keeps all.
void keepMatching(Corpus& corpus, const std::string& glob);

// loadCorpus then keepMatching, reading only the one file when `glob` is a case id without wildcards
// whose file exists: what makes one run per case (a user's ctest per case) cheap.
Corpus loadMatching(const std::filesystem::path& casesDir, const std::filesystem::path& rulesDir,
                    const std::string& glob);

}  // namespace pc::cli

namespace pc::cli {

// One case file, checked like the whole corpus would be; on failure, the formatted problems.
struct OneCase {
  std::optional<Case> loaded;
  std::vector<std::string> errors;
};
// A case file's id is its path under the cases directory, so a file given by path tells where its
// cases directory is: strip "<id>.json" from its end. Falls back to `fallback`.
std::filesystem::path casesDirOf(const std::filesystem::path& file, const std::filesystem::path& fallback);

// Advice for a case's author that is not an error (load/log_notes.hpp), formatted as
// "file: /pointer: note: message".
std::vector<std::string> authorNotes(const Case& c);

// A `draft` may lack its expectation (loader.hpp, loadCaseFile).
OneCase loadOneCase(const std::filesystem::path& file, const std::filesystem::path& casesDir,
                    const std::filesystem::path& rulesDir, bool draft = false);

}  // namespace pc::cli
