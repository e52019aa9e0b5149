#pragma once
// The conformance report people read: conformance.json, and Markdown rendered from that JSON alone.
//
// The JSON is built once from a run (results, cases, rule catalog, what each subject says about
// itself); everything a person reads is a pure rendering of it, so the committed Markdown is always a
// rendering of the committed JSON and a staleness check only has to compare JSON. Bytes are
// deterministic: keys sorted, subjects in registry order, cases by id, rules in catalog order, no
// clock and no path of this machine.
//
// The shape, format "promise-conformance/conformance/2":
//  {"format", "levels": ["outcome", "causal", "exact"],
//   "rules": [{"id", "statement", "status"}]                              catalog order
//   "findings": [{"id", "topic", "text", "difference"}]                   findings::rules() order
//   "subjects": [{"name", "library", "description", "required", "deterministic", "features": [...],
//                 "counts": {"<level>": {"pass", "fail", "not-applicable", "library-error", "crash", "hang",
//                 "harness-error", "invalid"}}, "notApplicable": {"cases", "javascriptOnly", "byFeature":
//                 [{"feature", "cases", "example"}]}, "failures": [{"case", "title", "status", "level", "message",
//                               "rules": [...], "finding"?, "stability"?, "expected": {"trace", "final"},
//                               "actual": {"trace", "final", "failure"?}}]}]   registry order; cases by id
//   "matrix": [{"rule", "cells": {"<subject>": {"pass", "fail", "no-trace"}}}]  catalog order
//   "libraries": [{"library", "subjects": [...],
//                  "missingFeatures": [{"feature", "javascriptOnly", "cases", "example", "subjects": [...]}],
//                  "findings": [{"id", "topic", "text", "difference",
//                                "variants": {"<subject>": {"cases", "example", "details": [...]}}}],
//                  "omittedFindings": [<finding>, ...]}]}   (beyond the dozen a library's table shows)
#include <map>
#include <span>
#include <string>
#include <vector>

#include "harness/core/case.hpp"
#include "harness/core/feature.hpp"
#include "harness/core/trace.hpp"
#include "harness/load/rules.hpp"
#include "harness/run/runner.hpp"

namespace pc {

inline constexpr const char* kConformanceFormat = "promise-conformance/conformance/2";

// What a subject says about itself (its registry entry, and the features of the opened subject).
struct ReportSubject {
  std::string name;
  std::string library;  // empty for the reference and node: they are no library's variant
  std::string description;
  FeatureSet features;
  bool deterministic = true;
};

struct ReportInput {
  const SuiteResult& suite;
  std::span<const Case> cases;
  const RuleCatalog& rules;
  std::span<const ReportSubject> subjects;  // at least every subject of the suite
};

Json buildConformanceReport(const ReportInput& input);

// Every Markdown file of the report, by path relative to the report's folder: "conformance.md" and
// one "subjects/<page>.md" per subject. Throws nlohmann::json::exception on a report of another shape.
using ReportFiles = std::map<std::string, std::string>;
ReportFiles renderConformanceMarkdown(const Json& report);

// "subjects/std-async.md" for "std/async": the subject name with anything but letters, digits, '.',
// '_' and '-' replaced by '-'.
std::string subjectPagePath(const std::string& subject);

// The differences between a committed report and a fresh one, one line each for a person; empty when
// the committed one is current. Subjects whose threads decide the order of events (deterministic
// false) are compared only on what cannot vary between runs: what they are, their features and
// their not-applicable cases.
std::vector<std::string> compareReports(const Json& committed, const Json& fresh);

// The committed Markdown files that are not the rendering of the committed JSON: changed, missing, or
// pages the JSON does not have. `committedMarkdown` holds every Markdown file of the report's folder.
std::vector<std::string> compareRenderings(const Json& committed, const ReportFiles& committedMarkdown);

}  // namespace pc
