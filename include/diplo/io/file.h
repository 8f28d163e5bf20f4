// SPDX-License-Identifier: MIT
#pragma once

// Files: reading and writing diplo data by file name.
//
// The format follows the extension, in any case: ".json" (diplo/io/json.h), ".jsonl" or
// ".ndjson" (diplo/io/jsonl.h), ".csv" (diplo/io/csv.h).
//
//   diplo::io::document doc = diplo::io::load("data/xi-putin.json");
//   diplo::timeline t = diplo::io::build(std::move(doc));
//   diplo::io::save("out/xi-putin.jsonl", t, {.title = "Xi and Putin"});
//
// SAVING IS ATOMIC. `save` and `write_file_atomic` write a temporary file next to the
// target (same directory, so the same file system), flush it to disk (fsync), and rename
// it over the target. Readers see the old file or the new one, never half of one; after
// a crash the target is intact. On any failure the temporary file is removed, the target
// is left as it was, and a `diplo::error` says what failed:
//
//   [diplo.io] cannot write "out/t.json": No such file or directory
//
// The new file gets the permissions, owner and group of the file it replaces, or 0666
// minus the umask. What `cp` would not overwrite is refused: a file its user may not
// write (a 0444 file in a writable folder: "Permission denied"), and a file with more
// than one hard link, which replacing would break ("it has 2 hard links, ..."); so is a
// file whose owner or group the user may not give the new file. Symbolic links are
// followed and kept: the file a (chain of) link(s) ends at is replaced, through a
// temporary file in that file's folder, and is made if it does not exist. The temporary
// name (".<name>.tmp-<pid>-<n>-<time>") is shortened to fit the folder's limit on names,
// so a 255-byte name can be written.
//
// FILE-SIZE LIMITS. Content larger than the file-size limit (RLIMIT_FSIZE, `ulimit -f`)
// is refused before anything is written ("File too large"), so the library never raises
// SIGXFSZ itself and callers need not ignore it (the library leaves signal dispositions
// alone). A process that also writes other files (or stdout) under such a limit should
// ignore SIGXFSZ, as the diplo tool does, so that those writes fail with EFBIG instead
// of ending the process.
//
// CHECKING. `check` lists every problem of a file in one go, as `diplo validate` prints
// them: the reader's (bad dates, wrong types, unknown keys...) and those of the checks
// across records (unknown actors, duplicate ids, unknown parents...) on the records that
// read without error, sorted by line and column (see "CHECKING A FILE" in
// diplo/io/document.h):
//
//   diplo::io::check_report r = diplo::io::check("events.json");
//   for (const auto& d : r.diagnostics) fmt::print("{}\n", d);
//   // events.json:12:15: error: events[0].when: "2023-02-29" at column 9: expected ...
//   // events.json:21:5: error: event "2024-10-22-kazan-talks": duplicate id

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "diplo/actor.h"
#include "diplo/error.h"
#include "diplo/export.h"
#include "diplo/io/document.h"
#include "diplo/timeline.h"

