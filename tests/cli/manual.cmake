# SPDX-License-Identifier: MIT
# The manual page and the bash completion that the build writes (src/cli/manual.cpp), checked:
#   MODE=man         diplo.1 renders with groff (preconv for UTF-8) without a warning, and
#                    names every command with its arguments
#   MODE=completion  the completion script completes commands, options, choices and actor ids
#   MODE=install     `cmake --install` puts both where man and bash-completion look
# cmake -DMODE=... -DBUILD=<build dir> -DWORK=<scratch> -DSOURCE=<tests/cli> -P manual.cmake
set(_man "${BUILD}/src/cli/diplo.1")
set(_bash "${BUILD}/src/cli/diplo.bash")
if(MODE STREQUAL "man")
  execute_process(COMMAND groff -k -man -Tutf8 -ww -P-cbou "${_man}" OUTPUT_VARIABLE out ERROR_VARIABLE err
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0 OR NOT err STREQUAL "")
    message(FATAL_ERROR "groff on ${_man} (${rc}):\n${err}")
  endif()
  foreach(_want IN ITEMS "NAME" "SYNOPSIS" "COMMANDS" "last-meeting A B" "export FORMAT" "--lanes" "EXIT STATUS")
    string(FIND "${out}" "${_want}" _at)
    if(_at EQUAL -1)
      message(FATAL_ERROR "the manual page has no \"${_want}\":\n${out}")
    endif()
  endforeach()
elseif(MODE STREQUAL "completion")
  execute_process(COMMAND bash "${SOURCE}/completion.sh" "${_bash}" "${BUILD}/src/cli"
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "completion.sh (${rc}):\n${out}${err}")
  endif()
  message("${out}")
elseif(MODE STREQUAL "install")
  file(REMOVE_RECURSE "${WORK}/install-manual")
  execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD}" --prefix "${WORK}/install-manual"
                  OUTPUT_QUIET RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake --install failed (${rc}):\n${err}")
  endif()
  foreach(_f IN ITEMS share/man/man1/diplo.1 share/bash-completion/completions/diplo bin/diplo)
    if(NOT EXISTS "${WORK}/install-manual/${_f}")
      message(FATAL_ERROR "cmake --install put no ${_f}")
    endif()
  endforeach()
  execute_process(COMMAND man -l "${WORK}/install-manual/share/man/man1/diplo.1" OUTPUT_VARIABLE out
                  ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0 OR NOT out MATCHES "last-meeting")
    message(FATAL_ERROR "man -l on the installed page (${rc}):\n${err}")
  endif()
  file(REMOVE_RECURSE "${WORK}/install-manual")
endif()
