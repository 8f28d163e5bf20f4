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
    list(APPEND defs -DJSON=ON "-DPYTHON=${DIPLO_PYTHON3}" "-DSCHEMA=${PROJECT_SOURCE_DIR}/data/answer.schema.json")
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
  STDOUT "^Jacob Zuma and Kim Jong Un never met in person in this data\\.\n"
         "\nThis data records every event of Xi Jinping with Vladimir Putin[^\n]*: none of it covers this question; "
         "Jacob Zuma and Kim Jong Un may have met at any time\\.\n$")

# --- coverage: an answer the data cannot give completely says so ---------------------------
diplo_cli_test(coverage-last-meeting-partial RC 0
  ARGS last-meeting Xi Modi
  STDOUT "^Xi Jinping and Narendra Modi last met in person: 28–29 June 2019, in Osaka, Japan\\.\n"
         "This data records every event of Xi Jinping with Vladimir Putin \\(22 March 2013 to 4 February 2026\\) "
         "only; Xi Jinping and Narendra Modi may have met since 28 June 2019\\.\n")
diplo_cli_test(coverage-last-meeting-complete RC 0
  ARGS last-meeting Xi Putin
  STDOUT "^Xi Jinping and Vladimir Putin last met in person: 2 September 2025, in Beijing, China\\.\n  "
  NOT_STDOUT "This data records" "may have")
diplo_cli_test(coverage-json-partial RC 0 JSON
  ARGS last-meeting Xi Modi --json
  STDOUT "\n  \"coverage\": \\{\n    \"status\": \"partial\",\n    \"reason\": \"This data records every event of Xi "
         "Jinping with Vladimir Putin [^\n]* may have met since 28 June 2019\\.\",\n    \"as_of\": \"2026-02-04\"\n  \\},")
diplo_cli_test(coverage-json-complete RC 0 JSON
  ARGS last-meeting Xi Putin --json
  STDOUT "\n  \"coverage\": \\{\n    \"status\": \"complete\",")
diplo_cli_test(coverage-first-meeting RC 0
  ARGS first-meeting Xi Putin
  STDOUT "\nThis data records [^\n]* only; Xi Jinping and Vladimir Putin may have met before 22 March 2013\\.\n")
diplo_cli_test(coverage-visits-complete RC 0
  ARGS visits --guest Xi --host-country RU --from 2022-02-24 --count
  STDOUT "^3\n3 visits by Xi Jinping to Russia from 24 February 2022:\n  date"
  NOT_STDOUT "This data records")
diplo_cli_test(coverage-json-outside RC 0 JSON
  ARGS visits --guest Modi --json
  STDOUT "\"status\": \"outside\"" "Narendra Modi may have travelled abroad at any time")
diplo_cli_test(coverage-merged-sources RC 0 JSON
  ARGS --data "${PROJECT_SOURCE_DIR}/data/xi-putin.json" --data "${PROJECT_SOURCE_DIR}/tests/import/data/colt-sample.csv"
       last-meeting xi-jinping vladimir-putin --json
  STDOUT "\"status\": \"complete\"" "\"as_of\": \"2026-02-04\"")
diplo_cli_test(coverage-colt-trips RC 0
  ARGS --data "${PROJECT_SOURCE_DIR}/tests/import/data/colt-sample.csv" last-meeting Lula "Hugo Chavez" --before 2011
  STDOUT "\nThis data records every trip abroad of the leaders of [^\n]* with the leaders met \\([^\n]*\\) only; ")
diplo_cli_test(coverage-own-file-complete RC 0
  ARGS --data "${_cli_data}/coverage.json" last-meeting Ann Ben
  STDOUT "^Ann Example and Ben Example last met in person: 1 March 2021, in Paris, France\\.\n  "
  NOT_STDOUT "This data records")
diplo_cli_test(coverage-own-file-outside RC 1
  ARGS --data "${_cli_data}/coverage.json" last-meeting Ann Ben --before 2019-01-01
  STDOUT "^Ann Example and Ben Example never met in person before 1 January 2019 in this data\\.\n"
         "This data records every event of Ann Example \\(1 January 2020 to 31 December 2024\\): none of it covers "
         "this question; Ann Example and Ben Example may have met before 1 January 2019\\.\n$")
diplo_cli_test(coverage-record-unknown-actor RC 2
  ARGS validate "${_cli_data}/coverage-unknown-actor.json"
  STDOUT "coverage-unknown-actor\\.json:6:7: error: coverage record \\(events_between\\): unknown actor \"bob\"\n")
diplo_cli_test(coverage-on-partial RC 0
  ARGS on 2025-05-09
  STDOUT "\nThis data records [^\n]* only; it lists only the people it holds, and may miss events of theirs on 9 May 2025\\.\n")
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
  STDOUT "^0\nNo visits by Xi Jinping to Brazil in 2020 in this data\\.\n"
         "\nThis data records every event of Xi Jinping with Vladimir Putin \\(22 March 2013 to 4 February 2026\\) only; "
         "Xi Jinping may have visited Brazil between 1 January 2020 and 31 December 2020\\.\n$")
diplo_cli_test(visits-first RC 0
  ARGS visits --guest Putin --host-country China --first
  STDOUT "^First visit by Vladimir Putin to China: " "\n  sources +[^\n]*https?://")
diplo_cli_test(where RC 0
  ARGS where Xi 2025-05-09
  STDOUT "^Xi Jinping was in Moscow, Russia on 9 May 2025\\.\n"
         "Victory Day parade" "\n  event +2025-05-09-moscow-victory-day-parade\n")
diplo_cli_test(where-nowhere RC 1
  ARGS where Putin 2013-01-01
  STDOUT "^No event in this data places Vladimir Putin on 1 January 2013\\.\n"
         "\nThis data records every event of Xi Jinping with Vladimir Putin, every visit of Xi Jinping to Russia and "
         "every visit of Vladimir Putin to China \\(22 March 2013 to 4 February 2026\\): none of it covers this question; "
         "Vladimir Putin may have been at events not in this data on 1 January 2013\\.\n$")
diplo_cli_test(contacts RC 0
  ARGS contacts Xi --top 3
  STDOUT "^Xi Jinping met [0-9]+ counterparts in person \\(the 3 most frequent shown\\):\n"
         "\n  counterpart +times +first +last +last place\n  Vladimir Putin +[0-9]+  ")
diplo_cli_test(gap RC 0
  ARGS gap Xi Putin
  STDOUT "^The longest time Xi Jinping and Vladimir Putin went without meeting in person: [0-9]+ days, from the end of one encounter on [0-9]+ [A-Z][a-z]+ [0-9]+ to the start of the next on ")

# --- issue 19: answers that must not claim more than the data says ---------------------------
# gap counts from the encounter that ended last (a year-long visit, not the meeting held
# during it) and names the two days it counts between.
diplo_cli_test(gap-long-visit RC 0
  ARGS --data "${_cli_data}/gap-long-visit.json" gap Ann Ben
  STDOUT "^The longest time Ann Example and Ben Example went without meeting in person: 151 days, from the end of one encounter on 31 December 2020 to the start of the next on 1 June 2021\\.\n"
         "\n  before: Ann Example — visit to Germany \\(Berlin\\), 1 January – 31 December 2020\n +\\(2020-ann-in-germany\\)\n"
  NOT_STDOUT "456")
diplo_cli_test(json-gap-long-visit RC 0 JSON
  ARGS --data "${_cli_data}/gap-long-visit.json" gap Ann Ben --json
  STDOUT "\"days\": 151,\n *\"last_day\": \"2020-12-31\",\n *\"next_day\": \"2021-06-01\",")
