# SPDX-License-Identifier: MIT
# Tests of the diplo command-line tool (target diplo_cli), included from tests/CMakeLists.txt.
# Each runs the tool once through tests/cli/run.cmake, which checks the exit status and
# the output together. Most ask the embedded dataset; tests/cli/data/ holds small files
# for the rest (an ambiguous name, broken files, names in wide scripts).
if(NOT TARGET diplo_cli)  # DIPLO_BUILD_CLI=OFF
  return()
endif()
set(_cli_dir "${CMAKE_CURRENT_LIST_DIR}")
set(_cli_data "${_cli_dir}/data")
set(_cli_work "${CMAKE_CURRENT_BINARY_DIR}/cli")
file(MAKE_DIRECTORY "${_cli_work}")
# Debian's python3, as the other tests use; any python3 elsewhere.
if(EXISTS /usr/bin/python3)
  set(DIPLO_PYTHON3 /usr/bin/python3)
else()
  find_program(DIPLO_PYTHON3 NAMES python3)
endif()

# diplo_cli_test(<name> RC <status> ARGS <arg>... [STDOUT <regex>...] [STDERR <regex>...]
#                [NOT_STDOUT <regex>...] [JSON] [FIXTURES_SETUP f] [FIXTURES_REQUIRED f])
function(diplo_cli_test name)
  cmake_parse_arguments(T "JSON" "RC;FIXTURES_SETUP;FIXTURES_REQUIRED" "ARGS;STDOUT;STDERR;NOT_STDOUT" ${ARGN})
  if(T_JSON AND NOT DIPLO_PYTHON3)
    return()
  endif()
  set(defs)
  foreach(var ARGS STDOUT STDERR NOT_STDOUT)
    if(DEFINED T_${var})
      # Lists travel through the command line with their semicolons kept. (A regular
      # expression must not hold an unbalanced '[': CMake lists nest on square brackets.)
      string(REPLACE ";" "$<SEMICOLON>" value "${T_${var}}")
      list(APPEND defs "-D${var}=${value}")
    endif()
  endforeach()
  if(T_JSON)
    list(APPEND defs -DJSON=ON "-DPYTHON=${DIPLO_PYTHON3}")
  endif()
  add_test(NAME cli.${name}
           COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:diplo_cli> -DRC=${T_RC} "-DWORK=${_cli_work}"
                   ${defs} -P "${_cli_dir}/run.cmake")
  if(T_FIXTURES_SETUP)
    set_tests_properties(cli.${name} PROPERTIES FIXTURES_SETUP ${T_FIXTURES_SETUP})
  endif()
  if(T_FIXTURES_REQUIRED)
    set_tests_properties(cli.${name} PROPERTIES FIXTURES_REQUIRED ${T_FIXTURES_REQUIRED})
  endif()
endfunction()

# --- the headline answers, from the embedded dataset ---------------------------------------
diplo_cli_test(last-meeting RC 0
  ARGS last-meeting "Xi Jinping" "Vladimir Putin" --before 2025-05-07
  STDOUT "^Xi Jinping and Vladimir Putin last met in person before 7 May 2025: 22 October 2024, in Kazan, Russia\\.\n"
         "on the sidelines of the 16th BRICS summit"
         "\n  event +2024-10-22-kazan-brics-bilateral\n"
         "\n  sources +[^\n]*https?://[^\n]+\n")
diplo_cli_test(last-meeting-never-met RC 1
  ARGS last-meeting "Jacob Zuma" "Kim Jong Un"
  STDOUT "^Jacob Zuma and Kim Jong Un never met in person in this data\\.\n$")
diplo_cli_test(first-meeting-other-scripts RC 0
  ARGS first-meeting 习近平 Путин
  STDOUT "^Xi Jinping and Vladimir Putin first met in person: [^\n]*2013, in Moscow, Russia\\.\n")
diplo_cli_test(meetings RC 0
  ARGS meetings Xi Putin --from 2024 --to 2024
  STDOUT "^Xi Jinping and Vladimir Putin met in person [0-9]+ times in 2024:\n"
         "\n  date +place +kind +event\n"
         "\n  22 October 2024 +Kazan, Russia +bilateral meeting +at the 16th BRICS summit\n")
