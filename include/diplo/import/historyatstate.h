// SPDX-License-Identifier: MIT
#pragma once

// Importing the U.S. Office of the Historian's visits and travels (history.state.gov).
//
// The Office of the Historian publishes, in the public domain (CC0), three lists that
// diplo can read as events:
//
//   visits/*.xml                          visits of foreign leaders to the United States
//                                         (3,264 records, 1874-2024)
//   travels/president-travels/*.xml       trips abroad of U.S. presidents (832 records)
//   travels/secretary-travels/*.xml       trips abroad of secretaries of state (3,439)
//
// `import_historyatstate(dir)` reads them all from a folder as the Office publishes it
// (its repositories HistoryAtState/visits and HistoryAtState/travels side by side: visits/
// and travels/; `data/historyatstate` of this repository is one) and returns a document of
// `visit` events ready for `io::build`, together with a report of everything it had to
// decide. What the import knows beyond the XML, its curated tables, ships inside diplo
// (THE CURATED TABLES, below). Nothing is dropped silently: every record becomes an event, or is merged into
// another (both are then cited as sources of the one event), or is rejected with a
// reason. The report proves it: for each dataset, read == events + merged + rejected.
//
//   auto r = diplo::import::import_historyatstate(DIPLO_SOURCE_DIR "/data/historyatstate");
//   fmt::print("{}\n", r.report);                        // counts, then the lists
//   diplo::timeline t = diplo::io::build(std::move(r.doc));
//   diplo::count_visits(t, {.guest_country = "DE", .from = ..., .to = ...});
//
// VISITS OF FOREIGN LEADERS. Each record is a visit to the United States: host_country
// and place.country are US. The place's city is "Washington" unless the description names
// another place and not Washington (then it is left empty; the description is kept):
// the Office lists visits received by the President, and the README says the Washington
// part is what it records. The free-text <visitor> is split into guests: "President X and
// Prime Minister Y" is two guests; "Premier and Prince Sihanouk" one guest with two titles.
// Each guest's leading titles come off through `curation/titles.csv` ("Prime Minister",
// "Amir" -> Emir, "President- elect" -> President-elect, ...); the first becomes an office
// on the person for the days of that visit, in the country of the record, so that
// `visit_filter::guest_country` counts the visit for the state the guest represented.
// The level comes from the description through `curation/levels.csv`: the phrase found
// first wins; "Official Working Visit" (a U.S. protocol level between official and working)
// maps to `working` and keeps its words in the description; no phrase -> unspecified.
//
// COUNTRIES. `from/@id` and `country/@id` are slugs; `curation/countries.csv` maps each to
// an ISO 3166 code, by date and, where needed, by the country's name in the record: `russia`
// is SU before 1991-12-26 and RU from then on; `china` is TW before 1949-10-01 (and whenever
// the record says "China, Republic of"), CN after; `serbia` and `kosovo` go YU -> CS -> RS
// (-> XK from 2008-02-17). Renamings of one state (Burma, Upper Volta, Dahomey, Zaire,
// Swaziland, Turkey) keep the current code. A slug with no row, or a row with no code
// (the Kingdom of Hawaii), rejects the record with the row's note as the reason.
//
// PEOPLE. One person is one actor however the records spell them. Names are compared folded
// (diplo::detail::fold: case, accents, hyphens and dots do not matter), then through the
// curated `curation/aliases.csv` (variant -> canonical, optionally only for one country,
// title or date range: "Binyamin Netanyahu" -> "Benjamin Netanyahu", the two Konstantinos
// Karamanlis told apart by date). A name whose words all appear, in order, in exactly one
// other name of the same country ("Merkel", "Lula da Silva") is that person; when they appear
// in several, the name stays its own actor and is listed in `unresolved_names`. Nothing about
// particular people is written in the code. Presidents are named as in presidents.xml and get
// an office "President" of US for every term listed there, and an office "President-elect"
// of US for the days of each trip whose remarks say "[Visit made as President-elect.]" (17
// records: Hoover's goodwill tour of Latin America, Taft in Panama, Eisenhower in Korea,
// Reagan in Ciudad Juarez...). Secretaries of state get an office "Secretary of State" of US from their first
// to their last recorded trip (the data has no terms for them; every secretary here served
// one tenure, which contains that span).
//
// TRIPS AND JOURNEYS. A travels record is one stop in one country: it becomes one `visit`
// of the traveller to that country (place.city = the first city of <locale>, `cities` all of
// them, split on commas, semicolons and "and"). Consecutive stops of one traveller make one
// JOURNEY when each starts at most one day after the journey so far ends. The model has no
// journey kind, and a parent event cannot hold them: `visits()` counts a parent event as a
// trip to its own country, so a parent would add a trip that never happened and would make
// the stops (in other countries) separate trips anyway. So the stops stay separate,
// parentless events, which keeps "how many countries, how many times" exact through
// `visits()`, and the journeys are returned beside the document in `import_result::journeys`
// (id, traveller, days, stops). Each stop names its journey in `event_base::journey`
// ("hist-journey-president-obama-barack-2009-03-31"), so the journeys survive a round trip
// through any of diplo's file formats.
//
// DUPLICATES. Two records of one traveller with the same dates and country are one event:
// exact copies (Blinken 3992/4019) are merged citing both records; records differing only in
// their remarks or locale (Biden 4118/4119, Shultz 2121/2123) are merged keeping both remarks
// (joined by " / ") and every city. Each merge is listed in `duplicates` with how it was done.
// Stops of one traveller whose days overlap (not merged: different countries, or different
// dates) are listed in `overlapping_stops`.
//
// SOURCES AND IDS. Every event cites its records: publisher "Office of the Historian", title
// "<dataset> record <id>" ("visits record 2991", "president travels record 2961") and the page of
// history.state.gov that lists it: departmenthistory/visits/<year> for visits,
// departmenthistory/travels/president/<who> and .../secretary/<who> for trips (the page
// shapes of the Office's hsg-shell application). Event ids are `hist-visit-2991`,
// `hist-trip-president-2961`, `hist-trip-secretary-3992`: ids are unique only within a
// dataset, so the dataset is part of the id.
// A person's id is the slug of their name (diplo/detail/slug.h, the rule diplo's CSV
// reader follows too): "Barack Obama" -> "barack-obama", "Jonas Gahr Støre" ->
// "jonas-gahr-støre". When another person already has it, the id gets the country slug of
// the visit (a visitor) or the traveller's `@who` (a U.S. traveller) appended, then -2, -3...
//
// THE CURATED TABLES (countries.csv, titles.csv, levels.csv, aliases.csv) are diplo's
// knowledge of the Office's data, not part of it: they are kept, with their evidence, in
// data/historyatstate/curation/ of diplo's repository and embedded in the library at build
// time (`historyatstate_curation()` returns them), so an installed diplo imports the folder
// as the Office publishes it. A user may add rows to them, or override theirs, with tables
// of the same names and columns in up to two folders: `historyatstate_options::curation`
// (the CLI's --curation DIR) and `dir/curation/`. Every file is optional; a folder holds
// any of the four, and a ".csv" there that is none of them is an error (a misspelt name is
// not ignored). Each table is read as ONE table made of the rows of the options' folder,
// then those of dir/curation/, then the embedded rows, so a user's row comes first, and
// wherever the rules above let the first matching row win, the user's row wins:
//   countries.csv   the first row matching the slug (rows naming the country's text before
//                   rows without, in each source) and the day: a user's row for `hawaii`
//                   with code US imports the records the embedded row rejects;
//   aliases.csv     the first row matching the variant (and its country, title and dates):
//                   a user's row with no canonical keeps a variant its own person;
//   titles.csv      the longest prefix, then the first row: a user's row for "President"
//                   with another office changes that office; a longer prefix is a new title;
//   levels.csv      the phrase found earliest, the longest there, then the first row.
// A row matching what no embedded row matches adds to the table. Rows are never deleted:
// an override says what to do instead (an empty country code rejects, an empty canonical
// keeps the name, level `unspecified` ignores a phrase).
// Each table is CSV as diplo's CSV reader reads it (diplo/detail/csv_lexer.h: a quoted cell
// may hold commas, line breaks and "" for '"'), with '#' comment lines; the first other line
// is the header, which must name the embedded table's columns (a user's table too, so that
// columns cannot be silently swapped). Cells are trimmed and their runs of white space made
// one space. A syntax error, another header, a bad date, code or level throws diplo::error
// naming file:line:column: the file's path as given for a user's table ("my-tables/
// countries.csv:12:3"), "<embedded>/curation/countries.csv:12:3" for an embedded one.

