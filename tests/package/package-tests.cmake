# SPDX-License-Identifier: MIT
# Packaging tests (STYLE 10): two small user projects built against this diplo.
#
#   Package.Install          `cmake --install` of this build into <build>/package-tests/stage
#                            (a ctest fixture, FIXTURES_SETUP diplo_staged_install)
#   Package.FindPackage      tests/package/find-package: find_package(diplo) from the stage
#   Package.AddSubdirectory  tests/package/add-subdirectory: add_subdirectory(<diplo source>)
#
# Each consumer is configured with this build's generator, compiler and build type, built,
# and run; its output must contain "22 October 2024". Run only these with
# `ctest -L package`, or skip them with `ctest -LE package`.
#
# This file has two uses: tests/CMakeLists.txt include()s it to register the tests, and
# ctest runs it in script mode (cmake -P) as the driver of each test.

if(NOT CMAKE_SCRIPT_MODE_FILE)
  # --- registration: include(package/package-tests.cmake) from tests/CMakeLists.txt ---------
  set(_dpt_script "${CMAKE_CURRENT_LIST_FILE}")
  set(_dpt_here "${CMAKE_CURRENT_LIST_DIR}")
  set(_dpt_work "${PROJECT_BINARY_DIR}/package-tests")

  get_property(_dpt_multi_config GLOBAL PROPERTY GENERATOR_IS_MULTI_CONFIG)
  if(_dpt_multi_config)
    set(_dpt_config "$<CONFIG>")
  else()
    set(_dpt_config "${CMAKE_BUILD_TYPE}")
  endif()

  # What the consumers inherit from this build. Lists travel with '|' for ';'.
  string(REPLACE ";" "|" _dpt_prefix_path "${CMAKE_PREFIX_PATH}")
  set(_dpt_args
    "-DDIPLO_PT_GENERATOR=${CMAKE_GENERATOR}"
    "-DDIPLO_PT_MAKE_PROGRAM=${CMAKE_MAKE_PROGRAM}"
    "-DDIPLO_PT_CXX_COMPILER=${CMAKE_CXX_COMPILER}"
    "-DDIPLO_PT_CONFIG=${_dpt_config}"
    "-DDIPLO_PT_PREFIX_PATH=${_dpt_prefix_path}"
    "-DDIPLO_PT_EXPECT=22 October 2024")
  # Dependencies fetched by this build are handed over, so the consumers download nothing.
  set(_dpt_fetched "")
  foreach(_dpt_dep IN ITEMS fmt date utf8proc)
    if(DEFINED ${_dpt_dep}_SOURCE_DIR)
      string(TOUPPER "${_dpt_dep}" _dpt_upper)
      list(APPEND _dpt_fetched "-DFETCHCONTENT_SOURCE_DIR_${_dpt_upper}=${${_dpt_dep}_SOURCE_DIR}")
    endif()
  endforeach()
  string(REPLACE ";" "|" _dpt_fetched "${_dpt_fetched}")
  list(APPEND _dpt_args "-DDIPLO_PT_EXTRA=${_dpt_fetched}")

  set(_dpt_fail "diplo package test failed")

  if(DIPLO_INSTALL)
    add_test(NAME Package.Install
      COMMAND "${CMAKE_COMMAND}" ${_dpt_args} -DDIPLO_PT_STEP=install
              "-DDIPLO_PT_BUILD_DIR=${PROJECT_BINARY_DIR}" "-DDIPLO_PT_STAGE=${_dpt_work}/stage"
              -P "${_dpt_script}")
    set_tests_properties(Package.Install PROPERTIES
      FIXTURES_SETUP diplo_staged_install LABELS package TIMEOUT 300
      FAIL_REGULAR_EXPRESSION "${_dpt_fail}")

    add_test(NAME Package.FindPackage
      COMMAND "${CMAKE_COMMAND}" ${_dpt_args} -DDIPLO_PT_STEP=consumer
              "-DDIPLO_PT_SOURCE=${_dpt_here}/find-package"
              "-DDIPLO_PT_BINARY=${_dpt_work}/find-package"
              "-DDIPLO_PT_STAGE=${_dpt_work}/stage"
              -P "${_dpt_script}")
    set_tests_properties(Package.FindPackage PROPERTIES
      FIXTURES_REQUIRED diplo_staged_install LABELS package TIMEOUT 900
      PASS_REGULAR_EXPRESSION "bundled: .*22 October 2024.*16th BRICS summit" FAIL_REGULAR_EXPRESSION "${_dpt_fail}")
  endif()

  add_test(NAME Package.AddSubdirectory
    COMMAND "${CMAKE_COMMAND}" ${_dpt_args} -DDIPLO_PT_STEP=consumer
            "-DDIPLO_PT_SOURCE=${_dpt_here}/add-subdirectory"
            "-DDIPLO_PT_BINARY=${_dpt_work}/add-subdirectory"
            "-DDIPLO_PT_DIPLO_SOURCE=${PROJECT_SOURCE_DIR}"
            "-DDIPLO_PT_FETCH=${DIPLO_FETCH_DEPENDENCIES}"
            -P "${_dpt_script}")
  set_tests_properties(Package.AddSubdirectory PROPERTIES
    LABELS package TIMEOUT 900
    PASS_REGULAR_EXPRESSION "bundled: .*22 October 2024.*16th BRICS summit" FAIL_REGULAR_EXPRESSION "${_dpt_fail}")

  return()
