// SPDX-License-Identifier: MIT
#pragma once

// JSON Lines: the bulk, streamable form of diplo's data (data/FORMAT.md).
//
// One JSON object per line. The first line may be a header with the format version and
// the dataset description; every other line is one actor record (kind "person" or
// "organisation") or one event record (kind "visit", "summit", "meeting" or
// "ceremony"), with exactly the keys of the JSON form (diplo/io/json.h):
//
//   {"diplo": 1, "dataset": {"title": "Xi and Putin"}}
//   {"id": "xi-jinping", "kind": "person", "name": "Xi Jinping", "aliases": ["习近平"]}
//   {"id": "vladimir-putin", "kind": "person", "name": "Vladimir Putin"}
//   {"id": "2019-06-05-moscow", "kind": "visit", "when": "2019-06-05/2019-06-07", ...}
//
// READING. Blank lines are skipped. Each line is read on its own, so a broken line is
// reported and the other lines are still checked. Diagnostics give the physical line
// and the byte column inside it, and the key path inside the record:
//
//   events.jsonl:3:52: error: when: "2023-02-29" at column 9: expected a day of February
//   2023 (01-28)                                                  <- one line
//
// As with JSON, every problem is collected (up to `max_diagnostics`) and thrown as one
// `validation_error` ("[diplo.jsonl]"); there are no partial results. A header after the
// first record, or a second header, is an error; a header without `"diplo": 1` too.
// `read_jsonl_lenient` gives the partial result instead: every problem appended to a
// vector, and the records that read without error (a bad line is left out whole and
// listed in `document::left_out`; the other lines are read as usual), for
// `diplo::io::check` (diplo/io/document.h).
//
// LIMITS (`read_limits`, diplo/io/document.h): a line longer than `max_line_length`
// (1 MiB) is an error and left out, without being parsed; a line nested deeper than
// `max_depth` (64) too; a text longer than `max_file_size` (1 GiB) is not read, and the
// record after `max_records` (10 million) ends the reading. Each error names its limit.
//
// WRITING. `to_jsonl` writes the header, then the actors in registry order, then the
// events in timeline order, one record per line, keys in canonical order, with the
// separators ", " and ": " and nothing else between tokens; a final newline.

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "diplo/error.h"
#include "diplo/export.h"
#include "diplo/io/document.h"
#include "diplo/timeline.h"

namespace diplo::io {

/// Reads JSON Lines (data/FORMAT.md). `file` names the input in diagnostics.
/// Throws `diplo::validation_error` ("[diplo.jsonl] N errors") listing every problem
/// found (at most `max_diagnostics`, then one "too many errors" line).
///
/// **Example**:
///
///   auto doc = diplo::io::read_jsonl("{\"diplo\": 1}\n{\"id\": \"un\", \"kind\": "
///                                    "\"organisation\", \"name\": \"United Nations\"}\n");
///   doc.actors.size() == 1
[[nodiscard]] DIPLO_IO_API auto read_jsonl(std::string_view text, std::string_view file = "<input>",
                                           const read_limits& limits = {}) -> document;

/// Reads JSON Lines like `read_jsonl`, but without throwing `validation_error`: every
/// problem (at most `max_diagnostics` errors, then one "too many errors") is appended to
/// `problems` in the order found, and the document holds the records that read without
/// error. A line with any error is left out whole and listed in `left_out` (by id, when
/// its id could be read; as an actor and an event when its kind could not be read).
/// Throws only std::bad_alloc.
///
/// **Example**:
///
///   std::vector<diplo::diagnostic> problems;
///   auto doc = diplo::io::read_jsonl_lenient(text, "events.jsonl", problems);
///   doc.left_out.count == 0 && problems.empty()   // the file is fine
[[nodiscard]] DIPLO_IO_API auto read_jsonl_lenient(std::string_view text, std::string_view file,
                                                   std::vector<diagnostic>& problems,
                                                   const read_limits& limits = {}) -> document;

/// The JSON Lines text of a timeline: the header `{"diplo": 1, "dataset": {...}}` (the
/// dataset left out when `info` is all empty), the actors, the events. Cannot fail.
///
/// **Example**:
///
///   std::string lines = diplo::io::to_jsonl(t);
[[nodiscard]] DIPLO_IO_API auto to_jsonl(const timeline& t, const dataset_info& info = {}) -> std::string;

/// Writes the text of `to_jsonl(t, info)` to `out` a megabyte at a time, never holding it
/// all: for exports larger than memory allows twice. Throws `diplo::error`
/// ("[diplo.io] cannot write ...") when the stream fails; what was written stays written
/// (use `save` for a file that is replaced whole or not at all).
///
///   std::ofstream f("world.jsonl", std::ios::binary);
///   diplo::io::write_jsonl(f, t);
DIPLO_IO_API void write_jsonl(std::ostream& out, const timeline& t, const dataset_info& info = {});

}  // namespace diplo::io
