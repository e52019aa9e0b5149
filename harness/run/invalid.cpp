#include "harness/run/invalid.hpp"

#include <map>

namespace pc {

std::string caseIdForFile(const std::filesystem::path& file, const std::filesystem::path& casesDir) {
  std::filesystem::path rel = file.lexically_proximate(casesDir);
  if (rel.empty() || *rel.begin() == "..") return file.generic_string();
  if (rel.extension() == ".json") rel.replace_extension();
  return rel.generic_string();
}

std::vector<InvalidCase> invalidCasesFrom(std::span<const LoadError> errors, const std::filesystem::path& casesDir) {
  std::map<std::string, std::string> byId;  // sorted by id, errors of one file kept in order
  for (const LoadError& e : errors) {
    std::string& message = byId[caseIdForFile(e.file, casesDir)];
    if (!message.empty()) message += '\n';
    message += formatError(e);
  }
  std::vector<InvalidCase> out;
  for (auto& [id, message] : byId) out.push_back({id, std::move(message)});
  return out;
}

}  // namespace pc
