#include "harness/load/tests/test_support.hpp"

#include <fstream>
#include <stdexcept>

namespace pc::load_tests {

Json goodCase(const std::string& id) {
  Json doc = Json::parse(R"({
    "title": "A fulfil handler gets the value of a resolved promise",
    "rules": ["es.PerformPromiseThen"],
    "program": [
      {"resolved": 1, "as": "p"},
      {"then": "p", "onFulfilled": [{"log": "got"}], "as": "q"}
    ],
    "expect": {
      "trace": [["got", 1]],
      "final": {"p": ["fulfilled", 1], "q": ["fulfilled", {"undefined": true}]}
    }
  })");
  doc["id"] = id;
  return doc;
}

const RuleCatalog& testCatalog() {
  static const RuleCatalog catalog = [] {
    RuleCatalog c;
    for (const char* id : {"es.PerformPromiseThen", "es.NewPromiseResolveThenableJob", "aplus.2.2.4",
                           "host.unhandled-rejection", "seed.resolve-once"})
      c.add(Rule{id, std::string(id).substr(0, std::string(id).find('.')), "test", "test", RuleStatus::Confirmed, "",
                 "rules.json"});
    return c;
  }();
  return catalog;
}

std::vector<LoadError> errorsOf(const Json& doc) {
  ScratchDir dir;
  const auto file = dir.writeJson("cases/t/case.json", doc);
  auto result = loadCaseFile(file, dir.path() / "cases", &testCatalog());
  if (std::holds_alternative<Case>(result)) return {};
  return std::get<std::vector<LoadError>>(result);
}

bool hasError(const std::vector<LoadError>& errors, std::string_view pointer, std::string_view words) {
  for (const LoadError& e : errors)
    if (e.pointer == pointer && e.message.find(words) != std::string::npos) return true;
  return false;
}

std::string dump(const std::vector<LoadError>& errors) {
  std::string out = errors.empty() ? "(no errors)\n" : "";
  for (const LoadError& e : errors) out += formatError(e) + "\n";
  return out;
}

Json caseWith(Json program, Json trace, Json final) {
  Json doc = goodCase();
  doc["program"] = std::move(program);
  doc["expect"] = {{"trace", std::move(trace)}, {"final", std::move(final)}};
  return doc;
}

testing::AssertionResult rejectedAt(const Json& doc, std::string_view pointer, std::string_view words) {
  const auto errors = errorsOf(doc);
  if (hasError(errors, pointer, words)) return testing::AssertionSuccess();
  return testing::AssertionFailure() << "expected an error at \"" << pointer << "\" saying \"" << words << "\"; got:\n"
                                     << dump(errors);
}

testing::AssertionResult accepted(const Json& doc) {
  const auto errors = errorsOf(doc);
  if (errors.empty()) return testing::AssertionSuccess();
  return testing::AssertionFailure() << "expected the case to load; got:\n" << dump(errors);
}

}  // namespace pc::load_tests