#include <array>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "diplo/actor.h"
#include "diplo/event.h"
#include "diplo/export.h"
#include "diplo/id.h"
#include "diplo/io/document.h"
#include "diplo/period.h"
#include "diplo/timeline.h"

namespace diplo::import {

/// The three datasets of the Office of the Historian.
enum class dataset : unsigned char { visits, president_trips, secretary_trips };

/// "visits", "president travels", "secretary travels".
[[nodiscard]] constexpr auto name(dataset d) noexcept -> std::string_view {
  switch (d) {
    case dataset::visits: return "visits";
    case dataset::president_trips: return "president travels";
    case dataset::secretary_trips: return "secretary travels";
  }
  return "?";
}

/// One record of one dataset, and where it was read.
/// Example: `{dataset::secretary_trips, "3992", {"travels/secretary-travels/blinken-antony-j.xml", 17, 5}}`
struct record_ref {
  import::dataset dataset = dataset::visits;
  std::string id{};
  origin where{};

  friend auto operator==(const record_ref&, const record_ref&) -> bool = default;
};

/// How a duplicate was merged.
enum class merge_kind : unsigned char {
  /// Every field but the id is the same.
  exact_copy,
  /// Same traveller, same dates, same country; remarks or locale differ.
  same_traveller_dates_country,
};

/// "exact copy", "same traveller, dates and country".
[[nodiscard]] constexpr auto name(merge_kind k) noexcept -> std::string_view {
  return k == merge_kind::exact_copy ? "exact copy" : "same traveller, dates and country";
}

/// A record merged into the event of another: `kept` made the event, `merged` was folded
/// into it (and is cited as its second source). `how` says what was kept of each.
struct merged {
  record_ref kept{};
  record_ref merged{};
  merge_kind kind = merge_kind::exact_copy;
  std::string how{};
};

/// A record that made no event, and why ("no ISO 3166 code for hawaii: ...", "bad date ...").
struct rejected {
  record_ref record{};
  std::string reason{};
};

/// A remark about a record: a name whose identity could not be resolved, and so on.
struct note {
  record_ref record{};
  std::string text{};
};

/// Two stops of one traveller whose days overlap (both kept as events).
struct overlap {
  record_ref first{};
  record_ref second{};
  /// Days both cover (>= 1).
  date::days days{0};
};

/// Per dataset: records read, events made, records merged into another event, records
/// rejected. Invariant: read == events + merged + rejected.
struct dataset_count {
  std::size_t read = 0;
  std::size_t events = 0;
  std::size_t merged = 0;
  std::size_t rejected = 0;

