#include "harness/cli/test262_coverage.hpp"

#include <fmt/format.h>

#include "harness/load/json_pointer.hpp"

namespace pc::cli {
namespace {

std::string where(const Test262Entry& e) { return fmt::format("{}: line {}", e.file.generic_string(), e.line); }

void checkCitations(const std::vector<Case>& cases, Test262Coverage& out,
                    const std::map<std::string, const Test262Entry*>& byPath) {
  for (const Case& c : cases)
    for (std::size_t i = 0; i < c.test262.size(); ++i) {
      if (byPath.count(c.test262[i]) == 0)
        out.errors.push_back(fmt::format("{}: {}: '{}' is in no test262 list (spec/test262/*.tsv)",
                                         c.file.generic_string(), load::child("/test262", i), c.test262[i]));
      else
        out.casesOf[c.test262[i]].push_back(c.id);
    }
}

void tally(const Test262Entry& e, bool covered, Test262Coverage& out) {
  Test262Tally& t = out.byClass[test262ClassLetter(e.cls)];
  ++t.total;
  if (covered) ++t.covered;
  const bool wanted = e.cls != Test262Class::Shape;
  if (covered && !e.note.empty())
    out.errors.push_back(fmt::format("{}: '{}' has a case now; drop the note '{}'", where(e), e.path, e.note));
  else if (wanted && !covered && e.note.empty())
    out.errors.push_back(
        fmt::format("{}: no case mirrors '{}' ({}); cite it in a case or say what it needs "
                    "in a third column",
                    where(e), e.path, test262ClassLetter(e.cls)));
  if (wanted && !covered) out.uncovered.push_back(&e);
}

}  // namespace

Test262Coverage joinTest262(const Test262List& list, const std::vector<Case>& cases) {
  Test262Coverage out;
  std::map<std::string, const Test262Entry*> byPath;
  for (const Test262Entry& e : list.entries) byPath.emplace(e.path, &e);
  checkCitations(cases, out, byPath);
  for (const Test262Entry& e : list.entries) {
    if (e.outOfGoal())
      out.outOfGoal.push_back(&e);
    else
      tally(e, out.casesOf.count(e.path) > 0, out);
  }
  return out;
}

std::string describeTest262Coverage(const Test262Coverage& cov) {
  std::string text = "test262 files mirrored by a case, by class:\n";
  const std::pair<char, std::string_view> meaning[] = {
      {'S', "observable semantics"}, {'B', "borderline behaviour"}, {'N', "shape (not a goal)"}};
  for (const auto& [letter, words] : meaning) {
    const auto it = cov.byClass.find(letter);
    const Test262Tally t = it == cov.byClass.end() ? Test262Tally{} : it->second;
    text += fmt::format("  {} {:>4}/{:<4} {:>5.1f}%  {}\n", letter, t.covered, t.total,
                        t.total ? 100.0 * static_cast<double>(t.covered) / static_cast<double>(t.total) : 100.0, words);
  }
  if (!cov.uncovered.empty()) {
    text += fmt::format("\n{} S and B files without a case:\n", cov.uncovered.size());
    for (const Test262Entry* e : cov.uncovered)
      text += fmt::format("  {} {}  {}\n", test262ClassLetter(e->cls), e->path, e->note);
  }
  if (!cov.outOfGoal.empty()) {
    std::map<std::string, std::size_t> byNote;
    for (const Test262Entry* e : cov.outOfGoal) ++byNote[e->note];
    text += fmt::format("\n{} files out of the goal:\n", cov.outOfGoal.size());
    for (const auto& [note, count] : byNote) text += fmt::format("  {:>4}  {}\n", count, note);
  }
  return text;
}

}  // namespace pc::cli
