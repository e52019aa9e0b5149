#pragma once
// Building RFC 6901 JSON pointers while walking a document.
#include <cstddef>
#include <string>
#include <string_view>

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
