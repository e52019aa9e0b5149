// A library summary in plain words, from the "libraries" part of the report: features it does not
// offer, rules its variants break, why cases left no trace, how far each variant gets and how variants differ.
// Each line names a case that shows it; nothing here is written about a particular library.
#include <fmt/format.h>

#include "harness/report/conformance_markdown.hpp"
#include "harness/report/markdown_text.hpp"

namespace pc::conformance {
namespace {

// At most this many crash reasons per library; the rest are counted.
constexpr std::size_t kCrashReasons = 10;

std::string str(const Json& j) { return j.get<std::string>(); }
std::size_t num(const Json& j) { return j.get<std::size_t>(); }
std::string eg(const Json& id) { return "e.g. " + markdown::code(str(id)); }

std::string nameList(const Json& names) {
  std::string out;
  for (const Json& n : names) out += (out.empty() ? "" : ", ") + markdown::code(str(n));
  return out;
}

std::string variantsLine(const Json& library) {
  std::string out;
  for (const Json& n : library.at("subjects")) out += (out.empty() ? "" : ", ") + subjectLink(str(n), false);
  return "Variants: " + out + ".\n\n";
}

std::string missingFeatures(const Json& library) {
  const Json& missing = library.at("missingFeatures");
  if (missing.empty()) return "- Offers every feature the cases need.\n";
  std::string out = "- Does not offer:\n";
  const std::size_t variants = library.at("subjects").size();
  for (const Json& f : missing) {
    const std::string where = f.at("subjects").size() == variants ? "" : " (in " + nameList(f.at("subjects")) + ")";
    out += fmt::format("  - {}{}: {} not applicable, {}\n", str(f.at("feature")), where,
                       markdown::count(num(f.at("cases")), "case"), eg(f.at("example")));
  }
  return out;
}

std::string deviations(const Json& library) {
  const Json& list = library.at("deviations");
  if (list.empty()) return "- Breaks no rule in the cases that ran (below the required level).\n";
  std::string out = "- Breaks these rules (cases below the required level):\n";
  for (const Json& d : list) {
    std::string perVariant;
    for (const Json& v : d.at("variants"))
      perVariant +=
          fmt::format("{}{} {} of {} cases, {}", perVariant.empty() ? "" : "; ", markdown::code(str(v.at("subject"))),
                      num(v.at("failing")), num(v.at("ran")), eg(v.at("example")));
    out += fmt::format("  - {}: {} ({})\n", markdown::code(str(d.at("rule"))), markdown::text(str(d.at("statement"))),
                       perVariant);
  }
  return out;
}

std::string noTrace(const Json& library) {
  const Json& list = library.at("noTrace");
  if (list.empty()) return "";
  std::string out = "- Left no trace:\n";
  for (std::size_t i = 0; i < list.size() && i < kCrashReasons; ++i)
    out += fmt::format("  - {} ({}): {} in {}, {}\n", markdown::text(str(list[i].at("reason"))),
                       str(list[i].at("kind")), markdown::count(num(list[i].at("cases")), "case"),
                       nameList(list[i].at("subjects")), eg(list[i].at("example")));
  if (list.size() > kCrashReasons) out += fmt::format("  - and {} other reasons\n", list.size() - kCrashReasons);
  return out;
}

std::string levels(const Json& library) {
  std::string out = "- How far each variant gets (of the cases that ran):\n";
  for (const Json& v : library.at("levels")) {
    out += fmt::format("  - {}: {} ran, {} reach outcome, {} causal, {} exact", markdown::code(str(v.at("subject"))),
                       num(v.at("ran")), num(v.at("outcome")), num(v.at("causal")), num(v.at("exact")));
    if (v.contains("belowExact"))
      out += fmt::format(" ({} stops at {})", eg(v.at("belowExact").at("case")), str(v.at("belowExact").at("level")));
    out += "\n";
  }
  return out;
}

std::string variantDifferences(const Json& library) {
  const Json& list = library.at("variantDifferences");
  if (list.empty())
    return library.at("subjects").size() > 1 ? "- Its variants reach the same level on every case.\n" : "";
  std::string out = "- Its variants compared:\n";
  for (const Json& d : list)
    out += fmt::format("  - {} gets further than {} in {}, {} ({} against {})\n", markdown::code(str(d.at("higher"))),
                       markdown::code(str(d.at("lower"))), markdown::count(num(d.at("cases")), "case"),
                       eg(d.at("example")), str(d.at("higherLevel")), str(d.at("lowerLevel")));
  return out;
}

}  // namespace

std::string renderLibrarySummary(const Json& library) {
  std::string out = "### " + markdown::text(str(library.at("library"))) + "\n\n" + variantsLine(library);
  out +=
      missingFeatures(library) + deviations(library) + noTrace(library) + levels(library) + variantDifferences(library);
  return out + "\n";
}

}  // namespace pc::conformance
