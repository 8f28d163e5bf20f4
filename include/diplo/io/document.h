// SPDX-License-Identifier: MIT
#pragma once

// Documents: what a data file holds, before its events are checked against each other.
//
// Reading a file (diplo/io/json.h, jsonl.h, csv.h, file.h) gives a `document`: the
// dataset's description, the actors it defines, its events, and for every event and
// actor the place in the file it was read from. A reader only checks each record on its
// own: the keys, the types, the dates, the codes. Whether the events fit together
// (actor ids that exist, unique event ids, parents) is decided by `build()`, which hands
// everything to a `timeline_builder` together with the origins, so that those problems,
// too, point back into the file:
//
//   events.json:12:5: error: event "2025-05-09-parade": unknown actor "xi-jinpin"
//
// A typical load of several files:
//
//   diplo::io::document doc = diplo::io::load("actors.json");
//   diplo::io::merge(doc, diplo::io::load("events-2025.jsonl"));
//   diplo::timeline t = diplo::io::build(std::move(doc));      // throws validation_error
//
// and the way back, for writers and converters:
//
//   diplo::io::document d = diplo::io::to_document(t, {.title = "Xi and Putin"});
//
// `merge` joins documents read from several files: events are appended, actors defined
// in both must be equal (the same record read twice is fine; two different records with
// one id are an error naming both places).
//
// CHECKING A FILE. The readers are all or nothing: a file with one bad date throws, and
// nothing is left to check across records. To list every mistake of a file in one go,
// each reader has a lenient form (`read_json_lenient`, `read_jsonl_lenient`,
// `read_csv_lenient`, `load_lenient`) that reports every problem into a vector and returns
// the records that read without error; a record with any error is left out whole, and
// `document::left_out` keeps its id. `check()` then runs the checks across records
// (`timeline_builder::validate()`) on what was read, and returns the reader's problems and
// its own in file order (line, then column):
//
//   std::vector<diplo::diagnostic> problems;
//   auto doc = diplo::io::read_json_lenient(text, "events.json", problems);
//   diplo::io::check_report r = diplo::io::check(std::move(doc), std::move(problems));
//   for (const auto& d : r.diagnostics) fmt::print("{}\n", d);
//
//   events.json:12:15: error: events[0].when: "2023-02-29" at column 9: expected a day ...
//   events.json:26:5: error: event "2024-10-22-kazan-talks": duplicate id
//
// (`diplo::io::check(path)` in diplo/io/file.h does all of it for a file.) A reference to
// a record that was left out is not reported again: an event whose parent record has a bad
// date gets no "unknown parent" error, only the parent's date does; the same for actors.
// When reading stopped early (a JSON syntax error, an unclosed CSV quote, too many
// errors), the rest of the file was not read and the checks across records do not run
// (`check_report::cross_checked` is false), since every reference into the unread part
// would be reported as unknown.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_set>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "diplo/actor.h"
#include "diplo/error.h"
#include "diplo/event.h"
#include "diplo/timeline.h"

namespace diplo::io {

/// The most errors a reader reports before it stops; one last diagnostic then says that
/// there were too many. The same as `diplo::max_diagnostics` (diplo/error.h).
inline constexpr std::size_t max_diagnostics = diplo::max_diagnostics;

/// Bounds on what the readers accept, so that no input, however large or odd, can exhaust
/// memory or time: each reader refuses an input past a bound with one error that names the
/// bound and where it was crossed, e.g.
///
///   events.jsonl:7:1048577: error: line longer than the limit of 1048576 bytes
///   (read_limits::max_line_length)                                <- one line
///
/// The defaults are far beyond any real data set (the bundled Xi-Putin data is 92 KB, the
/// Office of the Historian's XML 5 MB), and every reader, `load`, `load_lenient` and
/// `check` takes them as their last argument. See the section
/// "Limits" of data/FORMAT.md.
///
/// **Example**:
///
///   auto doc = diplo::io::read_jsonl(text, "big.jsonl", {.max_line_length = 64 << 20});
struct read_limits {
  /// The largest input, in bytes: a file (checked before it is read) or a text handed to a
  /// reader. 1 GiB.
  std::uint64_t max_file_size = std::uint64_t{1} << 30;
  /// The longest line of a JSON Lines or CSV input, in bytes, line break not counted (a
  /// CSV field in quotes may span lines; each line counts on its own). 1 MiB. A longer
  /// JSON Lines line is an error and left out; in CSV it ends the reading.
  std::size_t max_line_length = std::size_t{1} << 20;
  /// The deepest nesting of JSON arrays and objects (the format itself needs 5; deeper
  /// values can only be under unknown keys). 64. Past it the reading of the JSON text
  /// stops there.
  std::size_t max_depth = 64;
  /// The most records (actors plus events, or CSV rows) in one input. 10 million; a
  /// timeline holds at most 2^32 - 2 events (its indexes are 32-bit).
  std::size_t max_records = 10'000'000;

