# SPDX-License-Identifier: MIT
# Install rules and the CMake package: after `cmake --install`, users write
#   find_package(diplo 0.1 CONFIG REQUIRED)
#   target_link_libraries(app PRIVATE diplo::diplo)   # and diplo::tz for time zones
# The build tree is exported too (build/diplo-config.cmake), so -Ddiplo_DIR=<build dir>
# works without installing.
#
# Dependencies are found again by the installed config (find_dependency): date and fmt
# through their CMake packages, utf8proc through pkg-config (Debian's libutf8proc-dev has
# no CMake package). When utf8proc was fetched by FetchContent instead, its static
# library is installed beside libdiplo.a and exported as diplo::utf8proc, so the
# installed package needs no system utf8proc. Fetched fmt and date install themselves
# (their own install rules) into the same prefix, where find_dependency finds them.
include(CMakePackageConfigHelpers)

set(DIPLO_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/diplo"
    CACHE STRING "Where to install diplo's CMake package files, relative to the prefix")
mark_as_advanced(DIPLO_INSTALL_CMAKEDIR)

set(_diplo_export_targets diplo diplo_tz diplo_data)
if(NOT DIPLO_UTF8PROC_FROM_SYSTEM)
  # The fetched utf8proc target publishes its source directory as an include directory,
  # which cannot be exported. diplo's headers never include utf8proc.h, so installed
  # users need no include directory for it at all.
  get_target_property(_diplo_utf8proc_src ${DIPLO_UTF8PROC_TARGET} SOURCE_DIR)
  set_target_properties(${DIPLO_UTF8PROC_TARGET} PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "$<BUILD_INTERFACE:${_diplo_utf8proc_src}>"
    EXPORT_NAME utf8proc)
  list(APPEND _diplo_export_targets ${DIPLO_UTF8PROC_TARGET})
endif()

install(TARGETS ${_diplo_export_targets}
  EXPORT diplo-targets
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
  LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}"
  RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}"
  FILE_SET HEADERS DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")

install(EXPORT diplo-targets
  NAMESPACE diplo::
  FILE diplo-targets.cmake
  DESTINATION "${DIPLO_INSTALL_CMAKEDIR}")

# The build tree, for -Ddiplo_DIR=<build dir> (fmt exports its build tree the same way).
export(EXPORT diplo-targets
  NAMESPACE diplo::
  FILE "${PROJECT_BINARY_DIR}/diplo-targets.cmake")

configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/diplo-config.cmake.in"
  "${PROJECT_BINARY_DIR}/diplo-config.cmake"
  INSTALL_DESTINATION "${DIPLO_INSTALL_CMAKEDIR}")

# Not ARCH_INDEPENDENT: diplo::diplo is a static library built for one architecture.
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/diplo-config-version.cmake"
  VERSION "${PROJECT_VERSION}"
  COMPATIBILITY SameMajorVersion)

install(FILES
  "${PROJECT_BINARY_DIR}/diplo-config.cmake"
  "${PROJECT_BINARY_DIR}/diplo-config-version.cmake"
  DESTINATION "${DIPLO_INSTALL_CMAKEDIR}")
