#pragma once
// `coverage --test262`: joins the test262 lists (spec/test262/*.tsv) with the cases' "test262" fields.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "harness/core/case.hpp"
#include "harness/load/test262_list.hpp"

namespace pc::cli {

struct Test262Tally {
  std::size_t covered = 0, total = 0;
};

struct Test262Coverage {
  std::map<char, Test262Tally> byClass;                     // 'S', 'B', 'N': the files in the goal
  std::map<std::string, std::vector<std::string>> casesOf;  // path -> ids of the cases citing it
  std::vector<const Test262Entry*> uncovered;               // S and B files in the goal that no case cites
  std::vector<const Test262Entry*> outOfGoal;               // files whose note starts with "out of goal:"
  // A case citing a path no list has, an uncovered S/B file without a note saying why, a covered
  // file whose note still says what it needs: formatted "file: pointer: message".
  std::vector<std::string> errors;
};

Test262Coverage joinTest262(const Test262List& list, const std::vector<Case>& cases);

// The report `coverage --test262` prints: per class covered/total, then the uncovered files with
// their notes, then the files out of the goal.
std::string describeTest262Coverage(const Test262Coverage&);

}  // namespace pc::cli
