# SPDX-License-Identifier: MIT
# Interop tests: what `diplo export` writes, read by independent programs (label "interop").
#
#   include(interop/interop-tests.cmake)   from tests/CMakeLists.txt, when the tool is built
#
# iCalendar is read by Debian's python3-icalendar (tests/interop/check_ics.py, run with
# /usr/bin/python3) and by ical.js from npm (check_ics.mjs); the tables, in CSV and in JSON
# Lines, by DuckDB from npm (check_tables.mjs); the TimelineJS JSON is shown by the real
# TimelineJS (npm @knight-lab/timelinejs, its dist/) in Debian's headless Chromium, offline
# (check_timelinejs.py); the picture, as SVG and as an HTML page, by xmllint and Chromium
# (check_chart.py). The npm packages are pinned in package.json and package-lock.json. The test interop.npm_ci installs the npm packages into the build tree
# (<build>/tests/interop); the tests that need them wait for it (a CTest fixture). Each
# checker also reads reference.ics (../shared/docs/interop-examples/visits.ics, which five
# parsers accept) and must reject broken.ics (broken-tables/, broken-timeline.json for the
# others), so that a checker that accepts anything fails.
#
# Without python3-icalendar, Node.js, npm (or the npm registry) or Chromium the tests are still added,
# and fail saying what to install (scripts/test installs them): a silently skipped check is
# worse than a failing one.
#
# The same file run as a script (cmake -DMODE=... -P interop-tests.cmake) is the runner:
#   MODE=npm_ci  SOURCE=<tests/interop> DIR=<build dir>   copy the npm files to DIR, npm ci
#   MODE=check   TOOL=<python3 or node> SCRIPT=<checker> ARGS=<arguments joined by |>   run it

if(CMAKE_SCRIPT_MODE_FILE)
  if(MODE STREQUAL "npm_ci")
    find_program(_npm npm)
    if(NOT _npm)
      message(FATAL_ERROR "npm is missing: install Node.js and npm (Debian: apt-get install nodejs npm; "
                          "scripts/test does)")
    endif()
    file(MAKE_DIRECTORY "${DIR}")
    foreach(_f IN ITEMS package.json package-lock.json check_ics.mjs check_tables.mjs)
      file(COPY_FILE "${SOURCE}/${_f}" "${DIR}/${_f}" ONLY_IF_DIFFERENT)
    endforeach()
    execute_process(COMMAND "${_npm}" ci --no-audit --no-fund --loglevel=error WORKING_DIRECTORY "${DIR}"
                    RESULT_VARIABLE _rc)
    if(NOT _rc EQUAL 0)
      message(FATAL_ERROR "npm ci in ${DIR} failed (${_rc}): the npm registry must be reachable")
    endif()
  elseif(MODE STREQUAL "check")
    if(NOT EXISTS "${TOOL}")
      message(FATAL_ERROR "${TOOL} is missing (Debian: apt-get install python3-icalendar nodejs npm; "
                          "scripts/test does)")
    endif()
    string(REPLACE "|" ";" _args "${ARGS}")
    execute_process(COMMAND "${TOOL}" "${SCRIPT}" ${_args} RESULT_VARIABLE _rc)
    if(NOT _rc EQUAL 0)
      message(FATAL_ERROR "${SCRIPT} exited with ${_rc}")
    endif()
  endif()
  return()
endif()

set(_interop_dir "${CMAKE_CURRENT_BINARY_DIR}/interop")
set(_interop_src "${CMAKE_CURRENT_SOURCE_DIR}/interop")
find_program(DIPLO_NODE node)
if(NOT DIPLO_NODE)
  set(DIPLO_NODE "/usr/bin/node")  # absent: the tests say so
endif()

add_test(NAME interop.npm_ci
         COMMAND ${CMAKE_COMMAND} -DMODE=npm_ci -DSOURCE=${_interop_src} -DDIR=${_interop_dir}
                 -P ${_interop_src}/interop-tests.cmake)
set_tests_properties(interop.npm_ci PROPERTIES FIXTURES_SETUP interop_npm LABELS interop)

# The bundled dataset, every event (planned, cancelled and calls too): 95 events, one of each
# kind of date. EXPECT: an event of exact days (the end is the day after the last), one with a
# partial date (its widest span), one with a UTC instant and no end.
add_test(NAME interop.ics.write
         COMMAND diplo_cli export ics --planned --cancelled --calls -o ${_interop_dir}/xi-putin.ics)
set_tests_properties(interop.ics.write PROPERTIES FIXTURES_SETUP interop_ics LABELS interop)
set(_ics_expect
    --events 95
    --expect 2025-05-07-moscow-xi-state-visit@diplo=2025-05-07/2025-05-11
    --expect 2026-h1-beijing-putin-official-visit@diplo=2026-01-01/2026-07-01
    --expect 2025-05-09-moscow-victory-day-parade@diplo=2025-05-09T07:00:00Z/)

# name, file, fixtures, checker arguments after the file; then each checker.
function(_diplo_ics_check name file fixtures)
  string(JOIN "|" _args "${file}" ${ARGN})
  add_test(NAME interop.ics.${name}.python
           COMMAND ${CMAKE_COMMAND} -DMODE=check -DTOOL=/usr/bin/python3 -DSCRIPT=${_interop_src}/check_ics.py
                   "-DARGS=${_args}" -P ${_interop_src}/interop-tests.cmake)
  add_test(NAME interop.ics.${name}.icaljs
           COMMAND ${CMAKE_COMMAND} -DMODE=check -DTOOL=${DIPLO_NODE} -DSCRIPT=${_interop_dir}/check_ics.mjs
                   "-DARGS=${_args}" -P ${_interop_src}/interop-tests.cmake)
  set_tests_properties(interop.ics.${name}.python PROPERTIES FIXTURES_REQUIRED "${fixtures}" LABELS interop)
  set_tests_properties(interop.ics.${name}.icaljs PROPERTIES FIXTURES_REQUIRED "${fixtures};interop_npm"
                                                             LABELS interop)
