// SPDX-License-Identifier: MIT
#pragma once

// Claims and verdicts: is "Xi last visited Russia in September 2024" true?
//
// A `claim` is one checkable statement about visits and meetings, of one of ten kinds:
//
//   last_visit     "X last visited Y in WHEN (for OCCASION)"
//   visited_in     "X visited Y in WHEN (for OCCASION)"
//   visit_ordinal  "this is X's Nth visit to Y since SINCE" (this: the next visit after as_of)
//   visit_count    "X has visited Y N times (from FROM) (to TO)"
//   last_meeting   "A and B last met in WHEN (in PLACE)"
//   first_meeting  "A and B first met in WHEN (in PLACE)"
//   meeting_count  "A and B have met N times (from FROM) (to TO)"
//   met_in         "A and B met in WHEN (in PLACE)"
//   where          "X was in PLACE on DAY"
//
// `check(t, claim, as_of)` judges it against a timeline and returns a `verdict`: a
// `rating`, the correction, an explanation, the events it rests on and the coverage of the
// question (diplo/coverage.h). The meaning of the words is that of the queries
// (diplo/query.h): a visit is a trip (a stay abroad, counted once), to meet is to be
// together in person (calls do not count), and only events that occurred count.
//
// AS OF. A claim is made on a day, `as_of`: "last" and "most recently" mean before it, counts
// run up to the day before it, and events from that day on do not count against the claim
// (an article of 4 May 2025 is not wrong for missing a meeting of 9 May). Without as_of, the
// claim speaks as of the data: every event counts. "This is X's Nth visit" (visit_ordinal)
// speaks of the first visit starting on or after as_of (planned or announced ones too), so it
// needs an as_of.
//
// WHEN. A claim's `when` is an EDTF date or period: "2024-09", "2024-10-22", "2024",
// "2023-03-20/2023-03-22". It names every day it may cover (all of September 2024), and an
// event is "in" it when the two share a day: a visit of 30 September to 2 October was in
// September and in October. FROM and TO of the counts bound the events' first days, from the
// first day of FROM to the last day of TO, as --from and --to do in the tool.
//
// PLACE AND OCCASION. A place is a city, a country or both ("Kazan", "Kazakhstan", "Kazan,
// Russia"); an event is in it when its country is the place's country and its city (or, for a
// visit to several cities, one of them) is the place's city, compared as names are (case,
// accents and width folded). An occasion is a few words ("BRICS", "a BRICS summit", "state
// visit") that must all appear, in any order, among the names of the trip's events: the
// summit's name and series, a ceremony's name, the kind of event ("state visit", "summit");
// "a", "an", "the", "for" and "of" are left out.
//
// RATINGS.
//   true          every part holds.
//   false         the main part does not: no visit in September 2024, but in October
//                 ("October 2024, not September 2024"); 4 visits, not 3.
//   partly_true   the main part holds and a detail does not: they met in July 2024, but in
//                 Astana, not in Beijing; the last visit was in October 2024, but for the
//                 state visit, not for BRICS.
//   misleading    what it names did happen, but a later (or earlier) fact changes its
//                 meaning: "they most recently met in July", when they met again in October
//                 before as_of; "they first met in 2014", when they had met in 2013.
//   unverifiable  the data cannot decide: it does not record every event the claim speaks
//                 of (its coverage, say which), or partial dates leave both answers possible
//                 (a visit "in October 2024" and a claim of "22 October 2024").
// The main part of a last, first or met claim is its `when`; of a count, the number; of a
// where claim, the place (its city, when it names one).
//
// HONESTY. A verdict that rests on something not happening (nothing later than the last
// visit, no meeting in September, no more visits than counted) needs the data to record
// every such event: otherwise the claim is unverifiable, with the coverage's reason. A
// verdict that rests on events found needs no coverage: a visit in October 2024 proves "last
// visited in September 2024" false whatever the data misses. And "possibly" is never
// "certainly": an event whose partial dates only may fall in the window decides nothing.
//
// WHERE THINGS ARE. This header is the API. The checks are compiled in src/check.cpp on the
// queries of diplo/query.h and the coverage of diplo/answer.h; reading claims files is in
// diplo/io/claims.h; parsing English sentences into claims is `parse_claim` below.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <date/date.h>
#include <fmt/format.h>

