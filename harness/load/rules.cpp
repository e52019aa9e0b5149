#include "harness/load/rules.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "harness/core/grammar.hpp"
#include "harness/load/json_file.hpp"
#include "harness/load/json_pointer.hpp"

namespace pc {
namespace {

using load::child;
using load::describeType;

constexpr std::array<std::string_view, 3> kStatusNames = {"confirmed", "refuted", "host-defined"};
constexpr std::array<std::string_view, 5> kRuleKeys = {"id", "source", "statement", "status", "truth"};

std::optional<RuleStatus> statusFromName(const Json& v) {
  for (std::size_t i = 0; i < kStatusNames.size(); ++i)
    if (v == kStatusNames[i]) return static_cast<RuleStatus>(i);
  return std::nullopt;
}

bool nonEmptyString(const Json& v) { return v.is_string() && !v.get_ref<const std::string&>().empty(); }

std::string familyOfId(const std::string& id) { return id.substr(0, id.find('.')); }

// Reads one rule into `rule`; returns whether its id is usable (so cases citing it resolve).
bool readRule(const Json& r, const std::string& at, std::string_view family, Rule& rule, Diagnostics& out) {
  if (!r.is_object()) {
    out.add(at, fmt::format("a rule is an object with id, source, statement and status, not {}", describeType(r)));
    return false;
  }
  for (const auto& [key, unused] : r.items())
    if (!grammar::contains(kRuleKeys, key))
      out.add(child(at, key), fmt::format("unknown key '{}'; a rule has {}", key, grammar::join(kRuleKeys)));
  for (std::string_view key : {"id", "source", "statement", "status"})
    if (!r.contains(std::string(key))) out.add(at, fmt::format("the rule needs '{}'", key));

  bool usable = false;
  if (r.contains("id")) {
    const Json& id = r.at("id");
    if (!id.is_string() || !grammar::isRuleId(id.get<std::string>())) {
      out.add(child(at, "id"), fmt::format("not a rule id; ids look like {}",
                                           family.empty() ? "aplus.2.2.4, es.PerformPromiseThen, host.<name> or "
                                                            "seed.<short-name>"
                                                          : grammar::ruleIdShape(family)));
    } else {
      rule.id = id.get<std::string>();
      rule.family = familyOfId(rule.id);
      usable = true;
      if (!family.empty() && rule.family != family)
        out.add(child(at, "id"), fmt::format("'{}' belongs to the {} family; this file holds the {} family", rule.id,
                                             rule.family, family));
    }
  }
  if (r.contains("source")) {
    if (nonEmptyString(r.at("source")))
      rule.source = r.at("source").get<std::string>();
    else
      out.add(child(at, "source"),
              "'source' says where the rule comes from, e.g. \"ECMA-262 27.2.5.4.1 "
              "PerformPromiseThen\"");
  }
  if (r.contains("statement")) {
    const Json& s = r.at("statement");
    if (nonEmptyString(s) && s.get_ref<const std::string&>().find('\n') == std::string::npos)
      rule.statement = s.get<std::string>();
    else
      out.add(child(at, "statement"), "'statement' says what the rule says, in one line");
  }
  if (r.contains("status")) {
    if (auto status = statusFromName(r.at("status")))
      rule.status = *status;
    else
      out.add(child(at, "status"), fmt::format("'status' is one of {}", grammar::join(kStatusNames)));
  }
  const bool refuted = r.contains("status") && r.at("status") == "refuted";
  if (r.contains("truth")) {
    if (!refuted)
      out.add(child(at, "truth"), "only a refuted rule has a 'truth'");
    else if (!nonEmptyString(r.at("truth")))
      out.add(child(at, "truth"), "'truth' says what V8 really does (a non-empty string)");
    else
      rule.truth = r.at("truth").get<std::string>();
  } else if (refuted) {
    out.add(at, "a refuted rule needs a 'truth': what V8 really does");
  }
  return usable;
}

// The family a rules file declares, checked against its file name. Empty when unusable.
std::string readFamily(const Json& doc, const std::filesystem::path& file, Diagnostics& out) {
  const std::string stem = file.stem().string();
  const Json* family = doc.contains("family") ? &doc.at("family") : nullptr;
  if (family == nullptr) {
    out.add("", fmt::format("missing 'family' (one of {})", grammar::join(grammar::ruleFamilies())));
  } else if (!family->is_string() || !grammar::contains(grammar::ruleFamilies(), family->get<std::string>())) {
    out.add("/family", fmt::format("'family' is one of {}", grammar::join(grammar::ruleFamilies())));
  } else {
    if (family->get<std::string>() != stem)
      out.add("/family", fmt::format("family '{0}' does not match the file name: the {0} rules live in {0}.json",
                                     family->get<std::string>()));
    return family->get<std::string>();
  }
  return grammar::contains(grammar::ruleFamilies(), stem) ? stem : "";
}

void readRulesFile(const std::filesystem::path& file, RuleCatalog& catalog, Diagnostics& out) {
  load::ParsedFile parsed = load::readJsonFile(file);
  for (LoadError& e : parsed.errors) out.add(std::move(e.pointer), std::move(e.message));
  if (!parsed.json) return;
  const Json& doc = *parsed.json;
  if (!doc.is_object()) {
    out.add("", fmt::format("a rules file holds one object {{\"family\": ..., \"rules\": [...]}}, not {}",
                            describeType(doc)));
    return;
  }
  for (const auto& [key, unused] : doc.items())
    if (key != "family" && key != "rules")
      out.add(child("", key), fmt::format("unknown key '{}'; a rules file has 'family' and 'rules'", key));
  const std::string family = readFamily(doc, file, out);
  if (!doc.contains("rules") || !doc.at("rules").is_array()) {
    out.add(doc.contains("rules") ? "/rules" : "", "'rules' must be an array of rules");
    return;
  }
  const Json& rules = doc.at("rules");
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const std::string at = child("/rules", i);
    Rule rule;
    rule.file = file;
    if (!readRule(rules[i], at, family, rule, out)) continue;
    const std::string id = rule.id;
    if (!catalog.add(std::move(rule)))
      out.add(child(at, "id"),
              fmt::format("rule '{}' is already defined in {}", id, catalog.find(id)->file.generic_string()));
  }
}

}  // namespace

std::string_view ruleStatusName(RuleStatus s) { return kStatusNames[static_cast<std::size_t>(s)]; }

bool RuleCatalog::add(Rule rule) {
  if (index_.count(rule.id) != 0) return false;
  index_.emplace(rule.id, rules_.size());
  rules_.push_back(std::move(rule));
  return true;
}

const Rule* RuleCatalog::find(std::string_view id) const {
  const auto it = index_.find(id);
  return it == index_.end() ? nullptr : &rules_[it->second];
}

std::vector<std::string> RuleCatalog::families() const {
  std::set<std::string> out;
  for (const Rule& r : rules_) out.insert(r.family);
  return {out.begin(), out.end()};
}

LoadedRules loadRules(const std::filesystem::path& rulesDir) {
  LoadedRules loaded;
  std::error_code ec;
  if (!std::filesystem::is_directory(rulesDir, ec)) {
    loaded.errors.push_back({rulesDir, "", "no rules directory here"});
    return loaded;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(rulesDir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  if (ec) loaded.errors.push_back({rulesDir, "", "cannot list the directory: " + ec.message()});
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    Diagnostics out(file);
    readRulesFile(file, loaded.catalog, out);
    for (LoadError& e : out.take()) loaded.errors.push_back(std::move(e));
  }
  return loaded;
}

}  // namespace pc
