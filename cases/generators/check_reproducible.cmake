# Checks that a case generator reproduces its checked-in files byte for byte: runs it into a scratch
# directory and compares every file both ways (none missing, none extra, none different).
#
#   cmake -DNODE=<pinned node> -DGENERATOR=<generator.js> -DCASES=<repo>/cases -DSUBDIR=aplus/2.3.3
#         -DSCRATCH=<empty build dir> -P check_reproducible.cmake
#
# A difference means either the generator was edited without re-running it, or someone edited a
# generated file by hand: re-run the generator and commit its output.
foreach(var NODE GENERATOR CASES SUBDIR SCRATCH)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_reproducible.cmake: -D${var}=... is required")
  endif()
endforeach()

file(REMOVE_RECURSE "${SCRATCH}")
file(MAKE_DIRECTORY "${SCRATCH}")
execute_process(COMMAND "${NODE}" "${GENERATOR}" "${SCRATCH}" RESULT_VARIABLE status OUTPUT_QUIET)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${GENERATOR} failed (${status})")
endif()

file(GLOB_RECURSE generated RELATIVE "${SCRATCH}/${SUBDIR}" "${SCRATCH}/${SUBDIR}/*")
file(GLOB_RECURSE checked_in RELATIVE "${CASES}/${SUBDIR}" "${CASES}/${SUBDIR}/*")
set(problems "")
foreach(f IN LISTS generated)
  if(NOT EXISTS "${CASES}/${SUBDIR}/${f}")
    string(APPEND problems "  missing from cases/: ${SUBDIR}/${f}\n")
  else()
    # Read in-process rather than one compare_files process per file: a thousand files stay fast.
    file(READ "${SCRATCH}/${SUBDIR}/${f}" made HEX)
    file(READ "${CASES}/${SUBDIR}/${f}" kept HEX)
    if(NOT made STREQUAL kept)
      string(APPEND problems "  differs from the generator's output: ${SUBDIR}/${f}\n")
    endif()
  endif()
endforeach()
foreach(f IN LISTS checked_in)
  if(NOT EXISTS "${SCRATCH}/${SUBDIR}/${f}")
    string(APPEND problems "  not made by the generator: ${SUBDIR}/${f}\n")
  endif()
endforeach()

list(LENGTH generated count)
if(problems)
  message(FATAL_ERROR "cases/${SUBDIR} does not match ${GENERATOR}:\n${problems}"
                      "Re-run: ${NODE} ${GENERATOR}")
endif()
message(STATUS "cases/${SUBDIR}: all ${count} files match ${GENERATOR}")
