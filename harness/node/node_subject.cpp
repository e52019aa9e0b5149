#include "harness/node/node_subject.hpp"

#include <stdexcept>

#include "harness/node/node_locate.hpp"
#include "harness/node/node_process.hpp"

namespace pc {
namespace {

// run.js needs only these two keys; the expectation stays on this side.
Json caseForRunner(const Case& c) { return Json{{"id", c.id}, {"program", c.program}}; }

std::string batchInput(std::span<const Case* const> cases, std::size_t first) {
  Json batch = Json::array();
  for (std::size_t i = first; i < cases.size(); ++i) batch.push_back(caseForRunner(*cases[i]));
  // Invalid UTF-8 in a case becomes U+FFFD rather than an exception: node would reject it anyway.
  return batch.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// One line of run.js's output as a trace; throws std::runtime_error when it is not one.
Trace parseResult(const std::string& line, const std::string& expectedId) {
  Json j = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) throw std::runtime_error("not a JSON object: " + line.substr(0, 200));
  if (!j.contains("id") || j["id"] != expectedId) {
    throw std::runtime_error("answer for another case (expected id \"" + expectedId + "\"): " + line.substr(0, 200));
  }
  Trace t;
  if (auto f = j.find("failure"); f != j.end()) {
    t.failure = f->is_string() ? f->get<std::string>() : f->dump();
    return t;
  }
  auto trace = j.find("trace");
  auto final = j.find("final");
  if (trace == j.end() || !trace->is_array() || final == j.end() || !final->is_object()) {
    throw std::runtime_error("no \"trace\" array and \"final\" object: " + line.substr(0, 200));
  }
  t.events = trace->get<std::vector<Json>>();
  t.final = *final;
  return t;
}

std::string withStderr(std::string message, const std::string& tail) {
  if (tail.empty()) return message;
  return message + "; node's stderr ends with: " + tail;
}

}  // namespace

NodeSubject::NodeSubject(NodeOptions options) : options_(std::move(options)) {
  if (options_.node.empty()) options_.node = node::findNode();
  if (options_.runner.empty()) options_.runner = std::filesystem::path(PC_DEFAULT_NODE_DIR) / "run.js";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(options_.runner, ec)) {
    throw std::runtime_error("the node runner " + options_.runner.string() + " is missing");
  }
  node::requireRecentNode(options_.node);
}

std::vector<Trace> NodeSubject::run(std::span<const Case* const> cases) {
  std::vector<Trace> out(cases.size());
  std::size_t next = 0;
  while (next < cases.size()) next = runProcess(cases, next, out);
  return out;
}

std::size_t NodeSubject::runProcess(std::span<const Case* const> cases, std::size_t first,
                                    std::vector<Trace>& out) {
  node::PipedProcess proc({options_.node.string(), options_.runner.string()}, batchInput(cases, first),
                          options_.extraEnv);
  std::size_t i = first;
  std::string line;
  while (i < cases.size()) {
    switch (proc.readLine(line, options_.caseTimeout)) {
      case node::PipedProcess::Read::Line:
        try {
          out[i] = parseResult(line, cases[i]->id);
          ++i;
          continue;
        } catch (const std::exception& e) {
          out[i].failure = std::string("node runner protocol error: ") + e.what();
          proc.kill();
          proc.wait();
          return i + 1;
        }
      case node::PipedProcess::Read::Timeout:
        proc.kill();
        proc.wait();
        out[i].failure = "timed out: node finished nothing for " +
                         std::to_string(options_.caseTimeout.count()) + " ms, so it was killed";
        return i + 1;
      case node::PipedProcess::Read::Eof: {
        std::string how = proc.wait();
        out[i].failure = withStderr("node ended (" + how + ") while running this case", proc.stderrTail());
        return i + 1;
      }
    }
  }
  proc.wait();  // every case has its answer: how node ends after that changes nothing
  return i;
}

}  // namespace pc
