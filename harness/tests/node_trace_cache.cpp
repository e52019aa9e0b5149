#include "harness/tests/node_trace_cache.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <exception>
#include <fstream>
#include <sstream>
#include <vector>

#include <fmt/format.h>

#include "harness/node/node_subject.hpp"

namespace pc::tests {
namespace {

// FNV-1a, 64 bits: stable across processes and builds (std::hash promises neither).
std::uint64_t fnv1a(std::string_view data, std::uint64_t h = 0xcbf29ce484222325ULL) {
  for (unsigned char ch : data) {
    h ^= ch;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string readFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string digestOfScripts(const std::filesystem::path& runnerDir) {
  std::vector<std::filesystem::path> scripts;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(runnerDir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".js") scripts.push_back(entry.path());
  std::sort(scripts.begin(), scripts.end());
  std::uint64_t h = fnv1a("");
  for (const auto& s : scripts) h = fnv1a(readFile(s), fnv1a(s.filename().string(), h));
  return fmt::format("{:016x}", h);
}

Json traceToJson(const Trace& t) {
  if (t.failure) return Json{{"failure", *t.failure}};
  return t.toJson();
}

Trace traceFromJson(const Json& j) {
  Trace t;
  if (j.contains("failure")) {
    t.failure = j["failure"].get<std::string>();
    return t;
  }
  t.events = j.at("trace").get<std::vector<Json>>();
  t.final = j.at("final");
  return t;
}

}  // namespace

NodeTraceCache::NodeTraceCache(std::filesystem::path dir, const std::filesystem::path& runnerDir)
    : dir_(std::move(dir)), runnerDir_(runnerDir), runnerDigest_(digestOfScripts(runnerDir)) {}

std::string NodeTraceCache::keyOf(const Case& c) const {
  return fmt::format("{:016x}", fnv1a(c.source.dump(), fnv1a(runnerDigest_)));
}

std::optional<Trace> NodeTraceCache::find(const Case& c) const {
  std::ifstream in(dir_ / (keyOf(c) + ".json"), std::ios::binary);
  if (!in) return std::nullopt;
  const Json j = Json::parse(in, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::nullopt;
  try {
    return traceFromJson(j);
  } catch (const Json::exception&) {
    return std::nullopt;  // a damaged entry is as good as none: the test runs the case itself
  }
}

void NodeTraceCache::store(const Case& c, const Trace& t) const {
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  // Write then rename, so a test running in parallel never reads half a file.
  const std::filesystem::path final = dir_ / (keyOf(c) + ".json");
  const std::filesystem::path temp = dir_ / fmt::format("{}.{}.tmp", keyOf(c), getpid());
  {
    std::ofstream out(temp, std::ios::binary);
    out << traceToJson(t).dump(-1, ' ', false, Json::error_handler_t::replace);
  }
  std::filesystem::rename(temp, final, ec);
}

std::optional<std::string> NodeTraceCache::fill(std::span<const Case* const> cases) const {
  if (cases.empty()) return std::nullopt;
  try {
    NodeOptions options;
    options.home = runnerDir_;
    NodeSubject node(options);
    const std::vector<Trace> traces = node.run(cases);
    for (std::size_t i = 0; i < cases.size() && i < traces.size(); ++i) store(*cases[i], traces[i]);
  } catch (const std::exception& e) {
    return std::string(e.what());
  }
  return std::nullopt;
}

void NodeTraceCache::clear() const {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir_, ec))
    if (entry.path().extension() == ".json") std::filesystem::remove(entry.path(), ec);
}

}  // namespace pc::tests
