#include "harness/test_support/scratch_dir.hpp"

#include <stdlib.h>  // mkdtemp

#include <fstream>
#include <stdexcept>

namespace pc::test_support {

ScratchDir::ScratchDir() {
  // mkdtemp: a name no other test process (ctest -j) can take at the same time.
  std::string pattern = (std::filesystem::temp_directory_path() / "pc-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create a scratch directory");
  path_ = pattern;
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::filesystem::path ScratchDir::write(const std::filesystem::path& relative, const std::string& text) const {
  const std::filesystem::path file = path_ / relative;
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
  return file;
}

std::filesystem::path ScratchDir::writeJson(const std::filesystem::path& relative, const nlohmann::json& doc) const {
  return write(relative, doc.dump(2));
}

}  // namespace pc::test_support
