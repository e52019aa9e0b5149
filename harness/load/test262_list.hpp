#pragma once
// The checked-in lists of test262 files (spec/test262/*.tsv) that `coverage --test262` joins with the
// cases' "test262" fields. One file a line: path under test262's test/, class, note, separated by tabs.
#include <filesystem>
#include <string>
#include <vector>

#include "harness/load/load_error.hpp"

namespace pc {

enum class Test262Class {
  Semantics,   // S: observable promise semantics (settlement, values, job order, thenables, combinators)
  Borderline,  // B: behaviour at the edges (bad receivers, iterator protocol, constructor lookups)
  Shape,       // N: property descriptors, lengths, names, prototypes, typeof, existence
};
char test262ClassLetter(Test262Class);  // 'S', 'B', 'N'

struct Test262Entry {
  std::string path;  // "built-ins/Promise/all/reject-immed.js"
  Test262Class cls = Test262Class::Shape;
  // Why no case mirrors the file ("needs: an own then property"), or, starting with "out of goal:",
  // why it is not expected to have one. Empty for a file a case should cover.
  std::string note;
  std::filesystem::path file;
  std::size_t line = 0;

  bool outOfGoal() const;
};

struct Test262List {
  std::vector<Test262Entry> entries;  // in file order, files sorted by name
  std::vector<LoadError> errors;      // pointer "line N"
};

// Every *.tsv file in `dir`. Lines starting with '#' and blank lines are comments.
Test262List loadTest262Lists(const std::filesystem::path& dir);

// One list's text, for tests and for loadTest262Lists.
void parseTest262List(const std::string& text, const std::filesystem::path& file, Test262List& into);

}  // namespace pc
