# SPDX-License-Identifier: MIT
# Code that must not compile (the lifetime rules of diplo/timeline.h). Each file is an
# object library left out of `all`; its test builds it and passes when the compiler rejects
# it for calling a deleted member, the one its line "// expect: NAME" names. A file that
# fails for any other reason (a typo, a missing header) fails its test.
set(_diplo_compile_fail temporary_actors.cpp temporary_coverage.cpp temporary_warnings.cpp)
foreach(_f IN LISTS _diplo_compile_fail)
  string(REGEX REPLACE "\\.cpp$" "" _name "${_f}")
  file(STRINGS "${CMAKE_CURRENT_LIST_DIR}/${_f}" _expect REGEX "^// expect: ")
  string(REGEX REPLACE "^// expect: " "" _expect "${_expect}")
  add_library(compile_fail_${_name} OBJECT EXCLUDE_FROM_ALL "${CMAKE_CURRENT_LIST_DIR}/${_f}")
  target_link_libraries(compile_fail_${_name} PRIVATE diplo::diplo)
  add_test(NAME compile_fail.${_name}
           COMMAND "${CMAKE_COMMAND}" --build "${PROJECT_BINARY_DIR}" --target compile_fail_${_name})
  # g++: "use of deleted function '... diplo::timeline::warnings() const &&'";
  # clang: "call to deleted member function 'warnings'".
  set_tests_properties(compile_fail.${_name} PROPERTIES
    PASS_REGULAR_EXPRESSION "deleted[^\n]*${_expect}"
    RESOURCE_LOCK diplo_build_tree)
endforeach()
