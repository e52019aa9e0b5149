#include "harness/isolate/batch_protocol.hpp"

#include <stdexcept>

#include "harness/isolate/piped_process.hpp"

namespace pc {
namespace {

std::string batchInput(std::span<const Case* const> cases, std::size_t first) {
  Json batch = Json::array();
  for (std::size_t i = first; i < cases.size(); ++i)
    batch.push_back(Json{{"id", cases[i]->id}, {"program", cases[i]->program}});
  // Invalid UTF-8 in a case becomes U+FFFD rather than an exception: the child would reject it anyway.
  return batch.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// One answer line as a trace; throws std::runtime_error when it is not one.
Trace parseAnswer(const std::string& line, const std::string& expectedId) {
  Json j = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) throw std::runtime_error("not a JSON object: " + line.substr(0, 200));
  if (!j.contains("id") || j["id"] != expectedId)
    throw std::runtime_error("answer for another case (expected id \"" + expectedId + "\"): " + line.substr(0, 200));
  Trace t;
  if (auto f = j.find("failure"); f != j.end()) {
    t.failure = f->is_string() ? f->get<std::string>() : f->dump();
    return t;
  }
  auto trace = j.find("trace");
  auto final = j.find("final");
  if (trace == j.end() || !trace->is_array() || final == j.end() || !final->is_object())
    throw std::runtime_error("no \"trace\" array and \"final\" object: " + line.substr(0, 200));
  t.events = trace->get<std::vector<Json>>();
  t.final = *final;
  return t;
}

std::string withStderr(std::string message, const std::string& who, const std::string& tail) {
  if (tail.empty()) return message;
  return message + "; " + who + "'s stderr ends with: " + tail;
}

// Runs cases [first, end) in one child, filling `out` until the batch ends or the child hangs or
// dies; returns the index of the first case not done.
std::size_t runOneChild(std::span<const Case* const> cases, std::size_t first, const ChildCommand& command,
                        std::chrono::milliseconds caseTimeout, std::vector<Trace>& out) {
  PipedProcess child(command.argv, batchInput(cases, first), command.extraEnv);
  std::size_t i = first;
  std::string line;
  while (i < cases.size()) {
    switch (child.readLine(line, caseTimeout)) {
      case PipedProcess::Read::Line:
        try {
          out[i] = parseAnswer(line, cases[i]->id);
          ++i;
          continue;
        } catch (const std::exception& e) {
          out[i].failure = command.who + " protocol error: " + e.what();
          child.kill();
          child.wait();
          return i + 1;
        }
      case PipedProcess::Read::Timeout:
        child.kill();
        child.wait();
        out[i].failure = "timed out: " + command.who + " finished nothing for " +
                         std::to_string(caseTimeout.count()) + " ms, so it was killed";
        return i + 1;
      case PipedProcess::Read::Eof: {
        const std::string how = child.wait();
        out[i].failure = withStderr(command.who + " ended (" + how + ") while running this case", command.who,
                                    child.stderrTail());
        return i + 1;
      }
    }
  }
  child.wait();  // every case has its answer: how the child ends after that changes nothing
  return i;
}

}  // namespace

std::vector<Trace> runInChildProcesses(std::span<const Case* const> cases, const ChildCommand& command,
                                       std::chrono::milliseconds caseTimeout) {
  std::vector<Trace> out(cases.size());
  std::size_t next = 0;
  while (next < cases.size()) next = runOneChild(cases, next, command, caseTimeout, out);
  return out;
}

std::vector<BatchItem> parseBatchInput(const std::string& input) {
  const Json batch = Json::parse(input, nullptr, /*allow_exceptions=*/false);
  if (!batch.is_array()) throw std::runtime_error("the batch is not a JSON array");
  std::vector<BatchItem> items;
  for (const Json& item : batch) {
    if (!item.is_object() || !item.contains("id") || !item["id"].is_string() || !item.contains("program"))
      throw std::runtime_error("a batch item is not {\"id\": string, \"program\": [...]}");
    items.push_back({item["id"].get<std::string>(), item["program"]});
  }
  return items;
}

std::string answerLine(const std::string& id, const Trace& trace) {
  Json answer{{"id", id}};
  if (trace.failure) {
    answer["failure"] = *trace.failure;
  } else {
    answer["trace"] = trace.events;
    answer["final"] = trace.final;
  }
  return answer.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace pc
