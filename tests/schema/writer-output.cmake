# SPDX-License-Identifier: MIT
# schema.writer_output: what diplo's writers produce must satisfy data/diplo.schema.json,
# checked by an independent validator (scripts/check-schema, python3-jsonschema).
# Run as: cmake -DDIPLO=<diplo executable> -DPYTHON=/usr/bin/python3 -DSOURCE_DIR=<repo>
#               -DWORK_DIR=<scratch dir> -P tests/schema/writer-output.cmake
file(MAKE_DIRECTORY "${WORK_DIR}")
foreach(_input IN ITEMS "${SOURCE_DIR}/tests/schema/full.json" "${SOURCE_DIR}/data/xi-putin.json")
  get_filename_component(_name "${_input}" NAME_WE)
  foreach(_ext IN ITEMS json jsonl)
    set(_out "${WORK_DIR}/${_name}-written.${_ext}")
    file(REMOVE "${_out}")
    execute_process(COMMAND "${DIPLO}" convert "${_input}" "${_out}"
                    RESULT_VARIABLE _rc ERROR_VARIABLE _err)
    if(NOT _rc EQUAL 0)
      message(FATAL_ERROR "diplo convert ${_input} ${_out} failed (${_rc}):\n${_err}")
    endif()
    set(_flags)
    if(_ext STREQUAL "jsonl")
      set(_flags --jsonl)
    endif()
    execute_process(COMMAND "${PYTHON}" "${SOURCE_DIR}/scripts/check-schema" ${_flags} "${_out}"
                    RESULT_VARIABLE _rc OUTPUT_VARIABLE _outp ERROR_VARIABLE _err)
    message("${_outp}${_err}")
    if(NOT _rc EQUAL 0)
      message(FATAL_ERROR "the writer's output ${_out} does not satisfy the schema")
    endif()
  endforeach()
endforeach()