diplo_cli_test(gap-open-visit RC 0
  ARGS --data "${_cli_data}/gap-open-visit.json" gap Ann Ben
  STDOUT "^Ann Example and Ben Example never went a day without meeting in person: each encounter began by the day after the ones before it ended\\.\n\\(The encounter 2020-ann-in-germany \\(from 10 January 2020\\) has no known end: it may still be under way, so no gap is counted after its start\\.\\)\n"
  NOT_STDOUT "from from")
diplo_cli_test(json-gap-open-visit RC 0 JSON
  ARGS --data "${_cli_data}/gap-open-visit.json" gap Ann Ben --json
  STDOUT "\"days\": 0,\n *\"last_day\": null,\n *\"next_day\": \"2021-03-01\",")
diplo_cli_test(gap-calls-wording RC 0
  ARGS gap Xi Putin --calls
  STDOUT "^The longest time Xi Jinping and Vladimir Putin went without meeting or speaking by phone or video: [0-9]+ days, ")
# visits --longest-gap: trips that touch or overlap leave no gap (not "0 days, between 4
# April and 3 April"); a trip with an open end may still be under way, and says so.
diplo_cli_test(visits-gap-touching RC 0
  ARGS --data "${_cli_data}/visits-gap-edges.json" visits --guest Ann --longest-gap
  STDOUT "^The longest time without a visit by Ann Example: none; each visit began by the day after the ones before it ended\\.\n"
  NOT_STDOUT "0 days")
diplo_cli_test(visits-gap-open-end RC 0
  ARGS --data "${_cli_data}/visits-gap-edges.json" visits --guest Eve --longest-gap
  STDOUT "^The longest time without a visit by Eve Example: none; each visit began by the day after the ones before it ended\\.\n\\(The trip 2020-eve-de \\(from 10 January 2020\\) has no known end: it may still be under way, so no gap is counted after its start\\.\\)\n")
diplo_cli_test(json-visits-gap-open-end RC 0 JSON
  ARGS --data "${_cli_data}/visits-gap-edges.json" visits --guest Eve --longest-gap --json
  STDOUT "\"days\": 0,\n *\"last_day\": null,\n *\"next_day\": \"2021-03-01\",")
diplo_cli_test(visits-gap-open-end-later RC 0
  ARGS --data "${_cli_data}/visits-gap-edges.json" visits --guest Cid --longest-gap
  STDOUT "^The longest time without a visit by Cid Example: 251 days, between 3 May 2019 and 10 January 2020\\.\n\\(The trip 2020-cid-de \\(from 10 January 2020\\) has no known end")
# A person whose country is unknown is abroad nowhere (not "visited France most").
diplo_cli_test(countries-home-unknown RC 1
  ARGS --data "${_cli_data}/home-unknown.csv" countries Nomad
  STDOUT "^No trips abroad by Nomad Example in this data\\.\n\\(Nomad Example's own country is not in this data: events on days no office of theirs names a country are not counted as trips abroad\\.\\)\n"
         "\nThe data loaded does not say what it records completely; Nomad Example may have travelled abroad at any time\\.\n$")
# A visit to several cities places its people in one of them, unless an event inside it says
# which; two events in different places on one day are both named.
diplo_cli_test(where-several-cities RC 0
  ARGS --data "${_cli_data}/where-several-cities.json" where Ann 2021-09-02
  STDOUT "^Ann Example was in Russia \\(Moscow, Kazan or Sochi\\) on 2 September 2021\\.\n"
         "\n  Ann Example — visit to Russia \\(Moscow, Kazan and Sochi\\), 1–5 September 2021\n")
diplo_cli_test(where-several-cities-known-day RC 0
  ARGS --data "${_cli_data}/where-several-cities.json" where Ann 2021-09-03
  STDOUT "^Ann Example was in Kazan, Russia on 3 September 2021\\.\n")
diplo_cli_test(where-two-places RC 0
  ARGS --data "${_cli_data}/where-several-cities.json" where Dan 2022-03-01
  STDOUT "^Dan Example was in Brussels, Belgium and Paris, France on 1 March 2022\\.\n")
diplo_cli_test(on-several-cities RC 0
  ARGS --data "${_cli_data}/where-several-cities.json" on 2021-09-02
  STDOUT "\n  Ann Example +Russia \\(Moscow, Kazan or Sochi\\) +visit +2021-09-01-ann-in-russia\n"
         "\n  Ben Example +Russia \\(Moscow, Kazan or Sochi\\) +visit +")
# Meetings of partial dates that may be later (earlier) than the answer are named.
diplo_cli_test(last-meeting-partial RC 0
  ARGS --data "${_cli_data}/last-meeting-partial.json" last-meeting Ann Ben
  STDOUT "^Ann Example and Ben Example last met in person: 1 June 2024, in Berlin, Germany\\.\n\\(Dates are partial: 2 other meetings may have been later: 2020–2029 \\(202x-talks\\), 2024 \\(2024-talks\\)\\.\\)\n")
diplo_cli_test(first-meeting-partial RC 0
  ARGS --data "${_cli_data}/last-meeting-partial.json" first-meeting Ann Ben
  STDOUT "^Ann Example and Ben Example first met in person: 2020–2029, in Rome, Italy\\.\n\\(Dates are partial: 2 other meetings may have been earlier: 2024 \\(2024-talks\\), 1 June 2024 \\(2024-06-01-talks\\)\\.\\)\n")
# --top takes a positive whole number, and says so.
diplo_cli_test(contacts-top-zero RC 2
  ARGS contacts Xi --top 0
  STDERR "--top: \"0\" is not a positive whole number"
  NOT_STDOUT ".")
diplo_cli_test(countries-top-negative RC 2
  ARGS countries Xi --top -5
  STDERR "--top: \"-5\" is not a positive whole number"
  NOT_STDOUT ".")
# Wording: "once on 9 May 2025" (a day), and the day of where is one certain day.
diplo_cli_test(meetings-one-day RC 0
  ARGS meetings Xi Putin --from 2025-05-09 --to 2025-05-09
  STDOUT "^Xi Jinping and Vladimir Putin met in person once on 9 May 2025:\n")
diplo_cli_test(last-meeting-uncertain-date RC 0
  ARGS --data "${_cli_data}/uncertain-date.json" last-meeting Ann Ben
  STDOUT "^Ann Example and Ben Example last met in person: October 2024 \\(uncertain\\)\\.\n")
diplo_cli_test(where-qualified-day RC 2
  ARGS where Xi 2025-05-09%
  STDERR "^diplo: DATE: \"2025-05-09%\" is not one certain day; give YYYY-MM-DD without '\\?', '~' or '%'\n")

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
# --from and --to, read alike by every command that has them (date_range_of).
foreach(_cmd "meetings;Xi;Putin" "contacts;Xi" "countries;Xi" "visits" "journeys")
  string(REPLACE ";" "-" _name "${_cmd}")
  diplo_cli_test(reversed-range-${_name} RC 2
    ARGS ${_cmd} --from 2025-05 --to 2024
    STDERR "^diplo: --from 2025-05 is after --to 2024\n$")
  diplo_cli_test(bad-to-date-${_name} RC 2
    ARGS ${_cmd} --to 2024-02-30
    STDERR "^diplo: --to: \\[diplo\\.edtf\\] \"2024-02-30\" at column 9: expected ")
