# SPDX-License-Identifier: MIT
# Finds diplo's dependencies. Debian/Ubuntu packages come first:
#   libhowardhinnant-date-dev (date::date, date::date-tz), libfmt-dev (fmt::fmt),
#   libutf8proc-dev (pkg-config libutf8proc); for diplo::io (DIPLO_BUILD_IO) also
#   libsimdjson-dev (simdjson::simdjson) and libpugixml-dev (pugixml::pugixml).
# When a package is not installed, each falls back to FetchContent at a pinned release
# (this needs internet); set DIPLO_FETCH_DEPENDENCIES=OFF to fail instead.
include(FetchContent)
option(DIPLO_FETCH_DEPENDENCIES "Download missing dependencies with FetchContent" ON)

macro(_diplo_fetch name)
  if(NOT DIPLO_FETCH_DEPENDENCIES)
    message(FATAL_ERROR "diplo: ${name} not found. On Debian/Ubuntu run scripts/test or: "
                        "sudo apt-get install libhowardhinnant-date-dev libfmt-dev libutf8proc-dev libsimdjson-dev libcli11-dev libpugixml-dev")
  endif()
  message(STATUS "diplo: ${name} not found on the system; fetching a pinned release")
endmacro()

# DIPLO_FMT_SOURCE_DIR: build {fmt} from this source tree instead of finding it, e.g. a
# newer release than the system's, or one built against the standard library diplo is
# built with (libc++). CI's compatibility legs use ../shared/vendor/fmt-12.2.0.
set(DIPLO_FMT_SOURCE_DIR "" CACHE PATH "Build {fmt} from this source tree (empty: find it)")
option(DIPLO_REQUIRE_FMT_SOURCE "Fail unless DIPLO_FMT_SOURCE_DIR is set (the fmt12 and libcxx presets)" OFF)
mark_as_advanced(DIPLO_REQUIRE_FMT_SOURCE)
if(DIPLO_REQUIRE_FMT_SOURCE AND NOT DIPLO_FMT_SOURCE_DIR)
  message(FATAL_ERROR "diplo: this build compiles {fmt} from source: set DIPLO_FMT_SOURCE_DIR "
                      "(in the environment for the fmt12 and libcxx presets) to a {fmt} source tree, "
                      "e.g. {fmt} 12.2.0")
endif()
if(DIPLO_FMT_SOURCE_DIR)
  if(NOT EXISTS "${DIPLO_FMT_SOURCE_DIR}/CMakeLists.txt")
    message(FATAL_ERROR "diplo: DIPLO_FMT_SOURCE_DIR=${DIPLO_FMT_SOURCE_DIR} holds no CMakeLists.txt "
                        "(expected a {fmt} source tree)")
  endif()
  set(FMT_INSTALL ${DIPLO_INSTALL} CACHE BOOL "" FORCE)
  set(FMT_TEST OFF CACHE BOOL "" FORCE)
  set(FMT_DOC OFF CACHE BOOL "" FORCE)
  set(_diplo_fmt_src "${DIPLO_FMT_SOURCE_DIR}")
  if(NOT EXISTS "${_diplo_fmt_src}/ChangeLog.md" OR NOT EXISTS "${_diplo_fmt_src}/README.md")
    # {fmt}'s CMakeLists.txt lists ChangeLog.md and README.md among the library's sources; a
    # trimmed tree (../shared/vendor/fmt-12.2.0 has no ChangeLog.md) is copied and completed.
    set(_diplo_fmt_src "${CMAKE_CURRENT_BINARY_DIR}/_deps/fmt-src")
    file(COPY "${DIPLO_FMT_SOURCE_DIR}/" DESTINATION "${_diplo_fmt_src}")
    foreach(_doc IN ITEMS ChangeLog.md README.md)
      if(NOT EXISTS "${_diplo_fmt_src}/${_doc}")
        file(WRITE "${_diplo_fmt_src}/${_doc}" "")
      endif()
    endforeach()
  endif()
  add_subdirectory("${_diplo_fmt_src}" "${CMAKE_CURRENT_BINARY_DIR}/_deps/fmt-build")
  set(fmt_SOURCE_DIR "${_diplo_fmt_src}")
  # Its headers are a dependency's, as an installed {fmt}'s are: diplo's own warnings
  # (diplo_strict_warnings) are not theirs to meet.
  get_target_property(_diplo_fmt_includes fmt INTERFACE_INCLUDE_DIRECTORIES)
  set_target_properties(fmt PROPERTIES INTERFACE_SYSTEM_INCLUDE_DIRECTORIES "${_diplo_fmt_includes}")
