// The fuzz target of the front door: any bytes are loaded as a case file and, when they load, run
// on the reference and compared with their expectation, as `promise-conformance run` would. Whatever
// the input, this must return: an error for a bad file, a verdict (or a named budget) for a good one.
#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>

#include "harness/core/compare.hpp"
#include "harness/core/interpreter.hpp"
#include "harness/core/reference_runtime.hpp"
#include "harness/load/loader.hpp"

namespace {

// Smaller than the defaults so that a runaway input costs milliseconds, not seconds: the fuzzer
// looks for crashes, and the budgets are what stops those inputs either way.
pc::Budgets fuzzBudgets() {
  pc::Budgets b;
  b.jobs = 20'000;
  b.promises = 20'000;
  b.traceEvents = 5'000;
  return b;
}

// The id the case claims, so that a mismatch with a file name does not hide everything behind it.
std::string claimedId(const std::string& text) {
  const pc::Json doc = pc::Json::parse(text, nullptr, false);
  if (doc.is_object() && doc.contains("id") && doc["id"].is_string()) return doc["id"].get<std::string>();
  return "fuzz/input";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto loaded = pc::loadCaseText(text, "fuzz-input.json", claimedId(text), nullptr);
  const auto* c = std::get_if<pc::Case>(&loaded);
  if (c == nullptr) return 0;  // a load error: the answer for a bad file
  pc::ReferenceRuntime runtime;
  const pc::Trace trace = pc::interpret(c->program, runtime, fuzzBudgets());
  if (!trace.failure) {
    (void)pc::compareTraces(c->expected, trace, &trace);  // the causal level walks the job records too
    (void)trace.toJson().dump();
  }
  return 0;
}
