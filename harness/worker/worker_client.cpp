#include "harness/worker/worker_client.hpp"

#include <unistd.h>

#include <chrono>
#include <stdexcept>

#include "harness/core/case.hpp"
#include "harness/isolate/piped_process.hpp"
#include "harness/worker/worker.hpp"

namespace pc::worker {
namespace {

// Long enough for a library that starts threads or an event loop, short enough not to stall a run.
constexpr std::chrono::seconds kDescribeTimeout{10};

const char* kExpected =
    "expected a worker built by promise_conformance_add_subject (or linked with PromiseConformance::worker_main), "
    "which answers `--describe` with one JSON line";

std::string text(const Json& object, const char* key, std::size_t index) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string())
    throw std::runtime_error("variant " + std::to_string(index) + " has no string \"" + key + "\"");
  return it->get<std::string>();
}

DescribedVariant parseVariant(const Json& v, std::size_t index) {
  if (!v.is_object()) throw std::runtime_error("variant " + std::to_string(index) + " is not an object");
  DescribedVariant out;
  out.about.name = text(v, "name", index);
  out.about.library = text(v, "library", index);
  out.about.description = text(v, "description", index);
  out.about.deterministic = v.value("deterministic", true);
  auto features = v.find("features");
  if (features == v.end() || !features->is_array())
    throw std::runtime_error("variant " + out.about.name + " has no \"features\" array");
  for (const Json& f : *features) {
    auto feature = f.is_string() ? featureFromName(f.get<std::string>()) : std::nullopt;
    if (!feature) throw std::runtime_error("variant " + out.about.name + " has an unknown feature " + f.dump());
    out.features.add(*feature);
  }
  return out;
}

}  // namespace

std::vector<DescribedVariant> parseDescription(const std::string& answer) {
  const Json j = Json::parse(answer, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) throw std::runtime_error("the answer is not a JSON object: " + answer.substr(0, 200));
  if (j.value("protocol", Json()) != kWorkerProtocol)
    throw std::runtime_error(std::string("the answer does not name the protocol \"") + kWorkerProtocol +
                             "\": " + answer.substr(0, 200));
  auto variants = j.find("variants");
  if (variants == j.end() || !variants->is_array() || variants->empty())
    throw std::runtime_error("the answer lists no \"variants\"");
  std::vector<DescribedVariant> out;
  for (std::size_t i = 0; i < variants->size(); ++i) out.push_back(parseVariant((*variants)[i], i));
  return out;
}

Description describeWorker(const std::filesystem::path& worker) {
  const std::string who = "worker " + worker.string();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(worker, ec)) return {{}, who + ": no such file; " + kExpected};
  if (::access(worker.c_str(), X_OK) != 0) return {{}, who + ": not executable; " + kExpected};
  std::string line;
  std::string how;
  std::string stderrTail;
  try {
    PipedProcess child({worker.string(), "--describe"}, "");
    const PipedProcess::Read got = child.readLine(line, kDescribeTimeout);
    if (got == PipedProcess::Read::Timeout) child.kill();
    how = child.wait();
    stderrTail = child.stderrTail();
    if (got == PipedProcess::Read::Timeout)
      return {{},
              who + ": said nothing within " + std::to_string(kDescribeTimeout.count()) + " s of `--describe`; " +
                  kExpected};
    if (!child.exitedCleanly() && line.empty())
      return {{},
              who + ": ended (" + how + ") at start, before answering `--describe`" +
                  (stderrTail.empty() ? "" : "; its stderr ends with: " + stderrTail) + "; " + kExpected};
  } catch (const std::exception& e) {
    return {{}, who + ": cannot be started: " + e.what()};
  }
  try {
    return {parseDescription(line), {}};
  } catch (const std::exception& e) {
    return {{}, who + " speaks another protocol: " + e.what() + "; " + kExpected};
  }
}

}  // namespace pc::worker