endforeach()
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
# CR-only line ends (old Mac files) are line ends, also around a CR inside quotes.
diplo_cli_test(validate-csv-cr-only RC 0
  ARGS validate "${_cli_data}/cr-only.csv"
  STDOUT "cr-only\\.csv: ok, 2 events, 2 actors, 1 warning\n")
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
foreach(_cmd last-meeting first-meeting meetings visits where contacts gap countries on journeys validate
             convert import-report export check)
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
diplo_cli_test(validate-json-errors RC 2 JSON
  ARGS validate "${_cli_data}/coverage-unknown-actor.json" --json
  STDOUT "\"valid\": false" "\"line\": 6,\n *\"column\": 7," "unknown actor \\\\\"bob\\\\\"")
diplo_cli_test(validate-json-clean RC 0 JSON
  ARGS validate "${PROJECT_SOURCE_DIR}/data/xi-putin.json" --json
  STDOUT "\"valid\": true" "\"events\": 95,")
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
  ARGS validate "${_cli_data}/ambiguous.json"
  STDOUT "^[^\n]*ambiguous\\.json: ok, 1 event, 3 actors\n$")
diplo_cli_test(validate-clean-wide RC 0
  ARGS validate "${_cli_data}/wide.json"
  STDOUT "^[^\n]*wide\\.json: ok, 1 event, 3 actors\n$")
# Several files are checked as --data loads them (issue 19, item 17): two files that define
# one actor differently do not load together, so they do not validate together either...
diplo_cli_test(validate-together-conflict RC 2
  ARGS validate "${_cli_data}/ambiguous.json" "${_cli_data}/wide.json"
  STDOUT "ambiguous\\.json: ok, 1 event, 3 actors\n"
         "\n[^\n]*wide\\.json:9:5: error: actor \"vladimir-putin\" differs from the one read at [^\n]*ambiguous\\.json:10:5\n"
         "\n[^\n]*wide\\.json: 1 error\n"
         "\nall 2 files together \\(as --data loads them\\): 1 error\n$")
diplo_cli_test(load-together-conflict RC 2
  ARGS --data "${_cli_data}/ambiguous.json" --data "${_cli_data}/wide.json" last-meeting Xi Putin
  STDERR "wide\\.json:9:5: error: actor \"vladimir-putin\" differs from the one read at ")
# ... a CSV name that the files before make ambiguous is an error of both...
diplo_cli_test(validate-together-ambiguous RC 2
  ARGS validate "${_cli_data}/ambiguous.json" "${_cli_data}/bush.csv"
  STDOUT "bush\\.csv:2:[0-9]+: error: participants: \\[diplo\\.actor\\] \"Bush\" is ambiguous: George H\\. W\\. Bush \\(george-h-w-bush\\), George W\\. Bush \\(george-w-bush\\)\n"
         "\nall 2 files together \\(as --data loads them\\): 1 error\n$")
diplo_cli_test(load-together-ambiguous RC 2
  ARGS --data "${_cli_data}/ambiguous.json" --data "${_cli_data}/bush.csv" last-meeting Xi Putin
  STDERR "bush\\.csv:2:[0-9]+: error: participants: \\[diplo\\.actor\\] \"Bush\" is ambiguous")
# ... and files that only load together validate together (the events name the actors of
# the file before).
diplo_cli_test(validate-together-split RC 0
  ARGS validate "${_cli_data}/split-actors.json" "${_cli_data}/split-events.jsonl"
  STDOUT "^[^\n]*split-actors\\.json: ok, 0 events, 2 actors\n"
         "[^\n]*split-events\\.jsonl: ok, 1 event, 0 actors\n"
         "all 2 files together \\(as --data loads them\\): ok, 1 event, 2 actors\n$")
# convert with --data writes the files merged, as --data loads them.
diplo_cli_test(convert-with-data RC 0
  ARGS --data "${_cli_data}/split-actors.json" convert "${_cli_data}/split-events.jsonl" "${_cli_work}/split.json"
  STDERR "^diplo: wrote 1 event, 2 actors \\(2 files merged\\) to [^\n]*split\\.json\n$"
  FIXTURES_SETUP cli_split)
diplo_cli_test(convert-with-data-result RC 0
  ARGS validate "${_cli_work}/split.json"
  STDOUT "split\\.json: ok, 1 event, 2 actors\n$"
  FIXTURES_REQUIRED cli_split)
# Records that contradict themselves (issue 19, items 16 and 22).
diplo_cli_test(validate-contradictions RC 2
  ARGS validate "${_cli_data}/contradictions.json"
  STDOUT "contradictions\\.json:12:5: error: event \"2024-05-06-visit\": host_country RU \\(Russia\\) differs from place\\.country CN \\(China\\): a visit is held in the country it visits\n"
         "contradictions\\.json:20:5: error: event \"2024-05-07-talks\": participant \"ben\" is listed twice\n"
         "contradictions\\.json:26:5: error: event \"2024-05-08-alone\": participant \"ann\" is listed twice\n"
         "contradictions\\.json:26:5: error: event \"2024-05-08-alone\": a meeting needs at least two different participants\n"
         "contradictions\\.json:32:5: error: event \"2024-05-09-parade\": starts_at 2024-05-12T07:00:00Z is outside the event's days \\(9 May 2024\\) in every time zone\n"
         "contradictions\\.json:41:5: error: event \"2024-05-10-parade\": starts_at 2024-05-09T20:00:00Z is 9 May 2024 in Europe/Moscow, outside the event's days \\(10 May 2024\\)\n"
         "contradictions\\.json:58:5: warning: event \"2024-03-01-ann-in-spain\": journey \"ann-2020\": this stop starts 1460 days after "
         "contradictions\\.json:66:5: warning: event \"2020-03-02-ben-in-spain\": journey \"ann-2020\": this stop's travellers \\(ben\\) are not those of \"2020-03-01-ann-in-italy\" \\(ann\\)"
         "contradictions\\.json: 6 errors, 2 warnings\n$"
  NOT_STDOUT "needs at least two participants")
# Names that mislead (issue 19, items 20 and 22): warnings, and one name in NFC however typed.
diplo_cli_test(validate-lookalikes RC 0
  ARGS validate "${_cli_data}/lookalikes.json"
  STDOUT "lookalikes\\.json:9:5: warning: actor \"erdogan\": name \"Recep Tayyip Erdoğan\" is also a name of actor \"recep-tayyip-erdogan\" \\(\"Recep Tayyip Erdoğan\"\\): the name is ambiguous\n"
         "lookalikes\\.json:11:5: warning: actor \"not-putin\": name \"Vladimir Рutin\" mixes Latin and Cyrillic letters in the word \"Рutin\"\n"
         "lookalikes\\.json:11:5: warning: actor \"not-putin\": name \"Vladimir Рutin\" looks like \"Vladimir Putin\" of actor \"vladimir-putin\""
         "lookalikes\\.json:13:5: warning: actor \"xi\": id \"xi\" is also a name of actor \"xi-jinping\" \\(\"Xi\"\\): \"xi\" exactly as written means this actor, any other spelling \\(\"Xi\"\\) means \"xi-jinping\"\n"
         "lookalikes\\.json: ok, 1 event, 6 actors, 4 warnings\n$")
# The Office of the Historian's data validates with warnings only (real ambiguous names and
# likely duplicates of the source; no journey warnings: the import's journeys are sound).
diplo_cli_test(validate-historyatstate RC 0
  ARGS validate "${PROJECT_SOURCE_DIR}/data/historyatstate"
  STDOUT "historyatstate: warning: actor \"william-v-s-tubman\": alias \"Tubman\" is also a name of actor \"tubman\""
         "historyatstate: ok, 7528 events, [0-9]+ actors, [0-9]+ warnings\n$"
  NOT_STDOUT "journey")
