#include "harness/gen/generated_case.hpp"

#include <fstream>
#include <set>
#include <stdexcept>
#include <utility>

#include "harness/core/grammar.hpp"
#include "harness/load/features.hpp"

namespace pc::gen {
namespace {

void collectRules(const Json& v, std::set<std::string>& out) {
  if (v.is_object() && v.contains("thenable")) {  // its "then" is a method, not a then statement
    out.insert("es.NewPromiseResolveThenableJob");
    if (v["thenable"].is_object())
      for (const Json& body : v["thenable"]) collectRules(body, out);
    return;
  }
  if (const grammar::Verb* verb = grammar::verbOf(v); verb && !verb->rule.empty())
    out.insert(std::string(verb->rule));  // the rule each statement exercises first of all
  if (v.is_structured())
    for (const Json& child : v) collectRules(child, out);
}

}  // namespace

Case makeCase(const Json& program, std::string id) {
  Case c;
  c.id = std::move(id);
  c.title = "a generated program";
  c.rules = rulesExercised(program);
  c.features = featuresOf(program);
  c.program = program;
  c.source = Json{{"id", c.id}, {"program", program}};
  return c;
}

std::vector<std::string> rulesExercised(const Json& program) {
  std::set<std::string> rules;
  collectRules(program, rules);
  if (rules.empty()) rules.insert("es.Promise");
  return {rules.begin(), rules.end()};
}

Json caseDocument(const Json& program, const std::string& id, const std::string& title, const Trace& expectation) {
  return Json{{"id", id},
              {"title", title},
              {"rules", rulesExercised(program)},
              {"program", program},
              {"expect", expectation.toJson()}};
}

std::filesystem::path writeCaseFile(const std::filesystem::path& dir, const Json& doc) {
  const std::filesystem::path file = dir / (doc.at("id").get<std::string>() + ".json");
  std::filesystem::create_directories(file.parent_path());
  std::ofstream out(file);
  out << doc.dump(2) << '\n';
  if (!out) throw std::runtime_error("cannot write " + file.string());
  return file;
}

}  // namespace pc::gen
