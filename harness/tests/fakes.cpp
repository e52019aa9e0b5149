#include "harness/tests/fakes.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace pc::tests {

std::vector<Trace> ScriptedSubject::run(std::span<const Case* const> cases) {
  ++batches;
  std::vector<Trace> out;
  for (const Case* c : cases) {
    ran.push_back(c->id);
    auto it = answers.find(c->id);
    if (it != answers.end()) {
      out.push_back(it->second);
    } else if (otherwise) {
      out.push_back(*otherwise);
    } else {
      out.push_back(c->expected);
      if (reverseEvents) std::reverse(out.back().events.begin(), out.back().events.end());
    }
  }
  return out;
}

Trace crashedTrace(const std::string& why) {
  Trace t;
  t.failure = why;
  t.failureKind = FailureKind::Crash;
  return t;
}

Case makeCase(const std::string& id, FeatureSet features) {
  Case c;
  c.id = id;
  c.title = "a case made by a test";
  c.rules = {"es.Test"};
  c.features = features;
  c.expected.events = {Json::array({"got", 1})};
  c.expected.final = Json::object();
  c.expected.final["p"] = Json::array({"fulfilled", 1});
  return c;
}

std::string validCaseText(const std::string& id) {
  // Written out as text (not built with nlohmann's initializer lists, which would read [["got", 1]] as
  // an object), so it reads like a case file.
  return fmt::format(R"({{
  "id": {},
  "title": "A value passed to Promise.resolve reaches the handler",
  "rules": ["es.Test"],
  "program": [
    {{"resolved": 1, "as": "p"}},
    {{"then": "p", "onFulfilled": [{{"log": "got"}}]}}
  ],
  "expect": {{"trace": [["got", 1]], "final": {{"p": ["fulfilled", 1]}}}}
}}
)",
                     Json(id).dump());
}

void writeRules(const ScratchDir& dir, const std::filesystem::path& rulesDir) {
  dir.write(rulesDir / "es.json", R"({
  "family": "es",
  "rules": [{"id": "es.Test", "source": "a test of the harness",
             "statement": "A rule that exists only for the harness's own tests.", "status": "confirmed"}]
}
)");
}

}  // namespace pc::tests