diplo_cli_test(validate-unknown-zone RC 2
  ARGS validate "${_cli_data}/bad-zone.json"
  STDOUT "bad-zone\\.json:5:3: error: event \"2025-05-09-parade\": place\\.zone: unknown time zone \"Europe/Moskva\" \\(did you mean \"Europe/Moscow\"\\?\\)"
         "bad-zone\\.json: 1 error\n")
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
# --- pack, --data FILE.diplo, and convert back from a snapshot ---------------------------------
diplo_cli_test(pack-bundled RC 0
  ARGS pack "${PROJECT_SOURCE_DIR}/data/xi-putin.json" "${_cli_work}/xi-putin.diplo"
  STDERR "diplo: wrote a snapshot of 95 events, 27 actors to [^\n]*xi-putin\\.diplo\n$"
  FIXTURES_SETUP cli_snapshot)
diplo_cli_test(snapshot-answers RC 0
  ARGS --data "${_cli_work}/xi-putin.diplo" last-meeting "Xi Jinping" "Vladimir Putin" --before 2025-05-07
  STDOUT "^Xi Jinping and Vladimir Putin last met in person before 7 May 2025: 22 October 2024, in Kazan, Russia\\.\n"
  FIXTURES_REQUIRED cli_snapshot)
diplo_cli_test(snapshot-read-alone RC 2
  ARGS --data "${_cli_work}/xi-putin.diplo" --data "${PROJECT_SOURCE_DIR}/data/xi-putin.json" last-meeting Xi Putin
  STDERR "^diplo: --data: a snapshot \\(\\.diplo\\) is a timeline already built and is read alone"
  FIXTURES_REQUIRED cli_snapshot)
diplo_cli_test(snapshot-not-one RC 2
  ARGS --data "${_cli_data}/not-a-snapshot.diplo" last-meeting Xi Putin
  STDERR "^diplo: \\[diplo\\.snapshot\\] [^\n]*not-a-snapshot\\.diplo\": not a diplo snapshot")
diplo_cli_test(convert-snapshot-to-json RC 0
  ARGS convert "${_cli_work}/xi-putin.diplo" "${_cli_work}/from-snapshot.json"
  STDERR "^diplo: wrote 95 events, 27 actors to [^\n]*from-snapshot\\.json\n$"
  FIXTURES_REQUIRED cli_snapshot FIXTURES_SETUP cli_from_snapshot)
diplo_cli_test(convert-snapshot-answers RC 0
  ARGS --data "${_cli_work}/from-snapshot.json" last-meeting "Xi Jinping" "Vladimir Putin" --before 2025-05-07
  STDOUT "^Xi Jinping and Vladimir Putin last met in person before 7 May 2025: 22 October 2024, in Kazan, Russia\\.\n"
  FIXTURES_REQUIRED cli_from_snapshot)
diplo_cli_test(convert-snapshot-not-one RC 2
  ARGS convert "${_cli_data}/not-a-snapshot.diplo" "${_cli_work}/never.json"
  STDERR "^diplo: \\[diplo\\.snapshot\\] [^\n]*not a diplo snapshot")

# Writing CSV names what it leaves out, with counts; a city with '/', a URL with a space and
# a formula-like name come back as they were (data/FORMAT.md, "What CSV holds", "Escapes").
diplo_cli_test(convert-csv-names-losses RC 0
  ARGS convert "${_cli_data}/lossy.json" "${_cli_work}/lossy.csv"
  STDERR "diplo: warning: [^\n]*lossy\\.csv leaves out what CSV cannot hold \\(write \\.json or \\.jsonl to keep it\\):\n"
         "\n  2 dataset fields [^\n]*\n" "\n  1 aliases\n" "\n  1 Wikidata ids\n"
         "\n  2 countries of persons\n" "\n  1 offices\n" "\n  1 source publishers\n"
         "diplo: wrote 2 events, 2 actors to [^\n]*lossy\\.csv\n$"
  FIXTURES_SETUP cli_lossy_csv)
diplo_cli_test(convert-csv-escapes-read-back RC 0
  ARGS --data "${_cli_work}/lossy.csv" where Macron 2022-01-10
  STDOUT "^Emmanuel Macron was in Frankfurt/Oder, Germany on 10 January 2022\\.\n"
         "\n  sources +https://example\\.org/a b\n"
  FIXTURES_REQUIRED cli_lossy_csv)
diplo_cli_test(convert-json-names-no-losses RC 0
  ARGS convert "${_cli_data}/lossy.json" "${_cli_work}/lossy-copy.json"
  STDERR "^diplo: wrote 2 events, 2 actors to [^\n]*lossy-copy\\.json\n$")

# --- the Office of the Historian's data: one command per question --------------------------
# Expected answers from tests/import/expected.py (/usr/bin/python3 tests/import/expected.py),
# which reads the XML with xml.etree and knows nothing of the importer.
set(_hist "${PROJECT_SOURCE_DIR}/data/historyatstate")
set(_hist_counts "^diplo: imported [^\n]*historyatstate \\(Office of the Historian\\)\n"
    "\n  total +7535 read = +7528 events \\+ +4 merged \\+ +3 rejected\n")
# expected.py: "last German visit before 2020: 2967 2018-04-27 Chancellor Angela Merkel".
diplo_cli_test(hist-last-german-visit RC 0
  ARGS --data "${_hist}" visits --guest-country DE --host-country US --to 2019-12-31 --last
  STDOUT "^Last visit by leaders of Germany to United States up to 31 December 2019: 27 April 2018, Washington, United States, by Angela Merkel\\.\n"
         "\n  event +hist-visit-2967\n"
         "\n  sources +Office of the Historian <https://history\\.state\\.gov/departmenthistory/visits/2018>\n"
  STDERR ${_hist_counts})
# expected.py: "French visits in the 1990s: 11"; --to 1999 and --to 1999-12 both end on 31 December.
diplo_cli_test(hist-french-visits-1990s RC 0
  ARGS --data "${_hist}" visits --guest-country FR --host-country US --from 1990 --to 1999 --count
  STDOUT "^11\n11 visits by leaders of France to United States from 1990 to 1999:\n"
         "\n  23–25 April 1999 +Jacques Chirac +Washington, United States +visit ")
diplo_cli_test(hist-french-visits-1990s-months RC 0
  ARGS --data "${_hist}" visits --guest-country FR --host-country US --from 1990-01 --to 1999-12 --count
  STDOUT "^11\n")
# expected.py: "Obama last in UK: 3620 2016-04-21 2016-04-24".
diplo_cli_test(hist-obama-last-uk RC 0
  ARGS --data "${_hist}" visits --guest Obama --host-country GB --last
  STDOUT "^Last visit by Barack Obama to United Kingdom: 21–24 April 2016, London, United Kingdom\\.\n"
         "\n  event +hist-trip-president-3620\n"
         "\n  sources +Office of the Historian <https://history\\.state\\.gov/departmenthistory/travels/president/obama-barack>\n")
# expected.py: "Christopher most visited: [('israel', 32), ('syria', 27), ('egypt', 14)]".
diplo_cli_test(hist-countries-christopher RC 0
  ARGS --data "${_hist}" countries "Warren Christopher" --top 3
  STDOUT "^Warren Minor Christopher visited Israel most: 32 trips\\.\n"
         "\n  Israel +32  " "\n  Syria +27  " "\n  Egypt +14  "
         "\n  Trips to Israel:\n" "\n    22–25 February 1993 +Jerusalem, Israel +hist-trip-secretary-503 +secretary travels record 503\n")
