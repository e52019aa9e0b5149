# Installs this build into PREFIX, from scratch, as a user's CI would (component promise_conformance:
# everything but Node.js's modules): cmake -DBUILD=<dir> -DPREFIX=<dir> -P install_package.cmake
cmake_policy(VERSION 3.25)
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD}" --prefix "${PREFIX}" --component promise_conformance OUTPUT_QUIET
                RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${status})")
endif()
foreach(expected bin/promise-conformance lib/cmake/PromiseConformance/PromiseConformanceConfig.cmake
                 lib/cmake/PromiseConformance/PromiseConformanceConfigVersion.cmake include/promise-conformance/harness/sdk/adapter.hpp
                 share/promise-conformance/cases/es/then share/promise-conformance/rules/aplus.json
                 share/promise-conformance/node/run.js libexec/promise-conformance/worker-std)
  if(NOT EXISTS "${PREFIX}/${expected}")
    message(FATAL_ERROR "the installed package has no ${expected}")
  endif()
endforeach()
# The adapters' own workers find their libraries from libexec/promise-conformance (their RPATH).
execute_process(COMMAND "${PREFIX}/libexec/promise-conformance/worker-std" --describe
                RESULT_VARIABLE status OUTPUT_VARIABLE described ERROR_VARIABLE errors)
if(NOT status EQUAL 0 OR NOT described MATCHES "std/deferred")
  message(FATAL_ERROR "the installed worker-std does not describe itself (${status}): ${described}${errors}")
endif()