  friend auto operator==(const read_limits&, const read_limits&) -> bool = default;
};

/// What a data set says about itself (the JSON "dataset" object). The text fields are
/// copied as read; `coverage` is meant to be an EDTF period and `as_of` an EDTF date (the
/// JSON readers check both). `records` is what the dataset records completely
/// (diplo/coverage.h, the JSON "records"): a reader gives each scope without a period of its
/// own the dataset's `coverage`, and `as_of` as its as-of day; `io::build` declares them to
/// the timeline, and merging documents keeps every source's.
///
/// **Example**:
///
///   diplo::io::dataset_info info{.title = "Xi-Putin meetings", .coverage = "2013/2025"};
///   fmt::format("{}", info)   // "Xi-Putin meetings (2013/2025)"
struct dataset_info {
  std::string title{};
  std::string coverage{};
  std::string as_of{};
  std::string license{};
  std::string description{};
  std::vector<coverage_scope> records{};

  friend auto operator==(const dataset_info&, const dataset_info&) -> bool = default;
};

/// The records a lenient reader (`read_json_lenient`, ...) left out of a document because
/// they had errors (which it reported). `check()` uses the ids so that a reference to such
/// a record is not reported as a reference to nothing. Empty for the strict readers, which
/// throw instead.
///
/// **Example**:
///
///   std::vector<diplo::diagnostic> problems;
///   auto doc = diplo::io::read_json_lenient(text, "events.json", problems);
///   doc.left_out.count;      // 2: two records had errors
///   doc.left_out.event_ids;  // {"2025-05-07-moscow-state-visit"}: one of them an event
struct left_out_records {
  /// How many records were left out (actors and events, named or not).
  std::size_t count = 0;
  /// The ids of the actor records left out, as written; only those whose id could be
  /// read. (A JSON Lines record whose kind could not be read is listed as both.)
  std::vector<std::string> actor_ids{};
  /// The ids of the event records left out, as written; only those whose id could be read.
  std::vector<std::string> event_ids{};
  /// True when reading stopped before the end of the input: a syntax error that ends a
  /// JSON document, an unclosed quote or a bad header in CSV, or more than
  /// `max_diagnostics` errors. What follows was not read at all.
  bool stopped = false;