# expected.py: "Obama on 2009-04-02: [('2961', 'united-kingdom', 'London')]", and of all three
# datasets only 2961 and Clinton's 2997 cover that day.
diplo_cli_test(hist-on-day RC 0
  ARGS --data "${_hist}" on 2009-04-02
  STDOUT "^On 2 April 2009, this data places 2 people:\n"
         "\n  Barack Obama +London, United Kingdom +visit +hist-trip-president-2961\n"
         "\n  Hillary Rodham Clinton +London, United Kingdom +visit +hist-trip-secretary-2997\n"
         "president travels record 2961")
# expected.py: "on 2010-04-12 : 36 visits" (the Nuclear Security Summit in Washington; one
# person each).
diplo_cli_test(hist-on-summit RC 0
  ARGS --data "${_hist}" on 2010-04-12 --country US
  STDOUT "^On 12 April 2010, this data places 36 people in United States:\n"
         "\n  Hu Jintao +Washington, United States +visit +hist-visit-2089\n")
diplo_cli_test(hist-where-obama RC 0
  ARGS --data "${_hist}" where Obama 2009-04-02
  STDOUT "^Barack Obama was in London, United Kingdom on 2 April 2009\\.\n")
# expected.py: "longest Danish gap: (2578, '2869', '3160', '2016-05-13', '2023-06-05')".
diplo_cli_test(hist-longest-gap-denmark RC 0
  ARGS --data "${_hist}" visits --guest-country DK --host-country US --longest-gap
  STDOUT "^The longest time without a visit by leaders of Denmark to United States: 2578 days, between 13 May 2016 and 5 June 2023\\.\n"
         "\n  before: Lars Lokke Rasmussen in United States, 13 May 2016: visit\n"
         "\n    event +hist-visit-2869\n" "\n    event +hist-visit-3160\n")
# expected.py: "Obama journeys: 52 in 2009: 10 stops in 2009: 25", the spring 2009 journey
# through the United Kingdom, France, Germany, the Czech Republic, Turkey and Iraq.
diplo_cli_test(hist-journeys-obama-2009 RC 0
  ARGS --data "${_hist}" journeys --guest Obama --from 2009 --to 2009 --count
  STDOUT "^10\n10 journeys abroad by Barack Obama in 2009 \\(25 stops\\):\n"
         "\n  31 March – 7 April 2009 +hist-journey-president-obama-barack-2009-03-31 +United Kingdom \\(London\\), France \\(Strasbourg\\), Germany \\(Baden-Baden\\), Czechia \\(Prague\\), Türkiye \\(Ankara\\), Iraq \\(Baghdad\\)\n")
diplo_cli_test(hist-visits-obama-2009 RC 0
  ARGS --data "${_hist}" visits --guest Obama --from 2009 --to 2009 --count
  STDOUT "^25\n")
diplo_cli_test(hist-journeys-obama-all RC 0
  ARGS --data "${_hist}" journeys --guest Obama --count
  STDOUT "^52\n")
# The report: the counts add up; the Hawaii rejections and the Blinken duplicate are listed.
diplo_cli_test(hist-import-report RC 0
  ARGS import-report "${_hist}"
  STDOUT "\n  total +7535 read = +7528 events \\+ +4 merged \\+ +3 rejected\n"
         "\nrejected \\(3\\):\n  no ISO 3166 code for hawaii"
         "\nduplicates merged \\(4\\):\n"
         "secretary travels record 4019 [^\n]* into secretary travels record 3992 [^\n]*\\[exact copy\\]"
         "\nunresolved names \\([0-9]+\\):\n" "\noverlapping stops \\([0-9]+\\):\n"
  NOT_STDOUT "DOES NOT ADD UP")
diplo_cli_test(hist-import-report-json RC 0 JSON
  ARGS import-report "${_hist}" --json
  STDOUT "\"total\": \\{\"read\": 7535, \"events\": 7528, \"merged\": 4, \"rejected\": 3\\}")
diplo_cli_test(hist-import-report-not-a-folder RC 2
  ARGS import-report "${_cli_data}"
  STDERR "^diplo: DIR: \"[^\n]*\" is not a folder holding visits/ and travels/\n$")
# convert --from historyatstate, then answer from the converted file: the same answer.
diplo_cli_test(hist-convert RC 0
  ARGS convert --from historyatstate "${_hist}" "${_cli_work}/historyatstate.jsonl"
  STDERR ${_hist_counts} "diplo: wrote 7528 events, [0-9]+ actors to [^\n]*historyatstate\\.jsonl\n"
  FIXTURES_SETUP cli_hist_jsonl)
diplo_cli_test(hist-convert-answers RC 0
  ARGS --data "${_cli_work}/historyatstate.jsonl" visits --guest Obama --host-country GB --last
  STDOUT "^Last visit by Barack Obama to United Kingdom: 21–24 April 2016, London, United Kingdom\\.\n"
  FIXTURES_REQUIRED cli_hist_jsonl)
diplo_cli_test(hist-convert-not-a-folder RC 2
  ARGS convert --from historyatstate "${_cli_data}/wide.json" "${_cli_work}/x.json"
  STDERR "^diplo: IN: \"[^\n]*wide\\.json\" is not a folder holding visits/ and travels/\n$")
# The folder as the Office publishes it: visits/ and travels/, no curation/ (the curated
# tables are embedded in diplo). A copy of data/historyatstate without curation/ imports to
# the same output, byte for byte.
set(_hist_published "${_cli_work}/published/historyatstate")
foreach(_sub IN ITEMS visits travels)
  add_test(NAME cli.hist-published-copy-${_sub}
           COMMAND ${CMAKE_COMMAND} -E copy_directory "${_hist}/${_sub}" "${_hist_published}/${_sub}")
  set_tests_properties(cli.hist-published-copy-${_sub} PROPERTIES FIXTURES_SETUP cli_hist_published)
endforeach()
diplo_cli_test(hist-published-convert RC 0
  ARGS convert --from historyatstate "${_hist_published}" "${_cli_work}/historyatstate-published.jsonl"
  STDERR ${_hist_counts} "diplo: wrote 7528 events, [0-9]+ actors to [^\n]*historyatstate-published\\.jsonl\n"
  FIXTURES_REQUIRED cli_hist_published FIXTURES_SETUP cli_hist_published_jsonl)
add_test(NAME cli.hist-published-convert-same-output
         COMMAND ${CMAKE_COMMAND} -E compare_files "${_cli_work}/historyatstate.jsonl"
                 "${_cli_work}/historyatstate-published.jsonl")
set_tests_properties(cli.hist-published-convert-same-output PROPERTIES
  FIXTURES_REQUIRED "cli_hist_jsonl;cli_hist_published_jsonl")
diplo_cli_test(hist-published-data RC 0
  ARGS --data "${_hist_published}" visits --guest Obama --host-country GB --last
  STDOUT "^Last visit by Barack Obama to United Kingdom: 21–24 April 2016, London, United Kingdom\\.\n"
  STDERR ${_hist_counts}
  FIXTURES_REQUIRED cli_hist_published)
