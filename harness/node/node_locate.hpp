#pragma once
// Finding the Node.js binary the node subject runs, and checking that it is recent enough.
#include <filesystem>
#include <optional>
#include <string>

namespace pc::node {

// The oldest major version with everything the case language needs (Promise.withResolvers,
// Promise.try, Node's unhandled-rejection events in their current order).
inline constexpr int kMinNodeMajor = 22;

// What to tell a person whose node is missing or too old.
inline constexpr const char* kSetupHint =
    "run the node setup from harness/node/README.md (`npm ci --prefix harness/node`, which installs "
    "the pinned Node 24), or set PC_NODE to a Node.js >= 22 binary";

// The node to use: $PC_NODE when set, else the pinned one that `npm ci` installed under `home`
// (harness/node), else `node` on PATH. Throws std::runtime_error (saying what to do) when none exists.
std::filesystem::path findNode(const std::filesystem::path& home);

// The major version `node --version` reports, or nullopt when it does not answer like Node.js.
std::optional<int> nodeMajorVersion(const std::filesystem::path& node, std::string* reported = nullptr);

// Throws std::runtime_error (saying what to do) unless `node` runs and is at least kMinNodeMajor.
void requireRecentNode(const std::filesystem::path& node);

}  // namespace pc::node
