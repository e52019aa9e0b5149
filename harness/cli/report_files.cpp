#include "harness/cli/report_files.hpp"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace pc::cli {
namespace fs = std::filesystem;

std::optional<std::string> readText(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

ReportFiles readReportMarkdown(const fs::path& dir) {
  ReportFiles files;
  for (const char* page : {"conformance.md", "rules.md"})
    if (auto text = readText(dir / page)) files[page] = *text;
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(dir / "subjects", ec)) {
    if (!e.is_regular_file() || e.path().extension() != ".md") continue;
    if (auto page = readText(e.path())) files["subjects/" + e.path().filename().string()] = *page;
  }
  return files;
}

bool writeText(const fs::path& file, const std::string& text, std::ostream& err) {
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  std::ofstream out(file, std::ios::binary);
  out << text;
  if (!out) err << fmt::format("error: cannot write {}\n", file.string());
  return static_cast<bool>(out);
}

WrittenReport writeReportFiles(const fs::path& dir, const std::string& json, const ReportFiles& markdown,
                               std::ostream& err) {
  WrittenReport written;
  written.ok = writeText(dir / kReportJson, json, err);
  for (const auto& [path, text] : markdown) written.ok &= writeText(dir / path, text, err);
  for (const auto& [path, _] : readReportMarkdown(dir)) {
    if (markdown.contains(path)) continue;
    std::error_code ec;
    fs::remove(dir / path, ec);
    if (ec) {
      err << fmt::format("error: cannot remove the stale page {}: {}\n", (dir / path).string(), ec.message());
      written.ok = false;
    } else {
      written.removed.push_back(path);
    }
  }
  return written;
}

}  // namespace pc::cli
