// The rules catalog: spec/rules/<family>.json files in the format of spec/rules.schema.json.
#include <gtest/gtest.h>

#include "harness/load/tests/test_support.hpp"

namespace pc::load_tests {
namespace {

Json J(const char* text) { return Json::parse(text); }

Json rule(const std::string& id, const std::string& status = "confirmed") {
  Json r = {{"id", id}, {"source", "a source"}, {"statement", "what it says"}, {"status", status}};
  if (status == "refuted") r["truth"] = "what V8 does";
  return r;
}

Json family(const std::string& name, Json rules) { return {{"family", name}, {"rules", std::move(rules)}}; }

// The errors of rules/<file>.
std::vector<LoadError> errorsIn(const LoadedRules& loaded, const std::filesystem::path& file) {
  std::vector<LoadError> out;
  for (const LoadError& e : loaded.errors)
    if (e.file == file) out.push_back(e);
  return out;
}

TEST(Rules, GoodFilesMakeACatalog) {
  ScratchDir dir;
  dir.writeJson("rules/es.json",
                family("es", {rule("es.PerformPromiseThen"), rule("es.Promise.all.empty", "refuted")}));
  dir.writeJson("rules/aplus.json", family("aplus", {rule("aplus.2.2.4")}));
  dir.writeJson("rules/host.json", family("host", {rule("host.unhandled-rejection", "host-defined")}));
  dir.writeJson("rules/seed.json", family("seed", Json::array()));
  dir.write("rules/README.md", "not a rules file");
  const LoadedRules loaded = loadRules(dir.path() / "rules");
  EXPECT_TRUE(loaded.errors.empty()) << dump(loaded.errors);

  ASSERT_EQ(loaded.catalog.rules().size(), 4u);
  EXPECT_EQ(loaded.catalog.rules()[0].id, "aplus.2.2.4");  // files in name order, rules in file order
  EXPECT_EQ(loaded.catalog.families(), (std::vector<std::string>{"aplus", "es", "host"}));

  const Rule* refuted = loaded.catalog.find("es.Promise.all.empty");
  ASSERT_NE(refuted, nullptr);
  EXPECT_EQ(refuted->family, "es");
  EXPECT_EQ(refuted->status, RuleStatus::Refuted);
  EXPECT_EQ(refuted->truth, "what V8 does");
  EXPECT_EQ(refuted->source, "a source");
  EXPECT_EQ(refuted->statement, "what it says");
  EXPECT_EQ(refuted->file, dir.path() / "rules/es.json");
  EXPECT_EQ(ruleStatusName(loaded.catalog.find("host.unhandled-rejection")->status), "host-defined");
  EXPECT_EQ(loaded.catalog.find("es.Nothing"), nullptr);
}

TEST(Rules, TheFamilyMatchesTheFileNameAndTheIds) {
  ScratchDir dir;
  const auto f = dir.writeJson("rules/es.json", family("seed", {rule("seed.resolve-once"), rule("es.Await")}));
  const auto errors = errorsIn(loadRules(dir.path() / "rules"), f);
  EXPECT_TRUE(hasError(errors, "/family", "the seed rules live in seed.json")) << dump(errors);
  EXPECT_TRUE(hasError(errors, "/rules/1/id", "belongs to the es family")) << dump(errors);
}

TEST(Rules, IdsHaveTheShapeOfTheirFamily) {
  ScratchDir dir;
  const auto f = dir.writeJson("rules/es.json", family("es", {rule("es.performPromiseThen"), rule("aplus.2.x")}));
  const auto g = dir.writeJson("rules/seed.json", family("seed", {rule("seed.Resolve_Once")}));
  const LoadedRules loaded = loadRules(dir.path() / "rules");
  EXPECT_TRUE(hasError(errorsIn(loaded, f), "/rules/0/id", "es.<AlgorithmOrBuiltin>")) << dump(loaded.errors);
  EXPECT_TRUE(hasError(errorsIn(loaded, f), "/rules/1/id", "not a rule id")) << dump(loaded.errors);
  EXPECT_TRUE(hasError(errorsIn(loaded, g), "/rules/0/id", "seed.<short-name>")) << dump(loaded.errors);
}

TEST(Rules, EachRuleHasItsFieldsAndOnlyRefutedOnesATruth) {
  ScratchDir dir;
  Json noTruth = rule("es.A", "refuted");
  noTruth.erase("truth");
  Json strayTruth = rule("es.B");
  strayTruth["truth"] = "x";
  Json twoLines = rule("es.C");
  twoLines["statement"] = "one\ntwo";
  Json extra = rule("es.D");
  extra["url"] = "https://example.invalid";
  Json badStatus = rule("es.E", "disputed");
  Json missing = J(R"({"id": "es.F"})");
  const auto f =
      dir.writeJson("rules/es.json", family("es", {noTruth, strayTruth, twoLines, extra, badStatus, missing, 5}));
  const auto errors = errorsIn(loadRules(dir.path() / "rules"), f);
  EXPECT_TRUE(hasError(errors, "/rules/0", "needs a 'truth'")) << dump(errors);
  EXPECT_TRUE(hasError(errors, "/rules/1/truth", "only a refuted rule")) << dump(errors);
  EXPECT_TRUE(hasError(errors, "/rules/2/statement", "one line")) << dump(errors);
  EXPECT_TRUE(hasError(errors, "/rules/3/url", "unknown key")) << dump(errors);
  EXPECT_TRUE(hasError(errors, "/rules/4/status", "confirmed, refuted, host-defined")) << dump(errors);
  EXPECT_TRUE(hasError(errors, "/rules/5", "needs 'source'")) << dump(errors);
  EXPECT_TRUE(hasError(errors, "/rules/5", "needs 'status'")) << dump(errors);
  EXPECT_TRUE(hasError(errors, "/rules/6", "a rule is an object")) << dump(errors);
}

TEST(Rules, AnIdIsDefinedOnceInTheWholeCatalog) {
  ScratchDir dir;
  dir.writeJson("rules/es.json", family("es", {rule("es.Await"), rule("es.Await")}));
  const LoadedRules loaded = loadRules(dir.path() / "rules");
  EXPECT_TRUE(hasError(loaded.errors, "/rules/1/id", "already defined in")) << dump(loaded.errors);
  EXPECT_EQ(loaded.catalog.rules().size(), 1u);
}

TEST(Rules, ABrokenFileDoesNotStopTheOthers) {
  ScratchDir dir;
  const auto bad = dir.write("rules/aplus.json", "{\"family\": \"aplus\", \"rules\": [");
  dir.writeJson("rules/es.json", family("es", {rule("es.Await")}));
  const LoadedRules loaded = loadRules(dir.path() / "rules");
  EXPECT_TRUE(hasError(errorsIn(loaded, bad), "", "not valid JSON")) << dump(loaded.errors);
  EXPECT_NE(loaded.catalog.find("es.Await"), nullptr);
}

TEST(Rules, AMissingDirectoryIsAnError) {
  ScratchDir dir;
  const LoadedRules loaded = loadRules(dir.path() / "none");
  EXPECT_EQ(loaded.errors.size(), 1u);
  EXPECT_TRUE(loaded.catalog.empty());
}

}  // namespace
}  // namespace pc::load_tests
