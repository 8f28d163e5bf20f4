# SPDX-License-Identifier: MIT
# Finds diplo's dependencies. Debian/Ubuntu packages come first:
#   libhowardhinnant-date-dev (date::date, date::date-tz), libfmt-dev (fmt::fmt),
#   libutf8proc-dev (pkg-config libutf8proc).
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

find_package(fmt 9 CONFIG QUIET)
if(NOT fmt_FOUND)
  _diplo_fetch(fmt)
  FetchContent_Declare(fmt GIT_REPOSITORY https://github.com/fmtlib/fmt.git GIT_TAG 9.1.0)
  set(FMT_INSTALL ON CACHE BOOL "" FORCE)
  FetchContent_MakeAvailable(fmt)
endif()

find_package(date 3 CONFIG QUIET)
if(NOT date_FOUND)
  _diplo_fetch(date)
  FetchContent_Declare(date GIT_REPOSITORY https://github.com/HowardHinnant/date.git GIT_TAG v3.0.1)
  set(BUILD_TZ_LIB ON CACHE BOOL "" FORCE)
  set(USE_SYSTEM_TZ_DB ON CACHE BOOL "" FORCE)
  FetchContent_MakeAvailable(date)
endif()

find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
  pkg_check_modules(UTF8PROC QUIET IMPORTED_TARGET GLOBAL libutf8proc)
endif()
if(UTF8PROC_FOUND)
  set(DIPLO_UTF8PROC_TARGET PkgConfig::UTF8PROC)
  set(DIPLO_UTF8PROC_FROM_SYSTEM ON)
else()
  _diplo_fetch(utf8proc)
  FetchContent_Declare(utf8proc GIT_REPOSITORY https://github.com/JuliaStrings/utf8proc.git
                       GIT_TAG v2.8.0)
  FetchContent_MakeAvailable(utf8proc)
  set(DIPLO_UTF8PROC_TARGET utf8proc)
  set(DIPLO_UTF8PROC_FROM_SYSTEM OFF)
endif()

# simdjson: the JSON and JSON Lines readers (a private dependency of libdiplo.a).
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

# pugixml: the XML importers (src/import/; a private dependency of libdiplo.a).
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