endif()

# --- driver: cmake -DDIPLO_PT_STEP=install|consumer ... -P package-tests.cmake -------------

function(_dpt_run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "diplo package test failed: ${what} (exit ${rc})")
  endif()
endfunction()

if(DIPLO_PT_STEP STREQUAL "install")
  file(REMOVE_RECURSE "${DIPLO_PT_STAGE}")
  set(config_args "")
  if(DIPLO_PT_CONFIG)
    set(config_args --config "${DIPLO_PT_CONFIG}")
  endif()
  _dpt_run("cmake --install ${DIPLO_PT_BUILD_DIR} --prefix ${DIPLO_PT_STAGE}"
           "${CMAKE_COMMAND}" --install "${DIPLO_PT_BUILD_DIR}" --prefix "${DIPLO_PT_STAGE}"
           ${config_args})
  if(NOT EXISTS "${DIPLO_PT_STAGE}")
    message(FATAL_ERROR "diplo package test failed: nothing was installed")
  endif()
  return()
endif()

if(NOT DIPLO_PT_STEP STREQUAL "consumer")
  message(FATAL_ERROR "diplo package test failed: unknown DIPLO_PT_STEP '${DIPLO_PT_STEP}'")
endif()

file(REMOVE_RECURSE "${DIPLO_PT_BINARY}")

set(configure_args -S "${DIPLO_PT_SOURCE}" -B "${DIPLO_PT_BINARY}" -G "${DIPLO_PT_GENERATOR}"
                   "-DCMAKE_CXX_COMPILER=${DIPLO_PT_CXX_COMPILER}")
if(DIPLO_PT_MAKE_PROGRAM)
  list(APPEND configure_args "-DCMAKE_MAKE_PROGRAM=${DIPLO_PT_MAKE_PROGRAM}")
endif()
if(DIPLO_PT_CONFIG)
  list(APPEND configure_args "-DCMAKE_BUILD_TYPE=${DIPLO_PT_CONFIG}")
endif()
if(DIPLO_PT_STAGE)
  # The stage first; the parent build's own prefix path (where it found its dependencies)
  # follows through the environment, whose list separator on Unix is ':'.
  list(APPEND configure_args "-DCMAKE_PREFIX_PATH=${DIPLO_PT_STAGE}")
endif()
if(DIPLO_PT_PREFIX_PATH)
  string(REPLACE "|" ":" prefix_env "${DIPLO_PT_PREFIX_PATH}")
  if(DEFINED ENV{CMAKE_PREFIX_PATH} AND NOT "$ENV{CMAKE_PREFIX_PATH}" STREQUAL "")
    string(APPEND prefix_env ":$ENV{CMAKE_PREFIX_PATH}")
  endif()
  set(ENV{CMAKE_PREFIX_PATH} "${prefix_env}")
endif()
if(DIPLO_PT_DIPLO_SOURCE)
  list(APPEND configure_args "-DDIPLO_SOURCE_DIR=${DIPLO_PT_DIPLO_SOURCE}")
endif()
if(DEFINED DIPLO_PT_FETCH AND NOT DIPLO_PT_FETCH STREQUAL "")
  list(APPEND configure_args "-DDIPLO_FETCH_DEPENDENCIES=${DIPLO_PT_FETCH}")
endif()
if(DIPLO_PT_EXTRA)
  string(REPLACE "|" ";" extra "${DIPLO_PT_EXTRA}")
  list(APPEND configure_args ${extra})
endif()

_dpt_run("configure ${DIPLO_PT_SOURCE}" "${CMAKE_COMMAND}" ${configure_args})

set(build_args --build "${DIPLO_PT_BINARY}" --parallel)
if(DIPLO_PT_CONFIG)
  list(APPEND build_args --config "${DIPLO_PT_CONFIG}")
endif()
_dpt_run("build ${DIPLO_PT_BINARY}" "${CMAKE_COMMAND}" ${build_args})

set(exe "${DIPLO_PT_BINARY}/consumer")
if(DIPLO_PT_CONFIG AND EXISTS "${DIPLO_PT_BINARY}/${DIPLO_PT_CONFIG}/consumer")
  set(exe "${DIPLO_PT_BINARY}/${DIPLO_PT_CONFIG}/consumer")  # multi-config generators
endif()
execute_process(COMMAND "${exe}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message(STATUS "consumer output:\n${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "diplo package test failed: ${exe} exited with ${rc}")
endif()
if(DIPLO_PT_EXPECT AND NOT out MATCHES "${DIPLO_PT_EXPECT}")
  message(FATAL_ERROR "diplo package test failed: output lacks \"${DIPLO_PT_EXPECT}\"")
endif()
