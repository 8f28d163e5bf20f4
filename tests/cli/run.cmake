# SPDX-License-Identifier: MIT
# Runs the diplo tool once and checks its exit status and its output together
# (ctest's PASS_REGULAR_EXPRESSION cannot check both).
#
#   cmake -DEXE=path/to/diplo -DARGS=a;b;c -DRC=0 [-DSTDOUT=re1;re2] [-DSTDERR=re1;re2]
#         [-DNOT_STDOUT=re] [-DJSON=ON] [-DPYTHON=/usr/bin/python3] [-DWORK=dir] -P run.cmake
#
# Every regular expression of STDOUT (STDERR) must match stdout (stderr); NOT_STDOUT must
# not. JSON=ON checks that stdout is one valid JSON document (with PYTHON's json module), and
# with SCHEMA=<file> that it satisfies that JSON Schema (python3-jsonschema).
if(NOT DEFINED EXE OR NOT DEFINED RC)
  message(FATAL_ERROR "run.cmake: EXE and RC are required")
endif()
if(NOT DEFINED WORK)
  set(WORK ".")
endif()

execute_process(COMMAND "${EXE}" ${ARGS}
                WORKING_DIRECTORY "${WORK}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)

set(failed "")
if(NOT rc STREQUAL RC)
  string(APPEND failed "exit status ${rc}, expected ${RC}\n")
endif()
foreach(re IN LISTS STDOUT)
  if(NOT out MATCHES "${re}")
    string(APPEND failed "stdout does not match: ${re}\n")
  endif()
endforeach()
foreach(re IN LISTS NOT_STDOUT)
  if(out MATCHES "${re}")
    string(APPEND failed "stdout matches what it must not: ${re}\n")
  endif()
endforeach()
foreach(re IN LISTS STDERR)
  if(NOT err MATCHES "${re}")
    string(APPEND failed "stderr does not match: ${re}\n")
  endif()
endforeach()
if(JSON)
  string(MD5 tag "${ARGS}")
  set(json_file "${WORK}/diplo-cli-${tag}.json")
  file(WRITE "${json_file}" "${out}")
  execute_process(COMMAND "${PYTHON}" -c "import json, sys; json.load(open(sys.argv[1], encoding='utf-8'))"
                          "${json_file}"
                  RESULT_VARIABLE json_rc ERROR_VARIABLE json_err)
  if(NOT json_rc EQUAL 0)
    string(APPEND failed "stdout is not valid JSON: ${json_err}\n")
  elseif(SCHEMA)
    # Every answer also has the shape data/answer.schema.json gives it (python3-jsonschema).
    execute_process(COMMAND "${PYTHON}" -c "
import json, sys
from jsonschema import Draft202012Validator
schema = json.load(open(sys.argv[2], encoding='utf-8'))
doc = json.load(open(sys.argv[1], encoding='utf-8'))
errors = sorted(Draft202012Validator(schema).iter_errors(doc), key=lambda e: e.json_path)
for e in errors[:10]:
    print(e.json_path + ': ' + e.message[:300])
sys.exit(1 if errors else 0)" "${json_file}" "${SCHEMA}"
                    RESULT_VARIABLE schema_rc OUTPUT_VARIABLE schema_out ERROR_VARIABLE schema_err)
    if(NOT schema_rc EQUAL 0)
      string(APPEND failed "stdout does not satisfy ${SCHEMA}:\n${schema_out}${schema_err}\n")
    endif()
  endif()
  file(REMOVE "${json_file}")
endif()

if(failed)
  string(REPLACE ";" " " shown "${ARGS}")
  message(FATAL_ERROR "diplo ${shown}\n${failed}--- stdout ---\n${out}--- stderr ---\n${err}")
endif()
