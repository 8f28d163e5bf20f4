# SPDX-License-Identifier: MIT
# The progress line of --data loading: shown on a terminal (script(1) gives the tool one) and
# wiped before the answer, never written into a pipe.
#   cmake -DEXE=<diplo> -DDATA=<data/xi-putin.json> -P progress.cmake
find_program(_script script)
if(NOT _script)
  message(FATAL_ERROR "script(1) is missing (Debian: bsdutils)")
endif()
execute_process(COMMAND "${_script}" -qec "\"${EXE}\" --data \"${DATA}\" last-meeting Xi Putin" /dev/null
                OUTPUT_VARIABLE tty RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT tty MATCHES "diplo: reading [^\r]*xi-putin\\.json…\r +\r"
   OR NOT tty MATCHES "diplo: building the timeline of [0-9]+ events…\r +\r")
  message(FATAL_ERROR "on a terminal (${rc}), no progress line wiped before the answer:\n${tty}")
endif()
execute_process(COMMAND "${EXE}" --data "${DATA}" last-meeting Xi Putin OUTPUT_VARIABLE out ERROR_VARIABLE err
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR err MATCHES "reading|building")
  message(FATAL_ERROR "into a pipe (${rc}), the progress line was written:\n${err}")
endif()
