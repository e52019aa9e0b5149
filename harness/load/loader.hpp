#pragma once
// Loading the case corpus: every cases/**/*.json is parsed and validated against the case language
// (spec/case-language.md, spec/case.schema.json) and becomes a pc::Case, or a list of errors that
// name the file and the JSON pointer of each problem. One broken file never stops the others.
//
//   LoadedRules rules = loadRules("spec/rules");
//   LoadedCases corpus = loadCases("cases", &rules.catalog);
//   for (const LoadError& e : corpus.errors) std::cerr << formatError(e) << '\n';
#include <filesystem>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "harness/core/case.hpp"
#include "harness/load/features.hpp"
#include "harness/load/json_file.hpp"
#include "harness/load/load_error.hpp"
#include "harness/load/rules.hpp"

namespace pc {

struct LoadedCases {
  std::vector<Case> cases;        // the valid ones, sorted by id
  std::vector<LoadError> errors;  // every problem of every invalid file, file by file
};

// Reads every *.json under `casesDir`, recursively. With `rules`, every rule a case cites must be
// in the catalog; without, rule ids are checked for their form only.
LoadedCases loadCases(const std::filesystem::path& casesDir, const RuleCatalog* rules);

// One file; its id must equal its path under `casesDir`. A `draft` may lack "expect" (then the
// case's expectation is empty) and its "expect" is not checked: `record` fills it in.
std::variant<Case, std::vector<LoadError>> loadCaseFile(const std::filesystem::path& file,
                                                        const std::filesystem::path& casesDir, const RuleCatalog* rules,
                                                        bool draft = false);

// A case held in memory (the fuzz target's input), whose id must be `expectedId`; `file` names it in
// errors. `maxNesting` is for benchmarks that go past the limit on a larger stack.
std::variant<Case, std::vector<LoadError>> loadCaseText(const std::string& text, const std::filesystem::path& file,
                                                        std::string_view expectedId, const RuleCatalog* rules,
                                                        int maxNesting = load::kMaxNesting);

}  // namespace pc
