// SPDX-License-Identifier: MIT
#pragma once

// CSV: one row per event, for spreadsheets.
//
// A spreadsheet is where most event lists start: one row per visit, summit, meeting or
// ceremony, the people written by name. `read_csv` turns such a file into a
// `diplo::io::document` (actors and events, see diplo/io/document.h), and `to_csv` writes
// a timeline back in the same shape. The format is described in data/FORMAT.md; in short:
//
//   id,kind,status,start,end,city,country,host,participants,parent,description,sources,notes
//   2024-10-22-kazan-brics-summit,summit,occurred,2024-10-22,2024-10-24,Kazan,RU,
//       Vladimir Putin,Xi Jinping;Vladimir Putin,,"16th BRICS summit, the first after the
//       group's expansion, hosted by Russia.",http://en.people.cn/n3/2024/1018/...,
//                                                               <- one row, one line
//
// SYNTAX. RFC 4180, read by hand: fields separated by commas; a field in double quotes
// may hold commas, line breaks and doubled quotes (""); lines end in LF, CRLF or CR alone
// (a CRLF inside a quoted field is read as LF, a CR or LF alone as it is); a UTF-8 byte
// order mark at the start is skipped; empty lines are skipped. Nothing is trimmed except
// the entries of the list cells: `host`, `participants`, `sources`, a visit's `city`.
//
// ESCAPES (data/FORMAT.md, "Escapes" and "Spreadsheet formulas"). In a list cell a
// backslash makes the next character literal when it is a backslash, ';', '/' or white
// space ("Frankfurt\/Oder", "Smith\; John", "http://x/a\ b"); a backslash before any
// other character is kept. A cell that starts with quotes (or none) and then = + - @ TAB
// or CR loses one leading quote: the writer adds it so that a spreadsheet shows the text
// instead of running it ("'=SUM(A1)", "'-0044").
//
// COLUMNS. The first row names the columns, in any order; `id`, `kind` and `start` are
// required, the others (`csv_columns`) optional. An unknown or repeated column is an
// error. Per row:
//
//   kind       state_visit, official_visit, working_visit, private_visit, visit   -> visit
//              summit                                                           -> summit
//              bilateral_meeting, meeting (in person), phone_call, video_call   -> meeting
//              ceremony                                                         -> ceremony
//   start,end  EDTF dates, inclusive; an empty end is the start. Either may be ".." (open).
//              With an empty end, start may also hold a whole EDTF period ("2025-05-07/").
//   city       a visit's "Tianjin/Beijing" is place.city "Tianjin" and cities {"Tianjin",
//              "Beijing"} (entries trimmed, empty ones dropped, one alone is place.city);
//              for the other kinds the text is the city, as it is.
//   country    an ISO 3166 code; the place's country, and the host country of a visit or
//              summit.
//   host, participants   names (participants separated by ';'; empty entries and repeats
//              are dropped). Visit: the guests are the participants other than the host.
//              Summit and ceremony: the attendees are the participants. Meeting (which has
//              no host): the participants, and the host too if not among them.
//   name, series   summit (name, series) and ceremony (name) only: an error elsewhere.
//   starts_at, ends_at   YYYY-MM-DDTHH:MM:SSZ (UTC).
//   sources    URLs separated by white space, each a diplo::source with only its url.
//
// NAMES. Each name is resolved with `known->candidates()` (see diplo/actor.h for the
// rules: id, exact folded name or alias, words in order). One candidate: that actor, and
// a copy of it goes into the document's own registry, so that `build(doc)` needs nothing
// else. Several: an error listing them. None (or no `known` registry): a new person whose
// id is the name made a slug by diplo/detail/slug.h, the rule every reader and importer
// shares ("Ukhnaagiin Khurelsukh" -> "ukhnaagiin-khurelsukh", "Путин" -> "путин"; a name
// with no letter or digit gets "person-" and 16 hex digits of a hash of its folded form),
// and one warning per such name. Names that fold alike are one actor.
//
// ERRORS. Reading is all or nothing: every problem is collected (up to max_diagnostics
// errors), then `validation_error` (area "csv") is thrown with all of them, errors first
// in file order, then the warnings. Line and column are 1-based; the column is that of the
// first byte of the field in its physical line (counted in bytes, as in parse_error):
//
//   [diplo.csv] 2 errors
//     events.csv:4:37: error: start: [diplo.edtf] "2024-13-01" at column 6: expected a ...
//     events.csv:7:1: error: row has 12 fields; the header has 13
//
// Warnings alone do not throw; they are appended to `*warnings` when given.
//
// `read_csv_lenient` reports instead of throwing: every error and warning goes into one
// vector, in file order (line, then column), and the document holds the rows that read
// without error. A row with any error is left out whole (its id goes to
// `document::left_out`), together with the new persons only it named; the rows after it
// are still read. A bad header, an unclosed quote or too many errors end the reading
// (`left_out.stopped`). `diplo::io::check` (diplo/io/document.h) then runs the checks
// across rows on what was read.
//
// LIMITS (`read_limits`, diplo/io/document.h): a line longer than `max_line_length`
// (1 MiB; a field in quotes may span lines, each counts alone) ends the reading there, as
// does the row after `max_records` (10 million); a text longer than `max_file_size`
// (1 GiB) is not read. Each error names its limit:
//
//   events.csv:9:1048577: error: line longer than the limit of 1048576 bytes
//   (read_limits::max_line_length)                                <- one line
//
// WRITING. `to_csv` writes every column of `csv_columns`, one row per event in timeline
// order, LF line ends, a field quoted only when it holds a comma, a quote or a line break,
// list entries escaped and formula cells guarded (ESCAPES). Actors are written by
// canonical name (by id when the name would not read back as the same actor). Reading the
// output with `known = &t.actors()` gives the same events, whatever their texts hold,
// except what the CSV shape cannot hold, which `csv_losses` counts: the publisher, title
// and date of a source, an empty URL; a place country that differs from the host country
// (one `country` column holds both); a visit's `cities` of one, with an empty one, or
// whose first city is not `place.city`; a visit's host
// among its guests; a CR LF in a text (read as LF). The file holds no actor records (ids,
// kinds, aliases, Wikidata ids, countries, offices) and no dataset block.
//
//   auto doc = diplo::io::read_csv(text, "events.csv", &bundled.actors());
//   diplo::timeline t = diplo::io::build(std::move(doc));
//   std::string again = diplo::io::to_csv(t);

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "diplo/actor.h"
#include "diplo/error.h"
#include "diplo/export.h"
#include "diplo/io/document.h"
#include "diplo/timeline.h"

