# Configures, builds and tests one example project against the installed package, as its own
# repository would:
#   cmake -DSOURCE=<example> -DBINARY=<dir> -DPREFIX=<installed package> -DGENERATOR=<g> -DCXX=<compiler>
#         [-DLAUNCHER=<ccache>] [-DBUILD_TYPE=<type>] [-DCXX_FLAGS=<flags>] -DCTEST=<ctest>
#         [-DSTEPS=configure;build;test]
#         [-DOPTIONS=<-DX=Y,...>] -P build_example.cmake
# Its ctest writes JUnit XML to BINARY/junit.xml. The binary folder is kept between runs (so a rebuild
# is quick) but configured afresh.
cmake_policy(VERSION 3.25)
file(REMOVE "${BINARY}/CMakeCache.txt")
set(configure ${CMAKE_COMMAND} -S "${SOURCE}" -B "${BINARY}" -G "${GENERATOR}" "-DCMAKE_PREFIX_PATH=${PREFIX}"
    "-DCMAKE_CXX_COMPILER=${CXX}" "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}")
if(LAUNCHER)
  list(APPEND configure "-DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER}")
endif()
if(CXX_FLAGS)
  list(APPEND configure "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}")
endif()
if(OPTIONS)
  string(REPLACE "," ";" options "${OPTIONS}")
  list(APPEND configure ${options})
endif()
if(NOT STEPS)
  set(STEPS configure build test)
endif()
foreach(step IN LISTS STEPS)
  if(step STREQUAL "configure")
    set(command ${configure})
  elseif(step STREQUAL "build")
    set(command ${CMAKE_COMMAND} --build "${BINARY}")
  else()
    set(command ${CTEST} --test-dir "${BINARY}" -j2 --output-on-failure --output-junit "${BINARY}/junit.xml")
  endif()
  message(STATUS "${step}: ${command}")
  execute_process(COMMAND ${command} RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${SOURCE}: ${step} failed (${status})")
  endif()
endforeach()
