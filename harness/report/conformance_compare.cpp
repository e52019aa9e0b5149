// The staleness check: a committed report against a fresh one, and committed Markdown against the
// rendering of the committed JSON. Both reports are first projected onto what must not change between
// two runs of the same code (arrays keyed by name, so a difference reads as a path a person can
// follow), then compared.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "harness/report/conformance_report.hpp"

namespace pc {
namespace {

using Names = std::set<std::string>;

std::string str(const Json& j) { return j.is_string() ? j.get<std::string>() : j.dump(); }

// Subjects either report marks nondeterministic; both sides are projected the same way.
Names nondeterministic(const Json& a, const Json& b) {
  Names out;
  for (const Json* report : {&a, &b})
    for (const Json& s : report->value("subjects", Json::array()))
      if (!s.value("deterministic", true)) out.insert(str(s.value("name", Json(""))));
  return out;
}

Json keyedBy(const Json& array, const std::string& key) {
  Json out = Json::object();
  for (const Json& item : array) out[str(item.value(key, Json("")))] = item;
  return out;
}

Json subjectView(const Json& s, const Names& unstable) {
  if (!unstable.contains(str(s.value("name", Json(""))))) {
    Json view = s;
    view["failures"] = keyedBy(s.value("failures", Json::array()), "case");
    return view;
  }
  // What threads cannot change: what the subject is and what it offers. Even outcomes can move: a
  // handler that runs before another settles a promise decides its value, and a library that dies
  // on a pool thread after a case can take the next case with it.
  Json view = Json::object();
  for (const char* key : {"name", "library", "description", "required", "deterministic", "features", "notApplicable"})
    view[key] = s.value(key, Json(nullptr));
  return view;
}

Json matrixView(const Json& matrix, const Names& unstable) {
  Json out = Json::object();
  for (const Json& row : matrix) {
    Json cells = row.value("cells", Json::object());
    for (const std::string& name : unstable) cells.erase(name);
    out[str(row.value("rule", Json("")))] = cells;
  }
  return out;
}

Json libraryView(const Json& library, const Names& unstable) {
  const Json variants = library.value("subjects", Json::array());
  const bool stable =
      std::none_of(variants.begin(), variants.end(), [&](const Json& n) { return unstable.contains(str(n)); });
  Json view = {{"subjects", variants}, {"missingFeatures", library.value("missingFeatures", Json(nullptr))}};
  if (!stable) return view;
  view["deviations"] = keyedBy(library.value("deviations", Json::array()), "rule");
  view["noTrace"] = keyedBy(library.value("noTrace", Json::array()), "reason");
  view["levels"] = keyedBy(library.value("levels", Json::array()), "subject");
  view["variantDifferences"] = library.value("variantDifferences", Json(nullptr));
  return view;
}

Json stableView(const Json& report, const Names& unstable) {
  Json subjects = Json::object();
  for (const Json& s : report.value("subjects", Json::array()))
    subjects[str(s.value("name", Json("")))] = subjectView(s, unstable);
  Json libraries = Json::object();
  for (const Json& l : report.value("libraries", Json::array()))
    libraries[str(l.value("library", Json("")))] = libraryView(l, unstable);
  return Json{{"format", report.value("format", Json(nullptr))},
              {"corpus", report.value("corpus", Json(nullptr))},
              {"levels", report.value("levels", Json(nullptr))},
              {"rules", keyedBy(report.value("rules", Json::array()), "id")},
              {"subjects", subjects},
              {"matrix", matrixView(report.value("matrix", Json::array()), unstable)},
              {"libraries", libraries}};
}

std::string step(const std::string& path, const std::string& key) {
  const bool plain = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
  if (plain) return path.empty() ? key : path + "." + key;
  return path + "[" + Json(key).dump() + "]";
}

std::string shortValue(const Json& v) {
  std::string s = v.dump(-1, ' ', false, Json::error_handler_t::replace);
  return s.size() <= 100 ? s : s.substr(0, 97) + "...";
}

void diff(const std::string& path, const Json& committed, const Json& fresh, std::vector<std::string>& out) {
  if (committed == fresh) return;
  if (committed.is_object() && fresh.is_object()) {
    std::set<std::string> keys;
    for (const auto& [k, _] : committed.items()) keys.insert(k);
    for (const auto& [k, _] : fresh.items()) keys.insert(k);
    for (const std::string& k : keys) {
      if (!fresh.contains(k))
        out.push_back(step(path, k) + ": only in the committed report");
      else if (!committed.contains(k))
        out.push_back(step(path, k) + ": new in this run");
      else
        diff(step(path, k), committed[k], fresh[k], out);
    }
    return;
  }
  if (committed.is_array() && fresh.is_array() && committed.size() == fresh.size()) {
    for (std::size_t i = 0; i < committed.size(); ++i)
      diff(fmt::format("{}[{}]", path, i), committed[i], fresh[i], out);
    return;
  }
  out.push_back(fmt::format("{}: {} in the committed report, {} now", path, shortValue(committed), shortValue(fresh)));
}

std::size_t firstDifferentLine(const std::string& a, const std::string& b) {
  const auto [ia, ib] = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
  return static_cast<std::size_t>(std::count(a.begin(), ia, '\n')) + 1;
}

}  // namespace

std::vector<std::string> compareReports(const Json& committed, const Json& fresh) {
  std::vector<std::string> out;
  if (committed.value("format", Json(nullptr)) != fresh.value("format", Json(nullptr))) {
    out.push_back(fmt::format("format: {} in the committed report, {} now",
                              shortValue(committed.value("format", Json(nullptr))),
                              shortValue(fresh.value("format", Json(nullptr)))));
    return out;
  }
  const Names unstable = nondeterministic(committed, fresh);
  diff("", stableView(committed, unstable), stableView(fresh, unstable), out);
  return out;
}

std::vector<std::string> compareRenderings(const Json& committed, const ReportFiles& committedMarkdown) {
  std::vector<std::string> out;
  ReportFiles rendered;
  try {
    rendered = renderConformanceMarkdown(committed);
  } catch (const Json::exception& e) {
    return {fmt::format("conformance.json cannot be rendered: {}", e.what())};
  }
  for (const auto& [path, text] : rendered) {
    auto it = committedMarkdown.find(path);
    if (it == committedMarkdown.end())
      out.push_back(path + ": missing");
    else if (it->second != text)
      out.push_back(fmt::format("{}: not the rendering of conformance.json (from line {})", path,
                                firstDifferentLine(it->second, text)));
  }
  for (const auto& [path, _] : committedMarkdown)
    if (!rendered.contains(path)) out.push_back(path + ": a page conformance.json does not have");
  return out;
}

}  // namespace pc
