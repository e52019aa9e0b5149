#pragma once
// The story of one case on the reference, job by job: which job ran, what enqueued it and after which
// event, the events it logged, and the final states. This is what `promise-conformance explain`
// prints; it makes the reference's scheduling (and so every expectation) something a person can check.
#include <ostream>

#include "harness/core/case.hpp"
#include "harness/core/trace.hpp"

namespace pc {

// `trace` is the reference's trace of `c`. Jobs are told in the order of Trace::jobs, which is the
// order they ran in.
void writeExplanation(std::ostream& out, const Case& c, const Trace& trace);

// What `subject` made of the case beside the reference's `story`: its own job-by-job story when its
// trace records jobs, otherwise its events beside the reference's, each of those labelled with the
// job it ran in, the first difference marked '>'.
void writeSubjectBesideReference(std::ostream& out, const std::string& subject, const Trace& actual,
                                 const Trace& story);

}  // namespace pc
