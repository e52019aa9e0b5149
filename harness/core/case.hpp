#pragma once
// A loaded, validated case file (see spec/case-language.md).
#include <filesystem>
#include <string>
#include <vector>

#include "harness/core/feature.hpp"
#include "harness/core/trace.hpp"

namespace pc {

struct Case {
  std::string id;  // equals the path under cases/ without ".json"
  std::string title;
  std::vector<std::string> rules;    // rule ids from spec/rules
  std::vector<std::string> test262;  // the test262 files it mirrors, paths under test262's test/
  FeatureSet features;               // derived from the program by the loader
  Json program;                      // the validated "program" array, as written
  Trace expected;                    // "expect": events and final states (no causality)
  std::filesystem::path file;
  Json source;  // the whole file as parsed, for translators and reports
};

}  // namespace pc
