// SPDX-License-Identifier: MIT
#pragma once

// Importing COLT: Country-Organization-Leader Travel.
//
// COLT (Diplometrics, Pardee Institute, University of Denver; Moyer et al., International
// Studies Quarterly 2025; Harvard Dataverse, doi:10.7910/DVN/87YG4K) lists the trips abroad
// of the heads of state and government of 212 countries, 1990-2024: one CSV row per trip of
// one leader to one country, in 76 columns. `import_colt(file)` reads such a file as COLT
// publishes it and returns a document of events ready for `io::build`, with a report of
// every decision. Nothing is dropped silently: every row makes a visit, or is merged into the
// visit of another row (a duplicate), or is rejected with a reason; the report proves it:
// read == events + merged + rejected.
//
//   auto r = diplo::import::import_colt("colt.csv");
//   fmt::print("{}\n", r.report);
//   diplo::timeline t = diplo::io::build(std::move(r.doc));
//   diplo::last_meeting(t, lula, chavez, {.before = 2011_y / 1 / 1});
//
// THE FILE. A CSV file (RFC 4180, as diplo/detail/csv_lexer.h reads it) whose first record is
// COLT's header. Columns are found by name, so their order does not matter; the ones read are
// TripID, LeaderID, LeaderFullName, LeaderTitle, LeaderCountryISO, CountryVisitedISO,
// CityVisited, TripStartDate, TripEndDate, TripDuration, MetHostHoGS, HostHOGSName,
// AttendedMultilatEvent, NameMultilatEvent, MetNonhostHOGS, NonhostHOGSNames, PublicAddress,
// SignedAgreement, CulturalSiteOrCeremony, BusinessLeaderOrForum, Notes, Confidence(1-5) and
// SourceLink1...SourceLink33. A file without the first eleven of these (`is_colt_header`
// tells) is not a COLT file: "[diplo.import] f.csv:1:1: not a COLT file: no column
// \"TripID\"". A CSV syntax error is "[diplo.import] f.csv:L:C: ..."; a row with more cells
// than the header is rejected.
//
// EACH ROW is a `visit` of the traveller to the host country: id "colt-" + TripID, the
// host country from CountryVisitedISO (ISO 3166 alpha-3; a former state's code, "YUG" or
// "SUN", is that state), the cities of CityVisited (';'-separated; the first is the place),
// the days TripStartDate..TripEndDate. A day is written "YYYY-MM-DDT00:00:00", "YYYY-MM-DD"
// or as an Excel serial day number ("40559" is 2011-01-16: days since 1899-12-30). A row
// whose days are empty, do not parse, are impossible ("2023-02-30") or end before they start,
// or whose country code is unknown, is rejected, naming its TripID, file:line and the cell.
// TripDuration (days, inclusive) is only checked: when it disagrees with the dates, the dates
// win and a warning says so. Duplicate rows (one traveller, one host country, the same days)
// make one visit citing both rows.
//
// WHAT THE VISIT KEEPS. Notes as the event's notes, followed by "COLT confidence N (1-5)."
// (COLT's confidence in the row; the codebook's scale, 1 the most confident, is kept as it is,
// since diplo has no certainty scale to map it to). What the trip included (a public address,
// an agreement signed, a cultural site or ceremony, business leaders) as the description.
// Sources: first the dataset itself, publisher "COLT (Diplometrics, University of Denver)",
// title "COLT, TripID 334-ARG-MEX-34668", url the dataset's DOI; then SourceLink1..33 in order.
// A link through a university library's proxy ("...du.idm.oclc.org...") or into a paywalled
// database (NewsBank, ProQuest, Lexis, Factiva, Gale, EBSCO) keeps its url and says so in the
// title: "ProQuest (paywalled database, through a library proxy)"; other links are titled by
// their host ("reuters.com").
//
// MEETINGS INSIDE THE TRIP. When MetHostHoGS is "Yes", the host leader named in HostHOGSName
// ("President Ernesto Zedillo") becomes the visit's `host`: guest and host met. Each leader of
// NonhostHOGSNames (written "Title Name;Title Name" or "Name (Country), Name (Country)") makes
// an in-person `meeting` of the traveller and that leader, inside the visit (its parent), on
// the visit's days (COLT does not say which day). A piece of NonhostHOGSNames that is not a
// person's name ("entre otros", "Jefes de Estado ... presentes") or that is hedged
// ("posiblemente ...") makes no meeting and is listed in the report. One encounter is one
// event, however many rows tell it: no meeting is made when the two attended a summit (below)
// in the trip's country on overlapping days — the summit says they met — nor when the other
// leader's row already made their meeting in that country on overlapping days, which then
// cites both rows (`colt_report::meetings_told` counts these).
//
// ONE GATHERING, ONE SUMMIT. NameMultilatEvent names the gatherings of the trip (';' for
// several). Each gathering becomes a `summit`, and rows naming the same gathering become one
// summit with all their travellers as attendees, so that two leaders who attended it have
// met. Rows name the same gathering when they are in the same host country, their days
// overlap (directly or through other such rows), and their names have the same KEY: the name
// folded (case, accents), without punctuation, articles and prepositions ("the", "of", "de",
// "la", "do", ...), ordinals ("VIII", "17th"), and the words for a gathering ("summit",
// "cumbre", "cúpula", "meeting", "reunión", "conference"...), where a name with an acronym in
// parentheses is keyed by the acronym and the words after it: "Union of South American
// Nations (UNASUR) Summit", "UNASUR Summit" and "Cumbre de la UNASUR" all have the key
// "unasur". Names in one country on overlapping days whose keys differ are not merged: the
// report lists them (`similar_summits`), for a person to judge. A summit's days are those its
// rows share (all of them), or the span of its rows when they share none.
//
// PEOPLE. Travellers are one person per LeaderID, and rows with the same folded name and
// country are one person whatever their LeaderID (one row of the extract has none). The name
// is the row's LeaderFullName (a spelling with accents preferred); the country is
// LeaderCountryISO; the office is LeaderTitle of that country over the span of each run of
// recorded trips (a new run starts after 400 days without a trip): the span of the trips, not
// the term, which COLT does not give. Hosts and other leaders appear only by name, with a
// title ("President Hugo Chavez", "Hugo Chávez (Venezuela)"): the titles come off (the table
// data/colt/titles.csv: English, Spanish, Portuguese), the country is the host country for a
// host, the country in parentheses for the second form (data/colt/country-names.csv adds the
// Spanish and Portuguese names to diplo::find_country), and unknown for the first. A name is
// then the person whose folded name holds its words in order (or whose words it holds), of the
// same country when both are known, whose mentions are at most 4 years apart (a father and a
// son share names, not years): when exactly one such person exists, it is them; when none,
// a new person; when several, a new person and a note in `unresolved_names`, never a guess.
// Before these rules, the names an entry of diplo's curated identities covers
// (diplo/io/identities.h, data/identities.csv: Václav Havel of Czechoslovakia and of the
// Czech Republic) are one person, across countries and years; the report says so.
// Ids are slugs of the name (diplo/detail/slug.h), with the country appended, then -2, -3...
// when taken.
//
// SCALE. One streaming pass over the rows (diplo::detail::lex_csv_each), then sorting and
// maps. scripts/bench measures a generated file of the full release's size (78,000 rows,
// ~79 MB, bench/colt_gen.h); docs/performance.md gives the figures.

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "diplo/event.h"
#include "diplo/export.h"
#include "diplo/io/document.h"
#include "diplo/period.h"
#include "diplo/timeline.h"