  friend auto operator==(const left_out_records&, const left_out_records&) -> bool = default;
};

/// What one file (or several merged files) holds: the dataset description, the actors,
/// and the events in file order, each with the place it was read from.
///
/// Invariants kept by the readers and by `merge`: `origins.size() == events.size()`, and
/// `actor_origins.size() == actors.size()` (origins of hand-built documents may be empty
/// or shorter; they are then treated as unknown).
///
/// **Example**:
///
///   diplo::io::document d = diplo::io::read_json(text, "events.json");
///   d.events.size();     // number of event records read
///   d.origins[0];        // {"events.json", 12, 5}: the '{' of the first event
struct document {
  /// The dataset description (empty fields when the file has none).
  dataset_info info{};
  /// The actors defined in the file, in file order.
  actor_registry actors{};
  /// The events, in file order, not yet checked against each other.
  std::vector<event> events{};
  /// Parallel to `events`: where each was read (file, line and column of its '{').
  std::vector<origin> origins{};
  /// Parallel to `actors.actors()`: where each actor was read.
  std::vector<origin> actor_origins{};
  /// The records a lenient reader left out because they had errors (empty otherwise).
  left_out_records left_out{};
};

namespace detail {

inline auto origin_at(const std::vector<origin>& v, std::size_t i) -> origin {
  return i < v.size() ? v[i] : origin{};
}

inline auto place_text(const origin& o) -> std::string {
  if (o.file.empty() && o.line == 0) return "an unknown place";
  if (o.line == 0) return o.file;
  return fmt::format("{}:{}:{}", o.file.empty() ? std::string("<input>") : o.file, o.line, o.column);
}

// Appends the events of `from` (with their origins) to `into`, fills the empty fields of
// `into.info` from `from.info` and joins the left-out lists: what every merge does once the
// actors are settled (io::merge here, io::merge_sources in diplo/io/merge.h).
inline void append_records(document& into, document& from) {
  from.origins.resize(from.events.size());
  into.origins.resize(into.events.size());
  into.events.insert(into.events.end(), std::make_move_iterator(from.events.begin()),
                     std::make_move_iterator(from.events.end()));
  into.origins.insert(into.origins.end(), std::make_move_iterator(from.origins.begin()),
                      std::make_move_iterator(from.origins.end()));
  auto fill = [](std::string& mine, std::string& other) {
    if (mine.empty()) mine = std::move(other);
  };
  fill(into.info.title, from.info.title);
  fill(into.info.coverage, from.info.coverage);
  fill(into.info.as_of, from.info.as_of);
  fill(into.info.license, from.info.license);
  fill(into.info.description, from.info.description);
  for (coverage_scope& c : from.info.records) {
    if (std::find(into.info.records.begin(), into.info.records.end(), c) == into.info.records.end()) {
      into.info.records.push_back(std::move(c));
    }
  }
  into.left_out.count += from.left_out.count;
  into.left_out.actor_ids.insert(into.left_out.actor_ids.end(), from.left_out.actor_ids.begin(),
                                 from.left_out.actor_ids.end());
  into.left_out.event_ids.insert(into.left_out.event_ids.end(), from.left_out.event_ids.begin(),
                                 from.left_out.event_ids.end());
  into.left_out.stopped = into.left_out.stopped || from.left_out.stopped;
}

// Takes out the actors of `doc` past the first `n` (undoing a merge that failed): the
// registry is rebuilt from the first n, which it accepted before.
inline void keep_first_actors(document& doc, std::size_t n) {
  if (doc.actors.size() <= n) return;
  actor_registry kept;
  for (const actor& a : doc.actors.actors().first(n)) kept.add(a);
  doc.actors = std::move(kept);
  doc.actor_origins.resize(n);
}

}  // namespace detail

/// Appends `from` to `into`: its events and their origins after `into`'s, its actors after
/// `into`'s. An actor whose id `into` already has is skipped when both records are equal;
/// when they differ, nothing is changed and `diplo::validation_error` ("[diplo.io] ...")
/// is thrown, with one diagnostic per conflicting actor, at the place `from` defines it
/// and naming the place `into` does:
///
///   b.json:3:5: error: actor "xi-jinping" differs from the one read at a.json:10:5
///
/// `info`: each field of `into.info` that is empty is taken from `from.info`; `left_out`
/// lists are joined. Takes time in proportion to `from` (not to `into`), so that merging
/// many files one after another is linear.
/// Other errors of `actor_registry::add` (not expected for actors a reader accepted) are
/// reported the same way.
///
/// **Example**:
///
///   auto doc = diplo::io::load("actors.json");
///   diplo::io::merge(doc, diplo::io::load("events.jsonl"));
inline void merge(document& into, document from) {
  std::vector<diagnostic> diags;
  std::vector<std::size_t> new_actors;
  const auto theirs = from.actors.actors();
  for (std::size_t i = 0; i < theirs.size(); ++i) {
    const actor& a = theirs[i];
    const origin here = detail::origin_at(from.actor_origins, i);
    if (const actor* mine = into.actors.find(id_of(a))) {
      if (*mine == a) continue;
      const auto ours = into.actors.actors();
      const auto j = static_cast<std::size_t>(mine - ours.data());
      diags.push_back({severity::error, here.file, here.line, here.column,
                       fmt::format("actor \"{}\" differs from the one read at {}", id_of(a),
                                   detail::place_text(detail::origin_at(into.actor_origins, j)))});
    } else {
      new_actors.push_back(i);
    }
  }
  if (!diags.empty()) throw validation_error("io", std::move(diags));

  // Added in place (a copy per merge would make merging many files quadratic); on an
  // error the actors added so far are taken out again, so that `into` is unchanged.
  into.actor_origins.resize(into.actors.size());
  const std::size_t before = into.actors.size();
  try {
    for (std::size_t i : new_actors) {
      const origin here = detail::origin_at(from.actor_origins, i);
      try {
        into.actors.add(theirs[i]);
        into.actor_origins.push_back(here);
      } catch (const error& e) {
        diags.push_back({severity::error, here.file, here.line, here.column, e.what()});
      }
    }
    if (!diags.empty()) throw validation_error("io", std::move(diags));
  } catch (...) {
    detail::keep_first_actors(into, before);
    throw;
  }
  detail::append_records(into, from);
}

/// Checks the document's events against each other and against its actors, and freezes
/// them into a timeline: a `timeline_builder` made from `doc.actors`, every event added
/// with its origin, then `freeze()`. Throws `diplo::validation_error` ("[diplo.timeline]")
/// listing every error, each at the file, line and column its event was read from.
///
/// **Example**:
///
///   diplo::timeline t = diplo::io::build(diplo::io::read_json(text, "events.json"));
[[nodiscard]] inline auto build(document doc) -> timeline {
  timeline_builder b(std::move(doc.actors));
  b.add(std::move(doc.events), std::move(doc.origins));  // the events are not copied
  for (coverage_scope& c : doc.info.records) b.declare(std::move(c));
  return std::move(b).freeze();
}

/// The document a writer writes: the timeline's actors (registry order) and events
/// (timeline order), `info` (with the timeline's coverage when `info.records` is empty), and
/// empty origins. Cannot fail (but copies everything).
///
/// **Example**:
///
///   auto d = diplo::io::to_document(t, {.title = "Xi-Putin meetings"});
///   d.events.size() == t.size()
[[nodiscard]] inline auto to_document(const timeline& t, dataset_info info = {}) -> document {
  document d;
  d.info = std::move(info);
  if (d.info.records.empty()) d.info.records.assign(t.coverage().begin(), t.coverage().end());
  d.actors = t.actors();
  d.events.reserve(t.size());
  for (const event_ref& e : t.events()) d.events.push_back(e.value());
  d.origins.resize(d.events.size());
  d.actor_origins.resize(d.actors.size());
  return d;
}

/// Sorts diagnostics into reading order: by `where` (the file), then line, then column;
/// a diagnostic without a line (about a whole file) comes after those with one, and one
/// without a column (about a whole line) after the others of its line. Stable: diagnostics
/// at one place keep their order.
///
/// **Example**:
///
///   diplo::io::sort_by_position(diags);   // a.json:3:5 before a.json:12:1 before a.json
inline void sort_by_position(std::vector<diagnostic>& diags) {
  auto key = [](const diagnostic& d) {
    constexpr auto last = std::numeric_limits<std::uint32_t>::max();
    return std::tuple(d.line == 0, std::string_view(d.where), d.line == 0 ? last : d.line,
                      d.column == 0 ? last : d.column);
  };
  std::stable_sort(diags.begin(), diags.end(),
                   [&](const diagnostic& a, const diagnostic& b) { return key(a) < key(b); });
}

/// Everything `check()` found in a document: every diagnostic in reading order, and what
/// was read.
///
/// **Example**:
///
///   diplo::io::check_report r = diplo::io::check("events.json");
///   if (!r.ok()) fmt::print("{} errors\n", r.errors());
struct check_report {
  /// The reader's problems and those of the checks across records, in reading order
  /// (`sort_by_position`), at most `max_diagnostics` errors and as many warnings per file
  /// (`cap_diagnostics`: then one line "... and N more errors", which `errors()` counts as N).
  std::vector<diagnostic> diagnostics{};
  /// The events read without error.
  std::size_t events = 0;
  /// The actors read without error (for CSV: the actors the rows read name).
  std::size_t actors = 0;
  /// The records left out because they had errors (see `left_out_records`).
  left_out_records left_out{};
  /// Whether the checks across records ran (not when reading stopped early).
  bool cross_checked = false;

