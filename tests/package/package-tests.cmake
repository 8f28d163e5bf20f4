# SPDX-License-Identifier: MIT
# Packaging tests (as fmt's test/find-package-test and test/add-subdirectory-test): small user
# projects built against this diplo.
#
#   Package.Install          `cmake --install` of this build into <build>/package-tests/stage
#                            (a ctest fixture, FIXTURES_SETUP diplo_staged_install)
#   Package.FindPackage      tests/package/find-package: find_package(diplo) from the stage,
#                            every component (needs io and tz in this build)
#   Package.FindPackageCore  tests/package/find-package-core: find_package(diplo COMPONENTS
#                            core) links the core alone, looks for no reader's dependency,
#                            and a 0.0 request is refused
#   Package.PkgConfig        core_consumer.cpp compiled and linked by hand with
#                            `pkg-config --cflags --libs diplo` from the stage
#   Package.SharedLibrary    diplo configured apart with BUILD_SHARED_LIBS=ON, installed, its
#                            libraries checked (SONAME, only the API exported), and the
#                            find-package consumer built and run against it
#   Package.AddSubdirectory  tests/package/add-subdirectory: add_subdirectory(<diplo source>)
#
# Each consumer is configured with this build's generator, compiler, flags and build type,
# built, and run; its output must contain "22 October 2024". Run only these with
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
    "-DDIPLO_PT_CXX_FLAGS=${CMAKE_CXX_FLAGS}"
    "-DDIPLO_PT_EXE_LINKER_FLAGS=${CMAKE_EXE_LINKER_FLAGS}"
    "-DDIPLO_PT_SHARED_LINKER_FLAGS=${CMAKE_SHARED_LINKER_FLAGS}"
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

  # The full consumer (consumer.cpp) needs every component: io, tz and data.
  set(_dpt_full OFF)
  if(TARGET diplo_io AND TARGET diplo_tz AND TARGET diplo_data)
    set(_dpt_full ON)
  endif()
  set(_dpt_core_pass "core: .*22 October 2024.*unknown name \"Pootin\"")
  set(_dpt_full_pass "bundled: .*22 October 2024.*16th BRICS summit")

  if(DIPLO_INSTALL)
    add_test(NAME Package.Install
      COMMAND "${CMAKE_COMMAND}" ${_dpt_args} -DDIPLO_PT_STEP=install
              "-DDIPLO_PT_BUILD_DIR=${PROJECT_BINARY_DIR}" "-DDIPLO_PT_STAGE=${_dpt_work}/stage"
              -P "${_dpt_script}")
    set_tests_properties(Package.Install PROPERTIES
      FIXTURES_SETUP diplo_staged_install LABELS package TIMEOUT 300
      FAIL_REGULAR_EXPRESSION "${_dpt_fail}")

    if(_dpt_full)
      add_test(NAME Package.FindPackage
        COMMAND "${CMAKE_COMMAND}" ${_dpt_args} -DDIPLO_PT_STEP=consumer
                "-DDIPLO_PT_SOURCE=${_dpt_here}/find-package"
                "-DDIPLO_PT_BINARY=${_dpt_work}/find-package"
                "-DDIPLO_PT_STAGE=${_dpt_work}/stage"
                -P "${_dpt_script}")
      set_tests_properties(Package.FindPackage PROPERTIES
        FIXTURES_REQUIRED diplo_staged_install LABELS package TIMEOUT 900
        PASS_REGULAR_EXPRESSION "${_dpt_full_pass}" FAIL_REGULAR_EXPRESSION "${_dpt_fail}")
    endif()

    add_test(NAME Package.FindPackageCore
      COMMAND "${CMAKE_COMMAND}" ${_dpt_args} -DDIPLO_PT_STEP=consumer
              "-DDIPLO_PT_SOURCE=${_dpt_here}/find-package-core"
              "-DDIPLO_PT_BINARY=${_dpt_work}/find-package-core"
              "-DDIPLO_PT_STAGE=${_dpt_work}/stage"
              -P "${_dpt_script}")
    set_tests_properties(Package.FindPackageCore PROPERTIES
      FIXTURES_REQUIRED diplo_staged_install LABELS package TIMEOUT 900
      PASS_REGULAR_EXPRESSION "${_dpt_core_pass}" FAIL_REGULAR_EXPRESSION "${_dpt_fail}")

    find_program(DIPLO_PKG_CONFIG NAMES pkg-config pkgconf)
    if(DIPLO_PKG_CONFIG)
      get_target_property(_dpt_type diplo TYPE)
      add_test(NAME Package.PkgConfig
        COMMAND "${CMAKE_COMMAND}" ${_dpt_args} -DDIPLO_PT_STEP=pkg-config
                "-DDIPLO_PT_PKG_CONFIG=${DIPLO_PKG_CONFIG}"
                "-DDIPLO_PT_SOURCE=${_dpt_here}/core_consumer.cpp"
                "-DDIPLO_PT_BINARY=${_dpt_work}/pkg-config"
                "-DDIPLO_PT_STAGE=${_dpt_work}/stage"
                "-DDIPLO_PT_LIBDIR=${CMAKE_INSTALL_LIBDIR}"
                "-DDIPLO_PT_STATIC=$<STREQUAL:${_dpt_type},STATIC_LIBRARY>"
                -P "${_dpt_script}")
      set_tests_properties(Package.PkgConfig PROPERTIES
        FIXTURES_REQUIRED diplo_staged_install LABELS package TIMEOUT 300
        PASS_REGULAR_EXPRESSION "${_dpt_core_pass}" FAIL_REGULAR_EXPRESSION "${_dpt_fail}")
    endif()
  endif()

  if(_dpt_full AND NOT BUILD_SHARED_LIBS)
    add_test(NAME Package.SharedLibrary
      COMMAND "${CMAKE_COMMAND}" ${_dpt_args} -DDIPLO_PT_STEP=shared
              "-DDIPLO_PT_DIPLO_SOURCE=${PROJECT_SOURCE_DIR}"
              "-DDIPLO_PT_LIBRARY_BINARY=${_dpt_work}/shared-build"
              "-DDIPLO_PT_STAGE=${_dpt_work}/stage-shared"
              "-DDIPLO_PT_LIBDIR=${CMAKE_INSTALL_LIBDIR}"
              "-DDIPLO_PT_SOVERSION=${DIPLO_SOVERSION}"
              "-DDIPLO_PT_NM=${CMAKE_NM}"
              "-DDIPLO_PT_FMT_SOURCE_DIR=${DIPLO_FMT_SOURCE_DIR}"
              "-DDIPLO_PT_SOURCE=${_dpt_here}/find-package"
              "-DDIPLO_PT_BINARY=${_dpt_work}/shared-consumer"
              -P "${_dpt_script}")
    set_tests_properties(Package.SharedLibrary PROPERTIES
      LABELS package TIMEOUT 1800
      PASS_REGULAR_EXPRESSION "${_dpt_full_pass}" FAIL_REGULAR_EXPRESSION "${_dpt_fail}")
  endif()

  if(_dpt_full)
  add_test(NAME Package.AddSubdirectory
    COMMAND "${CMAKE_COMMAND}" ${_dpt_args} -DDIPLO_PT_STEP=consumer
            "-DDIPLO_PT_SOURCE=${_dpt_here}/add-subdirectory"
            "-DDIPLO_PT_BINARY=${_dpt_work}/add-subdirectory"
            "-DDIPLO_PT_DIPLO_SOURCE=${PROJECT_SOURCE_DIR}"
            "-DDIPLO_PT_FETCH=${DIPLO_FETCH_DEPENDENCIES}"
            -P "${_dpt_script}")
  set_tests_properties(Package.AddSubdirectory PROPERTIES
    LABELS package TIMEOUT 900
    PASS_REGULAR_EXPRESSION "${_dpt_full_pass}" FAIL_REGULAR_EXPRESSION "${_dpt_fail}")
  endif()

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