namespace diplo::io {

/// The whole content of a file, as bytes. Only regular files are read (a symbolic link
/// is followed, and must lead to one): a FIFO, a device (such as /dev/zero or /dev/stdin
/// on a terminal), a socket is refused before it is opened or read, with
/// `[diplo.io] cannot read "x": not a regular file (a FIFO)` ("a character device", "a
/// block device", "a socket"), so that reading never waits for a writer nor runs without
/// end. Every reader of diplo::io and the importers read through this function. Throws
/// `diplo::error` `[diplo.io] cannot read "x": No such file or directory` (the system's
/// reason) when the file cannot be opened or read (a directory is "Is a directory"), and
/// `[diplo.io] cannot read "x": the file is larger than the limit of 1073741824 bytes
/// (read_limits::max_file_size)` when it holds more than `max_size` bytes (refused by its
/// size before anything is read, so a sparse file of a terabyte costs nothing; a file
/// that grows past the limit while it is read is refused when it does).
/// Like the readers, it reports a failed allocation as `diplo::error`
/// `[diplo.io] out of memory reading "x"`.
///
/// **Example**:
///
///   std::string text = diplo::io::read_text_file("data/events.json");
[[nodiscard]] DIPLO_IO_API auto read_text_file(const std::filesystem::path& path,
                                               std::uint64_t max_size = read_limits{}.max_file_size)
    -> std::string;

/// Replaces the file at `path` with `content` atomically (see the header essay): a
/// temporary file in the same directory, written, fsync'ed and renamed over `path`. On
/// any failure the temporary file is removed, an existing file at `path` is untouched,
/// and `diplo::error` is thrown: `[diplo.io] cannot write "x": <reason>`, e.g. when the
/// directory does not exist, a parent is a file, the disk is full, the content passes
/// the file-size limit ("File too large"), `path` is a directory, a file its user may not
/// write ("Permission denied") or a file with several hard links. A symbolic link is
/// followed (the file it points to is replaced; the link stays).
///
/// **Example**:
///
///   diplo::io::write_file_atomic("out/events.json", diplo::io::to_json(t));
DIPLO_IO_API void write_file_atomic(const std::filesystem::path& path, std::string_view content);

/// The file formats diplo reads and writes.
enum class format : std::uint8_t { json, jsonl, csv };

/// "json", "jsonl" or "csv".
[[nodiscard]] constexpr auto name(format f) noexcept -> std::string_view {
  switch (f) {
    case format::json: return "json";
    case format::jsonl: return "jsonl";
    case format::csv: return "csv";
  }
  return "?";
}

/// The format a file name says, by its extension in any case: ".json", ".jsonl" (or
/// ".ndjson"), ".csv". Throws `diplo::error` for anything else:
/// `[diplo.io] "notes.txt": unknown file format ".txt" (expected .json, .jsonl, .ndjson
/// or .csv)`.
///
/// **Example**:
///
///   diplo::io::format_of("EVENTS.JSONL") == diplo::io::format::jsonl
[[nodiscard]] DIPLO_IO_API auto format_of(const std::filesystem::path& path) -> format;

/// Reads and parses a file by its extension (`format_of`). Diagnostics name the file as
/// `path` is written. `known` resolves the names of a CSV file (see diplo/io/csv.h); JSON
/// and JSON Lines ignore it. Throws `diplo::error` when the file cannot be read, is larger
/// than `limits.max_file_size` or its format is unknown, and `diplo::validation_error`
/// when its content is invalid (or passes another of `limits`).
///
/// **Example**:
///
///   auto doc = diplo::io::load("events.csv", &bundled.actors());
[[nodiscard]] DIPLO_IO_API auto load(const std::filesystem::path& path, const actor_registry* known = nullptr,
                                     const read_limits& limits = {}) -> document;

/// Reads and parses a file by its extension like `load`, but leniently
/// (`read_json_lenient`, `read_jsonl_lenient`, `read_csv_lenient`): every problem of its
/// content, errors and warnings, is appended to `problems`, and the document holds the
/// records that read without error (`left_out` lists the others). Throws `diplo::error`
/// only when the file cannot be read, is larger than `limits.max_file_size` or its format
/// is unknown.
///
/// **Example**:
///
///   std::vector<diplo::diagnostic> problems;
///   auto doc = diplo::io::load_lenient("events.csv", &bundled.actors(), problems);
[[nodiscard]] DIPLO_IO_API auto load_lenient(const std::filesystem::path& path, const actor_registry* known,
                                             std::vector<diagnostic>& problems,
                                             const read_limits& limits = {}) -> document;

/// Every problem of `text`, read as format `f` and named `file` in diagnostics: the lenient
/// reader's problems and the checks across records on what it read (`check(document,
/// problems)` in diplo/io/document.h), sorted by line and column. `known` resolves CSV
/// names. Throws only std::bad_alloc.
///
/// **Example**:
///
///   auto r = diplo::io::check(text, "events.jsonl", diplo::io::format::jsonl);
///   r.ok()   // no errors
[[nodiscard]] DIPLO_IO_API auto check(std::string_view text, std::string_view file, format f,
                                      const actor_registry* known = nullptr, const read_limits& limits = {})
    -> check_report;

/// Every problem of a file, by its extension (`format_of`), as `check(text, file, f,
/// known)` gives them; diagnostics name the file as `path` is written. Throws
/// `diplo::error` only when the file cannot be read, is larger than `limits.max_file_size`
/// or its format is unknown.
///
/// **Example**:
///
///   diplo::io::check_report r = diplo::io::check("events.json");
///   for (const auto& d : r.diagnostics) fmt::print("{}\n", d);
///   fmt::print("{} errors, {} warnings\n", r.errors(), r.warnings());
[[nodiscard]] DIPLO_IO_API auto check(const std::filesystem::path& path,
                                      const actor_registry* known = nullptr, const read_limits& limits = {})
    -> check_report;

/// Writes a timeline to a file in the format its extension says, atomically
/// (`write_file_atomic`). `info` becomes the JSON "dataset" object or the JSON Lines
/// header; CSV has no place for it and ignores it. Throws `diplo::error` as
/// `format_of` and `write_file_atomic` do.
///
/// **Example**:
///
///   diplo::io::save("xi-putin.json", t, {.title = "Xi and Putin", .license = "CC0-1.0"});
DIPLO_IO_API void save(const std::filesystem::path& path, const timeline& t, const dataset_info& info = {});

}  // namespace diplo::io

/// Formats a file format by name ("jsonl"); fill, alignment and width as for strings.
template <>
struct fmt::formatter<diplo::io::format> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(diplo::io::format f, Context& ctx) const -> decltype(ctx.out()) {
    return fmt::formatter<std::string_view>::format(diplo::io::name(f), ctx);
  }
};