diplo_cli_test(visits-count RC 0
  ARGS visits --guest Xi --host-country RU --from 2022-02-24 --to 2025-05-10 --count
  STDOUT "^3\n3 visits by Xi Jinping to Russia from 24 February 2022 to 10 May 2025:\n"
         "\n  20–22 March 2023 +Moscow, Russia +state visit"
         "\n  22–24 October 2024 +Kazan, Russia +summit +16th BRICS summit"
         "\n  7–10 May 2025 +Moscow, Russia +state visit")
diplo_cli_test(visits-none RC 1
  ARGS visits --guest Xi --host-country Brazil --from 2020 --to 2020 --count
  STDOUT "^0\nNo visits by Xi Jinping to Brazil in 2020 in this data\\.\n$")
diplo_cli_test(visits-first RC 0
  ARGS visits --guest Putin --host-country China --first
  STDOUT "^First visit by Vladimir Putin to China: " "\n  sources +[^\n]*https?://")
diplo_cli_test(where RC 0
  ARGS where Xi 2025-05-09
  STDOUT "^Xi Jinping was in Moscow, Russia on 9 May 2025\\.\n"
         "Victory Day parade" "\n  event +2025-05-09-moscow-victory-day-parade\n")
diplo_cli_test(where-nowhere RC 1
  ARGS where Putin 2013-01-01
  STDOUT "^No event in this data places Vladimir Putin on 1 January 2013\\.\n$")
diplo_cli_test(contacts RC 0
  ARGS contacts Xi --top 3
  STDOUT "^Xi Jinping met [0-9]+ counterparts in person \\(the 3 most frequent shown\\):\n"
         "\n  counterpart +times +first +last +last place\n  Vladimir Putin +[0-9]+  ")
diplo_cli_test(gap RC 0
  ARGS gap Xi Putin
  STDOUT "^The longest time Xi Jinping and Vladimir Putin went without having met in person: [0-9]+ days, from ")

# --- JSON: one valid document each, question and answer ------------------------------------
diplo_cli_test(json-last-meeting RC 0 JSON
  ARGS last-meeting Xi Putin --before 2025-05-07 --json
  STDOUT "\"question\": \\{" "\"command\": \"last-meeting\"" "\"before\": \"2025-05-07\""
         "\"answer\": \\{\n    \"when\": \"2024-10-22\",\n    \"event\": \\{\n      \"id\": \"2024-10-22-kazan-brics-bilateral\""
         "\"names\": \\{\"xi-jinping\": \"Xi Jinping\", \"vladimir-putin\": \"Vladimir Putin\"\\}")
diplo_cli_test(json-never-met RC 1 JSON
  ARGS last-meeting Zuma "Kim Jong Un" --json
  STDOUT "\n  \"answer\": null,\n")
diplo_cli_test(json-first-meeting RC 0 JSON ARGS first-meeting Xi Putin --calls --json STDOUT "\"context\": ")
diplo_cli_test(json-meetings RC 0 JSON ARGS meetings Xi Putin --json STDOUT "\"count\": [0-9]+,\n *\"encounters\": ")
diplo_cli_test(json-visits RC 0 JSON
  ARGS visits --guest Xi --host-country RU --from 2022-02-24 --to 2025-05-10 --count --json
  STDOUT "\"count\": 3," "\"select\": \"count\"")
diplo_cli_test(json-visits-last RC 0 JSON ARGS visits --last --json STDOUT "\"answer\": \\{\n    \"guest\": ")
diplo_cli_test(json-where RC 0 JSON ARGS where Xi 2025-05-09 --json STDOUT "\"certainty\": \"certainly\"")
diplo_cli_test(json-contacts RC 0 JSON ARGS contacts Putin --top 2 --json STDOUT "\"total\": [0-9]+")
diplo_cli_test(json-gap RC 0 JSON ARGS gap Xi Putin --json STDOUT "\"days\": [0-9]+")
diplo_cli_test(json-escaping RC 0 JSON
  ARGS --data "${_cli_data}/wide.json" meetings Xi Putin --json
  STDOUT "a \\\\\"quoted\\\\\" word, a back\\\\\\\\slash, a tab\\\\t, a new\\\\nline and a bell \\\\u0007\\."
         "\"names\": \\{\"xi-jinping\": \"习近平\", \"vladimir-putin\": \"Владимир Путин\", \"kim-jong-un\": \"김정은\"\\}")

# --- names, dates and usage: exit status 2 -------------------------------------------------
diplo_cli_test(unknown-name RC 2
  ARGS last-meeting Pootin Xi
  STDERR "^diplo: unknown name \"Pootin\"; did you mean: Vladimir Putin\\?\n$")
