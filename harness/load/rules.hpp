#pragma once
// The rules catalog: spec/rules/<family>.json, one file per family (spec/rules.schema.json).
// Cases cite rules by id; the coverage command joins the two.
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "harness/load/load_error.hpp"

namespace pc {

enum class RuleStatus {
  Confirmed,    // engines agree with the rule
  Refuted,      // ES/V8 do otherwise; `truth` says what
  HostDefined,  // the host decides (e.g. unhandled-rejection reporting)
};
std::string_view ruleStatusName(RuleStatus);  // "confirmed", "refuted", "host-defined"

struct Rule {
  std::string id;         // "es.PerformPromiseThen"
  std::string family;     // "es": the part of the id before the first '.'
  std::string source;     // "ECMA-262 27.2.5.4.1 PerformPromiseThen"
  std::string statement;  // one line
  RuleStatus status = RuleStatus::Confirmed;
  std::string truth;  // what V8 really does; refuted rules only
  std::filesystem::path file;
};

class RuleCatalog {
 public:
  // False (and nothing added) when a rule with this id is already there.
  bool add(Rule rule);
  const Rule* find(std::string_view id) const;
  // In catalog order: families by file name, rules in the order of their file.
  const std::vector<Rule>& rules() const { return rules_; }
  std::vector<std::string> families() const;  // those with at least one rule, sorted
  bool empty() const { return rules_.empty(); }

 private:
  std::vector<Rule> rules_;
  std::map<std::string, std::size_t, std::less<>> index_;
};

struct LoadedRules {
  RuleCatalog catalog;  // every rule with a usable id, even from files with other problems
  std::vector<LoadError> errors;
};

// Reads every *.json in `rulesDir`. Problems are reported per file and never stop the others.
LoadedRules loadRules(const std::filesystem::path& rulesDir);

}  // namespace pc