  /// The number of errors `diagnostics` report (`diplo::diagnostic_count`: those left out included).
  [[nodiscard]] auto errors() const noexcept -> std::size_t {
    return diagnostic_count(diagnostics, severity::error);
  }
  /// The number of warnings `diagnostics` report (those left out included).
  [[nodiscard]] auto warnings() const noexcept -> std::size_t {
    return diagnostic_count(diagnostics, severity::warning);
  }
  /// True when there is no error (warnings are fine).
  [[nodiscard]] auto ok() const noexcept -> bool { return errors() == 0; }
};

/// Every problem of a document, without throwing: `problems` (what its lenient reader
/// reported), the names that may mislead (`actor_registry::name_warnings()`: mixed scripts,
/// look-alike and ambiguous names, ids that are another actor's name; warnings), then the
/// checks across records that `build()` makes (`timeline_builder::validate()`: unknown
/// actors and parents, duplicate ids, children outside their parents, cycles, likely
/// duplicates...) and those it does not (`timeline_builder::check_consistency()`: a person
/// in two countries on the same days, a trip away from every office of its guest;
/// warnings), all sorted by `sort_by_position`.
///
/// Records the reader left out (`doc.left_out`) are taken into account: a reference to an
/// actor or event whose record was left out is not reported (its record's own errors
/// are), and an event whose parent was left out is checked as if it had none. When reading
/// stopped early (`left_out.stopped`), the checks across records do not run at all, as
/// every reference into the unread rest would be reported; `cross_checked` says so.
/// More than `max_diagnostics` errors (or warnings) of a file are cut to that many, then
/// one line "... and N more errors" (`cap_diagnostics`). Throws only std::bad_alloc.
///
/// **Example**:
///
///   std::vector<diplo::diagnostic> problems;
///   auto doc = diplo::io::read_jsonl_lenient(text, "events.jsonl", problems);
///   auto report = diplo::io::check(std::move(doc), std::move(problems));
///   for (const auto& d : report.diagnostics) fmt::print("{}\n", d);
[[nodiscard]] inline auto check(document doc, std::vector<diagnostic> problems = {}) -> check_report {
  check_report r;
  r.events = doc.events.size();
  r.actors = doc.actors.size();
  r.left_out = doc.left_out;
  r.diagnostics = std::move(problems);
  // Names that may mislead (actor_registry::name_warnings), at the actors' records.
  for (auto& w : doc.actors.name_warnings()) {
    const origin o = detail::origin_at(doc.actor_origins, w.actor);
    std::string who = fmt::format("actor \"{}\"", id_of(doc.actors.actors()[w.actor]));
    if (o.file.empty() && o.line == 0) {
      r.diagnostics.push_back({severity::warning, std::move(who), 0, 0, std::move(w.message)});
    } else {
      r.diagnostics.push_back(
          {severity::warning, o.file, o.line, o.column, fmt::format("{}: {}", who, w.message)});
    }
  }
  if (!doc.left_out.stopped) {
    r.cross_checked = true;
    // Actors left out: stand-ins, so that events naming them are not reported.
    timeline_builder b(std::move(doc.actors));
    for (const std::string& id : doc.left_out.actor_ids) {
      const actor_id a{id};
      if (id.empty() || b.actors().contains(a)) continue;
      try {
        b.actors().add(person{.id = a, .name = id});
      } catch (const error&) {  // an id that cannot name a person (no letters): reported
      }
    }
    for (coverage_scope& c : doc.info.records) b.declare(std::move(c));
    // Parents left out (and not read elsewhere in the document): checked as if none.
    std::unordered_set<std::string> read_ids;
    for (const event& e : doc.events) read_ids.insert(base(e).id.value());
    const std::unordered_set<std::string> broken(doc.left_out.event_ids.begin(),
                                                 doc.left_out.event_ids.end());
    for (std::size_t i = 0; i < doc.events.size(); ++i) {
      event e = std::move(doc.events[i]);
      std::optional<event_id>& parent = base(e).parent;
      if (parent && !read_ids.contains(parent->value()) && broken.contains(parent->value())) {
        parent.reset();
      }
      b.add(std::move(e), detail::origin_at(doc.origins, i));
    }
    std::vector<diagnostic> found = b.validate();
    r.diagnostics.insert(r.diagnostics.end(), std::make_move_iterator(found.begin()),
                         std::make_move_iterator(found.end()));
    found = b.check_consistency(doc.actor_origins);
    r.diagnostics.insert(r.diagnostics.end(), std::make_move_iterator(found.begin()),
                         std::make_move_iterator(found.end()));
  }
  sort_by_position(r.diagnostics);
  // A reader that stopped has capped its errors itself (and cannot count the rest).
  if (r.cross_checked) cap_diagnostics(r.diagnostics);
  return r;
}

}  // namespace diplo::io

