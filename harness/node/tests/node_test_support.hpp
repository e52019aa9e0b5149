#pragma once
// Helpers shared by the node subject's tests: building cases from JSON and running them on V8.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "harness/core/case.hpp"
#include "harness/node/node_subject.hpp"

namespace pc::node_tests {

// A case as the loader would make it (only what the node subject reads: id and program).
inline Case makeCase(const Json& source) {
  Case c;
  c.source = source;
  c.id = source.at("id").get<std::string>();
  c.program = source.at("program");
  return c;
}

inline std::vector<Trace> runAll(Subject& subject, const std::vector<Case>& cases) {
  std::vector<const Case*> ptrs;
  for (const auto& c : cases) ptrs.push_back(&c);
  return subject.run(ptrs);
}

inline Trace runOne(Subject& subject, const Json& source) {
  auto traces = runAll(subject, {makeCase(source)});
  return traces.at(0);
}

// Compares a trace with a hand-written expectation, printing both in full when they differ.
inline void expectTrace(const Trace& actual, const Json& events, const Json& final) {
  ASSERT_FALSE(actual.failure.has_value()) << *actual.failure;
  EXPECT_EQ(Json(actual.events), events) << "actual events: " << Json(actual.events).dump(1);
  EXPECT_EQ(actual.final, final) << "actual final: " << actual.final.dump(1);
}

// Options for V8 from this source tree's harness/node, as the command passes them.
inline NodeOptions testNodeOptions() {
  NodeOptions options;
  options.home = PC_TEST_NODE_DIR;
  return options;
}

// One NodeSubject for a whole suite: finding and checking node is done once.
class NodeSuite : public testing::Test {
 protected:
  static void SetUpTestSuite() { subject_ = std::make_unique<NodeSubject>(testNodeOptions()); }
  static void TearDownTestSuite() { subject_.reset(); }
  static NodeSubject& subject() { return *subject_; }

 private:
  static inline std::unique_ptr<NodeSubject> subject_;
};

}  // namespace pc::node_tests
