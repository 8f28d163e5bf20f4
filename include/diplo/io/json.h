// SPDX-License-Identifier: MIT
#pragma once

// JSON: diplo's canonical file format (data/FORMAT.md is the specification).
//
// One JSON object holds everything: the format version, a description of the dataset,
// the actors and the events.
//
//   {
//     "diplo": 1,
//     "dataset": {
//       "title": "Xi and Putin",
//       "coverage": "2013/2025"
//     },
//     "actors": [
//       {
//         "id": "xi-jinping",
//         "kind": "person",
//         "name": "Xi Jinping",
//         "aliases": ["习近平"]
//       }
//     ],
//     "events": [
//       {
//         "id": "2023-03-20-moscow-state-visit",
//         "kind": "visit",
//         "when": "2023-03-20/2023-03-22",
//         "place": {"city": "Moscow", "country": "RU", "zone": "Europe/Moscow"},
//         "guests": ["xi-jinping"],
//         "host_country": "RU",
//         "host": "vladimir-putin",
//         "level": "state"
//       }
//     ]
//   }
//
// READING. `read_json` checks every record on its own and collects every problem (up to
// `max_diagnostics`) before it throws one `validation_error` ("[diplo.json]"); it never
// returns half a document. Each problem points at the offending value (or key) with its
// JSON path, the line and the byte column (1-based):
//
//   events.json:12:15: error: events[3].when: "2023-02-29" at column 9: expected a day of
//   February 2023 (01-28)                                         <- one line
//   events.json:20:7: error: events[4]: unknown key "hots"
//   events.json:31:5: error: events[5]: duplicate key "when"
//
// Unknown keys, duplicate keys, wrong types, unknown kinds/statuses/levels/modes, bad
// EDTF dates, bad country codes and bad instants are errors; so are a missing or other
// `"diplo"` version, invalid UTF-8 and broken JSON (a syntax error stops the reading at
// that place; the problems found before it are reported with it). Whether the events fit
// together (unknown actor ids, duplicate event ids, parents) is checked later by
// `diplo::io::build` (diplo/io/document.h). The parser is simdjson (On Demand).
//
// `read_json_lenient` reads the same way but does not throw: it appends every problem to a
// vector and returns the records that read without error. A record with any error is left
// out whole (its id goes to `document::left_out`), so the records after a bad one are
// still read, and `diplo::io::check` can run the checks across records on what was read.
// A syntax error still ends the reading there (`left_out.stopped`).
//
// LIMITS. A text longer than `read_limits::max_file_size` (1 GiB) is not read; nesting of
// arrays and objects deeper than `max_depth` (64, the root included) and more than
// `max_records` actors and events (10 million) stop the reading there, each with an error
// that names the limit (see `read_limits` in diplo/io/document.h and "Limits" in
// data/FORMAT.md):
//
//   events.json:1:82: error: nesting deeper than the limit of 64 arrays and objects
//   (read_limits::max_depth)                                      <- one line
//
// WRITING. `to_json` writes the canonical form: reading it back and writing again gives
// the same bytes. UTF-8, LF line ends, two-space indentation, `"diplo": 1` first, keys in
// the order of FORMAT.md, actors in registry order, events in timeline order, keys that
// hold their default (status "occurred", level "unspecified", mode "in_person") or are
// empty left out, and a final newline. Layout: the document, "dataset" and every actor
// and event record are written one key per line; arrays of strings on one line; arrays of
// objects one element per line; the small objects "place" and each element of "offices"
// and "sources" on one line (`{"city": "Moscow", "country": "RU"}`), however long. This
// is also the layout of scripts/make-xi-putin-dataset, so data/xi-putin.json reads and
// writes back unchanged. (The FORMAT.md example, with some records on one line and a
// hand-wrapped source, is illustrative; it reads fine but is not written that way.)
// Strings are escaped minimally: `"`, `\` and control characters (\b \f \n \r \t,
// others as \u00XX); non-ASCII is written as is. Instants are `YYYY-MM-DDTHH:MM:SSZ`.

#include <string>
#include <string_view>
#include <vector>

#include "diplo/error.h"
#include "diplo/export.h"
#include "diplo/io/document.h"
#include "diplo/timeline.h"

namespace diplo::io {

/// Reads a JSON document (data/FORMAT.md). `file` names the input in diagnostics.
/// Throws `diplo::validation_error` ("[diplo.json] N errors") listing every problem found
/// (at most `max_diagnostics`, then one "too many errors" line), each as
/// "file:line:column: error: path: message".
///
/// **Example**:
///
///   auto doc = diplo::io::read_json(R"({"diplo": 1, "events": []})", "empty.json");
///   diplo::timeline t = diplo::io::build(std::move(doc));
[[nodiscard]] DIPLO_IO_API auto read_json(std::string_view text, std::string_view file = "<input>",
                                          const read_limits& limits = {}) -> document;

/// Reads a JSON document like `read_json`, but without throwing `validation_error`:
/// every problem (at most `max_diagnostics` errors, then one "too many errors") is
/// appended to `problems` in the order found, and the document holds the actors and events
/// that read without error. A record with any error is left out whole and listed in
/// `left_out` (by id, when its id could be read); `left_out.stopped` is set when a syntax
/// error (or the error limit) ended the reading. `problems` is only appended to. Throws
/// only std::bad_alloc.
///
/// **Example**:
///
///   std::vector<diplo::diagnostic> problems;
///   auto doc = diplo::io::read_json_lenient(text, "events.json", problems);
///   auto report = diplo::io::check(std::move(doc), std::move(problems));
[[nodiscard]] DIPLO_IO_API auto read_json_lenient(std::string_view text, std::string_view file,
                                                  std::vector<diagnostic>& problems,
                                                  const read_limits& limits = {}) -> document;

/// The canonical JSON text of a timeline (see the header essay), with `info` as the
/// "dataset" object (left out when all its fields are empty). Cannot fail.
///
/// **Example**:
///
///   std::string text = diplo::io::to_json(t, {.title = "Xi and Putin"});
///   diplo::io::to_json(diplo::io::build(diplo::io::read_json(text))) == text
[[nodiscard]] DIPLO_IO_API auto to_json(const timeline& t, const dataset_info& info = {}) -> std::string;

}  // namespace diplo::io
