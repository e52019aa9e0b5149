# promise_conformance_add_subject: tests a C++ promise library from its own project. Included by
# PromiseConformanceConfig.cmake; README.md of promise-conformance, "Test your library", walks through it.
#
#   promise_conformance_add_subject(
#     NAME <library/variant>          a variant your adapter registers in pc::worker::subjects()
#     ADAPTER <target|source>...      the adapter: targets to link and/or source files to compile;
#                                     together they define pc::worker::subjects()
#     [WORKER <target>]               the worker executable (default <library>-conformance-worker),
#                                     built once and shared by the calls that name it
#     [REQUIRED_LEVEL outcome|causal|exact]   what every case must reach (default causal, what
#                                     Promises/A+ asks of a library)
#     [FILTER <glob>]                 only the cases whose id matches (* and ?), e.g. aplus/*
#     [KNOWN_FAILURES <file>]         case ids (one a line, # comments) the variant is known to fail:
#                                     their tests pass while the case fails, and fail once it passes
#     [REPEAT <n>]                    runs of each case for a variant whose threads decide the order
#                                     of events (default 5; a deterministic variant runs once)
#     [TIMEOUT <seconds>])            per test (default 60)
#
# Registers one ctest per case, named <NAME>:<case id> and labelled promise-conformance, <NAME> and
# the families of the case's rules (aplus, es, host, seed): `ctest -L aplus`, and JUnit XML with
# `ctest --output-junit junit.xml`. A case that needs a feature the variant lacks is skipped. Each test
# runs the installed command on the worker, exactly as a person would:
#   promise-conformance run --subject worker:<worker file>:<NAME> --filter <case id> -v
include_guard(GLOBAL)

# The corpus as `promise-conformance list` prints it: "<id>  features=...  rules=a.1,b.2" per line,
# read once per configure.
function(_promise_conformance_cases out)
  get_property(listing GLOBAL PROPERTY _PROMISE_CONFORMANCE_LISTING)
  if(NOT listing)
    execute_process(COMMAND "${PromiseConformance_COMMAND}" list --cases "${PromiseConformance_CASES_DIR}"
                    OUTPUT_VARIABLE listing ERROR_VARIABLE errors RESULT_VARIABLE status)
    if(NOT status EQUAL 0)
      message(FATAL_ERROR "promise_conformance_add_subject: `${PromiseConformance_COMMAND} list` failed "
                          "(${status}): ${errors}")
    endif()
    set_property(GLOBAL PROPERTY _PROMISE_CONFORMANCE_LISTING "${listing}")
  endif()
  string(REPLACE "\n" ";" lines "${listing}")
  set(${out} "${lines}" PARENT_SCOPE)
endfunction()

# A glob (* and ?) as an anchored regular expression.
function(_promise_conformance_glob_regex glob out)
  string(REGEX REPLACE "([][.+^$(){}|\\\\])" "\\\\\\1" regex "${glob}")
  string(REPLACE "*" ".*" regex "${regex}")
  string(REPLACE "?" "." regex "${regex}")
  set(${out} "^${regex}$" PARENT_SCOPE)
endfunction()

# The worker: main() from PromiseConformance::worker_main (a source compiled into it), which calls the
# adapter's pc::worker::subjects().
function(_promise_conformance_worker worker)
  if(TARGET ${worker})
    return()
  endif()
  add_executable(${worker})
  target_link_libraries(${worker} PRIVATE PromiseConformance::worker_main PromiseConformance::sdk)
  foreach(part IN LISTS ARGN)
    if(TARGET ${part})
      target_link_libraries(${worker} PRIVATE ${part})
    else()
      target_sources(${worker} PRIVATE ${part})
    endif()
  endforeach()
  target_compile_features(${worker} PRIVATE cxx_std_20)
endfunction()

