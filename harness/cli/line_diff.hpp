#pragma once
// A line diff for a person reviewing a change to a file: unchanged lines with "  ", removed ones
// with "- ", added ones with "+ " (a longest common subsequence; the texts it serves are short).
#include <string>
#include <string_view>

namespace pc::cli {

std::string lineDiff(std::string_view before, std::string_view after);

}  // namespace pc::cli