endfunction()

_diplo_ics_check(xi-putin ${_interop_dir}/xi-putin.ics interop_ics ${_ics_expect})
_diplo_ics_check(reference ${_interop_src}/reference.ics "" --events 2)
_diplo_ics_check(rejects-broken ${_interop_src}/broken.ics "")
# Rejected for what is wrong with it, not for a missing checker.
set_tests_properties(interop.ics.rejects-broken.python interop.ics.rejects-broken.icaljs PROPERTIES
                     PASS_REGULAR_EXPRESSION "UIDs repeat")

# The tables of every event, in CSV and in JSON Lines, loaded into DuckDB.
add_test(NAME interop.tables.write
         COMMAND diplo_cli export tables --planned --cancelled --calls -o ${_interop_dir}/tables)
add_test(NAME interop.tables.write-jsonl
         COMMAND diplo_cli export tables --jsonl --planned --cancelled --calls -o ${_interop_dir}/tables-jsonl)
set_tests_properties(interop.tables.write interop.tables.write-jsonl PROPERTIES FIXTURES_SETUP interop_tables
                                                                              LABELS interop)
function(_diplo_tables_check name fixtures)
  string(JOIN "|" _args ${ARGN})
  add_test(NAME interop.tables.${name}
           COMMAND ${CMAKE_COMMAND} -DMODE=check -DTOOL=${DIPLO_NODE} -DSCRIPT=${_interop_dir}/check_tables.mjs
                   "-DARGS=${_args}" -P ${_interop_src}/interop-tests.cmake)
  set_tests_properties(interop.tables.${name} PROPERTIES FIXTURES_REQUIRED "${fixtures};interop_npm" LABELS interop)
endfunction()
_diplo_tables_check(duckdb interop_tables ${_interop_dir}/tables --events 95)
_diplo_tables_check(duckdb-jsonl interop_tables ${_interop_dir}/tables-jsonl --jsonl --events 95)
_diplo_tables_check(rejects-broken "" ${_interop_src}/broken-tables)
set_tests_properties(interop.tables.rejects-broken PROPERTIES PASS_REGULAR_EXPRESSION "participants of no event")

# TimelineJS: every event as a slide of the real TimelineJS, in headless Chromium.
add_test(NAME interop.timelinejs.write
         COMMAND diplo_cli export timelinejs --planned --cancelled --calls -o ${_interop_dir}/timeline.json)
set_tests_properties(interop.timelinejs.write PROPERTIES FIXTURES_SETUP interop_timelinejs LABELS interop)
set(_timelinejs_dist ${_interop_dir}/node_modules/@knight-lab/timelinejs/dist)
foreach(_case IN ITEMS chromium rejects-broken)
  if(_case STREQUAL "chromium")
    set(_args "${_interop_dir}/timeline.json|${_timelinejs_dist}|--slides|95")
    set(_fixtures "interop_timelinejs;interop_npm")
  else()
    set(_args "${_interop_src}/broken-timeline.json|${_timelinejs_dist}")
    set(_fixtures "interop_npm")
  endif()
  add_test(NAME interop.timelinejs.${_case}
           COMMAND ${CMAKE_COMMAND} -DMODE=check -DTOOL=/usr/bin/python3 -DSCRIPT=${_interop_src}/check_timelinejs.py
                   "-DARGS=${_args}" -P ${_interop_src}/interop-tests.cmake)
  set_tests_properties(interop.timelinejs.${_case} PROPERTIES FIXTURES_REQUIRED "${_fixtures}" LABELS interop
                                                               TIMEOUT 300)
endforeach()
set_tests_properties(interop.timelinejs.rejects-broken PROPERTIES
                     PASS_REGULAR_EXPRESSION "0 event slides in the page for 2 events")

# The picture: an SVG (well-formed for xmllint) and an HTML page, each shown by Chromium with
# one mark per event; the page has a table row per event too.
foreach(_format IN ITEMS svg html)
  add_test(NAME interop.chart.write-${_format}
           COMMAND diplo_cli export ${_format} --planned --cancelled --calls -o ${_interop_dir}/xi-putin.${_format})
  add_test(NAME interop.chart.${_format}
           COMMAND ${CMAKE_COMMAND} -DMODE=check -DTOOL=/usr/bin/python3 -DSCRIPT=${_interop_src}/check_chart.py
                   "-DARGS=${_interop_dir}/xi-putin.${_format}|--events|95" -P ${_interop_src}/interop-tests.cmake)
  set_tests_properties(interop.chart.write-${_format} PROPERTIES FIXTURES_SETUP interop_chart_${_format}
                                                                LABELS interop)
  set_tests_properties(interop.chart.${_format} PROPERTIES FIXTURES_REQUIRED interop_chart_${_format}
                                                          LABELS interop TIMEOUT 300)
endforeach()
add_test(NAME interop.chart.rejects-broken
         COMMAND ${CMAKE_COMMAND} -DMODE=check -DTOOL=/usr/bin/python3 -DSCRIPT=${_interop_src}/check_chart.py
                 "-DARGS=${_interop_src}/broken-chart.svg" -P ${_interop_src}/interop-tests.cmake)
set_tests_properties(interop.chart.rejects-broken PROPERTIES PASS_REGULAR_EXPRESSION "not well-formed XML"
                                                               LABELS interop TIMEOUT 300)
