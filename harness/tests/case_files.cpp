#include "harness/tests/case_files.hpp"

#include <algorithm>
#include <set>

#include "harness/run/invalid.hpp"

namespace pc::tests {

std::string testNameFor(const std::string& id) {
  std::string name = id;
  for (char& ch : name) {
    const bool keep = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_';
    if (!keep) ch = '_';
  }
  return name.empty() ? "_" : name;
}

std::vector<CaseFile> listCaseFiles(const std::filesystem::path& casesDir) {
  std::vector<CaseFile> files;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(casesDir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".json")
      files.push_back({it->path(), caseIdForFile(it->path(), casesDir), ""});
  }
  std::sort(files.begin(), files.end(), [](const CaseFile& a, const CaseFile& b) { return a.id < b.id; });
  std::set<std::string> taken;
  for (CaseFile& f : files) {
    std::string name = testNameFor(f.id);
    for (int n = 2; taken.contains(name); ++n) name = testNameFor(f.id) + "_" + std::to_string(n);
    taken.insert(name);
    f.testName = name;
  }
  return files;
}

}  // namespace pc::tests
