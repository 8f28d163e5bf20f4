// SPDX-License-Identifier: MIT
#pragma once

// iCalendar (RFC 5545): events exported to a calendar file that calendar programs,
// python-icalendar and ical.js read.
//
// THE RULES. One VEVENT per event, in the order given:
// - UID "<event id>@<uid_domain>": the same event gets the same UID in every export, so a
//   calendar that subscribes to the file updates its events instead of doubling them.
// - DTSTAMP from the data, never the clock (the same data gives the same file): the
//   options' `stamp` (the tool passes the dataset's as-of day), else the latest
//   publication day among the event's sources, else its first possible day.
// - The days. An event known to the day is all-day: DTSTART;VALUE=DATE and DTEND;VALUE=DATE
//   with DTEND the day after its last day (iCalendar's end is exclusive), so 7-10 May is
//   20250507 to 20250511. An event with instants (`starts_at`, `ends_at`) has DATE-TIME
//   values in UTC ("20250508T120000Z"); no VTIMEZONE is needed.
// - A partial date ("2024-10", "2024-10-XX", "2024~", an open or unknown end) has no
//   iCalendar form. It is written over the widest span it can honestly take: from its
//   first possible day to the day after its last possible one ("2024-10" covers October).
//   An open or unknown end ("2025-05-07/..", "../2025-05-10") gives no day beyond the known
//   one: the span is the known end's own ("2025-05-07/.." is the 7th). The EDTF text is
//   kept in X-EDTF, and DESCRIPTION says in words when it was.
// - SUMMARY: who and what ("Xi Jinping — state visit to Russia (Moscow)"); LOCATION the
//   place; DESCRIPTION the event's description, who took part, its notes and its sources;
//   URL its first source; CATEGORIES its kind (and a visit's level, a meeting's mode);
//   RELATED-TO the UID of the event it was part of.
// - STATUS: CONFIRMED for what occurred, TENTATIVE for what is planned, CANCELLED.
// - Lines end with CRLF and are folded at 75 octets, never inside a UTF-8 character; TEXT
//   values are escaped (\\ \; \, \n); control characters other than line breaks are left
//   out, and bytes that are not UTF-8 become U+FFFD.
//
//   auto events = diplo::select_events(t, {.actors = {xi, putin}});
//   std::ofstream f("xi-putin.ics", std::ios::binary);
//   diplo::io::write_ics(f, t, events);

#include <cstddef>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include <date/date.h>

#include "diplo/export.h"
#include "diplo/timeline.h"

namespace diplo::io {

/// How `write_ics` writes (see the rules above).
struct ics_options {
  /// The part of each UID after the '@'.
  std::string uid_domain = "diplo";
  /// DTSTAMP of every event; unset: each event's own (see the rules above).
  std::optional<date::sys_days> stamp{};
  /// The calendar's name (X-WR-CALNAME, which most calendar programs show); none if empty.
  std::string name{};
};

/// Writes `events` of `t` as one iCalendar object. Throws diplo::error when the stream
/// fails.
DIPLO_IO_API void write_ics(std::ostream& out, const timeline& t, std::span<const event_ref> events,
                            const ics_options& options = {});

/// The iCalendar text of `events` (see write_ics).
[[nodiscard]] DIPLO_IO_API auto to_ics(const timeline& t, std::span<const event_ref> events,
                                       const ics_options& options = {}) -> std::string;

/// `s` as an iCalendar TEXT value (RFC 5545 §3.3.11), as write_ics writes every text: '\',
/// ';', ',' and line breaks escaped, other control characters left out, bytes that are not
/// UTF-8 written as U+FFFD. For a program that adds properties of its own.
///
///   diplo::io::ics_text("Talks; a banquet")  // "Talks\; a banquet"
[[nodiscard]] DIPLO_IO_API auto ics_text(std::string_view s) -> std::string;

/// `line` (a whole content line without its CRLF) folded as write_ics folds: lines of at
/// most 75 octets, never cut inside a UTF-8 character, each continuation starting with a
/// space, each line ending with CRLF.
[[nodiscard]] DIPLO_IO_API auto ics_fold(std::string_view line) -> std::string;

}  // namespace diplo::io
