// Every case file is one test, Cases.<id with '_' for '/' and '-'>: the expectation must equal the
// reference's trace and V8's trace exactly. Run with --fill-node-cache to compute V8's traces of the
// whole corpus in one Node.js process first (ctest does, through the fixture test
// case_tests.node_traces; see node_trace_cache.hpp for why). The environment variables
// PC_TEST_CASES_DIR, PC_TEST_RULES_DIR and PC_TEST_NODE_CACHE_DIR override the built-in paths.
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <optional>
#include <string_view>
#include <vector>

#include "harness/core/compare.hpp"
#include "harness/core/reference_subject.hpp"
#include "harness/load/loader.hpp"
#include "harness/report/side_by_side.hpp"
#include "harness/tests/case_files.hpp"
#include "harness/tests/node_trace_cache.hpp"

namespace pc::tests {
namespace {

// The corpus, rules and cache of this build, unless the environment variable of the same name says
// otherwise (to point the tests at another corpus, as the harness's own tests do).
std::filesystem::path setting(const char* name, const char* builtIn) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? value : builtIn;
}

const std::filesystem::path kCasesDir = setting("PC_TEST_CASES_DIR", PC_TEST_CASES_DIR);

const NodeTraceCache& cache() {
  static const NodeTraceCache c(setting("PC_TEST_NODE_CACHE_DIR", PC_TEST_NODE_CACHE_DIR), PC_TEST_NODE_DIR);
  return c;
}

const RuleCatalog& rules() {
  static const LoadedRules loaded = loadRules(setting("PC_TEST_RULES_DIR", PC_TEST_RULES_DIR));
  return loaded.catalog;
}

// The registered tests of this process with their files, to batch Node.js runs (see nodeTraceOf).
struct Registered {
  CaseFile file;
  const testing::TestInfo* info = nullptr;
};
std::vector<Registered>& registered() {
  static std::vector<Registered> all;
  return all;
}

// On a cache miss, runs every selected case of this process that misses the cache as one Node.js
// batch: under ctest that is just this case; a direct run of the whole binary pays for one process.
void fillMissesOfThisProcess() {
  std::vector<Case> loaded;
  for (const Registered& r : registered()) {
    if (!r.info->should_run()) continue;
    auto result = loadCaseFile(r.file.file, kCasesDir, &rules());
    if (auto* c = std::get_if<Case>(&result); c && !cache().find(*c)) loaded.push_back(std::move(*c));
  }
  std::vector<const Case*> batch;
  for (const Case& c : loaded) batch.push_back(&c);
  if (auto error = cache().fill(batch)) std::cerr << "node could not run: " << *error << '\n';
}

Trace nodeTraceOf(const Case& c) {
  if (auto hit = cache().find(c)) return *hit;
  fillMissesOfThisProcess();
  if (auto hit = cache().find(c)) return *hit;
  Trace t;
  t.failure = "Node.js could not run the case (is the pinned Node.js installed? run ./setup.sh)";
  return t;
}

void expectExact(const std::string& subject, const Case& c, const Trace& actual) {
  if (actual.failure) {
    ADD_FAILURE() << subject << " could not run " << c.id << ": " << *actual.failure;
    return;
  }
  const Comparison cmp = compareTraces(c.expected, actual, nullptr);
  if (cmp.level != Level::Exact)
    ADD_FAILURE() << subject << " differs from the expectation of " << c.id << " (reaches " << levelName(cmp.level)
                  << "): " << cmp.why << "\n"
                  << sideBySide(c.expected, actual, subject);
}

class CaseFileTest : public testing::Test {
 public:
  explicit CaseFileTest(CaseFile file) : file_(std::move(file)) {}

  void TestBody() override {
    auto result = loadCaseFile(file_.file, kCasesDir, &rules());
    if (auto* errors = std::get_if<std::vector<LoadError>>(&result)) {
      // Located at the case file, so an IDE or CI annotation points at the file to fix.
      for (const LoadError& e : *errors) ADD_FAILURE_AT(file_.file.string().c_str(), 1) << formatError(e);
      return;
    }
    const Case& c = std::get<Case>(result);
    expectExact("reference", c, ReferenceSubject().runOne(c));
    expectExact("node (V8)", c, nodeTraceOf(c));
  }

 private:
  CaseFile file_;
};

// ctest runs each case as `--gtest_filter=Cases.<name>`: then only that test is registered, which
// saves most of a short process's time over 1,300 runs. Any other filter registers every case.
std::optional<std::string> onlyTest(int argc, char** argv) {
  constexpr std::string_view kFilter = "--gtest_filter=Cases.";
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (!arg.starts_with(kFilter)) continue;
    const std::string_view name = arg.substr(kFilter.size());
    if (name.find_first_of("*?:-") != std::string_view::npos) return std::nullopt;
    return std::string(name);
  }
  return std::nullopt;
}

void registerCaseTests(const std::optional<std::string>& only) {
  for (const CaseFile& f : listCaseFiles(kCasesDir)) {
    if (only && f.testName != *only) continue;
    // No value parameter: gtest_discover_tests would append it to the ctest name. gtest owns the
    // test object the factory returns, hence the plain new.
    const testing::TestInfo* info =
        testing::RegisterTest("Cases", f.testName.c_str(), nullptr, nullptr, f.file.string().c_str(), 1,
                              [f]() -> testing::Test* { return new CaseFileTest(f); });
    registered().push_back({f, info});
  }
}

// The ctest fixture: V8's traces of every valid case, in one Node.js process.
int fillNodeCache() {
  const LoadedCases loaded = loadCases(kCasesDir, &rules());
  std::vector<const Case*> batch;
  for (const Case& c : loaded.cases) batch.push_back(&c);
  cache().clear();
  if (auto error = cache().fill(batch)) {
    std::cerr << "error: Node.js could not run the corpus: " << *error << '\n';
    return 1;
  }
  std::cout << "V8 traces of " << batch.size() << " cases stored\n";
  return 0;
}

}  // namespace
}  // namespace pc::tests

int main(int argc, char** argv) {
  if (argc == 2 && std::strcmp(argv[1], "--fill-node-cache") == 0) return pc::tests::fillNodeCache();
  const std::optional<std::string> only = pc::tests::onlyTest(argc, argv);
  testing::InitGoogleTest(&argc, argv);
  pc::tests::registerCaseTests(only);
  return RUN_ALL_TESTS();
}
