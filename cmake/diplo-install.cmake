# SPDX-License-Identifier: MIT
# Install rules, the CMake package and the pkg-config files. After `cmake --install`:
#   find_package(diplo 0.1 CONFIG REQUIRED)                     # every installed component
#   find_package(diplo 0.1 CONFIG REQUIRED COMPONENTS core)     # the core alone
#   target_link_libraries(app PRIVATE diplo::diplo)             # + diplo::io, diplo::tz, diplo::data
# or, without CMake: pkg-config --cflags --libs diplo (diplo-io, diplo-tz, diplo-data).
# The build tree is exported too (build/diplo-config.cmake), so -Ddiplo_DIR=<build dir>
# works without installing.
#
# One export set per component (cmake/diplo-config.cmake.in loads only those asked for),
# so that a program using the core alone never needs simdjson, pugixml or date's tz
# library. Dependencies are found again by the installed config (find_dependency): date and
# {fmt} through their CMake packages; utf8proc, simdjson and pugixml only when the
# libraries are static (a shared library carries its private dependencies itself), utf8proc
# the way the build found it (cmake/diplo-find-utf8proc.cmake, installed alongside). When
# utf8proc was fetched by FetchContent instead, its static library is installed beside
# libdiplo and exported as diplo::utf8proc. Fetched (or DIPLO_FMT_SOURCE_DIR) {fmt} and a
# fetched date install themselves (their own install rules) into the same prefix.
include(CMakePackageConfigHelpers)

set(DIPLO_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/diplo"
    CACHE STRING "Where to install diplo's CMake package files, relative to the prefix")
mark_as_advanced(DIPLO_INSTALL_CMAKEDIR)

get_target_property(_diplo_type diplo TYPE)
if(_diplo_type STREQUAL "SHARED_LIBRARY")
  set(DIPLO_SHARED_LIBS ON)
else()
  set(DIPLO_SHARED_LIBS OFF)
endif()

set(_diplo_core_targets diplo)
if(NOT DIPLO_UTF8PROC_FROM_SYSTEM)
  # The fetched utf8proc target publishes its source directory as an include directory,
  # which cannot be exported. diplo's headers never include utf8proc.h, so installed
  # users need no include directory for it at all.
  get_target_property(_diplo_utf8proc_src ${DIPLO_UTF8PROC_TARGET} SOURCE_DIR)
  set_target_properties(${DIPLO_UTF8PROC_TARGET} PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "$<BUILD_INTERFACE:${_diplo_utf8proc_src}>"
    EXPORT_NAME utf8proc)
  list(APPEND _diplo_core_targets ${DIPLO_UTF8PROC_TARGET})
endif()

# component -> its targets; the order is the order of their dependencies.
set(DIPLO_COMPONENTS core)
set(_diplo_targets_core ${_diplo_core_targets})
if(TARGET diplo_io)
  list(APPEND DIPLO_COMPONENTS io)
  set(_diplo_targets_io diplo_io)
endif()
if(TARGET diplo_tz)
  list(APPEND DIPLO_COMPONENTS tz)
  set(_diplo_targets_tz diplo_tz)
endif()
if(TARGET diplo_data)
  list(APPEND DIPLO_COMPONENTS data)
  set(_diplo_targets_data diplo_data)
endif()

foreach(_component IN LISTS DIPLO_COMPONENTS)
  install(TARGETS ${_diplo_targets_${_component}}
    EXPORT diplo-${_component}-targets
    ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
    LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" NAMELINK_COMPONENT Development
    RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}"
    FILE_SET HEADERS DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
  install(EXPORT diplo-${_component}-targets
    NAMESPACE diplo::
    FILE diplo-${_component}-targets.cmake
    DESTINATION "${DIPLO_INSTALL_CMAKEDIR}")
  # The build tree, for -Ddiplo_DIR=<build dir> (fmt exports its build tree the same way).
  export(EXPORT diplo-${_component}-targets
    NAMESPACE diplo::
    FILE "${PROJECT_BINARY_DIR}/diplo-${_component}-targets.cmake")
