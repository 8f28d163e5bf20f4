// SPDX-License-Identifier: MIT
#pragma once

// Analysis tables: events as four tidy tables, for pandas, R, DuckDB or a spreadsheet.
// One row per observation, one column per variable, joined by ids:
//
//   events        id, kind, status, earliest, latest, precision, edtf, title, city,
//                 country, parent, level, mode, description
//   participants  event, actor, role             (role: guest, host, attendee, participant)
//   actors        id, kind, name, country, wikidata
//   sources       event, url, publisher, title, published
//
// THE CELLS. `earliest` is the first day the event may have started and `latest` the last
// day it may have ended, both ISO dates (YYYY-MM-DD), so that a date column reads as one:
// "2024-10" gives 2024-10-01 and 2024-10-31. An open or unknown end leaves its cell empty,
// and `edtf` keeps the date as written ("2024-10~", "2025-05-07/.."); `precision` is the
// start's ("day", "month", "season", "year"). `country` is the ISO code of where the event
// took place (a visit's host country without a place), `parent` the id of the event it
// was part of. A participant is listed once per event, a host who also attends as "host".
// `actors` holds every actor of the participants, `sources` every source of the events.
//
// FORMATS. CSV (RFC 4180: a header row, cells quoted when they hold ',', '"' or a line
// break, an empty cell for nothing) or, with `jsonl`, JSON Lines: one object a row, with
// null for nothing. `guard_formulas` puts a `'` before every CSV cell that a spreadsheet
// would run as a formula (one starting with '=', '+', '-', '@', a tab or CR: "CSV
// injection"); off by default, as it changes the text that pandas, R and DuckDB read.
//
//   diplo::io::write_tables("out/", t, diplo::events_with(t, {}));
//   // pandas: pd.read_csv("out/events.csv", parse_dates=["earliest", "latest"])

#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "diplo/export.h"
#include "diplo/timeline.h"

namespace diplo::io {

/// How the tables are written (see FORMATS above).
struct table_options {
  /// JSON Lines (events.jsonl...) instead of CSV (events.csv...).
  bool jsonl = false;
  /// A `'` before each CSV cell a spreadsheet would run as a formula.
  bool guard_formulas = false;
};

/// One table: its file name ("events.csv") and its text.
struct table_file {
  std::string name;
  std::string text;
};

/// The four tables of `events` of `t`, in the order events, participants, actors, sources.
[[nodiscard]] DIPLO_IO_API auto to_tables(const timeline& t, std::span<const event_ref> events,
                                          const table_options& options = {}) -> std::vector<table_file>;

/// Writes the four tables into the folder `dir`, made if missing; each file is replaced
/// atomically (io::write_file_atomic). Throws diplo::error when the folder cannot be made
/// or a file cannot be written.
DIPLO_IO_API void write_tables(const std::filesystem::path& dir, const timeline& t,
                               std::span<const event_ref> events, const table_options& options = {});

}  // namespace diplo::io
