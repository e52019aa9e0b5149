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
                 share/promise-conformance/node/run.js)
  if(NOT EXISTS "${PREFIX}/${expected}")
    message(FATAL_ERROR "the installed package has no ${expected}")
  endif()
endforeach()
