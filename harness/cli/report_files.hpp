#pragma once
// The conformance report's files on disk: conformance.json, conformance.md and subjects/*.md.
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "harness/report/conformance_report.hpp"

namespace pc::cli {

inline constexpr const char* kReportJson = "conformance.json";

// Every Markdown file of the report folder (conformance.md and subjects/*.md), by relative path.
ReportFiles readReportMarkdown(const std::filesystem::path& dir);

// The whole text of a file, or nothing when it cannot be read.
std::optional<std::string> readText(const std::filesystem::path& file);
// Writes `text` to `file`, making its folder; says in `err` when it cannot.
bool writeText(const std::filesystem::path& file, const std::string& text, std::ostream& err);

struct WrittenReport {
  bool ok = true;
  std::vector<std::string> removed;  // stale subject pages, relative paths
};

// Writes `json` and every Markdown file, then removes the subject pages `markdown` does not have
// (subjects that are gone or were renamed). Problems go to `err`.
WrittenReport writeReportFiles(const std::filesystem::path& dir, const std::string& json, const ReportFiles& markdown,
                               std::ostream& err);

}  // namespace pc::cli