#include "diplo/actor.h"
#include "diplo/country.h"
#include "diplo/coverage.h"
#include "diplo/event.h"
#include "diplo/export.h"
#include "diplo/partial_date.h"
#include "diplo/period.h"
#include "diplo/timeline.h"

namespace diplo {

/// A place a claim names: a city, a country, or both. Empty: any place.
struct claimed_place {
  /// The city as written ("Kazan"); compared folded. Empty: any city of the country.
  std::string city;
  /// The country; empty: the city's, wherever it is.
  country_code country;

  /// "Kazakhstan" (a country's name or ISO code), "Beijing" (a city), "Kazan, Russia" (a
  /// city, then a comma and a country). Throws parse_error ("[diplo.check]") for an empty
  /// text, or a text after the last comma that names no country.
  [[nodiscard]] DIPLO_API static auto parse(std::string_view text) -> claimed_place;

  [[nodiscard]] auto empty() const noexcept -> bool { return city.empty() && country.empty(); }

  friend auto operator==(const claimed_place&, const claimed_place&) -> bool = default;
};

/// Whether event `e` was held in `p` (see PLACE in the header essay); true for an empty `p`.
[[nodiscard]] DIPLO_API auto held_in(const event& e, const claimed_place& p) -> bool;

/// "X last visited Y in WHEN (for OCCASION)".
struct last_visit_claim {
  actor_id guest;
  country_code host_country;
  period when;
  /// Words naming the occasion ("BRICS"); empty: any.
  std::string occasion;
  friend auto operator==(const last_visit_claim&, const last_visit_claim&) -> bool = default;
};

/// "X visited Y in WHEN (for OCCASION)".
struct visited_in_claim {
  actor_id guest;
  country_code host_country;
  period when;
  std::string occasion;
  friend auto operator==(const visited_in_claim&, const visited_in_claim&) -> bool = default;
};

/// "This (the next visit starting on or after as_of) is X's Nth visit to Y since SINCE".
struct visit_ordinal_claim {
  actor_id guest;
  country_code host_country;
  /// Visits starting on or after its first day count.
  partial_date since;
  std::size_t n = 0;
  friend auto operator==(const visit_ordinal_claim&, const visit_ordinal_claim&) -> bool = default;
};

/// "X has visited Y N times" (from the first day of FROM, to the last day of TO).
struct visit_count_claim {
  actor_id guest;
  country_code host_country;
  std::optional<partial_date> from;
  std::optional<partial_date> to;
  std::size_t n = 0;
  friend auto operator==(const visit_count_claim&, const visit_count_claim&) -> bool = default;
};

/// "A and B last met in WHEN (in PLACE)".
struct last_meeting_claim {
  actor_id a;
  actor_id b;
  period when;
  claimed_place place;
  friend auto operator==(const last_meeting_claim&, const last_meeting_claim&) -> bool = default;
};

/// "A and B first met in WHEN (in PLACE)".
struct first_meeting_claim {
  actor_id a;
  actor_id b;
  period when;
  claimed_place place;
  friend auto operator==(const first_meeting_claim&, const first_meeting_claim&) -> bool = default;
};

/// "A and B have met N times" (from the first day of FROM, to the last day of TO).
struct meeting_count_claim {
  actor_id a;
  actor_id b;
  std::optional<partial_date> from;
  std::optional<partial_date> to;
  std::size_t n = 0;
  friend auto operator==(const meeting_count_claim&, const meeting_count_claim&) -> bool = default;
};

/// "A and B met in WHEN (in PLACE)".
struct met_in_claim {
  actor_id a;
  actor_id b;
  period when;
  claimed_place place;
  friend auto operator==(const met_in_claim&, const met_in_claim&) -> bool = default;
};

/// "X was in PLACE on DAY".
struct where_claim {
  actor_id person;
  /// One day (day precision).
  partial_date day;
  claimed_place place;
  friend auto operator==(const where_claim&, const where_claim&) -> bool = default;
};

/// Any claim.
using claim =
    std::variant<last_visit_claim, visited_in_claim, visit_ordinal_claim, visit_count_claim,
                 last_meeting_claim, first_meeting_claim, meeting_count_claim, met_in_claim, where_claim>;

/// The names of the kinds of claim, in the order of `claim`'s alternatives: what claims files
/// write in "kind".
inline constexpr std::array<std::string_view, 9> claim_kind_names = {
    "last_visit",    "visited_in",    "visit_ordinal", "visit_count", "last_meeting",
    "first_meeting", "meeting_count", "met_in",        "where"};
static_assert(std::variant_size_v<claim> == claim_kind_names.size());

/// "last_visit", "met_in", ...
[[nodiscard]] inline auto kind_name(const claim& c) noexcept -> std::string_view {
  return claim_kind_names[c.index()];
}

/// The claim in English, with the canonical names of `actors` (ids when null or unknown):
/// "Xi Jinping last visited Russia in September 2024 (for BRICS)".
[[nodiscard]] DIPLO_API auto describe(const claim& c, const actor_registry* actors) -> std::string;

/// How a claim fares (see RATINGS in the header essay).
enum class rating : std::uint8_t { true_, false_, partly_true, misleading, unverifiable };

/// Every rating, in the order of the enum (the order a fact-check table sums them up in).
inline constexpr std::array<rating, 5> ratings = {rating::true_, rating::false_, rating::partly_true,
                                                  rating::misleading, rating::unverifiable};

/// "true", "false", "partly_true", "misleading", "unverifiable": what files and --json write.
[[nodiscard]] constexpr auto name(rating r) noexcept -> std::string_view {
  switch (r) {
    case rating::true_: return "true";
    case rating::false_: return "false";
    case rating::partly_true: return "partly_true";
    case rating::misleading: return "misleading";
    case rating::unverifiable: return "unverifiable";
  }
  return "?";
}

/// "TRUE", "FALSE", "PARTLY TRUE", "MISLEADING", "UNVERIFIABLE": what a fact-check table shows.
[[nodiscard]] constexpr auto label(rating r) noexcept -> std::string_view {
  switch (r) {
    case rating::true_: return "TRUE";
    case rating::false_: return "FALSE";
    case rating::partly_true: return "PARTLY TRUE";
    case rating::misleading: return "MISLEADING";
    case rating::unverifiable: return "UNVERIFIABLE";
  }
  return "?";
}

/// What a check found.
struct verdict {
  diplo::rating rating = rating::unverifiable;
  /// What holds instead, for a claim that is not true: "October 2024, not September 2024",
  /// "4 visits, not 3", "last met on 22 October 2024 in Kazan, Russia". Empty when true.
  std::string correction;
  /// Why, in a sentence or two: what the data holds and, for unverifiable, what it cannot
  /// tell.
  std::string explanation;
  /// The events the verdict rests on (the claimed visit, the later one...), in timeline
  /// order, each once.
  std::vector<event_ref> evidence;
  /// Whether the data records every event of the question the claim asks (diplo/coverage.h).
  coverage_verdict coverage;
  /// The timeline the evidence belongs to: a handle that keeps it alive (LIFETIME in
  /// diplo/timeline.h).
  diplo::timeline source;