function(_promise_conformance_known_failures file out)
  set(known "")
  if(file)
    if(NOT IS_ABSOLUTE "${file}")
      set(file "${CMAKE_CURRENT_SOURCE_DIR}/${file}")
    endif()
    if(NOT EXISTS "${file}")
      message(FATAL_ERROR "promise_conformance_add_subject: KNOWN_FAILURES ${file} does not exist")
    endif()
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${file}")
    file(STRINGS "${file}" entries)
    foreach(entry IN LISTS entries)
      string(REGEX REPLACE "#.*" "" entry "${entry}")
      string(STRIP "${entry}" entry)
      if(entry)
        list(APPEND known "${entry}")
      endif()
    endforeach()
  endif()
  set(${out} "${known}" PARENT_SCOPE)
endfunction()

function(promise_conformance_add_subject)
  cmake_parse_arguments(PARSE_ARGV 0 S "" "NAME;WORKER;REQUIRED_LEVEL;FILTER;KNOWN_FAILURES;REPEAT;TIMEOUT" "ADAPTER")
  set(fn promise_conformance_add_subject)
  if(S_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "${fn}: unexpected arguments: ${S_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT S_NAME MATCHES "^[^/ :]+/[^ :]+$")
    message(FATAL_ERROR "${fn}: NAME must be <library>/<variant> (no spaces or ':'), got '${S_NAME}'")
  endif()
  if(NOT S_ADAPTER)
    message(FATAL_ERROR "${fn}: ADAPTER <target or source files> is required")
  endif()
  if(NOT S_REQUIRED_LEVEL)
    set(S_REQUIRED_LEVEL causal)
  elseif(NOT S_REQUIRED_LEVEL MATCHES "^(outcome|causal|exact)$")
    message(FATAL_ERROR "${fn}: REQUIRED_LEVEL must be outcome, causal or exact, got '${S_REQUIRED_LEVEL}'")
  endif()
  if(NOT S_REPEAT)
    set(S_REPEAT 5)
  endif()
  if(NOT S_TIMEOUT)
    set(S_TIMEOUT 60)
  endif()
  string(REGEX REPLACE "/.*" "" library "${S_NAME}")
  if(NOT S_WORKER)
    string(MAKE_C_IDENTIFIER "${library}" S_WORKER)
    set(S_WORKER "${S_WORKER}-conformance-worker")
  endif()
  _promise_conformance_worker(${S_WORKER} ${S_ADAPTER})
  _promise_conformance_known_failures("${S_KNOWN_FAILURES}" known)
  set(filter "")
  if(S_FILTER)
    _promise_conformance_glob_regex("${S_FILTER}" filter)
  endif()

  _promise_conformance_cases(lines)
  set(count 0)
  foreach(line IN LISTS lines)
    if(NOT line MATCHES "^([^ ]+)  features=[^ ]*  rules=(.*)$")
      continue()
    endif()
    set(id "${CMAKE_MATCH_1}")
    string(REPLACE "," ";" rules "${CMAKE_MATCH_2}")
    if(filter AND NOT id MATCHES "${filter}")
      continue()
    endif()
    set(labels promise-conformance ${S_NAME})
    foreach(rule IN LISTS rules)
      string(REGEX REPLACE "\\..*" "" family "${rule}")
      list(APPEND labels ${family})
    endforeach()
    list(REMOVE_DUPLICATES labels)
    set(test "${S_NAME}:${id}")
    add_test(NAME "${test}"
             COMMAND "${PromiseConformance_COMMAND}" run --subject "worker:$<TARGET_FILE:${S_WORKER}>:${S_NAME}"
                     --filter "${id}" --level ${S_REQUIRED_LEVEL} --repeat ${S_REPEAT} --jobs 1 -v)
    set_tests_properties("${test}" PROPERTIES LABELS "${labels}" TIMEOUT ${S_TIMEOUT}
                         SKIP_REGULAR_EXPRESSION "(^|\n)N/A +${S_NAME} ")
    if("${id}" IN_LIST known)
      set_tests_properties("${test}" PROPERTIES WILL_FAIL TRUE)
    endif()
    math(EXPR count "${count} + 1")
  endforeach()
  message(STATUS "${fn}: ${S_NAME}: ${count} cases at ${S_REQUIRED_LEVEL} (worker ${S_WORKER})")
endfunction()
