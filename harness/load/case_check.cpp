#include "harness/load/case_check.hpp"

#include <algorithm>
#include <array>
#include <set>

#include <fmt/format.h>

#include "harness/core/grammar.hpp"
#include "harness/load/expect_check.hpp"
#include "harness/load/final_check.hpp"
#include "harness/load/json_pointer.hpp"
#include "harness/load/program_check.hpp"

namespace pc::load {
namespace {

struct TopKey {
  std::string_view name;
  bool required;
  std::string_view meaning;  // for "missing" messages
};

constexpr std::array<TopKey, 7> kTopKeys = {{
    {"id", true, "the file's path under cases/ without .json"},
    {"title", true, "one sentence saying what the case shows"},
    {"rules", true, "the ids of the rules the case exercises"},
    {"program", true, "the statements of the main script"},
    {"expect", true,
     "the expected 'trace' and 'final' states; `promise-conformance record FILE --write` fills them in from V8"},
    {"notes", false, "free text"},
    {"test262", false, "the test262 files the case mirrors, as paths under test262's test/"},
}};

void checkTopKeys(const Json& doc, bool draft, Diagnostics& out) {
  for (const auto& item : doc.items()) {
    const std::string& key = item.key();
    const bool known = std::any_of(kTopKeys.begin(), kTopKeys.end(), [&](const TopKey& k) { return k.name == key; });
    if (!known)
      out.add(child("", key),
              fmt::format("unknown key '{}'; a case has id, title, rules, program, expect, notes and test262", key));
  }
  for (const TopKey& k : kTopKeys)
    if (k.required && !doc.contains(std::string(k.name)) && !(draft && k.name == "expect"))
      out.add("", fmt::format("missing '{}' ({})", k.name, k.meaning));
}

void checkId(const Json& id, std::string_view expectedId, Diagnostics& out) {
  if (!id.is_string()) {
    out.add("/id", fmt::format("'id' must be a string, the file's path under cases/ without .json; it "
                               "should be \"{}\"",
                               expectedId));
    return;
  }
  const std::string& text = id.get_ref<const std::string&>();
  if (!grammar::isCaseId(text))
    out.add("/id", fmt::format("'{}' is not a case id: path segments of letters, digits, '.', '_' and '-', "
                               "joined by '/'",
                               text));
  if (text != expectedId)
    out.add("/id", fmt::format("id '{}' does not match the file's path: it should be '{}'", text, expectedId));
}

void checkTitle(const Json& title, Diagnostics& out) {
  if (!title.is_string() || title.get_ref<const std::string&>().empty())
    out.add("/title", "'title' must be a non-empty string: one sentence saying what the case shows");
}

// `list` (at `pointer`) is a non-empty array of distinct strings; `problemWith` says what else is
// wrong with one item, or returns "" when nothing is.
template <class ProblemWith>
void checkDistinctStrings(const Json& list, const std::string& pointer, std::string_view whatList,
                          std::string_view whatItem, Diagnostics& out, ProblemWith problemWith) {
  if (!list.is_array() || list.empty()) {
    out.add(pointer, fmt::format("'{}' must be a non-empty array of {}", pointer.substr(1), whatList));
    return;
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string at = child(pointer, i);
    if (!list[i].is_string()) {
      out.add(at, fmt::format("{} is a string, not {}", whatItem, describeType(list[i])));
      continue;
    }
    const std::string& item = list[i].get_ref<const std::string&>();
    if (!seen.insert(item).second)
      out.add(at, fmt::format("'{}' is listed twice", item));
    else if (std::string problem = problemWith(item); !problem.empty())
      out.add(at, std::move(problem));
  }
}

void checkRules(const Json& rules, const RuleCatalog* catalog, Diagnostics& out) {
  checkDistinctStrings(rules, "/rules", "rule ids from spec/rules/", "a rule id", out, [&](const std::string& id) {
    if (!grammar::isRuleId(id))
      return fmt::format("'{}' is not a rule id (aplus.<clause>, es.<Name>[.<detail>], host.<name>, seed.<short-name>)",
                         id);
    if (catalog != nullptr && catalog->find(id) == nullptr)
      return fmt::format("unknown rule '{}': no rule in spec/rules/ has this id", id);
    return std::string();
  });
}

// Paths only: whether a path is in a checked-in list is `coverage --test262`'s business, so that a
// case stays valid without the lists.
void checkTest262(const Json& paths, Diagnostics& out) {
  checkDistinctStrings(paths, "/test262", "paths under test262's test/ (\"built-ins/Promise/all/reject-immed.js\")",
                       "a test262 path", out, [](const std::string& path) {
                         if (grammar::isTest262Path(path)) return std::string();
                         return fmt::format(
                             "'{}' is not a path under test262's test/: segments joined by '/', "
                             "ending in .js (\"built-ins/Promise/all/reject-immed.js\")",
                             path);
                       });
}

}  // namespace

FeatureSet checkCase(const Json& doc, std::string_view expectedId, const RuleCatalog* rules, Diagnostics& out,
                     bool draft) {
  if (!doc.is_object()) {
    out.add("", fmt::format("a case file holds one JSON object, not {}", describeType(doc)));
    return {};
  }
  checkTopKeys(doc, draft, out);
  if (doc.contains("id")) checkId(doc.at("id"), expectedId, out);
  if (doc.contains("title")) checkTitle(doc.at("title"), out);
  if (doc.contains("rules")) checkRules(doc.at("rules"), rules, out);
  if (doc.contains("notes") && !doc.at("notes").is_string()) out.add("/notes", "'notes' must be a string");
  if (doc.contains("test262")) checkTest262(doc.at("test262"), out);

  Names names;
  ProgramChecker program(out, names);
  if (doc.contains("program")) program.body(doc.at("program"), Pointer("/program"), Scope{}, "'program'");
  // Expectations name the program's promises, so they are read once every binding is known. A
  // draft's expectation is about to be replaced, so only its program is checked.
  const bool checksExpect = doc.contains("expect") && !draft;
  if (checksExpect) checkExpect(doc.at("expect"), names, out);
  if (checksExpect && doc.contains("program") && doc.at("expect").is_object() && doc.at("expect").contains("final"))
    checkFinalNamesSureBindings(doc.at("program"), doc.at("expect").at("final"), out);
  names.checkUses(out);

  FeatureSet features = program.features();
  if (checksExpect && doc.at("expect").is_object() && doc.at("expect").contains("trace") &&
      tracksRejections(doc.at("expect").at("trace")))
    features.add(Feature::RejectionTracking);
  return features;
}

}  // namespace pc::load