  friend auto operator==(const dataset_count&, const dataset_count&) -> bool = default;
};

/// What the import did, and every decision that a reader of the data should check.
struct import_report {
  /// Indexed by `dataset` (visits, president trips, secretary trips).
  std::array<dataset_count, 3> counts{};
  /// Duplicates merged into one event (each citing both records).
  std::vector<merged> duplicates{};
  /// Records that made no event, with the reason.
  std::vector<rejected> rejections{};
  /// Names kept as their own actor because their identity could not be resolved.
  std::vector<note> unresolved_names{};
  /// Short or variant names resolved to a fuller name by the in-order word rule (for review).
  std::vector<note> resolved_names{};
  /// Stops of one traveller whose days overlap.
  std::vector<overlap> overlapping_stops{};
  /// The number of journeys (see the header essay).
  std::size_t journeys = 0;
  /// The number of actors made (persons).
  std::size_t actors = 0;

  /// The count of one dataset.
  [[nodiscard]] auto of(dataset d) const noexcept -> const dataset_count& {
    return counts[static_cast<std::size_t>(d)];
  }
  /// The counts of all datasets added up.
  [[nodiscard]] auto total() const noexcept -> dataset_count {
    dataset_count t;
    for (const auto& c : counts) {
      t.read += c.read;
      t.events += c.events;
      t.merged += c.merged;
      t.rejected += c.rejected;
    }
    return t;
  }
};

/// Consecutive stops of one traveller (see TRIPS AND JOURNEYS in the header essay).
struct journey {
  /// "hist-journey-<role>-<who>-<first day>", e.g. "hist-journey-president-obama-barack-2009-03-31".
  std::string id{};
  actor_id traveller{};
  /// From the first day of the first stop to the last day of the last.
  period when{};
  /// The stops, in order of their start.
  std::vector<event_id> stops{};
};

/// The imported document (actors, events, origins) and the report.
struct import_result {
  io::document doc{};
  import_report report{};
  /// The journeys of presidents and secretaries, in order of traveller then start.
  std::vector<journey> journeys{};
};

/// How `import_historyatstate(dir, options)` reads.
struct historyatstate_options {
  /// A folder of curated tables (any of countries.csv, titles.csv, levels.csv and
  /// aliases.csv) whose rows come before those of `dir/curation/` and the embedded ones
  /// (see THE CURATED TABLES). Empty: none. When given, it must be a directory holding at
  /// least one of them.
  std::filesystem::path curation{};
  /// The largest file read (`io::read_text_file`).
  io::read_limits limits{};
};

/// Imports the Office of the Historian's visits and travels from `dir`, a folder as the
/// Office publishes it: visits/*.xml, travels/presidents/presidents.xml,
/// travels/president-travels/*.xml, travels/secretary-travels/*.xml (in this repository
/// `data/historyatstate`). The curated tables are the embedded ones, with the rows of
/// `options.curation` and of `dir/curation/` (when there is one) before them (see THE
/// CURATED TABLES).
/// Every file is read by `io::read_text_file`: regular files only (a FIFO, a device or a
/// link to one, among the tables or as a visits/*.xml, is refused before it is read:
/// `[diplo.io] cannot read "<path>": not a regular file (a FIFO)`), each at most
/// `options.limits.max_file_size` bytes (refused by its size before it is read). Throws
/// diplo::error "[diplo.io] cannot read ..." for a file that is missing, not regular or too
/// large, and "[diplo.import] <file>:<line>:<column>: ..." for a malformed XML or CSV file,
/// a record missing a required element, or a curated table with another header or naming
/// an unknown ISO code; "[diplo.import] <path>: ..." for an `options.curation` that is not
/// a folder of tables, or a ".csv" in a folder of tables that is none of the four.
/// Records with bad data (a date that does not parse, a country with no code) are not
/// errors: they are rejected and listed in the report.
///
/// **Example**:
///
///   auto r = diplo::import::import_historyatstate("data/historyatstate");
///   r.report.total().read == 7535
///   diplo::timeline t = diplo::io::build(std::move(r.doc));
///   auto mine = diplo::import::import_historyatstate("historyatstate", {.curation = "my-tables"});
[[nodiscard]] DIPLO_IO_API auto import_historyatstate(const std::filesystem::path& dir,
                                                      const historyatstate_options& options = {})
    -> import_result;

/// The files of an import held in memory: the text of each by its path relative to the
/// import directory, '/'-separated ("visits/2020.xml", "curation/countries.csv",
/// "travels/presidents/presidents.xml").
using historyatstate_files = std::map<std::string, std::string, std::less<>>;

/// Imports from files held in memory, as `import_historyatstate(dir)` does from the files
/// of `dir`: "travels/presidents/presidents.xml", every ".xml" file directly under
/// "visits/", "travels/president-travels/" and "travels/secretary-travels/", in path order,
/// and the embedded curated tables, with the rows of any table of "curation/" in the map
/// ("curation/aliases.csv") before theirs, as those of `dir/curation/` are (errors name it
/// by its key). Throws as the other overload; a missing presidents.xml is
/// "<path>: cannot open the file".
///
/// **Example**:
///
///   diplo::import::historyatstate_files files{
///       {"travels/presidents/presidents.xml", presidents_xml},
///       {"visits/2024.xml", "<visits><visit>...</visit></visits>"},
///       {"curation/aliases.csv", "variant,canonical,country,title,from,to,evidence\n"
///                                "Joe Biden,Joseph R. Biden,,,,,my note\n"}};  // optional
///   auto r = diplo::import::import_historyatstate(files);
[[nodiscard]] DIPLO_IO_API auto import_historyatstate(const historyatstate_files& files) -> import_result;

/// The curated tables embedded in diplo, by path as in `historyatstate_files`
/// ("curation/countries.csv", "curation/titles.csv", "curation/levels.csv",
/// "curation/aliases.csv"): the text of data/historyatstate/curation/ of diplo's repository
/// when this diplo was built. A user's table to add rows to them needs their header (the
/// first line that is not a '#' comment). Cannot fail.
///
/// **Example**:
///
///   const std::string& countries = diplo::import::historyatstate_curation().at("curation/countries.csv");
[[nodiscard]] DIPLO_IO_API auto historyatstate_curation() -> const historyatstate_files&;

}  // namespace diplo::import

