# SPDX-License-Identifier: MIT
# Runs EXE with ARG and writes its standard output to OUT (the build's diplo.1 and its bash
# completion, written by the tool itself: src/cli/manual.cpp).
#   cmake -DEXE=<diplo> -DARG=--man -DOUT=<file> -P cmake/diplo-output-to-file.cmake
execute_process(COMMAND "${EXE}" "${ARG}" OUTPUT_FILE "${OUT}.tmp" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  file(REMOVE "${OUT}.tmp")
  message(FATAL_ERROR "${EXE} ${ARG} failed (${rc})")
endif()
file(RENAME "${OUT}.tmp" "${OUT}")
