#pragma once
// Reading a JSON input file with errors an author can act on: a syntax error gives its line and
// column, and a key written twice in one object (which JSON parsers silently collapse to the
// last one) is reported with its pointer. A document nested deeper than kMaxNesting is refused
// while it is parsed, before anything recursive (a checker, a copy, an encoder) can see it.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "harness/core/trace.hpp"
#include "harness/load/load_error.hpp"

namespace pc::load {

struct ParsedFile {
  std::optional<Json> json;       // empty when the file could not be read or parsed
  std::vector<LoadError> errors;  // also holds duplicate keys, which leave `json` usable
};

// How deep a file may nest arrays and objects, the outermost counting as 1. A case needs a few
// dozen; every walk of a document in this project recurses once or a few times per level, which
// 500 levels keep far from an 8 MB stack (even under AddressSanitizer), and 500 levels hold about
// 250 nested bodies, below the ~500 at which V8 runs out of stack on the translated program.
inline constexpr int kMaxNesting = 500;

// `maxNesting` is for tests and benchmarks that probe the limit itself.
ParsedFile readJsonFile(const std::filesystem::path& file, int maxNesting = kMaxNesting);
// The same for text already in memory (the fuzz target); `file` only names it in errors.
ParsedFile parseJsonText(const std::string& text, const std::filesystem::path& file, int maxNesting = kMaxNesting);

}  // namespace pc::load