namespace diplo::import {

/// One row of a COLT file and where it starts:
/// `{"334-ARG-MEX-34668", {"colt.csv", 2, 1}}`.
struct colt_row {
  std::string trip_id{};
  origin where{};

  friend auto operator==(const colt_row&, const colt_row&) -> bool = default;
};

/// A remark about a row: why it was rejected, what was merged, a warning, a name.
struct colt_note {
  colt_row row{};
  std::string text{};
};

/// Rows naming one gathering, made one summit.
struct colt_summit {
  event_id id{};
  /// The name given to the summit (the most used spelling), and every spelling of its rows.
  std::string name{};
  std::vector<std::string> spellings{};
  country_code country{};
  period when{};
  std::vector<colt_row> rows{};
};

/// Two gatherings in one country on overlapping days whose names are not safely the same.
struct colt_similar {
  std::string first{};
  std::string second{};
  colt_row first_row{};
  colt_row second_row{};
};

/// What the import did. Invariant: read == events + merged + rejected (rows).
struct colt_report {
  std::size_t read = 0;
  std::size_t events = 0;
  std::size_t merged = 0;
  std::size_t rejected = 0;
  /// Rows that made no event, with the reason.
  std::vector<colt_note> rejections{};
  /// Rows merged into the visit of another row (the text names it).
  std::vector<colt_note> duplicates{};
  /// TripDuration disagreeing with the dates, a host met but not named, and the like.
  std::vector<colt_note> warnings{};
  /// Pieces of HostHOGSName / NonhostHOGSNames that are not read as a person met.
  std::vector<colt_note> not_names{};
  /// Names resolved to a fuller name of another row (for review), and names left apart.
  std::vector<colt_note> resolved_names{};
  std::vector<colt_note> unresolved_names{};
  /// Gatherings named by rows of more than one trip.
  std::vector<colt_summit> summits{};
  std::vector<colt_similar> similar_summits{};
  /// Events made besides the visits.
  std::size_t summit_events = 0;
  std::size_t meeting_events = 0;
  /// Leaders met that made no meeting: a summit both attended, or the meeting the other
  /// leader's row made, already tells it (MEETINGS INSIDE THE TRIP).
  std::size_t meetings_told = 0;
  /// Persons made: travellers, and the others met.
  std::size_t travellers = 0;
  std::size_t actors = 0;
};

/// The imported document and the report.
struct colt_result {
  io::document doc{};
  colt_report report{};
};

/// Whether `header` (the first record of a CSV file, its cells in order) is COLT's: it has
/// the columns TripID, LeaderID, LeaderFullName, LeaderTitle, LeaderCountryISO,
/// CountryVisitedISO, CityVisited, TripStartDate, TripEndDate, MetHostHoGS and
/// NameMultilatEvent. Cannot fail.
[[nodiscard]] DIPLO_IO_API auto is_colt_header(const std::vector<std::string>& header) noexcept -> bool;

/// Whether the file at `path` starts with COLT's header (reads at most its first 64 KiB;
/// false when it cannot be read). Cannot fail.
[[nodiscard]] DIPLO_IO_API auto is_colt_file(const std::filesystem::path& path) noexcept -> bool;

/// Imports a COLT file (see the header essay), read by `io::read_text_file` (a regular file
/// of at most `limits.max_file_size` bytes). Throws diplo::error "[diplo.io] cannot read
/// ..." for a file that cannot be read, "[diplo.import] <file>:<line>:<column>: ..." for a
/// CSV syntax error or a file that is not COLT's. Rows with bad data are rejected, not errors.
///
/// **Example**:
///
///   auto r = diplo::import::import_colt("colt-south-america.csv");
///   r.report.read == 5273;  // == events + merged + rejected
[[nodiscard]] DIPLO_IO_API auto import_colt(const std::filesystem::path& file,
                                            const io::read_limits& limits = {}) -> colt_result;

/// The same for a file's text held in memory; `file_name` names it in origins and errors.
[[nodiscard]] DIPLO_IO_API auto import_colt_text(std::string_view text, std::string_view file_name)
    -> colt_result;

/// The report as text: the counts (with the check read = events + merged + rejected), then
/// every rejection, duplicate, warning, piece not read as a name, name resolved or left
/// apart, summit of several rows and similar summit names.
[[nodiscard]] DIPLO_IO_API auto to_text(const colt_report& r) -> std::string;

}  // namespace diplo::import

