#pragma once
// V8's traces of the corpus, computed in one batch and kept on disk for the per-case tests.
//
// Why: ctest runs every case test in its own process, and starting Node.js costs tens of milliseconds,
// which over a thousand-case corpus is most of the test time. So a ctest fixture (the test
// `case_tests.node_traces`) runs the whole corpus through one Node.js process first and stores each
// trace under a key that hashes the case's source together with the node runner's scripts; each case
// test then only reads its file. A case whose trace is missing or stale (edited since) is run on
// Node.js by the test itself, so results are never older than the case.
#include <filesystem>
#include <optional>
#include <span>
#include <string>

#include "harness/core/case.hpp"
#include "harness/core/trace.hpp"

namespace pc::tests {

class NodeTraceCache {
 public:
  // `dir` holds the traces; `runnerDir` holds the node runner's *.js scripts, part of every key.
  NodeTraceCache(std::filesystem::path dir, const std::filesystem::path& runnerDir);

  std::string keyOf(const Case& c) const;
  std::optional<Trace> find(const Case& c) const;
  void store(const Case& c, const Trace& t) const;
  // Runs `cases` on Node.js as one batch and stores each trace. Returns an error message when Node.js
  // could not be started at all.
  std::optional<std::string> fill(std::span<const Case* const> cases) const;
  // Removes every stored trace (before a full refill, so the directory does not grow forever).
  void clear() const;

 private:
  std::filesystem::path dir_;
  std::filesystem::path runnerDir_;  // harness/node
  std::string runnerDigest_;         // the node runner's scripts, hashed
};

}  // namespace pc::tests