diplo_cli_test(ambiguous-name RC 2
  ARGS --data "${_cli_data}/ambiguous.json" last-meeting Bush Putin
  STDERR "^diplo: \"Bush\" is ambiguous; it may mean:\n  George H\\. W\\. Bush \\(george-h-w-bush\\)\n  George W\\. Bush \\(george-w-bush\\)\n")
diplo_cli_test(ambiguous-name-resolved RC 0
  ARGS --data "${_cli_data}/ambiguous.json" last-meeting "George W. Bush" Putin
  STDOUT "^George W\\. Bush and Vladimir Putin last met in person: 16 June 2001, in Brdo pri Kranju, Slovenia\\.\n"
         "\n  sources +none recorded\n")
diplo_cli_test(bad-date RC 2
  ARGS last-meeting Xi Putin --before 2025-13-01
  STDERR "^diplo: --before: \\[diplo\\.edtf\\] \"2025-13-01\" at column 6: expected ")
diplo_cli_test(where-needs-a-day RC 2
  ARGS where Xi 2025-05
  STDERR "^diplo: DATE: \"2025-05\" is not one day")
diplo_cli_test(bad-country RC 2
  ARGS visits --host-country Atlantis
  STDERR "^diplo: --host-country: unknown country \"Atlantis\"")
diplo_cli_test(same-person RC 2 ARGS gap Xi 习近平 STDERR "are the same actor \\(xi-jinping\\)")
diplo_cli_test(missing-argument RC 2
  ARGS last-meeting Xi
  STDERR "^diplo: B is required\nRun 'diplo last-meeting --help' for more information\\.\n$")
diplo_cli_test(unknown-option RC 2 ARGS meetings Xi Putin --bogus STDERR "^diplo: .*--bogus")
diplo_cli_test(unknown-command RC 2 ARGS frobnicate STDERR "^diplo: unknown command \"frobnicate\"")
diplo_cli_test(no-command RC 2 ARGS --data "${_cli_data}/wide.json" STDERR "^diplo: A subcommand is required")
diplo_cli_test(exclusive-options RC 2 ARGS visits --count --first STDERR "^diplo: --count excludes --first")
diplo_cli_test(bad-data-file RC 2
  ARGS --data "${_cli_data}/broken.json" where Xi 2025-05-09
  STDERR "^diplo: the data has 4 errors:\n[^\n]*broken\\.json:12:15: error: events\\[0\\]\\.when: ")
diplo_cli_test(missing-data-file RC 2
  ARGS --data "${_cli_work}/no-such-file.json" where Xi 2025-05-09
  STDERR "^diplo: \\[diplo\\.io\\] cannot read ")

# --- --data: CSV names, merged files, the option after the command ----------------------------
diplo_cli_test(data-csv RC 0
  ARGS --data "${_cli_data}/paris.csv" last-meeting Xi Macron
  STDOUT "^Xi Jinping and Emmanuel Macron last met in person: 6–7 May 2024, in Paris, France\.
"
  STDERR "paris\.csv:2:[0-9]+: warning: host: unknown name \"Emmanuel Macron\": added as a new person \"emmanuel-macron\"")