/// "visits", "president travels", "secretary travels"; fill, alignment and width as strings.
template <>
struct fmt::formatter<diplo::import::dataset> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(diplo::import::dataset d, Context& ctx) const -> decltype(ctx.out()) {
    return fmt::formatter<std::string_view>::format(name(d), ctx);
  }
};

/// "secretary travels record 3992 (travels/secretary-travels/blinken-antony-j.xml:17:5)".
template <>
struct fmt::formatter<diplo::import::record_ref> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::import::record_ref& r, Context& ctx) const -> decltype(ctx.out()) {
    std::string s = fmt::format("{} record {}", name(r.dataset), r.id);
    if (!r.where.file.empty()) {
      s += fmt::format(" ({}:{}:{})", r.where.file, r.where.line, r.where.column);
    }
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
};

/// "exact copy", "same traveller, dates and country".
template <>
struct fmt::formatter<diplo::import::merge_kind> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(diplo::import::merge_kind k, Context& ctx) const -> decltype(ctx.out()) {
    return fmt::formatter<std::string_view>::format(name(k), ctx);
  }
};

/// "<merged record> into <kept record> [exact copy]: <how>".
template <>
struct fmt::formatter<diplo::import::merged> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::import::merged& m, Context& ctx) const -> decltype(ctx.out()) {
    const std::string s =
        fmt::format("{} into {} [{}]{}{}", m.merged, m.kept, m.kind, m.how.empty() ? "" : ": ", m.how);
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
};

