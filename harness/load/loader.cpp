#include "harness/load/loader.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "harness/load/case_check.hpp"
#include "harness/load/json_file.hpp"

namespace pc {
namespace {

// The id a file must have: its path under casesDir without ".json", with '/' separators.
std::optional<std::string> idFromPath(const std::filesystem::path& file, const std::filesystem::path& casesDir) {
  const auto normal = [](const std::filesystem::path& p) { return std::filesystem::absolute(p).lexically_normal(); };
  std::filesystem::path rel = normal(file).lexically_relative(normal(casesDir));
  if (rel.empty() || *rel.begin() == "..") return std::nullopt;
  rel.replace_extension();
  return rel.generic_string();
}

Case makeCase(Json doc, const std::filesystem::path& file, FeatureSet features) {
  Case c;
  c.id = doc.at("id").get<std::string>();
  c.title = doc.at("title").get<std::string>();
  c.rules = doc.at("rules").get<std::vector<std::string>>();
  if (const auto t = doc.find("test262"); t != doc.end()) c.test262 = t->get<std::vector<std::string>>();
  c.features = features;
  c.program = doc.at("program");
  if (const auto expect = doc.find("expect"); expect != doc.end() && expect->is_object()) {
    // A draft's expectation is unchecked, so take only what has the right shape.
    if (const Json trace = expect->value("trace", Json()); trace.is_array())
      c.expected.events = trace.get<std::vector<Json>>();
    if (const Json final = expect->value("final", Json()); final.is_object()) c.expected.final = final;
  }
  c.file = file;
  c.source = std::move(doc);
  return c;
}

}  // namespace

namespace {

// A parsed file checked against the case language; `out` may already hold problems of its own.
std::variant<Case, std::vector<LoadError>> checkedCase(load::ParsedFile parsed, const std::filesystem::path& file,
                                                       Diagnostics out, std::string_view expectedId,
                                                       const RuleCatalog* rules, bool draft) {
  if (!parsed.json) return std::move(parsed.errors);
  for (LoadError& e : parsed.errors) out.add(std::move(e.pointer), std::move(e.message));
  const FeatureSet features = load::checkCase(*parsed.json, expectedId, rules, out, draft);
  if (!out.empty()) return out.take();
  return makeCase(std::move(*parsed.json), file, features);
}

}  // namespace

std::variant<Case, std::vector<LoadError>> loadCaseFile(const std::filesystem::path& file,
                                                        const std::filesystem::path& casesDir, const RuleCatalog* rules,
                                                        bool draft) {
  Diagnostics out(file);
  const auto expectedId = idFromPath(file, casesDir);
  if (!expectedId) out.add("", fmt::format("the file is not under the cases directory {}", casesDir.generic_string()));
  return checkedCase(load::readJsonFile(file), file, std::move(out), expectedId.value_or(""), rules, draft);
}

std::variant<Case, std::vector<LoadError>> loadCaseText(const std::string& text, const std::filesystem::path& file,
                                                        std::string_view expectedId, const RuleCatalog* rules,
                                                        int maxNesting) {
  return checkedCase(load::parseJsonText(text, file, maxNesting), file, Diagnostics(file), expectedId, rules, false);
}

LoadedCases loadCases(const std::filesystem::path& casesDir, const RuleCatalog* rules) {
  LoadedCases loaded;
  std::error_code ec;
  if (!std::filesystem::is_directory(casesDir, ec)) {
    loaded.errors.push_back({casesDir, "", "no cases directory here"});
    return loaded;
  }
  std::vector<std::filesystem::path> files;
  for (auto it = std::filesystem::recursive_directory_iterator(casesDir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file() && it->path().extension() == ".json") files.push_back(it->path());
  if (ec) loaded.errors.push_back({casesDir, "", "cannot list the directory: " + ec.message()});
  std::sort(files.begin(), files.end());

  for (const auto& file : files) {
    auto result = loadCaseFile(file, casesDir, rules);
    if (auto* c = std::get_if<Case>(&result)) {
      loaded.cases.push_back(std::move(*c));
    } else {
      auto& errors = std::get<std::vector<LoadError>>(result);
      loaded.errors.insert(loaded.errors.end(), errors.begin(), errors.end());
    }
  }
  std::sort(loaded.cases.begin(), loaded.cases.end(), [](const Case& a, const Case& b) { return a.id < b.id; });
  return loaded;
}

}  // namespace pc