else()
  find_package(fmt 9 CONFIG QUIET)
  if(NOT fmt_FOUND)
    _diplo_fetch(fmt)
    FetchContent_Declare(fmt GIT_REPOSITORY https://github.com/fmtlib/fmt.git GIT_TAG 9.1.0)
    set(FMT_INSTALL ON CACHE BOOL "" FORCE)
    FetchContent_MakeAvailable(fmt)
  endif()
endif()

find_package(date 3 CONFIG QUIET)
if(NOT date_FOUND)
  _diplo_fetch(date)
  FetchContent_Declare(date GIT_REPOSITORY https://github.com/HowardHinnant/date.git GIT_TAG v3.0.1)
  set(BUILD_TZ_LIB ON CACHE BOOL "" FORCE)
  set(USE_SYSTEM_TZ_DB ON CACHE BOOL "" FORCE)
  FetchContent_MakeAvailable(date)
endif()

# utf8proc: a private dependency of the core (src/fold.cpp). Found as its CMake package
# (utf8proc::utf8proc: Conan, utf8proc's own since 2.10; vcpkg's unofficial-utf8proc),
# through pkg-config (libutf8proc: Debian, Homebrew) or as a bare library; see
# cmake/diplo-find-utf8proc.cmake, which the installed package uses too.
include(diplo-find-utf8proc)
if(DIPLO_UTF8PROC_FOUND_BY)
  set(DIPLO_UTF8PROC_TARGET diplo::utf8proc)
  set(DIPLO_UTF8PROC_FROM_SYSTEM ON)
else()
  _diplo_fetch(utf8proc)
  FetchContent_Declare(utf8proc GIT_REPOSITORY https://github.com/JuliaStrings/utf8proc.git
                       GIT_TAG v2.8.0)
  FetchContent_MakeAvailable(utf8proc)
  set(DIPLO_UTF8PROC_TARGET utf8proc)
  set(DIPLO_UTF8PROC_FROM_SYSTEM OFF)
endif()

if(NOT DIPLO_BUILD_IO)
  return()
endif()

# simdjson: the JSON and JSON Lines readers (a private dependency of diplo::io).
find_package(simdjson 3 CONFIG QUIET)
if(simdjson_FOUND)
  set(DIPLO_SIMDJSON_TARGET simdjson::simdjson)
  set(DIPLO_SIMDJSON_FROM_SYSTEM ON)
else()
  _diplo_fetch(simdjson)
  FetchContent_Declare(simdjson GIT_REPOSITORY https://github.com/simdjson/simdjson.git
                       GIT_TAG v3.0.1)
  FetchContent_MakeAvailable(simdjson)
  set(DIPLO_SIMDJSON_TARGET simdjson)
  set(DIPLO_SIMDJSON_FROM_SYSTEM OFF)
endif()

# pugixml: the XML importers (src/import/; a private dependency of diplo::io).
find_package(pugixml 1.11 CONFIG QUIET)
if(pugixml_FOUND)
  set(DIPLO_PUGIXML_TARGET pugixml::pugixml)
  set(DIPLO_PUGIXML_FROM_SYSTEM ON)
else()
  _diplo_fetch(pugixml)
  FetchContent_Declare(pugixml GIT_REPOSITORY https://github.com/zeux/pugixml.git GIT_TAG v1.13)
  set(PUGIXML_INSTALL ON CACHE BOOL "" FORCE)
  FetchContent_MakeAvailable(pugixml)
  set(DIPLO_PUGIXML_TARGET pugixml::pugixml)
  set(DIPLO_PUGIXML_FROM_SYSTEM OFF)
endif()
