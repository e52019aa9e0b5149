#pragma once
// Internals of renderConformanceMarkdown: each page is a function of the report JSON alone.
#include <string>

#include "harness/core/trace.hpp"

namespace pc::conformance {

std::string renderIndex(const Json& report);
std::string renderRules(const Json& report);  // rules.md: the rules × subjects matrix
std::string renderSubjectPage(const Json& subject, const Json& report);
// One library's findings by variant and what it does not offer, for the index.
std::string renderLibrarySummary(const Json& library);

// A link to a subject's page from the report's folder (the index) or from subjects/ (a page).
std::string subjectLink(const std::string& subject, bool fromSubjectsFolder);
// " pass / fail" at one level of a subject's "counts", bold at the subject's required level.
std::string passFailAt(const Json& subject, const std::string& level);
// The cases of one level's "counts" that ran but left no trace: "0", or "3: 1 library error, 2 hang".
std::string noTraceCell(const Json& counts);

}  // namespace pc::conformance