diplo_cli_test(data-merged RC 0
  ARGS --data "${PROJECT_SOURCE_DIR}/data/xi-putin.json" --data "${_cli_data}/paris.csv"
       visits --guest Xi --from 2024 --to 2024
  STDOUT "^3 visits by Xi Jinping in 2024:
" "
  6–7 May 2024 +Paris, France +state visit +hosted by Emmanuel Macron
"
         "
  22–24 October 2024 +Kazan, Russia +summit +16th BRICS summit")
diplo_cli_test(data-after-command RC 0
  ARGS where Xi 2025-09-03 --data "${_cli_data}/wide.json"
  STDOUT "^习近平 was in Beijing, China on 3 September 2025\.
")

# --- every command has --help ---------------------------------------------------------------
diplo_cli_test(help RC 0 ARGS --help
  STDOUT "Usage: diplo \\[OPTIONS\\] SUBCOMMAND" "last-meeting" "convert" "Exit status: 0 answered; 1 no such event")
foreach(_cmd last-meeting first-meeting meetings visits where contacts gap validate convert)
  diplo_cli_test(help-${_cmd} RC 0 ARGS ${_cmd} --help STDOUT "Usage: diplo ${_cmd} \\[OPTIONS\\]" "Exit status: ")
endforeach()

# --- tables line up in wide and non-Latin scripts -------------------------------------------
# 김정은 is three characters but six columns wide; Владимир Путин is fourteen characters,
# twenty-eight bytes, fourteen columns.
diplo_cli_test(table-widths RC 0
  ARGS --data "${_cli_data}/wide.json" contacts Xi
  STDOUT "\n  counterpart     times  first             last              last place\n"
         "\n  Владимир Путин      1  3 September 2025  3 September 2025  Beijing, China\n"
         "\n  김정은              1  3 September 2025  3 September 2025  Beijing, China\n")

# --- validate --------------------------------------------------------------------------------
diplo_cli_test(validate-broken RC 2
  ARGS validate "${_cli_data}/broken.json"
  STDOUT "broken\\.json:12:15: error: events\\[0\\]\\.when: \"2023-02-29\" at column 9: expected a day of February 2023"
         "broken\\.json:19:17: error: events\\[1\\]\\.guests: expected an array"
         "broken\\.json:27:15: error: events\\[2\\]\\.mode: unknown mode \"telepathy\""
         "broken\\.json:34:7: error: events\\[3\\]: unknown key \"hots\""
         "broken\\.json: 4 errors")
diplo_cli_test(validate-broken-links RC 2
  ARGS validate "${_cli_data}/broken-links.json"
  STDOUT "broken-links\\.json:9:5: error: event \"2024-10-22-kazan-talks\": unknown actor \"vladimir-putn\""
         "broken-links\\.json:15:5: error: event \"2024-10-22-kazan-talks\": duplicate id"
         "broken-links\\.json:21:5: error: event \"2025-05-08-moscow-talks\": unknown parent"
         "broken-links\\.json: 3 errors\n")
diplo_cli_test(validate-clean RC 0
  ARGS validate "${_cli_data}/ambiguous.json" "${_cli_data}/wide.json"
  STDOUT "ambiguous\\.json: ok, 1 event, 3 actors\n" "wide\\.json: ok, 1 event, 3 actors\n")
diplo_cli_test(validate-missing RC 2
  ARGS validate "${_cli_work}/no-such-file.json"
  STDOUT "no-such-file\\.json: error: \\[diplo\\.io\\] cannot read ")

# --- convert: JSON -> CSV -> JSON -> JSON Lines, then ask the result ---------------------------
diplo_cli_test(convert-json-to-csv RC 0
  ARGS convert "${PROJECT_SOURCE_DIR}/data/xi-putin.json" "${_cli_work}/roundtrip.csv"
  STDERR "diplo: wrote [0-9]+ events, [0-9]+ actors to [^\n]*roundtrip\\.csv\n"
  FIXTURES_SETUP cli_roundtrip_csv)
diplo_cli_test(convert-csv-to-json RC 0
  ARGS convert "${_cli_work}/roundtrip.csv" "${_cli_work}/roundtrip.json"
  STDERR "diplo: wrote [0-9]+ events, [0-9]+ actors to [^\n]*roundtrip\\.json\n"
  FIXTURES_REQUIRED cli_roundtrip_csv FIXTURES_SETUP cli_roundtrip_json)
diplo_cli_test(convert-json-to-jsonl RC 0
  ARGS convert "${_cli_work}/roundtrip.json" "${_cli_work}/roundtrip.jsonl"
  STDERR "diplo: wrote [0-9]+ events, [0-9]+ actors to [^\n]*roundtrip\\.jsonl\n"
  FIXTURES_REQUIRED cli_roundtrip_json FIXTURES_SETUP cli_roundtrip_jsonl)
diplo_cli_test(convert-roundtrip-answers RC 0
  ARGS --data "${_cli_work}/roundtrip.jsonl" last-meeting "Xi Jinping" "Vladimir Putin" --before 2025-05-07
  STDOUT "^Xi Jinping and Vladimir Putin last met in person before 7 May 2025: 22 October 2024, in Kazan, Russia\\.\n"
  FIXTURES_REQUIRED cli_roundtrip_jsonl)
diplo_cli_test(convert-unknown-format RC 2
  ARGS convert "${_cli_data}/wide.json" "${_cli_work}/wide.txt"
  STDERR "^diplo: \\[diplo\\.io\\] [^\n]*unknown file format")
diplo_cli_test(convert-broken RC 2
  ARGS convert "${_cli_data}/broken.json" "${_cli_work}/broken.csv"
  STDERR "^diplo: the data has 4 errors:\n")
