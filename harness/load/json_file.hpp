#pragma once
// Reading a JSON input file with errors an author can act on: a syntax error gives its line and
// column, and a key written twice in one object (which JSON parsers silently collapse to the
// last one) is reported with its pointer.
#include <filesystem>
#include <optional>
#include <vector>

#include "harness/core/trace.hpp"
#include "harness/load/load_error.hpp"

namespace pc::load {

struct ParsedFile {
  std::optional<Json> json;       // empty when the file could not be read or parsed
  std::vector<LoadError> errors;  // also holds duplicate keys, which leave `json` usable
};

ParsedFile readJsonFile(const std::filesystem::path& file);

}  // namespace pc::load
