#include "harness/load/test262_list.hpp"

#include <algorithm>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "harness/core/grammar.hpp"

namespace pc {
namespace {

constexpr std::string_view kOutOfGoal = "out of goal:";

std::vector<std::string> splitTabs(const std::string& line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
    fields.push_back(line.substr(start, tab - start));
  fields.push_back(line.substr(start));
  return fields;
}

std::optional<Test262Class> classOf(const std::string& letter) {
  if (letter == "S") return Test262Class::Semantics;
  if (letter == "B") return Test262Class::Borderline;
  if (letter == "N") return Test262Class::Shape;
  return std::nullopt;
}

}  // namespace

char test262ClassLetter(Test262Class c) {
  switch (c) {
    case Test262Class::Semantics: return 'S';
    case Test262Class::Borderline: return 'B';
    case Test262Class::Shape: break;
  }
  return 'N';
}

bool Test262Entry::outOfGoal() const { return note.rfind(kOutOfGoal, 0) == 0; }

void parseTest262List(const std::string& text, const std::filesystem::path& file, Test262List& into) {
  std::istringstream in(text);
  std::set<std::string> seen;  // across lists too: a file has one class
  for (const Test262Entry& e : into.entries) seen.insert(e.path);
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    const auto error = [&](std::string message) {
      into.errors.push_back({file, fmt::format("line {}", number), std::move(message)});
    };
    const std::vector<std::string> fields = splitTabs(line);
    if (fields.size() < 2 || fields.size() > 3) {
      error("a line holds a path, a class (S, B or N) and an optional note, separated by tabs");
      continue;
    }
    const auto cls = classOf(fields[1]);
    if (!grammar::isTest262Path(fields[0]))
      error(fmt::format("'{}' is not a path under test262's test/ (built-ins/Promise/all/reject-immed.js)", fields[0]));
    else if (!seen.insert(fields[0]).second)
      error(fmt::format("'{}' is listed twice", fields[0]));
    else if (!cls)
      error(fmt::format("class '{}' is not S (semantics), B (borderline) or N (shape)", fields[1]));
    else
      into.entries.push_back({fields[0], *cls, fields.size() == 3 ? fields[2] : "", file, number});
  }
}

Test262List loadTest262Lists(const std::filesystem::path& dir) {
  Test262List list;
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.path().extension() == ".tsv") files.push_back(e.path());
  if (ec || files.empty()) {
    list.errors.push_back({dir, "", "no test262 list (*.tsv) in this directory"});
    return list;
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) list.errors.push_back({file, "", "cannot read the file"});
    parseTest262List(text.str(), file, list);
  }
  return list;
}

}  // namespace pc