# The flags of the parent build, as lists.
separate_arguments(pt_cxx_flags UNIX_COMMAND "${DIPLO_PT_CXX_FLAGS}")
separate_arguments(pt_exe_linker_flags UNIX_COMMAND "${DIPLO_PT_EXE_LINKER_FLAGS}")

# What every project configured here inherits from the parent build: generator, compiler,
# flags, make program and build type.
set(pt_toolchain_args -G "${DIPLO_PT_GENERATOR}"
    "-DCMAKE_CXX_COMPILER=${DIPLO_PT_CXX_COMPILER}" "-DCMAKE_CXX_FLAGS=${DIPLO_PT_CXX_FLAGS}"
    "-DCMAKE_EXE_LINKER_FLAGS=${DIPLO_PT_EXE_LINKER_FLAGS}"
    "-DCMAKE_SHARED_LINKER_FLAGS=${DIPLO_PT_SHARED_LINKER_FLAGS}")
if(DIPLO_PT_MAKE_PROGRAM)
  list(APPEND pt_toolchain_args "-DCMAKE_MAKE_PROGRAM=${DIPLO_PT_MAKE_PROGRAM}")
endif()
if(DIPLO_PT_CONFIG)
  list(APPEND pt_toolchain_args "-DCMAKE_BUILD_TYPE=${DIPLO_PT_CONFIG}")
endif()

