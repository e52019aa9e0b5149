#include "harness/cli/corpus.hpp"

#include <fstream>

#include "harness/load/loader.hpp"
#include "harness/load/log_notes.hpp"
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
                    const std::filesystem::path& rulesDir, bool draft) {
  OneCase one;
  const LoadedRules rules = loadRules(rulesDir);
  for (const LoadError& e : rules.errors) one.errors.push_back(formatError(e));
  auto result = loadCaseFile(file, casesDir, &rules.catalog, draft);
  if (auto* c = std::get_if<Case>(&result))
    one.loaded = std::move(*c);
  else
    for (const LoadError& e : std::get<std::vector<LoadError>>(result)) one.errors.push_back(formatError(e));
  return one;
}

std::filesystem::path casesDirOf(const std::filesystem::path& file, const std::filesystem::path& fallback) {
  std::ifstream in(file);
  const Json doc = Json::parse(in, nullptr, false);
  if (!doc.is_object() || !doc.contains("id") || !doc["id"].is_string()) return fallback;
  const std::string tail = doc["id"].get<std::string>() + ".json";
  const std::string path = std::filesystem::absolute(file).lexically_normal().generic_string();
  if (path.size() <= tail.size() || !path.ends_with(tail) || path[path.size() - tail.size() - 1] != '/')
    return fallback;
  return path.substr(0, path.size() - tail.size());
}

std::vector<std::string> authorNotes(const Case& c) {
  std::vector<std::string> out;
  for (const load::Note& n : load::logArgumentNotes(c.program))
    out.push_back(c.file.string() + ": " + n.pointer + ": note: " + n.message);
  return out;
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
