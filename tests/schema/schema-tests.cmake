# SPDX-License-Identifier: MIT
# JSON Schema tests: data/diplo.schema.json against the bundled dataset and test files,
# checked by scripts/check-schema (Debian's /usr/bin/python3 with python3-jsonschema).
#
#   include(schema/schema-tests.cmake)      from tests/CMakeLists.txt: adds the tests
#     schema.dataset              data/xi-putin.json is valid
#     schema.jsonl                tests/schema/good.jsonl is valid, line by line
#     schema.rejects_bad_input    tests/schema/bad.json is rejected, with the expected errors
#     schema.claims               data/claims/*.json are valid claims files (data/claims.schema.json)
#     schema.claims_rejects_bad_input   tests/schema/bad-claims.json is rejected, with the expected errors
#
# Without python3-jsonschema the tests are still added, and fail saying which package to
# install: a silently skipped check is worse than a failing one.
#
# The same file run as a script does the bad-input check (used by schema.rejects_bad_input):
#   cmake -DPYTHON=/usr/bin/python3 -DCHECKER=scripts/check-schema -DINPUT=tests/schema/bad.json
#         -P tests/schema/schema-tests.cmake

if(CMAKE_SCRIPT_MODE_FILE)
  # --- script mode: the checker must reject INPUT, exit 1, and report each expected error ---
  execute_process(COMMAND "${PYTHON}" "${CHECKER}" ${SCHEMA_ARGS} "${INPUT}"
                  OUTPUT_VARIABLE _out ERROR_VARIABLE _err RESULT_VARIABLE _rc)
  message("${_out}${_err}")
  if(NOT _rc EQUAL 1)
    message(FATAL_ERROR "check-schema exited with ${_rc} on ${INPUT}; expected 1 (errors found)")
  endif()
  # One line per deliberate error in tests/schema/bad.json (path: start of the message).
  set(_expected
      "$: Additional properties are not allowed ('extra' was unexpected)"
      "$.actors[0].wikidata: '15031' is not a Wikidata item id"
      "$.actors[1]: unknown key 'country'"
      "$.events[0].when: '2024-13-01' is not an EDTF date or period"
      "$.events[1]: 'guests' is a required property"
      "$.events[1]: unknown key 'guest'"
      "$.events[2].mode: 'telepathy' is not one of"
      "$.events[2].participants: ['xi-jinping'] is too short"
      "$.events[3].kind: 'visti' is not one of"
      "$.events[4].place.country: 'Russia' is not an ISO 3166 country code"
      "$.events[4].sources[0]: 'url' is a required property"
      "$.events[4].starts_at: '2025-05-09 10:00' is not an instant in UTC"
      "$.events[5].attendees: ['xi-jinping', 'xi-jinping'] has non-unique elements"
      "$.events[5].id: duplicate event id 'bad-instant'")
  if(INPUT MATCHES "bad-claims")  # One line per deliberate error in tests/schema/bad-claims.json.
    set(_expected
        "$.as_of: 'May 2025' does not match"
        "$.claims[0].claim.kind: 'last_visti' is not one of"
        "$.claims[1].claim: 'when' is a required property"
        "$.claims[2].claim.n: 0 is less than the minimum of 1"
        "$.claims[3].claim: Additional properties are not allowed ('city' was unexpected)"
        "$.claims[4].claim.day: '2025-05' does not match"
        "$.claims[5]: 'id' is a required property"
        "$.claims[5].claim.n: 2.5 is not of type 'integer'")
  endif()
  set(_missing "")
  foreach(_e IN LISTS _expected)
    string(FIND "${_out}" "${INPUT}: ${_e}" _at)
    if(_at EQUAL -1)
      string(APPEND _missing "\n  ${INPUT}: ${_e}")
    endif()
  endforeach()
  if(_missing)
    message(FATAL_ERROR "check-schema did not report these expected errors:${_missing}")
  endif()
  return()
endif()

# --- include mode: add the tests ---
set(_diplo_schema_python /usr/bin/python3)
set(_diplo_schema_checker ${PROJECT_SOURCE_DIR}/scripts/check-schema)
set(_diplo_schema_ok FALSE)
if(EXISTS ${_diplo_schema_python})
  execute_process(COMMAND ${_diplo_schema_python} -c
                          "import jsonschema; jsonschema.Draft202012Validator"
                  RESULT_VARIABLE _diplo_schema_rc OUTPUT_QUIET ERROR_QUIET)
  if(_diplo_schema_rc EQUAL 0)
    set(_diplo_schema_ok TRUE)
  endif()
endif()

if(_diplo_schema_ok)
  add_test(NAME schema.dataset
           COMMAND ${_diplo_schema_python} ${_diplo_schema_checker}
                   ${PROJECT_SOURCE_DIR}/data/xi-putin.json)
  add_test(NAME schema.jsonl
           COMMAND ${_diplo_schema_python} ${_diplo_schema_checker} --jsonl
                   ${PROJECT_SOURCE_DIR}/tests/schema/good.jsonl)
  add_test(NAME schema.rejects_bad_input
           COMMAND ${CMAKE_COMMAND} -DPYTHON=${_diplo_schema_python}
                   -DCHECKER=${_diplo_schema_checker}
                   -DINPUT=${PROJECT_SOURCE_DIR}/tests/schema/bad.json
                   -P ${CMAKE_CURRENT_LIST_FILE})
  add_test(NAME schema.claims
           COMMAND ${_diplo_schema_python} ${_diplo_schema_checker} --schema ${PROJECT_SOURCE_DIR}/data/claims.schema.json
                   ${PROJECT_SOURCE_DIR}/data/claims/ap-2025-05-04.json)
  add_test(NAME schema.claims_rejects_bad_input
           COMMAND ${CMAKE_COMMAND} -DPYTHON=${_diplo_schema_python}
                   -DCHECKER=${_diplo_schema_checker}
                   "-DSCHEMA_ARGS=--schema;${PROJECT_SOURCE_DIR}/data/claims.schema.json"
                   -DINPUT=${PROJECT_SOURCE_DIR}/tests/schema/bad-claims.json
                   -P ${CMAKE_CURRENT_LIST_FILE})
else()
  set(_diplo_schema_why
      "the schema tests need /usr/bin/python3 with the jsonschema module (>= 4, draft 2020-12): install the Debian package python3-jsonschema (apt-get install python3-jsonschema)")
  message(WARNING "diplo: ${_diplo_schema_why}; the schema.* tests will fail")
  foreach(_t IN ITEMS schema.dataset schema.jsonl schema.rejects_bad_input schema.claims
                      schema.claims_rejects_bad_input)
    add_test(NAME ${_t} COMMAND ${CMAKE_COMMAND} -E echo "FAILED: ${_diplo_schema_why}")
    set_tests_properties(${_t} PROPERTIES FAIL_REGULAR_EXPRESSION "FAILED: ")
  endforeach()
endif()
set_tests_properties(schema.dataset schema.jsonl schema.rejects_bad_input schema.claims
                     schema.claims_rejects_bad_input PROPERTIES
                     LABELS schema TIMEOUT 60)