  /// True when the claim holds.
  [[nodiscard]] auto holds() const noexcept -> bool { return rating == rating::true_; }
};

/// Judges `c` against `t`, as of `as_of` (see AS OF in the header essay). Never throws for
/// a claim about actors or countries the timeline does not know: their claims are
/// unverifiable. Throws diplo::error ("[diplo.check]") for a visit_ordinal claim without
/// as_of, a count claim whose FROM is after its TO, a `when` with an open or unknown end
/// ("2024/..") and a where claim whose day is not one day.
///
///   auto v = diplo::check(t, diplo::last_visit_claim{xi, "RU", diplo::period::parse("2024-09"),
///                                                    "BRICS"}, 2025_y / date::May / 4);
///   v.rating;      // rating::false_
///   v.correction;  // "October 2024, not September 2024"
[[nodiscard]] DIPLO_API auto check(const timeline& t, const claim& c,
                                   std::optional<date::sys_days> as_of = std::nullopt) -> verdict;

/// Turns an English sentence of one of the common shapes into a claim, resolving names with
/// `actors` and countries with find_country (diplo/country.h):
///
///   "Xi last visited Russia in September 2024 (for a BRICS summit)"       last_visit
///   "Xi visited Russia in March 2023", "Xi made a state visit to Russia in March 2023"
///                                                                          visited_in
///   "This will be Xi's third visit to Russia since February 2022"         visit_ordinal
///   "Xi has visited Russia 3 times since 2022"                            visit_count
///   "Xi and Putin last met in July 2024 in Kazakhstan", "... most recently met ..."
///                                                                          last_meeting
///   "Xi and Putin first met in March 2013 in Moscow"                      first_meeting
///   "Xi and Putin have met 40 times since 2013"                           meeting_count
///   "Xi and Putin met in Kazan in October 2024"                           met_in
///   "Xi was in Moscow on 9 May 2025"                                      where
///
/// Dates are "September 2024", "22 October 2024", "October 22, 2024", "2024", ISO days and
/// months ("2024-10-22", "2024-10"); ordinals are words or numbers ("third", "3rd"); counts
/// are numbers, number words or "once", "twice". Throws parse_error naming the column and what
/// it expected there (`[diplo.check] "..." at column 22: expected a date such as "September
/// 2024" after "in"`), and, once the sentence has a known shape, lookup_error for a name that
/// resolves to no one or to several actors. Approximate counts ("more than 40 times"), relative
/// dates ("last year") and titles before names ("President Xi") are refused.
[[nodiscard]] DIPLO_API auto parse_claim(std::string_view text, const actor_registry& actors) -> claim;

/// parse_claim without exceptions: nullopt when the text cannot be parsed or a name does not
/// resolve.
[[nodiscard]] DIPLO_API auto try_parse_claim(std::string_view text, const actor_registry& actors) noexcept
    -> std::optional<claim>;

}  // namespace diplo

/// "true", "false", "partly_true", ...
template <>
struct fmt::formatter<diplo::rating> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(diplo::rating r, Context& ctx) const -> decltype(ctx.out()) {
    return fmt::formatter<std::string_view>::format(diplo::name(r), ctx);
  }
};

/// "false: The last visit of ... was 22–24 October 2024 (...), not in September 2024.
/// (correction: October 2024, not September 2024)": the rating, the explanation, and the
/// correction when there is one.
template <>
struct fmt::formatter<diplo::verdict> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::verdict& v, Context& ctx) const -> decltype(ctx.out()) {
    std::string s = fmt::format("{}: {}", diplo::name(v.rating), v.explanation);
    if (!v.correction.empty()) s += fmt::format(" (correction: {})", v.correction);
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
};

/// "Kazan, Russia", "Kazakhstan", "Beijing".
template <>
struct fmt::formatter<diplo::claimed_place> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::claimed_place& p, Context& ctx) const -> decltype(ctx.out()) {
    std::string s = p.city;
    if (!p.country.empty()) s += fmt::format("{}{}", s.empty() ? "" : ", ", p.country);
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
};
