#pragma once
// The case files of a corpus directory and the test names they get. A test name is derived from the
// file's path, not its contents, so a file that does not even parse still gets its own named test.
#include <filesystem>
#include <string>
#include <vector>

namespace pc::tests {

struct CaseFile {
  std::filesystem::path file;
  std::string id;        // path under the cases directory without ".json"
  std::string testName;  // id with every character gtest or ctest filters dislike replaced by '_'
};

// Every *.json file under `casesDir`, sorted by id; names made unique by a numeric suffix when two ids
// differ only in replaced characters ("a-b" and "a_b").
std::vector<CaseFile> listCaseFiles(const std::filesystem::path& casesDir);

// Letters, digits and '_' are kept; everything else ('/', '-', '.', ...) becomes '_'.
std::string testNameFor(const std::string& id);

}  // namespace pc::tests
