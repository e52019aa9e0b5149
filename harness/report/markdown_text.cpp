#include "harness/report/markdown_text.hpp"

#include <algorithm>
#include <string_view>

namespace pc::markdown {
namespace {

bool isControl(char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }

std::size_t longestBacktickRun(std::string_view s) {
  std::size_t longest = 0, run = 0;
  for (char c : s) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

}  // namespace

std::string text(std::string_view s) {
  constexpr std::string_view special = "\\`*_[]<>&~#!|";
  std::string out;
  for (char c : s) {
    if (isControl(c)) {
      out += ' ';
      continue;
    }
    if (special.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string code(std::string_view s) {
  std::string body;
  for (char c : s) body += isControl(c) ? ' ' : c;
  const std::string ticks(longestBacktickRun(body) + 1, '`');
  // A space on each side keeps a leading or trailing backtick from joining the delimiter.
  const bool pad = !body.empty() && (body.front() == '`' || body.back() == '`');
  return ticks + (pad ? " " : "") + body + (pad ? " " : "") + ticks;
}

std::string fenced(std::string_view s) {
  const std::string fence(std::max<std::size_t>(3, longestBacktickRun(s) + 1), '`');
  std::string out = fence + "\n" + std::string(s);
  if (!out.empty() && out.back() != '\n') out += '\n';
  return out + fence + "\n";
}

std::string cell(std::string_view markdown) {
  std::string out;
  for (std::size_t i = 0; i < markdown.size(); ++i) {
    // An escaped pipe from text() stays as it is; a bare one (inside a code span) gets escaped.
    if (markdown[i] == '|' && (i == 0 || markdown[i - 1] != '\\')) out += '\\';
    out += markdown[i];
  }
  return out;
}

std::string count(std::size_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

std::string link(std::string_view label, std::string_view path) {
  return "[" + std::string(label) + "](" + std::string(path) + ")";
}

}  // namespace pc::markdown