# --curation DIR: a user's row (hawaii -> US) before the embedded ones: the three Hawaii
# visits are imported instead of rejected.
diplo_cli_test(hist-curation-report RC 0
  ARGS import-report "${_hist_published}" --curation "${_cli_data}/curation"
  STDOUT "\n  total +7535 read = +7531 events \\+ +4 merged \\+ +0 rejected\n" "\nrejected \\(0\\):\n"
  FIXTURES_REQUIRED cli_hist_published)
diplo_cli_test(hist-curation-report-json RC 0 JSON
  ARGS import-report "${_hist_published}" --curation "${_cli_data}/curation" --json
  STDOUT "\"curation\": \"[^\"]*curation\""
         "\"total\": \\{\"read\": 7535, \"events\": 7531, \"merged\": 4, \"rejected\": 0\\}"
  FIXTURES_REQUIRED cli_hist_published)
diplo_cli_test(hist-curation-convert RC 0
  ARGS convert --from historyatstate "${_hist_published}" "${_cli_work}/historyatstate-curated.json"
       --curation "${_cli_data}/curation"
  STDERR "\n  total +7535 read = +7531 events \\+ +4 merged \\+ +0 rejected\n"
         "diplo: wrote 7531 events, [0-9]+ actors to [^\n]*historyatstate-curated\\.json\n"
  FIXTURES_REQUIRED cli_hist_published)
diplo_cli_test(hist-curation-bad-header RC 2
  ARGS import-report "${_hist}" --curation "${_cli_data}/curation-bad-header"
  STDERR "^diplo: \\[diplo\\.import\\] [^\n]*curation-bad-header/countries\\.csv:3:1: the header is \"slug,code\"; "
         "the columns of countries\\.csv are \"slug,name,from,to,code,note\"\n$")
diplo_cli_test(hist-curation-not-a-folder RC 2
  ARGS import-report "${_hist}" --curation "${_cli_data}/nowhere"
  STDERR "^diplo: --curation: Directory does not exist: [^\n]*nowhere\n")
diplo_cli_test(convert-curation-not-historyatstate RC 2
  ARGS convert "${_cli_data}/wide.json" "${_cli_work}/x.json" --curation "${_cli_data}/curation"
  STDERR "^diplo: --curation: IN \\(\"[^\n]*wide\\.json\"\\) is not a folder of the Office of the Historian's data")
# JSON: one valid document each.
diplo_cli_test(hist-json-on RC 0 JSON
  ARGS --data "${_hist}" on 2009-04-02 --json
  STDOUT "\"command\": \"on\"" "\"count\": 2," "\"id\": \"hist-trip-president-2961\"")
diplo_cli_test(hist-json-countries RC 0 JSON
  ARGS --data "${_hist}" countries "Warren Christopher" --top 1 --json
  STDOUT "\"visited\": .\n *.\n *\"country\": \"IL\",\n *\"trips\": 32,")
diplo_cli_test(hist-json-journeys RC 0 JSON
  ARGS --data "${_hist}" journeys --guest Obama --from 2009-03 --to 2009-03 --json
  STDOUT "\"count\": 1," "\"countries\": \\[\"GB\", \"FR\", \"DE\", \"CZ\", \"TR\", \"IQ\"\\]")
diplo_cli_test(hist-json-longest-gap RC 0 JSON
  ARGS --data "${_hist}" visits --guest-country DK --host-country US --longest-gap --json
  STDOUT "\"select\": \"longest-gap\"" "\"days\": 2578,")
# No answer: exit 1.
diplo_cli_test(hist-on-nobody RC 1
  ARGS --data "${_hist}" on 1700-01-01
  STDOUT "^No event in this data places anyone on 1 January 1700\\.\n"
         "\nThis data records every trip abroad of the President and Secretary of State of the United States \\(9 January "
         "1866 to [^)]+\\) and every visit of foreign leaders to the United States \\([^)]+\\): none of it covers this question; it lists "
         "only the people it holds, and may miss events of theirs on 1 January 1700\\.\n$")
diplo_cli_test(hist-countries-never-abroad RC 1
  ARGS countries Putin --from 2030
  STDOUT "^No trips abroad by Vladimir Putin from 2030 in this data\\.\n"
         "\nThis data records [^\n]*: none of it covers this question; Vladimir Putin may have travelled abroad since 1 January 2030\\.\n$")
diplo_cli_test(longest-gap-excludes-last RC 2
  ARGS visits --last --longest-gap STDERR "^diplo: --last excludes --longest-gap")

# --- validate: every mistake of one file in one run, in file order ----------------------------
# broken-all.json mixes mistakes in single records (a bad date, a wrong type, an unknown
# mode, an unknown key) with mistakes across records (an unknown actor, a duplicate id, an
# unknown parent, a child outside its parent, a parent cycle, a likely duplicate). References
# to records with errors (event 2 inside the bad-date visit, the summit naming the actor
# whose aliases are wrong) are not reported again.
diplo_cli_test(validate-broken-all RC 2
  ARGS validate "${_cli_data}/broken-all.json"
  STDOUT "^[^\n]*broken-all\\.json:7:83: error: actors\\[2\\]\\.aliases: expected an array of strings, got a string\n"
         "\n[^\n]*broken-all\\.json:13:15: error: events\\[0\\]\\.when: \"2023-02-29\" at column 9: expected a day of February 2023 \\(01-28\\)\n"
         "\n[^\n]*broken-all\\.json:28:17: error: events\\[2\\]\\.guests: expected an array of actor ids, got a string\n"
         "\n[^\n]*broken-all\\.json:45:15: error: events\\[4\\]\\.mode: unknown mode \"telepathy\""
         "\n[^\n]*broken-all\\.json:47:5: error: event \"2024-07-04-astana-talks\": lies outside its parent \"2024-07-03-astana-summit\""
         "\n[^\n]*broken-all\\.json:59:7: error: events\\[6\\]: unknown key \"hots\"\n"
         "\n[^\n]*broken-all\\.json:61:5: error: event \"2024-10-23-kazan-talks\": unknown actor \"vladimir-putn\""
         "\n[^\n]*broken-all\\.json:67:5: error: event \"2024-10-23-kazan-talks\": duplicate id\n"
         "\n[^\n]*broken-all\\.json:73:5: error: event \"2025-05-08-moscow-talks\": unknown parent \"2025-05-07-moscow-state-visit\"\n"
         "\n[^\n]*broken-all\\.json:87:5: warning: event \"2025-09-01-tianjin-visit-again\": likely duplicate of \"2025-09-01-tianjin-visit\""
         "\n[^\n]*broken-all\\.json:94:5: error: event \"2025-12-01-loop-a\": its parent chain makes a cycle\n"
         "\n[^\n]*broken-all\\.json:102:5: error: event \"2025-12-01-loop-b\": its parent chain makes a cycle\n"
         "\n[^\n]*broken-all\\.json: 11 errors, 1 warning \\(5 records with errors left out of the checks across records\\)\n$"
  NOT_STDOUT "2023-03-01-moscow-talks" "unknown actor \"narendra-modi\"")

# --- hostile environments (tests/cli/hostile/*_test.py, one ctest test per file) ---------------
# Exit statuses, signals, file states and terminal bytes, run with Debian's python3.
if(DIPLO_PYTHON3)
  set(_hostile_tests load_test.py memory_test.py output_test.py smoke_test.py write_test.py)
  foreach(_t IN LISTS _hostile_tests)
    get_filename_component(_name "${_t}" NAME_WE)
    string(REGEX REPLACE "_test$" "" _name "${_name}")
    add_test(NAME cli.hostile.${_name}
             COMMAND ${DIPLO_PYTHON3} -m unittest -v "${_name}_test"
             WORKING_DIRECTORY "${_cli_dir}/hostile")
    set_tests_properties(cli.hostile.${_name} PROPERTIES
      ENVIRONMENT "DIPLO_EXE=$<TARGET_FILE:diplo_cli>;DIPLO_SOURCE_DIR=${PROJECT_SOURCE_DIR};PYTHONDONTWRITEBYTECODE=1"
      LABELS hostile)
  endforeach()
