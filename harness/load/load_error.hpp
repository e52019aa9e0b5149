#pragma once
// A problem found in an input file, located by a JSON pointer so an author can go straight to it.
#include <filesystem>
#include <string>
#include <vector>

namespace pc {

struct LoadError {
  std::filesystem::path file;
  std::string pointer;  // RFC 6901 JSON pointer, e.g. "/program/3/then"; empty for the whole file
  std::string message;  // says what is wrong in the words of spec/case-language.md
};

// "cases/es/x.json: /program/2/then: 'then' needs the name of a promise"
std::string formatError(const LoadError&);

// Collects the problems of one file. Checkers add to it and keep going, so one run reports every
// problem, not just the first.
class Diagnostics {
 public:
  explicit Diagnostics(std::filesystem::path file) : file_(std::move(file)) {}
  void add(std::string pointer, std::string message);
  const std::vector<LoadError>& errors() const { return errors_; }
  std::vector<LoadError> take() { return std::move(errors_); }
  bool empty() const { return errors_.empty(); }

 private:
  std::filesystem::path file_;
  std::vector<LoadError> errors_;
};

}  // namespace pc
