// SPDX-License-Identifier: MIT
#pragma once

// Snapshots: a frozen timeline written once and opened again without parsing or
// rebuilding (issue 15). `diplo pack IN OUT.diplo` writes one; `diplo --data OUT.diplo`
// answers from it.
//
//   diplo::io::write_snapshot("world.diplo", t, info);        // once
//   diplo::timeline u = diplo::io::open_snapshot("world.diplo");  // mapped, checked, ready
//
// WHAT IS IN ONE. The timeline's arrays as they are in memory (its columnar event store and
// its indexes, diplo/detail/event_store.h and timeline_index.h), each aligned in the file,
// and a small JSON document with its actors, coverage records and dataset description.
// `open_snapshot` maps the file (read-only; its pages are read when a query first touches
// them) and views the arrays where they lie: nothing is parsed or copied but the actors.
// The timeline it returns keeps the mapping while it, a copy of it, or an answer or
// `event_ref` from it lives. Queries answer exactly as on the timeline that was written.
//
// WHAT IS CHECKED ON OPEN. A snapshot is a file like any other: it may be truncated,
// corrupt, of another version, or made to harm. Before a query can read it, open checks
// the header (the magic "DIPLOSNP", the format version, the byte-order mark: snapshots are
// read on machines of the byte order that wrote them, the file's size), a 64-bit checksum of
// everything after the header, and then every array's bounds and every number that is used
// to reach into another array (list offsets, event, actor and string numbers, hash tables'
// emptiness, the day tree's links, each date's fields). A file that fails any of it is a
// `diplo::error` "[diplo.snapshot] FILE: what is wrong" — never a crash, never a timeline
// half-opened. A checksum that matches does not vouch for a file made to harm; the checks
// of the numbers do, so that such a file may give odd answers but cannot read out of bounds.
//
// FORMAT, version 2 (all integers in the writer's byte order; docs/performance.md measures it):
//   bytes 0-63     header: "DIPLOSNP", u32 version, u32 byte-order mark 0x01020304,
//                  u64 file size, u64 checksum of bytes 64.., u32 number of arrays
//   then           a table of arrays: per array u64 offset, u64 count, u32 item size, u32 0
//   then           the arrays, each at an offset that is a multiple of 64
// Snapshots are a cache, not an archive: diplo reads the version it writes; pack again
// from the JSON (or JSON Lines) file after an upgrade.

#include <filesystem>
#include <string>
#include <string_view>

#include "diplo/export.h"
#include "diplo/io/document.h"
#include "diplo/timeline.h"

namespace diplo::io {

/// The bytes of the snapshot of `t` with `info` (its dataset description).
[[nodiscard]] DIPLO_IO_API auto to_snapshot(const timeline& t, const dataset_info& info = {}) -> std::string;

/// Writes the snapshot of `t` to `path` atomically (write_file_atomic in diplo/io/file.h).
DIPLO_IO_API void write_snapshot(const std::filesystem::path& path, const timeline& t,
                                 const dataset_info& info = {});

/// The timeline of the snapshot file at `path`, mapped and checked (see the header
/// essay); its dataset description in `*info` when `info` is not null. Throws
/// diplo::error ("[diplo.snapshot]", or "[diplo.io]" when it cannot be read).
[[nodiscard]] DIPLO_IO_API auto open_snapshot(const std::filesystem::path& path, dataset_info* info = nullptr)
    -> timeline;

/// The timeline of snapshot bytes (copied), checked as `open_snapshot` checks a file;
/// `file` names them in errors.
[[nodiscard]] DIPLO_IO_API auto read_snapshot(std::string_view bytes, std::string_view file = "<input>",
                                              dataset_info* info = nullptr) -> timeline;

/// Whether `path` names a snapshot by its extension (".diplo", in any case).
[[nodiscard]] DIPLO_IO_API auto is_snapshot_path(const std::filesystem::path& path) -> bool;

/// Writes into `bytes` (a snapshot's, changed by hand) the checksum of its content, so that
/// a test or a fuzzer reaches the checks behind the checksum. Does nothing to fewer than
/// 64 bytes. Not needed to write a snapshot: `to_snapshot` seals what it writes.
DIPLO_IO_API void reseal_snapshot(std::string& bytes) noexcept;

}  // namespace diplo::io