endif()

# --- COLT (tests/import/data/colt-sample.csv: 42 real rows; expected answers from
# tests/import/colt_expected.py, which reads the CSV independently of diplo) -----------------
set(_colt "${PROJECT_SOURCE_DIR}/tests/import/data/colt-sample.csv")
set(_colt_counts "^diplo: imported [^\n]*colt-sample\\.csv \\(COLT\\)\n"
                 " +rows +42 read = +36 events [+] +1 merged [+] +5 rejected\n")
diplo_cli_test(colt-convert RC 0
  ARGS convert --from colt "${_colt}" "${_cli_work}/colt.jsonl"
  STDERR ${_colt_counts} "diplo: wrote [0-9]+ events, [0-9]+ actors to [^\n]*colt\\.jsonl\n"
  FIXTURES_SETUP cli_colt_jsonl)
diplo_cli_test(colt-convert-answers RC 0
  ARGS --data "${_cli_work}/colt.jsonl" last-meeting Lula Chavez --before 2011-01-01
  STDOUT "^Luiz Inacio Lula da Silva and Hugo Chavez last met in person before 1 January 2011: 26 November 2010, in Georgetown, Guyana\\.\n"
  FIXTURES_REQUIRED cli_colt_jsonl)
# --data recognises a COLT file by its header.
diplo_cli_test(colt-data-on RC 0
  ARGS --data "${_colt}" on 2025-05-09 --country RU
  STDOUT "Luiz Inacio Lula da Silva +Moscow, Russia" "Nicolas Maduro ")
diplo_cli_test(colt-import-report RC 0
  ARGS import-report --from colt "${_colt}"
  STDOUT "^COLT rows: 42 read = 36 events [+] 1 merged [+] 5 rejected\n"
         "4217-URY-XXX-46018 \\([^\n]*colt-sample\\.csv:[0-9]+\\): CountryVisitedISO \"XXX\" is not an ISO 3166 alpha-3 code"
         "ends \\(2016-09-26\\) before it starts \\(2016-09-27\\)")
diplo_cli_test(colt-import-report-json RC 0 JSON
  ARGS import-report "${_colt}" --json
  STDOUT "\"counts\": \\{\"read\": 42, \"events\": 36, \"merged\": 1, \"rejected\": 5\\}")
diplo_cli_test(colt-convert-not-colt RC 2
  ARGS convert --from colt "${_cli_data}/wide.json" "${_cli_work}/x.json"
  STDERR "^diplo: IN: \"[^\n]*wide\\.json\" is not a CSV file with COLT's header \\(TripID, LeaderID, \\.\\.\\.\\)\n$")
# Three sources, one timeline: the bundled data, the Office of the Historian's folder and COLT;
# one actor per person (diplo/io/merge.h): Xi (bundled) with Lula and Maduro (COLT) in Russia
# on 9 May 2025, all with the one Putin.
diplo_cli_test(colt-three-sources-on RC 0
  ARGS --data "${PROJECT_SOURCE_DIR}/data/xi-putin.json" --data "${_hist}" --data "${_colt}"
       on 2025-05-09 --country RU
  STDOUT "this data places 8 people in Russia"
         "\n  Luiz Inacio Lula da Silva +Moscow, Russia"
         "\n  Vladimir Putin "
         "\n  Nicolas Maduro "
         "\n  Xi Jinping ")
diplo_cli_test(colt-merge-report RC 0
  ARGS merge-report --data "${PROJECT_SOURCE_DIR}/data/xi-putin.json" --data "${_hist}" --data "${_colt}"
  STDOUT "colt-sample\\.csv: [0-9]+ people taken as people already loaded"
         "same person: \"vladimir-putin\" is \"vladimir-putin\" \\(name \"vladimir putin\"\\)"
         "same trip: \"colt-1473-ARG-USA-37205\"")
diplo_cli_test(colt-merge-report-json RC 0 JSON
  ARGS merge-report --data "${PROJECT_SOURCE_DIR}/data/xi-putin.json" --data "${_colt}" --json
  STDOUT "\"command\": \"merge-report\"" "\"evidence\": \"name \\\\\"xi jinping\\\\\"\"")
# validate takes COLT files too, merged as --data merges them, and checks the sources against
# each other: Chávez in Colombia on 24-27 April 2003 (consistency.json) while COLT has him in
# Brazil on 25-26 April (two countries; his flight to Quito on the 27th is no conflict), and
# Menem in Madrid in 2005, years after his term (the actor is COLT's, with the file's offices).
diplo_cli_test(validate-colt-consistency RC 0
  ARGS validate "${_colt}" "${_cli_data}/consistency.json"
  STDOUT "colt-sample\\.csv:[0-9]+:[0-9]+: warning: event \"colt-1383-VEN-BRA-37736\": \"hugo-chavez\" is placed in Brazil on 25[^ ]+26 April 2003 and in Colombia on 24[^ ]+27 April 2003 by \"chavez-in-colombia\" \\([^\n]*consistency\\.json:[0-9]+\\): two countries on the same days"
         "consistency\\.json:[0-9]+:[0-9]+: warning: event \"menem-in-madrid\": guest \"[a-z-]*menem[a-z-]*\" held none of their recorded offices within 90 days of this visit [^\n]*President of Argentina \\(8 July 1989 [^ ]+ 10 December 1999\\)[^\n]*\\(the actor is recorded at [^\n]*colt-sample\\.csv:[0-9]+\\)"
         "\nall 2 files together \\(as --data loads them\\): ok, "
  NOT_STDOUT "chavez-in-quito")
diplo_cli_test(merge-report-one-source RC 2
  ARGS merge-report --data "${_colt}"
  STDERR "give at least two sources with --data")

# --- export ----------------------------------------------------------------------------------
# The calendar itself is checked by independent parsers (tests/interop); here, the command.
diplo_cli_test(export-ics-stdout RC 0
  ARGS export ics --actor Xi --actor Putin --from 2025-05 --to 2025-05
  STDOUT "^BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" "UID:2025-05-07-moscow-xi-state-visit@diplo\r\n"
         "DTSTART;VALUE=DATE:20250507\r\nDTEND;VALUE=DATE:20250511\r\n" "END:VCALENDAR\r\n$"
  NOT_STDOUT "2024-10-22"
  STDERR "diplo: wrote [0-9]+ events as ics\n")
diplo_cli_test(export-ics-file RC 0
  ARGS export ics --actor Xi --from 2024 --to 2024 -o "${_cli_work}/xi-2024.ics"
  STDERR "diplo: wrote [0-9]+ events as ics to .*xi-2024\\.ics\n")
diplo_cli_test(export-ics-none-chosen RC 1
  ARGS export ics --actor Xi --actor Putin --from 2031
  STDOUT "^BEGIN:VCALENDAR\r\n.*END:VCALENDAR\r\n$" NOT_STDOUT "BEGIN:VEVENT"
  STDERR "diplo: wrote 0 events as ics\n")
diplo_cli_test(export-unknown-format RC 2
  ARGS export csv
  STDERR "FORMAT: csv not in \\{ics,tables,timelinejs,svg,html\\}")
