#include "harness/tests/cli_driver.hpp"

#include <fstream>
#include <sstream>

namespace pc::tests {

CliOutcome runCommand(const cli::SubjectRegistry& subjects, const std::filesystem::path& root,
                      std::vector<std::string> args) {
  args.insert(args.begin(), "promise-conformance");
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  cli::Context ctx{out, err, subjects, root / "cases", root / "rules"};
  const int code = cli::runCli(static_cast<int>(argv.size()), argv.data(), ctx);
  return {code, out.str(), err.str()};
}

std::string readFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace pc::tests
