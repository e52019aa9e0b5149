#include "harness/report/side_by_side.hpp"

#include <algorithm>
#include <set>
#include <utility>
#include <vector>

#include <fmt/format.h>

namespace pc {
namespace {

struct Row {
  std::string left, right;
  std::string note;  // shown before `left`, not compared
};

std::string compact(const Json& v) { return v.dump(-1, ' ', false, Json::error_handler_t::replace); }

std::vector<Row> eventRows(const Trace& expected, const Trace& actual, const LeftColumn& left) {
  std::vector<Row> rows;
  const std::size_t n = std::max(expected.events.size(), actual.events.size());
  for (std::size_t i = 0; i < n; ++i) {
    const bool ours = i < expected.events.size();
    rows.push_back({ours ? compact(expected.events[i]) : "", i < actual.events.size() ? compact(actual.events[i]) : "",
                    ours && left.note ? left.note(i) : ""});
  }
  return rows;
}

// Notes, where there are any, become a column of their own before the left one.
void prefixNotes(std::vector<Row>& rows) {
  std::size_t width = 0;
  for (const Row& r : rows) width = std::max(width, r.note.size());
  if (width == 0) return;
  for (Row& r : rows) r.note = fmt::format("{:<{}}  ", r.note, width);
}

// Final states by promise name, over the names either side has.
std::vector<Row> finalRows(const Trace& expected, const Trace& actual) {
  std::set<std::string> names;
  for (const auto& [name, _] : expected.final.items()) names.insert(name);
  for (const auto& [name, _] : actual.final.items()) names.insert(name);
  std::vector<Row> rows;
  const auto state = [](const Trace& t, const std::string& name) {
    return t.final.contains(name) ? fmt::format("{}: {}", name, compact(t.final[name])) : "";
  };
  for (const std::string& name : names) rows.push_back({state(expected, name), state(actual, name), ""});
  return rows;
}

// The first row that differs (over events, then final states) is marked '>', the later ones '!'.
void writeRows(std::string& out, const std::vector<Row>& rows, std::size_t width, bool& diverged) {
  for (const Row& r : rows) {
    char mark = ' ';
    if (r.left != r.right) mark = std::exchange(diverged, true) ? '!' : '>';
    out += fmt::format("{} {:<{}} | {}\n", mark, r.note + r.left, width, r.right);
  }
}

}  // namespace

std::string sideBySide(const Trace& expected, const Trace& actual, const std::string& actualTitle,
                       const LeftColumn& left) {
  std::vector<Row> events = eventRows(expected, actual, left);
  std::vector<Row> finals = finalRows(expected, actual);
  prefixNotes(events);
  std::size_t width = left.title.size();
  for (const std::vector<Row>* rows : {&events, &finals})
    for (const Row& r : *rows) width = std::max(width, r.note.size() + r.left.size());
  std::string out = fmt::format("  {:<{}} | {}\n", left.title, width, actualTitle);
  bool diverged = false;
  writeRows(out, events, width, diverged);
  out += fmt::format("  {:-<{}}-+-{:-<{}}\n", "", width, "", 8);
  writeRows(out, finals, width, diverged);
  if (actual.failure) out += fmt::format("  ({} failed: {})\n", actualTitle, *actual.failure);
  return out;
}

}  // namespace pc