if(DIPLO_PT_STEP STREQUAL "pkg-config")
  # core_consumer.cpp built by hand: the compiler, the parent's flags, and pkg-config's.
  file(REMOVE_RECURSE "${DIPLO_PT_BINARY}")
  file(MAKE_DIRECTORY "${DIPLO_PT_BINARY}")
  set(ENV{PKG_CONFIG_PATH} "${DIPLO_PT_STAGE}/${DIPLO_PT_LIBDIR}/pkgconfig")
  set(static_arg "")
  if(DIPLO_PT_STATIC)
    set(static_arg --static)
  endif()
  foreach(what IN ITEMS cflags libs)
    execute_process(COMMAND "${DIPLO_PT_PKG_CONFIG}" ${static_arg} --${what} diplo
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
                    OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "diplo package test failed: pkg-config --${what} diplo (exit ${rc}): ${err}")
    endif()
    message(STATUS "pkg-config ${static_arg} --${what} diplo: ${out}")
    separate_arguments(pc_${what} UNIX_COMMAND "${out}")
  endforeach()
  set(exe "${DIPLO_PT_BINARY}/consumer")
  _dpt_run("compile and link ${DIPLO_PT_SOURCE} with pkg-config's flags"
           "${DIPLO_PT_CXX_COMPILER}" -std=c++20 ${pt_cxx_flags} ${pc_cflags} "${DIPLO_PT_SOURCE}"
           -o "${exe}" ${pt_exe_linker_flags} ${pc_libs})
  execute_process(COMMAND "${exe}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message(STATUS "consumer output:\n${out}${err}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "diplo package test failed: ${exe} exited with ${rc}")
  endif()
  return()
endif()

if(DIPLO_PT_STEP STREQUAL "shared")
  # diplo itself, configured apart as shared libraries, built and installed.
  file(REMOVE_RECURSE "${DIPLO_PT_LIBRARY_BINARY}" "${DIPLO_PT_STAGE}")
  set(lib_args -S "${DIPLO_PT_DIPLO_SOURCE}" -B "${DIPLO_PT_LIBRARY_BINARY}" ${pt_toolchain_args}
               -DBUILD_SHARED_LIBS=ON -DDIPLO_BUILD_TESTS=OFF -DDIPLO_BUILD_EXAMPLES=OFF
               -DDIPLO_BUILD_CLI=OFF -DDIPLO_INSTALL=ON "-DDIPLO_FMT_SOURCE_DIR=${DIPLO_PT_FMT_SOURCE_DIR}")
  _dpt_run("configure diplo with BUILD_SHARED_LIBS=ON" "${CMAKE_COMMAND}" ${lib_args})
  set(build_args --build "${DIPLO_PT_LIBRARY_BINARY}" --parallel)
  set(install_args --install "${DIPLO_PT_LIBRARY_BINARY}" --prefix "${DIPLO_PT_STAGE}")
  if(DIPLO_PT_CONFIG)
    list(APPEND build_args --config "${DIPLO_PT_CONFIG}")
    list(APPEND install_args --config "${DIPLO_PT_CONFIG}")
  endif()
  _dpt_run("build the shared libraries" "${CMAKE_COMMAND}" ${build_args})
  _dpt_run("install the shared libraries" "${CMAKE_COMMAND}" ${install_args})

  # Each library is a shared object named by its SONAME, and exports its API only.
  set(libdir "${DIPLO_PT_STAGE}/${DIPLO_PT_LIBDIR}")
  foreach(lib IN ITEMS diplo diplo-io diplo-data)
    if(NOT EXISTS "${libdir}/lib${lib}.so.${DIPLO_PT_SOVERSION}")
      message(FATAL_ERROR "diplo package test failed: no ${libdir}/lib${lib}.so.${DIPLO_PT_SOVERSION}")
    endif()
  endforeach()
  if(DIPLO_PT_NM)
    execute_process(COMMAND "${DIPLO_PT_NM}" -D --defined-only "${libdir}/libdiplo-io.so"
                    RESULT_VARIABLE rc OUTPUT_VARIABLE symbols)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "diplo package test failed: nm -D libdiplo-io.so (exit ${rc})")
    endif()
    # Mangled names: _ZN5diplo2io9read_json is diplo::io::read_json, _ZN5diplo2io6detail a
    # function of diplo::io::detail itself (std's templates instantiated over diplo's types
    # keep the default visibility libstdc++ gives namespace std; they mangle as _ZNSt...).
    if(NOT symbols MATCHES " _ZN5diplo2io9read_json")
      message(FATAL_ERROR "diplo package test failed: libdiplo-io.so does not export diplo::io::read_json")
    endif()
    if(symbols MATCHES " _ZN5diplo2io6detail")
      message(FATAL_ERROR "diplo package test failed: libdiplo-io.so exports its internals (diplo::io::detail)")
    endif()
    message(STATUS "libdiplo-io.so exports diplo::io::read_json and nothing of diplo::io::detail")
  endif()
  set(DIPLO_PT_STEP consumer)  # and on: the find-package consumer against the stage
endif()

if(NOT DIPLO_PT_STEP STREQUAL "consumer")
  message(FATAL_ERROR "diplo package test failed: unknown DIPLO_PT_STEP '${DIPLO_PT_STEP}'")
endif()

file(REMOVE_RECURSE "${DIPLO_PT_BINARY}")

set(configure_args -S "${DIPLO_PT_SOURCE}" -B "${DIPLO_PT_BINARY}" ${pt_toolchain_args})
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
