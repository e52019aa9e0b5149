#include "harness/load/case_layout.hpp"

#include <algorithm>
#include <array>

namespace pc::load {
namespace {

// Keys that lead the object they are in, in this order: the kind of a trace event or value first
// (and an allSettled entry's status before its value or reason).
constexpr std::array<std::string_view, 8> kLeadingKeys = {"status", "unhandled", "handled", "uncaught",
                                                          "reason", "error",     "message", "errors"};

std::size_t keyRank(const std::string& key) {
  const auto it = std::find(kLeadingKeys.begin(), kLeadingKeys.end(), key);
  return static_cast<std::size_t>(it - kLeadingKeys.begin());
}

std::string scalar(const Json& v) { return v.dump(-1, ' ', false, Json::error_handler_t::replace); }

}  // namespace

std::string inlineJson(const Json& value) {
  if (value.is_array()) {
    std::string out = "[";
    for (std::size_t i = 0; i < value.size(); ++i) out += (i ? ", " : "") + inlineJson(value[i]);
    return out + "]";
  }
  if (!value.is_object()) return scalar(value);
  std::vector<std::string> keys;
  for (const auto& [key, unused] : value.items()) keys.push_back(key);
  std::stable_sort(keys.begin(), keys.end(),
                   [](const std::string& a, const std::string& b) { return keyRank(a) < keyRank(b); });
  std::string out = "{";
  for (const std::string& key : keys)
    out += (out.size() > 1 ? ", " : "") + scalar(Json(key)) + ": " + inlineJson(value.at(key));
  return out + "}";
}

std::string expectLayout(const std::vector<Json>& trace, const Json& final,
                         const std::vector<std::string>& finalOrder) {
  std::string out = "{\n    \"trace\": ";
  if (trace.empty()) out += "[]";
  for (std::size_t i = 0; i < trace.size(); ++i)
    out += (i ? ",\n      " : "[\n      ") + inlineJson(trace[i]) + (i + 1 == trace.size() ? "\n    ]" : "");
  std::vector<std::string> names;
  for (const std::string& n : finalOrder)
    if (final.contains(n) && std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  for (const auto& [n, unused] : final.items())
    if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  out += ",\n    \"final\": ";
  if (names.empty()) out += "{}";
  for (std::size_t i = 0; i < names.size(); ++i)
    out += (i ? ",\n      " : "{\n      ") + scalar(Json(names[i])) + ": " + inlineJson(final.at(names[i])) +
           (i + 1 == names.size() ? "\n    }" : "");
  return out + "\n  }";
}

}  // namespace pc::load