namespace diplo::io {

/// Every column read_csv knows, in the order to_csv writes them.
/// `id`, `kind` and `start` are required in a header; the rest are optional.
inline constexpr std::string_view csv_columns[] = {
    "id",        "kind",    "status",       "start",   "end",     "city", "country",
    "zone",      "host",    "participants", "parent",  "journey", "name", "series",
    "starts_at", "ends_at", "description",  "sources", "notes"};

/// Reads CSV `text` (one event per row, see the header comment) into a document. `file`
/// names the input in diagnostics. Names are resolved through `known` when given; unknown
/// names become new persons, with a warning each, appended to `*warnings` when
/// `warnings` is not null (at most `max_diagnostics` warnings, then one "... and N more
/// warnings", as for `read_csv_lenient`). Throws `validation_error` ("[diplo.csv] N errors") listing
/// every error (at most `max_diagnostics`, then one "too many errors" line), in file
/// order, then the warnings; nothing is returned then.
///
///   std::vector<diplo::diagnostic> warnings;
///   auto doc = diplo::io::read_csv(text, "events.csv", &registry, &warnings);
///   for (const auto& w : warnings) fmt::print("{}\n", w);
[[nodiscard]] DIPLO_IO_API auto read_csv(std::string_view text, std::string_view file = "<input>",
                                         const actor_registry* known = nullptr,
                                         std::vector<diagnostic>* warnings = nullptr,
                                         const read_limits& limits = {}) -> document;

/// Reads CSV like `read_csv`, but without throwing `validation_error`: every error (at
/// most `max_diagnostics`, then one "too many errors") and every warning (at most
/// `max_diagnostics`, then one "... and N more warnings" at the end) is appended to
/// `problems`, sorted by line and column (`sort_by_position`), and the document holds the
/// rows that read without error. A row with any error is left out whole and listed in
/// `left_out` (by id, when its id is readable); the actors only such rows named are left
/// out too. Throws only std::bad_alloc.
///
///   std::vector<diplo::diagnostic> problems;
///   auto doc = diplo::io::read_csv_lenient(text, "events.csv", &registry, problems);
///   auto report = diplo::io::check(std::move(doc), std::move(problems));
[[nodiscard]] DIPLO_IO_API auto read_csv_lenient(std::string_view text, std::string_view file,
                                                 const actor_registry* known,
                                                 std::vector<diagnostic>& problems,
                                                 const read_limits& limits = {}) -> document;

/// The timeline as CSV: the header `csv_columns`, then one row per event in timeline
/// order, actors by canonical name. Deterministic: the same timeline gives the same bytes.
/// Throws only std::bad_alloc.
///
///   std::ofstream("events.csv") << diplo::io::to_csv(t);
[[nodiscard]] DIPLO_IO_API auto to_csv(const timeline& t) -> std::string;

/// One kind of thing `to_csv` cannot write (see "WHAT CSV HOLDS" above), and how many.
struct csv_loss {
  std::string what;  ///< "aliases", "source publishers", ...
  std::size_t count = 0;

  friend auto operator==(const csv_loss&, const csv_loss&) -> bool = default;
};

/// What a CSV file written by `to_csv(t)` would not hold of `t` and its dataset `info`:
/// one entry per kind of thing with a non-zero count, in a fixed order. Empty when the file
/// holds everything: reading it back with `known = &t.actors()`, or with no registry,
/// gives the same events, actors and ids. `diplo convert` prints it as a warning before
/// it writes a .csv.
/// Throws only std::bad_alloc.
///
///   for (const auto& l : diplo::io::csv_losses(t, info)) fmt::print("{} {}\n", l.count, l.what);
[[nodiscard]] DIPLO_IO_API auto csv_losses(const timeline& t, const dataset_info& info = {})
    -> std::vector<csv_loss>;

}  // namespace diplo::io