diplo_cli_test(export-unknown-actor RC 2
  ARGS export ics --actor "No Such Person"
  STDERR "unknown name \"No Such Person\"")
diplo_cli_test(export-reversed-range RC 2
  ARGS export ics --from 2025 --to 2024)
diplo_cli_test(export-unwritable RC 2
  ARGS export ics -o "${_cli_work}/no-such-folder/out.ics"
  STDERR "cannot write \".*no-such-folder/out\\.ics\": No such file or directory")
diplo_cli_test(export-tables RC 0
  ARGS export tables --actor Xi --from 2024 --to 2024 -o "${_cli_work}/tables-2024"
  STDERR "diplo: wrote [0-9]+ events as tables to .*tables-2024\n")
diplo_cli_test(export-tables-needs-a-folder RC 2
  ARGS export tables
  STDERR "export tables needs -o DIR")
diplo_cli_test(export-jsonl-is-for-tables RC 2
  ARGS export ics --jsonl
  STDERR "--jsonl and --guard-formulas are options of tables, not of ics")

# --- the manual page and the bash completion (written by the build: src/cli/manual.cpp) -----
if(NOT CMAKE_CROSSCOMPILING)
  foreach(_mode IN ITEMS man completion install)
    add_test(NAME cli.manual-${_mode}
             COMMAND ${CMAKE_COMMAND} -DMODE=${_mode} -DBUILD=${PROJECT_BINARY_DIR} -DWORK=${_cli_work}
                     -DSOURCE=${_cli_dir} -P ${_cli_dir}/manual.cmake)
  endforeach()
endif()
diplo_cli_test(version RC 0
  ARGS --version
  STDOUT "^diplo [0-9]+\\.[0-9]+\\.[0-9]+\nbundled data: .* \\(as of [0-9-]+, [0-9]+ events\\)\n$")
add_test(NAME cli.progress-on-a-terminal
         COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:diplo_cli> -DDATA=${PROJECT_SOURCE_DIR}/data/xi-putin.json
                 -P ${_cli_dir}/progress.cmake)

# --- check: claims and verdicts -------------------------------------------------------------
diplo_cli_test(check-article RC 1
  ARGS check "${PROJECT_SOURCE_DIR}/data/claims/ap-2025-05-04.json"
  STDOUT "^5 claims of \"AP, 4 May 2025: China's Xi Jinping to pay official visit to Russia alongside Victory Day celebrations\": 3 TRUE, 1 FALSE, 1 MISLEADING\.\n"
         "  c2  FALSE       Xi last visited Russia in September 2024 for a BRICS su…  October 2024, not September 2024\n"
         "  c5  MISLEADING  They met most recently in Beijing in May 2024 and in Ka…  the last meeting before 4 May 2025 was 22 October 2024 in Kazan, Russia\n"
         "\nc1  TRUE: \"This will be Xi's third visit to Russia since the onset of the Ukraine war in February 2022\.\" \\(made on 4 May 2025\\)\n"
         "  Correction: October 2024, not September 2024\.\n  Evidence:\n    2024-10-22-kazan-brics-summit  16th BRICS summit, Russia \\(Kazan\\), 22–24 October 2024\n      People's Daily <http://en\\.people\\.cn/n3/2024/1018/c90000-20231281\\.html>\n"
         "c5  MISLEADING: .*  Xi Jinping and Vladimir Putin met in July 2024: 3 July 2024 in Astana, Kazakhstan\\. But that was not the last before 4 May 2025: 22 October 2024 in Kazan, Russia came later\\.\n")
diplo_cli_test(check-article-json RC 1 JSON
  ARGS check "${PROJECT_SOURCE_DIR}/data/claims/ap-2025-05-04.json" --json
  STDOUT "\"id\": \"c2\",\n[^}]*\"verdict\": \"false\",\n *\"correction\": \"October 2024, not September 2024\""
         "\"evidence\": \\[\"2024-10-22-kazan-brics-summit\", \"2024-10-22-kazan-brics-bilateral\"\\]"
         "\"summary\": {\"true\": 3, \"false\": 1, \"partly_true\": 0, \"misleading\": 1, \"unverifiable\": 0}")
diplo_cli_test(check-text-true RC 0
  ARGS check --text "Xi and Putin met in Kazan in October 2024"
  STDOUT "^1 claim of the text given: 1 TRUE\.\n"
         "text1  TRUE: \"Xi and Putin met in Kazan in October 2024\"\n  Xi Jinping and Vladimir Putin met: 22 October 2024 in Kazan, Russia\.\n")
diplo_cli_test(check-text-as-of RC 1
  ARGS check --text "Xi last visited Russia in September 2024" --as-of 2025-05-04
  STDOUT "text1  FALSE    Xi last visited Russia in September 2024  October 2024, not September 2024\n")
diplo_cli_test(check-text-several RC 1 JSON
  ARGS check --as-of 2025-05-04 --json --text "This will be Xi's third visit to Russia since February 2022"
       --text "Xi and Putin first met in March 2013 in Moscow"
  STDOUT "\"kind\": \"visit_ordinal\",[^}]*\"verdict\": \"true\""
         "\"kind\": \"first_meeting\",[^}]*\"verdict\": \"unverifiable\"")
diplo_cli_test(check-text-then-file RC 1
  ARGS check --text "Xi and Putin met in Kazan in October 2024" "${PROJECT_SOURCE_DIR}/data/claims/ap-2025-05-04.json"
  STDOUT "^6 claims of \"AP, 4 May 2025: .*: 4 TRUE, 1 FALSE, 1 MISLEADING\\.\n"
         "  text1  TRUE        Xi and Putin met in Kazan in October 2024\n")
diplo_cli_test(check-historian RC 0
  ARGS --data "${PROJECT_SOURCE_DIR}/data/historyatstate" check --text "Obama was in London on 2 April 2009"
  STDOUT "text1  TRUE: \"Obama was in London on 2 April 2009\"\n")
diplo_cli_test(check-text-cannot-parse RC 2
  ARGS check --text "Xi and Putin have met more than 40 times"
  STDERR "^diplo: --text \"Xi and Putin have met more than 40 times\": \\[diplo\\.check\\] \"Xi and Putin have met more than 40 times\" at column [0-9]+: expected an exact number of times")
diplo_cli_test(check-text-unknown-name RC 2
  ARGS check --text "Xi and Pootin met in 2024"
  STDERR "^diplo: --text \"Xi and Pootin met in 2024\": \\[diplo\\.actor\\] unknown name \"Pootin\"; did you mean: Vladimir Putin\\?\n$")
diplo_cli_test(check-nothing-to-check RC 2
  ARGS check STDERR "^diplo: check: give a claims FILE or --text SENTENCE\n$")
diplo_cli_test(check-bad-file RC 2
  ARGS check "${PROJECT_SOURCE_DIR}/tests/schema/bad-claims.json"
  STDERR "^diplo: the claims file has 8 errors:\n"
         "bad-claims\\.json:4:35: error: claims\\[0\\]\\.claim\\.kind: unknown kind \"last_visti\""
         "bad-claims\\.json:7:94: error: claims\\[3\\]\\.claim: unknown key \"city\" for a met_in claim")
diplo_cli_test(check-ordinal-needs-as-of RC 2
  ARGS check --text "This will be Xi's third visit to Russia since February 2022"
  STDERR "claim \"text1\": \\[diplo\\.check\\] a visit_ordinal claim .* give its as_of")