/// "334-ARG-MEX-34668 (colt.csv:2)".
template <>
struct fmt::formatter<diplo::import::colt_row> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::import::colt_row& r, Context& ctx) const -> decltype(ctx.out()) {
    std::string s = r.trip_id.empty() ? std::string("(no TripID)") : r.trip_id;
    if (!r.where.file.empty()) s += fmt::format(" ({}:{})", r.where.file, r.where.line);
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
};

/// "<row>: <text>".
template <>
struct fmt::formatter<diplo::import::colt_note> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::import::colt_note& n, Context& ctx) const -> decltype(ctx.out()) {
    const std::string s = fmt::format("{}: {}", n.row, n.text);
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
};

/// "UNASUR Summit (GY, 26 November 2010): 7 rows; named UNASUR Summit | Union of ... (UNASUR) Summit".
template <>
struct fmt::formatter<diplo::import::colt_summit> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::import::colt_summit& m, Context& ctx) const -> decltype(ctx.out()) {
    const std::string s = fmt::format("{} ({:c}, {}): {} rows; named {}", m.name, m.country, m.when,
                                      m.rows.size(), fmt::join(m.spellings, " | "));
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
};

/// "\"<first>\" (<row>) and \"<second>\" (<row>)".
template <>
struct fmt::formatter<diplo::import::colt_similar> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::import::colt_similar& m, Context& ctx) const -> decltype(ctx.out()) {
    const std::string s =
        fmt::format("\"{}\" ({}) and \"{}\" ({})", m.first, m.first_row, m.second, m.second_row);
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
};

/// The report as `to_text` writes it.
template <>
struct fmt::formatter<diplo::import::colt_report> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::import::colt_report& r, Context& ctx) const -> decltype(ctx.out()) {
    return fmt::formatter<std::string_view>::format(diplo::import::to_text(r), ctx);
  }
};
