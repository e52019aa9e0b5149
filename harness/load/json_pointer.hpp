#pragma once
// Building RFC 6901 JSON pointers while walking a document.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace pc::load {

// `parent` + "/" + key, with "~" and "/" in the key escaped as the RFC asks.
inline std::string child(const std::string& parent, std::string_view key) {
  std::string out = parent + '/';
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

inline std::string child(const std::string& parent, std::size_t index) { return parent + '/' + std::to_string(index); }

// A pointer kept as a chain of tokens that share their parents, for walks that hold a pointer at
// every level and keep many: spelled out, each would cost its depth, so a deep or long document
// would cost the square of its size. Spelled out only for a message.
class Pointer {
 public:
  Pointer(std::string root = "") : node_(std::make_shared<const Node>(Node{nullptr, std::move(root)})) {}  // NOLINT
  explicit Pointer(const char* root) : Pointer(std::string(root)) {}

  Pointer child(std::string_view key) const { return Pointer(node_, load::child("", key)); }
  Pointer child(std::size_t index) const { return Pointer(node_, load::child("", index)); }

  std::string str() const {
    std::vector<const std::string*> tokens;
    for (const Node* n = node_.get(); n != nullptr; n = n->parent.get()) tokens.push_back(&n->token);
    std::string out;
    for (auto it = tokens.rbegin(); it != tokens.rend(); ++it) out += **it;
    return out;
  }
  operator std::string() const { return str(); }  // NOLINT: where a message needs it

 private:
  struct Node {
    std::shared_ptr<const Node> parent;
    std::string token;  // "/key", escaped; the root's is the whole pointer it starts from
  };
  Pointer(std::shared_ptr<const Node> parent, std::string token)
      : node_(std::make_shared<const Node>(Node{std::move(parent), std::move(token)})) {}

  std::shared_ptr<const Node> node_;
};

inline Pointer child(const Pointer& parent, std::string_view key) { return parent.child(key); }
inline Pointer child(const Pointer& parent, std::size_t index) { return parent.child(index); }

// "a string", "an array"... for messages that say what was found instead.
inline std::string describeType(const nlohmann::json& v) {
  switch (v.type()) {
    case nlohmann::json::value_t::null: return "null";
    case nlohmann::json::value_t::boolean: return "a boolean";
    case nlohmann::json::value_t::string: return "a string";
    case nlohmann::json::value_t::array: return "an array";
    case nlohmann::json::value_t::object: return "an object";
    case nlohmann::json::value_t::discarded: return "nothing";
    default: return "a number";
  }
}

}  // namespace pc::load