endforeach()

configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/diplo-config.cmake.in"
  "${PROJECT_BINARY_DIR}/diplo-config.cmake"
  INSTALL_DESTINATION "${DIPLO_INSTALL_CMAKEDIR}")
configure_file("${PROJECT_SOURCE_DIR}/cmake/diplo-find-utf8proc.cmake"
               "${PROJECT_BINARY_DIR}/diplo-find-utf8proc.cmake" COPYONLY)

# Before 1.0 a new minor release may break the API: 0.1 accepts 0.1.x only (SameMinorVersion).
# Not ARCH_INDEPENDENT: the libraries are built for one architecture.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(_diplo_compatibility SameMinorVersion)
else()
  set(_diplo_compatibility SameMajorVersion)
endif()
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/diplo-config-version.cmake"
  VERSION "${PROJECT_VERSION}"
  COMPATIBILITY ${_diplo_compatibility})

install(FILES
  "${PROJECT_BINARY_DIR}/diplo-config.cmake"
  "${PROJECT_BINARY_DIR}/diplo-config-version.cmake"
  "${PROJECT_SOURCE_DIR}/cmake/diplo-find-utf8proc.cmake"
  DESTINATION "${DIPLO_INSTALL_CMAKEDIR}")

# --- pkg-config: diplo.pc, diplo-io.pc, diplo-tz.pc, diplo-data.pc ------------------------------
# Relocatable: the prefix is found from the .pc file's own place (${pcfiledir}), so the
# files stay right under `cmake --install --prefix` and DESTDIR.
set(DIPLO_INSTALL_PKGCONFIGDIR "${CMAKE_INSTALL_LIBDIR}/pkgconfig"
    CACHE STRING "Where to install diplo's pkg-config files, relative to the prefix")
mark_as_advanced(DIPLO_INSTALL_PKGCONFIGDIR)
if(IS_ABSOLUTE "${DIPLO_INSTALL_PKGCONFIGDIR}")
  set(DIPLO_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH _diplo_pc_up "/root/${DIPLO_INSTALL_PKGCONFIGDIR}" "/root")
  string(REGEX REPLACE "/$" "" _diplo_pc_up "${_diplo_pc_up}")
  set(DIPLO_PC_PREFIX "\${pcfiledir}/${_diplo_pc_up}")
endif()
foreach(_dir IN ITEMS LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${_dir}}")
    set(DIPLO_PC_${_dir} "${CMAKE_INSTALL_${_dir}}")
  else()
    set(DIPLO_PC_${_dir} "\${prefix}/${CMAKE_INSTALL_${_dir}}")
  endif()
endforeach()
set(DIPLO_PC_CFLAGS "")
if(DIPLO_SHARED_LIBS)
  set(DIPLO_PC_CFLAGS " -DDIPLO_SHARED")
endif()
# What a static libdiplo needs at link time; a shared one records it itself.
if(DIPLO_UTF8PROC_FOUND_BY STREQUAL "pkg-config")
  set(DIPLO_PC_UTF8PROC_REQUIRES "Requires.private: libutf8proc")
  set(DIPLO_PC_UTF8PROC_LIBS "")
else()
  set(DIPLO_PC_UTF8PROC_REQUIRES "")
  set(DIPLO_PC_UTF8PROC_LIBS "Libs.private: -lutf8proc")
endif()
foreach(_component IN LISTS DIPLO_COMPONENTS)
  set(_pc_name "diplo-${_component}")
  if(_component STREQUAL "core")
    set(_pc_name "diplo")
  endif()
  configure_file("${PROJECT_SOURCE_DIR}/cmake/pkgconfig/${_pc_name}.pc.in"
                 "${PROJECT_BINARY_DIR}/pkgconfig/${_pc_name}.pc" @ONLY)
  install(FILES "${PROJECT_BINARY_DIR}/pkgconfig/${_pc_name}.pc"
          DESTINATION "${DIPLO_INSTALL_PKGCONFIGDIR}")
endforeach()
