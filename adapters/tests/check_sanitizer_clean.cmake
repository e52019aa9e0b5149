# Runs the corpus once on the given subjects and fails when a sanitizer stopped one of their workers:
# the isolation layer records such a crash with the sanitizer's SUMMARY line (harness/isolate), so
# it is found in the results. The subjects' own failures are the reports' business, not this test's.
#   cmake -DCOMMAND=<promise-conformance> -DSUBJECTS=<a,b,...> -DSCRATCH=<dir> -P check_sanitizer_clean.cmake
cmake_policy(VERSION 3.25)
file(REMOVE_RECURSE "${SCRATCH}")
set(results "${SCRATCH}/results.json")
execute_process(COMMAND "${COMMAND}" run --subject "${SUBJECTS}" --repeat 1 --json "${results}"
                OUTPUT_QUIET ERROR_VARIABLE err RESULT_VARIABLE code)
if(NOT EXISTS "${results}")
  message(FATAL_ERROR "run wrote no results (exit code ${code}):\n${err}")
endif()
file(READ "${results}" json)
# ';' ends a summary in a failure message ("...: SUMMARY: ...; the worker's stderr ends with: ...") and
# would split a CMake list: make it a '"', where the match stops anyway.
string(REPLACE ";" "\"" json "${json}")
string(REGEX MATCHALL "SUMMARY: [A-Za-z]+Sanitizer[^\"\\\\]*" summaries "${json}")
list(LENGTH summaries count)
if(count GREATER 0)
  list(REMOVE_DUPLICATES summaries)
  list(JOIN summaries "\n  " listed)
  message(FATAL_ERROR "${count} case runs were stopped by a sanitizer (${results} has the cases):\n  ${listed}")
endif()
message(STATUS "no worker was stopped by a sanitizer")
