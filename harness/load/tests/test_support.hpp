#pragma once
// Test support: a scratch directory of case and rule files, and a few helpers to load them and
// look for an error at a given JSON pointer.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "harness/load/loader.hpp"
#include "harness/test_support/scratch_dir.hpp"

namespace pc::load_tests {

using test_support::ScratchDir;

// A small valid case with this id: a resolved promise and one fulfil handler.
Json goodCase(const std::string& id = "t/case");

// The rules the test cases cite.
const RuleCatalog& testCatalog();

// Writes `doc` as cases/t/case.json in a scratch directory and loads it with testCatalog().
// Empty when it loads.
std::vector<LoadError> errorsOf(const Json& doc);

// Whether one of `errors` is at exactly `pointer` and its message contains `words`.
bool hasError(const std::vector<LoadError>& errors, std::string_view pointer, std::string_view words = "");

// All errors, one per line, for failure messages.
std::string dump(const std::vector<LoadError>& errors);

// A valid case around `program`: goodCase() with its program, trace and final replaced.
Json caseWith(Json program, Json trace = Json::array(), Json final = Json::object());

// EXPECT_TRUE(rejectedAt(doc, "/program/2/then", "needs the name of a promise"))
testing::AssertionResult rejectedAt(const Json& doc, std::string_view pointer, std::string_view words = "");
// EXPECT_TRUE(accepted(doc)): it loads, and the message lists the errors when it does not.
testing::AssertionResult accepted(const Json& doc);

}  // namespace pc::load_tests
