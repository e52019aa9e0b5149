#include "harness/cli/corpus.hpp"

#include "harness/load/loader.hpp"
#include "harness/run/glob.hpp"
#include "harness/run/invalid.hpp"

namespace pc::cli {

Corpus loadCorpus(const std::filesystem::path& casesDir, const std::filesystem::path& rulesDir) {
  Corpus corpus;
  std::optional<LoadedRules> rules;
  if (!rulesDir.empty()) {
    rules = loadRules(rulesDir);
    for (const LoadError& e : rules->errors) corpus.ruleErrors.push_back(formatError(e));
  }
  LoadedCases loaded = loadCases(casesDir, rules ? &rules->catalog : nullptr);
  corpus.cases = std::move(loaded.cases);
  corpus.invalid = invalidCasesFrom(loaded.errors, casesDir);
  corpus.errors = corpus.ruleErrors;
  for (const LoadError& e : loaded.errors) corpus.errors.push_back(formatError(e));
  return corpus;
}

}  // namespace pc::cli

namespace pc::cli {

OneCase loadOneCase(const std::filesystem::path& file, const std::filesystem::path& casesDir,
                    const std::filesystem::path& rulesDir) {
  OneCase one;
  const LoadedRules rules = loadRules(rulesDir);
  for (const LoadError& e : rules.errors) one.errors.push_back(formatError(e));
  auto result = loadCaseFile(file, casesDir, &rules.catalog);
  if (auto* c = std::get_if<Case>(&result))
    one.loaded = std::move(*c);
  else
    for (const LoadError& e : std::get<std::vector<LoadError>>(result)) one.errors.push_back(formatError(e));
  return one;
}

Corpus loadMatching(const std::filesystem::path& casesDir, const std::filesystem::path& rulesDir,
                    const std::string& glob) {
  const std::filesystem::path file = casesDir / (glob + ".json");
  std::error_code ec;
  if (glob.empty() || glob.find_first_of("*?") != std::string::npos || !std::filesystem::is_regular_file(file, ec)) {
    Corpus corpus = loadCorpus(casesDir, rulesDir);
    keepMatching(corpus, glob);
    return corpus;
  }
  Corpus corpus;
  const LoadedRules rules = loadRules(rulesDir);
  for (const LoadError& e : rules.errors) corpus.ruleErrors.push_back(formatError(e));
  corpus.errors = corpus.ruleErrors;
  auto result = loadCaseFile(file, casesDir, &rules.catalog);
  if (auto* c = std::get_if<Case>(&result)) {
    corpus.cases.push_back(std::move(*c));
  } else {
    const auto& errors = std::get<std::vector<LoadError>>(result);
    corpus.invalid = invalidCasesFrom(errors, casesDir);
    for (const LoadError& e : errors) corpus.errors.push_back(formatError(e));
  }
  keepMatching(corpus, glob);  // a file whose id is not its path is not the case asked for
  return corpus;
}

void keepMatching(Corpus& corpus, const std::string& glob) {
  if (glob.empty()) return;
  std::erase_if(corpus.cases, [&](const Case& c) { return !globMatch(glob, c.id); });
  std::erase_if(corpus.invalid, [&](const InvalidCase& c) { return !globMatch(glob, c.id); });
}

}  // namespace pc::cli
