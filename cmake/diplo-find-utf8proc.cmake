# SPDX-License-Identifier: MIT
# Finds utf8proc and makes it the target diplo::utf8proc (an imported interface target), the
# one name diplo's export refers to. Used by diplo's build (cmake/diplo-dependencies.cmake)
# and, installed beside it, by diplo's package config. Tries, in order:
#   1. utf8proc's CMake package (utf8proc::utf8proc or utf8proc: Conan, utf8proc >= 2.10),
#   2. vcpkg's unofficial-utf8proc (target utf8proc),
#   3. pkg-config libutf8proc (Debian/Ubuntu, Fedora, Homebrew),
#   4. a bare utf8proc.h and library (find_path/find_library).
# Sets DIPLO_UTF8PROC_FOUND_BY to "config", "vcpkg", "pkg-config" or "library", or to ""
# when none found it. Quiet either way: the caller decides what a miss means.
if(TARGET diplo::utf8proc)
  if(NOT DIPLO_UTF8PROC_FOUND_BY)
    set(DIPLO_UTF8PROC_FOUND_BY "target")
  endif()
  return()
endif()
set(DIPLO_UTF8PROC_FOUND_BY "")
set(_diplo_utf8proc_link "")

find_package(utf8proc CONFIG QUIET)
if(utf8proc_FOUND)
  foreach(_t IN ITEMS utf8proc::utf8proc utf8proc::utf8proc_static utf8proc)
    if(TARGET ${_t})
      set(_diplo_utf8proc_link ${_t})
      set(DIPLO_UTF8PROC_FOUND_BY "config")
      break()
    endif()
  endforeach()
endif()

if(NOT _diplo_utf8proc_link)
  find_package(unofficial-utf8proc CONFIG QUIET)
  if(unofficial-utf8proc_FOUND AND TARGET utf8proc)
    set(_diplo_utf8proc_link utf8proc)
    set(DIPLO_UTF8PROC_FOUND_BY "vcpkg")
  endif()
endif()

if(NOT _diplo_utf8proc_link)
  find_package(PkgConfig QUIET)
  if(PkgConfig_FOUND)
    pkg_check_modules(DIPLO_PC_UTF8PROC QUIET IMPORTED_TARGET GLOBAL libutf8proc)
    if(DIPLO_PC_UTF8PROC_FOUND)
      set(_diplo_utf8proc_link PkgConfig::DIPLO_PC_UTF8PROC)
      set(DIPLO_UTF8PROC_FOUND_BY "pkg-config")
    endif()
  endif()
endif()

if(NOT _diplo_utf8proc_link)
  find_path(DIPLO_UTF8PROC_INCLUDE_DIR utf8proc.h)
  find_library(DIPLO_UTF8PROC_LIBRARY NAMES utf8proc utf8proc_static)
  mark_as_advanced(DIPLO_UTF8PROC_INCLUDE_DIR DIPLO_UTF8PROC_LIBRARY)
  if(DIPLO_UTF8PROC_INCLUDE_DIR AND DIPLO_UTF8PROC_LIBRARY)
    add_library(diplo_utf8proc_library UNKNOWN IMPORTED GLOBAL)
    set_target_properties(diplo_utf8proc_library PROPERTIES
      IMPORTED_LOCATION "${DIPLO_UTF8PROC_LIBRARY}"
      INTERFACE_INCLUDE_DIRECTORIES "${DIPLO_UTF8PROC_INCLUDE_DIR}")
    set(_diplo_utf8proc_link diplo_utf8proc_library)
    set(DIPLO_UTF8PROC_FOUND_BY "library")
  endif()
endif()

if(_diplo_utf8proc_link)
  add_library(diplo::utf8proc INTERFACE IMPORTED GLOBAL)
  target_link_libraries(diplo::utf8proc INTERFACE ${_diplo_utf8proc_link})
endif()
unset(_diplo_utf8proc_link)
