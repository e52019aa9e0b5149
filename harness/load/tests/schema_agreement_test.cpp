// The JSON schemas in spec/ and the C++ validator describe the same language. Two guards keep them
// from drifting apart:
//  1. the validator's grammar tables (verbs, their keys, value forms, id patterns) are compared
//     with spec/case.schema.json and spec/rules.schema.json;
//  2. the same files go through ajv (validate_schema.js under the pinned Node) and the validator:
//     good files pass both, structurally broken files fail both, and the problems only the
//     validator can see (they need the whole file) fail it alone.
#include <gtest/gtest.h>

#include <stdio.h>  // popen

#include <fstream>
#include <set>

#include "harness/core/grammar.hpp"
#include "harness/load/tests/test_support.hpp"

namespace pc::load_tests {
namespace {

Json J(const char* text) { return Json::parse(text); }

Json readJson(const std::filesystem::path& file) {
  std::ifstream in(file);
  return Json::parse(in);
}

const Json& caseSchema() {
  static const Json s = readJson(std::filesystem::path(PC_TEST_SPEC_DIR) / "case.schema.json");
  return s;
}

const Json& rulesSchema() {
  static const Json s = readJson(std::filesystem::path(PC_TEST_SPEC_DIR) / "rules.schema.json");
  return s;
}

template <typename List>
std::vector<std::string> strings(const List& list) {
  std::vector<std::string> out;
  for (const auto& s : list) out.emplace_back(s);
  return out;
}

// The keys of a oneOf whose branches are each {"required": [key]}.
std::vector<std::string> oneOfKeys(const Json& oneOf) {
  std::vector<std::string> out;
  for (const Json& branch : oneOf) out.push_back(branch.at("required").at(0));
  return out;
}

// ---------------------------------------------------------------------------------------------
// 1. Tables against schemas

TEST(GrammarMatchesSchema, Verbs) {
  std::vector<std::string> verbs;
  for (const grammar::Verb& v : grammar::verbs()) verbs.emplace_back(v.name);
  EXPECT_EQ(oneOfKeys(caseSchema()["$defs"]["exactlyOneVerb"]["oneOf"]), verbs);
}

// The schema fragment each kind of key must point to.
Json expectedSchemaOf(grammar::Slot slot) {
  using grammar::Slot;
  switch (slot) {
    case Slot::Label: return {{"type", "string"}};
    case Slot::Value: return {{"$ref", "#/$defs/value"}};
    case Slot::Handler: return {{"$ref", "#/$defs/handler"}};
    case Slot::Body: return {{"$ref", "#/$defs/body"}};
    case Slot::ExecutorBody: return {{"$ref", "#/$defs/executor"}};
    case Slot::TimerId: return {{"$ref", "#/$defs/name"}};
    case Slot::AsyncBody: return {{"$ref", "#/$defs/asyncBody"}};
    case Slot::GeneratorBody: return {{"$ref", "#/$defs/generatorBody"}};
    case Slot::TryBody: return {{"$ref", "#/$defs/body"}};
    case Slot::Delay: return {{"type", "number"}};
    case Slot::PropertyKey: return {{"$ref", "#/$defs/propertyKey"}};
    case Slot::MethodBody:
    case Slot::GetterBody:
    case Slot::SetterBody:
    case Slot::ConstructorBody: return {{"$ref", "#/$defs/body"}};
    case Slot::BeforeSuperBody: return {{"$ref", "#/$defs/beforeSuperBody"}};
    case Slot::Arguments: return {{"type", "array"}, {"items", {{"$ref", "#/$defs/value"}}}};
    case Slot::PrototypeMethod: return {{"enum", strings(grammar::prototypeMethods())}};
    case Slot::GeneratorMethod: return {{"enum", strings(grammar::generatorMethods())}};
    case Slot::Target: return {{"$ref", "#/$defs/target"}};
    default: return {{"$ref", "#/$defs/name"}};
  }
}

TEST(GrammarMatchesSchema, EachVerbTakesTheSameKeys) {
  for (const grammar::Verb& v : grammar::verbs()) {
    const std::string verb(v.name);
    const Json& def = caseSchema()["$defs"][verb + "Statement"];
    ASSERT_TRUE(def.is_object()) << "no $defs/" << verb << "Statement";
    std::set<std::string> keys = {verb};
    std::set<std::string> required = {verb};
    EXPECT_EQ(def["properties"][verb], expectedSchemaOf(v.slot)) << verb;
    for (const grammar::Key& k : v.modifiers) {
      keys.emplace(k.name);
      if (k.required) required.emplace(k.name);
      EXPECT_EQ(def["properties"][std::string(k.name)], expectedSchemaOf(k.slot)) << verb << "." << k.name;
    }
    std::set<std::string> schemaKeys;
    for (const auto& [key, unused] : def["properties"].items()) schemaKeys.insert(key);
    EXPECT_EQ(schemaKeys, keys) << verb;
    EXPECT_EQ(def["required"].get<std::set<std::string>>(), required) << verb;
    EXPECT_EQ(def["additionalProperties"], false) << verb;
  }
}

TEST(GrammarMatchesSchema, ValueForms) {
  const Json& defs = caseSchema()["$defs"];
  EXPECT_EQ(oneOfKeys(defs["value"]["then"]["allOf"][0]["oneOf"]), strings(grammar::programValueForms()));
  EXPECT_EQ(oneOfKeys(defs["traceValue"]["then"]["allOf"][0]["oneOf"]), strings(grammar::traceValueForms()));
  EXPECT_EQ(defs["nonFiniteNumber"]["properties"]["number"]["enum"], strings(grammar::nonFiniteNumbers()));
  EXPECT_EQ(defs["errorValue"]["properties"]["error"]["enum"], strings(grammar::programErrorNames()));
  Json builtins = Json::array();
  for (const grammar::BuiltinTarget& b : grammar::builtinTargets()) builtins.push_back(b.name);
  EXPECT_EQ(defs["builtinTarget"]["enum"], builtins);
  EXPECT_EQ(defs["traceError"]["properties"]["error"]["enum"], strings(grammar::traceErrorNames()));
  EXPECT_EQ(oneOfKeys(defs["traceEvent"]["else"]["allOf"][0]["oneOf"]), strings(grammar::traceEventKeys()));
}

TEST(GrammarMatchesSchema, PropertyKeys) {
  const Json& key = caseSchema()["$defs"]["propertyName"];
  EXPECT_EQ(key["pattern"], grammar::propertyKeyPattern());
  EXPECT_EQ(key["not"]["enum"], strings(grammar::reservedPropertyKeys()));
  EXPECT_EQ(caseSchema()["$defs"]["symbolKey"]["enum"], strings(grammar::symbolPropertyKeys()));
  for (const char* good : {"then", "catch", "_x", "$1", "constructor", "Symbol.iterator", "Symbol.species"})
    EXPECT_TRUE(grammar::isPropertyKey(good)) << good;
  for (const char* bad :
       {"", "1a", "a-b", "prototype", "__proto__", "length", "Symbol.asyncIterator", "Symbol.iterator "})
    EXPECT_FALSE(grammar::isPropertyKey(bad)) << bad;
}

TEST(GrammarMatchesSchema, IdPatterns) {
  const Json& defs = caseSchema()["$defs"];
  EXPECT_EQ(defs["caseId"]["pattern"], grammar::caseIdPattern());
  EXPECT_EQ(defs["ruleId"]["pattern"], grammar::ruleIdPattern());
  EXPECT_EQ(defs["test262Path"]["pattern"], grammar::test262PathPattern());
  EXPECT_EQ(rulesSchema()["$defs"]["rule"]["properties"]["id"]["pattern"], grammar::ruleIdPattern());
  EXPECT_EQ(rulesSchema()["properties"]["family"]["enum"], strings(grammar::ruleFamilies()));
  for (std::string_view family : grammar::ruleFamilies()) {
    const Json& ids = rulesSchema()["$defs"][std::string(family) + "Ids"];
    EXPECT_EQ(ids["if"]["properties"]["family"]["const"], family);
    EXPECT_EQ(ids["then"]["properties"]["rules"]["items"]["properties"]["id"]["pattern"],
              "^" + std::string(family) + "\\.");
  }
  std::vector<std::string> statuses;
  for (RuleStatus s : {RuleStatus::Confirmed, RuleStatus::Refuted, RuleStatus::HostDefined})
    statuses.emplace_back(ruleStatusName(s));
  EXPECT_EQ(rulesSchema()["$defs"]["rule"]["properties"]["status"]["enum"], statuses);
}

TEST(GrammarMatchesSchema, IdPatternsSayWhatTheyShould) {
  for (const char* good : {"aplus.2.2.4", "es.PerformPromiseThen", "es.Promise.all.empty", "host.unhandled-rejection",
                           "seed.resolve-once", "es.Promise.prototype.finally"})
    EXPECT_TRUE(grammar::isRuleId(good)) << good;
  for (const char* bad : {"aplus", "aplus.x", "es.performPromiseThen", "es.", "seed.Resolve", "seed.a--b", "other.x",
                          " es.Await", "es.Await "})
    EXPECT_FALSE(grammar::isRuleId(bad)) << bad;
  EXPECT_TRUE(grammar::isRuleIdOf("es", "es.Await"));
  EXPECT_FALSE(grammar::isRuleIdOf("aplus", "es.Await"));
  for (const char* good : {"es/then/x", "a", "aplus/2.2.4/x_y-z"}) EXPECT_TRUE(grammar::isCaseId(good)) << good;
  for (const char* bad : {"", "/x", "x/", "../x", "a//b", "a b", "x/.hidden"})
    EXPECT_FALSE(grammar::isCaseId(bad)) << bad;
}

// ---------------------------------------------------------------------------------------------
// 2. Both validators on the same files

enum class Verdict { Good, BrokenForBoth, BrokenForLoaderOnly };

struct Sample {
  std::string name;  // also the case id and the file name
  Verdict verdict;
  std::string text;  // the file's contents
};

Json withName(Json doc, const std::string& name) {
  doc["id"] = name;
  return doc;
}

// goodCase() named `name`, changed by `edit`.
template <typename Edit>
Sample sample(const std::string& name, Verdict verdict, Edit edit) {
  Json doc = goodCase(name);
  edit(doc);
  return {name, verdict, doc.dump(2)};
}

void push(Json& doc, const char* statement) { doc["program"].push_back(J(statement)); }

std::vector<Sample> samples() {
  using V = Verdict;
  return {
      sample("good-basic", V::Good, [](Json&) {}),
      sample(
          "good-everything", V::Good,
          [](Json& d) {
            push(
                d,
                R"({"new": "n", "executor": [{"resolve": {"thenable": {"getter": [{"log": "g"}], "then": [{"resolve": 1}]}}}]})");
            push(d, R"({"deferred": "d"})");
            push(d, R"({"reject": {"error": "TypeError", "message": "m"}, "of": "d"})");
            push(d,
                 R"({"let": "t", "value": {"object": {"then": 5, "list": [{"undefined": true}, {"number": "NaN"}]}}})");
            push(d, R"({"catch": "d", "onRejected": 0, "as": "c"})");
            push(d, R"({"finally": "c", "onFinally": [{"return": {"ref": "t"}}], "as": "f"})");
            push(d, R"({"any": [{"promise": "n"}, {"thenable": {"then": "not callable"}}], "as": "a"})");
            push(d, R"({"async": [{"await": {"argument": true}}, {"throw": 1}], "as": "as"})");
            push(d, R"({"timer": 0.5, "do": [{"microtask": [{"try": [{"log": "x"}]}]}]})");
            push(d, R"({"set": "n", "key": "then", "method": [{"log": "m", "value": {"this": true}}]})");
            push(d, R"({"set": "t", "key": "then", "value": 1})");
            push(d, R"({"define": "t", "key": "then", "getter": [{"log": "g", "value": {"this": true}}],
                        "setter": [{"log": "s"}], "method": [{"resolve": 2}]})");
            d["expect"]["trace"] = J(
                R"([["got", 1], ["x", {"function": true}], {"unhandled": null, "reason": {"error": "AggregateError", "errors": []}}, {"handled": "a"}, {"uncaught": {"promise": null}}])");
            for (const char* p : {"n", "d", "c", "f", "a", "as"}) d["expect"]["final"][p] = {"pending"};
          }),
      // Structural problems: the schema sees them too.
      {"broken-syntax", V::BrokenForBoth, R"({"id": "broken-syntax", "title": "x",,})"},
      sample("broken-wrong-type", V::BrokenForBoth, [](Json& d) { d["program"][1]["then"] = 7; }),
      sample("broken-unknown-verb", V::BrokenForBoth, [](Json& d) { push(d, R"({"print": 1})"); }),
      sample("broken-two-verbs", V::BrokenForBoth, [](Json& d) { push(d, R"({"then": "p", "catch": "p"})"); }),
      sample("broken-unknown-key", V::BrokenForBoth, [](Json& d) { d["program"][1]["as2"] = "r"; }),
      sample("broken-unknown-top-key", V::BrokenForBoth, [](Json& d) { d["features"] = J("[]"); }),
      sample("broken-missing-executor", V::BrokenForBoth, [](Json& d) { push(d, R"({"new": "n"})"); }),
      sample("broken-await-outside-async", V::BrokenForBoth, [](Json& d) { push(d, R"({"await": 1})"); }),
      sample("broken-await-in-nested-handler", V::BrokenForBoth,
             [](Json& d) { push(d, R"({"async": [{"then": "p", "onFulfilled": [{"await": 1}]}]})"); }),
      sample("broken-plain-object-value", V::BrokenForBoth, [](Json& d) { push(d, R"({"return": {"a": 1}})"); }),
      sample("broken-error-without-message", V::BrokenForBoth,
             [](Json& d) { push(d, R"({"throw": {"error": "Error"}})"); }),
      sample("broken-getter-with-value-then", V::BrokenForBoth,
             [](Json& d) { push(d, R"({"resolved": {"thenable": {"getter": [], "then": 1}}})"); }),
      sample("broken-set-without-value", V::BrokenForBoth, [](Json& d) { push(d, R"({"set": "p", "key": "then"})"); }),
      sample("broken-set-value-and-method", V::BrokenForBoth,
             [](Json& d) { push(d, R"({"set": "p", "key": "then", "value": 1, "method": []})"); }),
      sample("broken-set-reserved-key", V::BrokenForBoth,
             [](Json& d) { push(d, R"({"set": "p", "key": "prototype", "value": 1})"); }),
      sample("broken-define-without-accessor", V::BrokenForBoth,
             [](Json& d) { push(d, R"({"define": "p", "key": "then", "value": 1})"); }),
      sample("broken-define-value-without-getter", V::BrokenForBoth,
             [](Json& d) { push(d, R"({"define": "p", "key": "then", "setter": [], "value": 1})"); }),
      sample("broken-argument-in-trace", V::BrokenForBoth,
             [](Json& d) { d["expect"]["trace"][0][1] = J(R"({"argument": true})"); }),
      sample("broken-aggregate-without-errors", V::BrokenForBoth,
             [](Json& d) { d["expect"]["trace"][0][1] = J(R"({"error": "AggregateError"})"); }),
      sample("broken-log-event-length", V::BrokenForBoth, [](Json& d) { d["expect"]["trace"][0] = J(R"(["got"])"); }),
      sample("broken-unhandled-without-reason", V::BrokenForBoth,
             [](Json& d) { d["expect"]["trace"].push_back(J(R"({"unhandled": "p"})")); }),
      sample("broken-final-state", V::BrokenForBoth,
             [](Json& d) { d["expect"]["final"]["q"] = J(R"(["pending", 1])"); }),
      sample("broken-no-final", V::BrokenForBoth, [](Json& d) { d["expect"].erase("final"); }),
      sample("broken-empty-rules", V::BrokenForBoth, [](Json& d) { d["rules"] = J("[]"); }),
      sample("broken-rule-id-form", V::BrokenForBoth, [](Json& d) { d["rules"] = J(R"(["PerformPromiseThen"])"); }),
      // Problems that need the whole file (or the file system, or the catalog): the loader only.
      {"loader-only-id-mismatch", V::BrokenForLoaderOnly, withName(goodCase(), "loader-only-other-id").dump()},
      sample("loader-only-unknown-rule", V::BrokenForLoaderOnly,
             [](Json& d) { d["rules"] = J(R"(["es.NoSuchRule"])"); }),
      sample("loader-only-unbound-name", V::BrokenForLoaderOnly, [](Json& d) { push(d, R"({"then": "nobody"})"); }),
      sample("loader-only-bound-twice", V::BrokenForLoaderOnly,
             [](Json& d) { push(d, R"({"resolved": 1, "as": "p"})"); }),
      sample("loader-only-of-not-resolvable", V::BrokenForLoaderOnly,
             [](Json& d) { push(d, R"({"resolve": 1, "of": "p"})"); }),
      sample("loader-only-resolve-without-executor", V::BrokenForLoaderOnly,
             [](Json& d) { push(d, R"({"resolve": 1})"); }),
      sample("loader-only-set-unbound", V::BrokenForLoaderOnly,
             [](Json& d) { push(d, R"({"set": "nobody", "key": "then", "value": 1})"); }),
      sample("loader-only-final-extra", V::BrokenForLoaderOnly,
             [](Json& d) { d["expect"]["final"]["z"] = {"pending"}; }),
      {"loader-only-duplicate-key", V::BrokenForLoaderOnly,
       "{\"title\": \"first\"," + withName(goodCase(), "loader-only-duplicate-key").dump().substr(1)},
  };
}

// Runs validate_schema.js on `files`; returns its JSON report (file -> problems) or a failure.
testing::AssertionResult runSchemaValidator(const std::vector<std::filesystem::path>& files, Json& report) {
  const std::filesystem::path node = PC_TEST_NODE;
  if (!std::filesystem::exists(node))
    return testing::AssertionFailure() << "the pinned Node.js is missing at " << node
                                       << " (the project's setup installs it: npm ci in harness/node)";
  std::string command =
      "'" + node.string() + "' '" PC_TEST_VALIDATE_SCHEMA_JS "' --spec '" PC_TEST_SPEC_DIR "' --json --case";
  for (const auto& f : files) command += " '" + f.string() + "'";  // temp paths hold no quote
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return testing::AssertionFailure() << "cannot run " << command;
  std::string output;
  char buffer[4096];
  while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
  const int status = pclose(pipe);
  report = Json::parse(output, nullptr, false);
  if (report.is_discarded() || !report.is_object())
    return testing::AssertionFailure() << "validate_schema.js (exit status " << status << ") printed:\n" << output;
  return testing::AssertionSuccess();
}

TEST(SchemaAndLoaderAgree, OnGoodAndBrokenCases) {
  ScratchDir dir;
  const auto list = samples();
  std::vector<std::filesystem::path> files;
  for (const Sample& s : list) files.push_back(dir.write("cases/" + s.name + ".json", s.text));
  Json report;
  ASSERT_TRUE(runSchemaValidator(files, report));

  for (std::size_t i = 0; i < list.size(); ++i) {
    const Sample& s = list[i];
    const Json& schemaProblems = report[files[i].string()];
    ASSERT_TRUE(schemaProblems.is_array()) << s.name << " is missing from the schema report";
    auto loaded = loadCaseFile(files[i], dir.path() / "cases", &testCatalog());
    const std::vector<LoadError> loaderErrors =
        std::holds_alternative<Case>(loaded) ? std::vector<LoadError>{} : std::get<std::vector<LoadError>>(loaded);

    const bool schemaRejects = !schemaProblems.empty();
    const bool loaderRejects = !loaderErrors.empty();
    EXPECT_EQ(schemaRejects, s.verdict == Verdict::BrokenForBoth)
        << s.name << ": the schema " << (schemaRejects ? "rejects" : "accepts") << " it: " << schemaProblems.dump(1);
    EXPECT_EQ(loaderRejects, s.verdict != Verdict::Good)
        << s.name << ": the loader " << (loaderRejects ? "rejects" : "accepts") << " it:\n"
        << dump(loaderErrors);
  }
}

}  // namespace
}  // namespace pc::load_tests