/// "<record>: <reason>".
template <>
struct fmt::formatter<diplo::import::rejected> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::import::rejected& r, Context& ctx) const -> decltype(ctx.out()) {
    const std::string s = fmt::format("{}: {}", r.record, r.reason);
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
};

/// "<record>: <text>".
template <>
struct fmt::formatter<diplo::import::note> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::import::note& n, Context& ctx) const -> decltype(ctx.out()) {
    const std::string s = fmt::format("{}: {}", n.record, n.text);
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
};

/// "<first> and <second>: 2 days".
template <>
struct fmt::formatter<diplo::import::overlap> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::import::overlap& o, Context& ctx) const -> decltype(ctx.out()) {
    const std::string s =
        fmt::format("{} and {}: {} day{}", o.first, o.second, o.days.count(), o.days.count() == 1 ? "" : "s");
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
};

/// "3264 read = 3261 events + 0 merged + 3 rejected".
template <>
struct fmt::formatter<diplo::import::dataset_count> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::import::dataset_count& c, Context& ctx) const -> decltype(ctx.out()) {
    const std::string s =
        fmt::format("{} read = {} events + {} merged + {} rejected", c.read, c.events, c.merged, c.rejected);
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
};

/// "7528 events, 1342 actors, 1463 journeys (7535 records read)".
template <>
struct fmt::formatter<diplo::import::import_result> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::import::import_result& r, Context& ctx) const -> decltype(ctx.out()) {
    const std::string s =
        fmt::format("{} events, {} actors, {} journeys ({} records read)", r.doc.events.size(),
                    r.doc.actors.size(), r.journeys.size(), r.report.total().read);
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
};

/// A readable multi-line report: the counts per dataset and in total (with the check
/// read = events + merged + rejected), then rejections grouped by reason, duplicates,
/// unresolved and resolved names, and overlapping stops.
template <>
struct fmt::formatter<diplo::import::import_report> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::import::import_report& r, Context& ctx) const -> decltype(ctx.out()) {
    const std::string s = text(r);
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
  static auto text(const diplo::import::import_report& r) -> std::string;
};