/// Formats a dataset description as its title and coverage: "Xi-Putin meetings
/// (2013/2025)"; either part alone when the other is empty. Fill, alignment and width
/// work as for strings: `fmt::format("{:>30}", info)`.
template <>
struct fmt::formatter<diplo::io::dataset_info> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::io::dataset_info& d, Context& ctx) const -> decltype(ctx.out()) {
    std::string s = d.title;
    if (!d.coverage.empty()) {
      s += s.empty() ? d.coverage : fmt::format(" ({})", d.coverage);
    }
    return fmt::formatter<std::string_view>::format(std::string_view(s), ctx);
  }
};

/// "2 records left out (actors: x; events: a, b)", "reading stopped early" appended when so.
template <>
struct fmt::formatter<diplo::io::left_out_records> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::io::left_out_records& l, Context& ctx) const -> decltype(ctx.out()) {
    std::string s = fmt::format("{} record{} left out", l.count, l.count == 1 ? "" : "s");
    std::string ids;
    if (!l.actor_ids.empty()) ids += fmt::format("actors: {}", fmt::join(l.actor_ids, ", "));
    if (!l.event_ids.empty()) {
      ids += fmt::format("{}events: {}", ids.empty() ? "" : "; ", fmt::join(l.event_ids, ", "));
    }
    if (!ids.empty()) s += fmt::format(" ({})", ids);
    if (l.stopped) s += ", reading stopped early";
    return fmt::formatter<std::string_view>::format(std::string_view(s), ctx);
  }
};

