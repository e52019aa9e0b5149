// The worker protocol from both ends: what a worker answers (serveWorker) and how the harness reads
// it, including every way a worker can fail before running a case.
#include <gtest/gtest.h>

#include <sstream>

#include "harness/sdk/tests/toy_library.hpp"
#include "harness/worker/worker.hpp"
#include "harness/worker/worker_client.hpp"

namespace pc::worker {
namespace {

LibraryVariants toyVariants() {
  LibraryVariants v;
  v.push_back(librarySubject<sdk::toy::Adapter>({"toy/loop", "toy 1", "from a queue", false}, sdk::toy::Options{}));
  return v;
}

struct Served {
  int code;
  std::string out, err;
};

Served serve(std::vector<const char*> argv, const std::string& input = "") {
  std::istringstream in(input);
  std::ostringstream out, err;
  const int code = serveWorker(static_cast<int>(argv.size()), argv.data(), toyVariants(), in, out, err);
  return {code, out.str(), err.str()};
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(Worker, DescribesItsVariantsInAFormTheHarnessReadsBack) {
  const Served s = serve({"w", "--describe"});
  ASSERT_EQ(s.code, 0) << s.err;
  const std::vector<DescribedVariant> variants = parseDescription(s.out);
  ASSERT_EQ(variants.size(), 1u);
  EXPECT_EQ(variants[0].about.name, "toy/loop");
  EXPECT_EQ(variants[0].about.library, "toy 1");
  EXPECT_EQ(variants[0].about.description, "from a queue");
  EXPECT_FALSE(variants[0].about.deterministic);
  EXPECT_TRUE(variants[0].features.has(Feature::Executor));
  EXPECT_FALSE(variants[0].features.has(Feature::Thenables));
}

TEST(Worker, RunsABatchOnTheVariantNamed) {
  const std::string batch =
      R"([{"id": "t/one", "program": [{"resolved": 1, "as": "p"}, {"then": "p", "onFulfilled": [{"log": "h"}]}]}])";
  const Served s = serve({"w", "--subject", "toy/loop"}, batch);
  EXPECT_EQ(s.code, 0) << s.err;
  EXPECT_TRUE(has(s.out, R"("id":"t/one")")) << s.out;
  EXPECT_TRUE(has(s.out, R"("trace":[["h",1]])")) << s.out;
}

TEST(Worker, NamesTheVariantsItHasWhenAskedForAnother) {
  const Served s = serve({"w", "--subject", "toy/other"});
  EXPECT_EQ(s.code, 2);
  EXPECT_TRUE(has(s.err, "no variant 'toy/other' here; this worker has: toy/loop")) << s.err;
}

TEST(Worker, ExplainsHowToUseItOnAnyOtherCommandLine) {
  const Served s = serve({"w"});
  EXPECT_EQ(s.code, 2);
  EXPECT_TRUE(has(s.err, "usage: w --describe | --subject NAME")) << s.err;
  EXPECT_TRUE(has(s.err, "promise-conformance run --subject worker:w")) << s.err;
}

std::string parseError(const std::string& answer) {
  try {
    parseDescription(answer);
  } catch (const std::exception& e) {
    return e.what();
  }
  return "(accepted)";
}

TEST(WorkerDescription, SaysWhatIsWrongWithABadAnswer) {
  EXPECT_TRUE(has(parseError("hello"), "not a JSON object: hello"));
  EXPECT_TRUE(has(parseError(R"({"variants": []})"), "does not name the protocol"));
  EXPECT_TRUE(has(parseError(R"({"protocol": "promise-conformance-worker/1", "variants": []})"), "lists no"));
  const std::string noName = R"({"protocol": "promise-conformance-worker/1", "variants": [{"library": "x"}]})";
  EXPECT_TRUE(has(parseError(noName), "variant 0 has no string \"name\""));
  const std::string badFeature = R"({"protocol": "promise-conformance-worker/1", "variants": [{"name": "a/b",
      "library": "x", "description": "d", "features": ["teleport"]}]})";
  EXPECT_TRUE(has(parseError(badFeature), "variant a/b has an unknown feature \"teleport\""));
}

TEST(WorkerDescription, ReadsAWorkerThatWorks) {
  const Description d = describeWorker(PC_TOY_WORKER);
  EXPECT_EQ(d.problem, "");
  ASSERT_EQ(d.variants.size(), 2u);
  EXPECT_EQ(d.variants[0].about.name, "toy/loop");
  EXPECT_EQ(d.variants[1].about.name, "toy/sync");
}

TEST(WorkerDescription, NamesAMissingWorker) {
  const Description d = describeWorker("/no/such/worker");
  EXPECT_TRUE(d.variants.empty());
  EXPECT_TRUE(has(d.problem, "worker /no/such/worker: no such file; expected a worker built by")) << d.problem;
}

TEST(WorkerDescription, NamesAWorkerThatDiesAtStartWithWhatItSaid) {
  const Description d = describeWorker(PC_CRASH_WORKER);
  EXPECT_TRUE(d.variants.empty());
  EXPECT_TRUE(has(d.problem, "ended (killed by SIGABRT")) << d.problem;
  EXPECT_TRUE(has(d.problem, "at start, before answering `--describe`")) << d.problem;
  EXPECT_TRUE(has(d.problem, "cannot find my library")) << d.problem;
}

TEST(WorkerDescription, NamesAWorkerThatSpeaksAnotherProtocol) {
  const Description d = describeWorker(PC_BABBLE_WORKER);
  EXPECT_TRUE(d.variants.empty());
  EXPECT_TRUE(has(d.problem, "speaks another protocol: the answer is not a JSON object: hello, I am a worker"))
      << d.problem;
}

}  // namespace
}  // namespace pc::worker
