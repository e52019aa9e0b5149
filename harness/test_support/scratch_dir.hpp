#pragma once
// Tests only: a scratch directory for files a test writes (case files, rules, reports).
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

namespace pc::test_support {

// A fresh empty directory under the system temp directory, removed with everything in it at the end.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Writes `text` to path()/relative, creating directories; returns the full path.
  std::filesystem::path write(const std::filesystem::path& relative, const std::string& text) const;
  std::filesystem::path writeJson(const std::filesystem::path& relative, const nlohmann::json& doc) const;

 private:
  std::filesystem::path path_;
};

}  // namespace pc::test_support