/// "95 events, 27 actors: Xi-Putin meetings (2013/2025)" (the dataset part when it has one).
template <>
struct fmt::formatter<diplo::io::document> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::io::document& d, Context& ctx) const -> decltype(ctx.out()) {
    std::string s = fmt::format("{} event{}, {} actor{}", d.events.size(), d.events.size() == 1 ? "" : "s",
                                d.actors.size(), d.actors.size() == 1 ? "" : "s");
    std::string info = fmt::format("{}", d.info);
    if (!info.empty()) s += fmt::format(": {}", info);
    return fmt::formatter<std::string_view>::format(std::string_view(s), ctx);
  }
};

/// "ok, 95 events, 27 actors" or "3 errors, 1 warning".
template <>
struct fmt::formatter<diplo::io::check_report> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::io::check_report& r, Context& ctx) const -> decltype(ctx.out()) {
    std::string s;
    if (r.errors() == 0 && r.warnings() == 0) {
      s = fmt::format("ok, {} events, {} actors", r.events, r.actors);
    } else {
      s = fmt::format("{} error{}, {} warning{}", r.errors(), r.errors() == 1 ? "" : "s", r.warnings(),
                      r.warnings() == 1 ? "" : "s");
    }
    return fmt::formatter<std::string_view>::format(std::string_view(s), ctx);
  }
};
