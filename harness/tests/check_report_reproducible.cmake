# Runs `promise-conformance report` twice on the same cases and fails unless both runs wrote
# byte-identical files: a verdict must not depend on the run, whether the subject is deterministic
# or not (its repeated runs and the report's stable wording take care of the rest).
# -DCOMMAND=<promise-conformance> -DFILTER=<glob> -DSCRATCH=<dir>
foreach(run first second)
  file(REMOVE_RECURSE "${SCRATCH}/${run}")
  # One job: the fewest worker processes for a handful of cases; the verdicts do not depend on it.
  execute_process(COMMAND "${COMMAND}" report --filter "${FILTER}" --jobs 1 --output "${SCRATCH}/${run}"
                  RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "report (${run} run) exited with ${code}:\n${out}\n${err}")
  endif()
endforeach()
file(GLOB_RECURSE written RELATIVE "${SCRATCH}/first" "${SCRATCH}/first/*")
file(GLOB_RECURSE again RELATIVE "${SCRATCH}/second" "${SCRATCH}/second/*")
if(NOT written STREQUAL again)
  message(FATAL_ERROR "the two runs wrote different files:\n${written}\n${again}")
endif()
list(LENGTH written count)
if(count LESS 3)
  message(FATAL_ERROR "the report wrote only: ${written}")
endif()
foreach(f IN LISTS written)
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${SCRATCH}/first/${f}" "${SCRATCH}/second/${f}"
                  RESULT_VARIABLE differ)
  if(differ)
    message(FATAL_ERROR "${f} differs between two runs of report on ${FILTER}")
  endif()
endforeach()
message(STATUS "${count} files byte-identical over two runs of report on ${FILTER}")
