# Runs the corpus once on the given subjects and fails when a sanitizer found something in one of
# their workers: the isolation layer records a worker that a sanitizer stopped as a crash with the
# sanitizer's SUMMARY line (harness/isolate), so it is found in the results. The subjects' own
# failures are the reports' business, not this test's.
#   cmake -DCOMMAND=<promise-conformance> -DSUBJECTS=<a,b,...> -DSCRATCH=<dir> -P check_sanitizer_clean.cmake
#   cmake -DRESULTS=<results.json> -P check_sanitizer_clean.cmake   (judges a results file, no run)
#
# Two kinds of summary, told apart by the word after the sanitizer's name:
# - a finding: a data race, a heap-use-after-free, a leak, a lock-order inversion, ... ("SUMMARY:
#   ThreadSanitizer: data race /usr/include/...: in f"). Any one fails the test.
# - a deadly signal, which the sanitizer's handler reports as "==pid==ERROR: ThreadSanitizer: SEGV on
#   unknown address 0x... (pc ...)" and sums up as "SUMMARY: ThreadSanitizer: SEGV <frame>" (the same
#   for AddressSanitizer; the words are sanitizer_common's: SEGV, BUS, FPE, ILL, ABRT, TRAP, UNKNOWN
#   SIGNAL, and stack-overflow for a SEGV on the stack's guard page). That is the library crashing
#   as it does without a sanitizer (boost/future's second then() on a consumed future locks the mutex
#   of a null shared state, at 0x40; Qt's reportStarted on a QPromise completed twice): the same case
#   is a crash in the committed reports, their verdict. It is listed, and does not fail the test.
# The tests sanitizers.check_fails_on_a_sanitizer_finding and sanitizers.check_passes_library_signals
# (CMakeLists.txt) run this file on a results file of each kind.
cmake_policy(VERSION 3.25)
if(DEFINED RESULTS)
  set(results "${RESULTS}")
else()
  file(REMOVE_RECURSE "${SCRATCH}")
  set(results "${SCRATCH}/results.json")
  execute_process(COMMAND "${COMMAND}" run --subject "${SUBJECTS}" --repeat 1 --json "${results}"
                  OUTPUT_QUIET ERROR_VARIABLE err RESULT_VARIABLE code)
  if(NOT EXISTS "${results}")
    message(FATAL_ERROR "run wrote no results (exit code ${code}):\n${err}")
  endif()
endif()
file(READ "${results}" json)
# ';' ends a summary in a failure message ("...: SUMMARY: ...; the worker's stderr ends with: ...") and
# would split a CMake list: make it a '"', where the match stops anyway.
string(REPLACE ";" "\"" json "${json}")
# One summary per case run: the one in its "failure" (its "message" repeats it). Then any other
# summary in the file, so that one this pattern missed still counts.
string(REGEX MATCHALL "\"failure\": *\"([^\"\\\\]|\\\\.)*SUMMARY: [A-Za-z]+Sanitizer: [^\"\\\\]*" failures "${json}")
string(REGEX MATCHALL "SUMMARY: [A-Za-z]+Sanitizer: [^\"\\\\]*" anywhere "${json}")
set(findings "")
set(signals "")
foreach(failure IN LISTS failures anywhere)
  string(REGEX REPLACE "^.*(SUMMARY: [A-Za-z]+Sanitizer: )" "\\1" summary "${failure}")
  if(NOT failure MATCHES "^\"failure\"" AND (summary IN_LIST findings OR summary IN_LIST signals))
    continue()  # already counted from a case run's "failure"
  elseif(summary MATCHES "^SUMMARY: [A-Za-z]+Sanitizer: (SEGV|BUS|FPE|ILL|ABRT|TRAP|UNKNOWN SIGNAL|stack-overflow)( |$)")
    list(APPEND signals "${summary}")
  else()
    list(APPEND findings "${summary}")
  endif()
endforeach()
list(LENGTH signals signal_count)
if(signal_count GREATER 0)
  list(REMOVE_DUPLICATES signals)
  list(JOIN signals "\n  " listed)
  message(STATUS "${signal_count} case runs ended on a deadly signal (a crash, "
                 "which the reports record as one), not on a sanitizer finding:\n  ${listed}")
endif()
list(LENGTH findings count)
if(count GREATER 0)
  list(REMOVE_DUPLICATES findings)
  list(JOIN findings "\n  " listed)
  message(FATAL_ERROR "${count} case runs were stopped by a sanitizer finding (${results} has the cases):\n  ${listed}")
endif()
message(STATUS "no worker was stopped by a sanitizer finding")
