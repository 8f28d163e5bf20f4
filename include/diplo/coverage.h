// SPDX-License-Identifier: MIT
#pragma once

// Coverage: what a dataset records completely, and so which questions it answers completely.
//
// The bundled data records every event Xi Jinping and Vladimir Putin attended together. It
// answers "when did Xi and Putin last meet?" completely. It also holds Narendra Modi, but only
// at gatherings both of them attended: "when did Xi last meet Modi?" finds Osaka 2019, while
// they met later, elsewhere. An answer is only as good as what its data records, so a dataset
// says what it records completely, and every answer says whether that covers the question
// (diplo/answer.h).
//
// WHAT A DATASET RECORDS. A `coverage_scope` is one promise: "every event of this sort is in
// the data". Its `subject` is one of
//
//   events_of        every event of each of `actors` (a person's full diary)
//   events_between   every event all of `actors` took part in together (Xi with Putin)
//   trips_by         every trip abroad (visit, summit, meeting or ceremony held outside their
//                    country) of whoever held an office of one of `countries` (only the
//                    titles in `offices`, when given), on the days the data's offices say they
//                    held it: COLT records the trips of the leaders of the countries it covers,
//                    the Office of the Historian those of the U.S. President and Secretary of State
//   visits_to        every trip to one of `countries` by a person holding an office of another
//                    country on its days: the foreign leaders' visits to the United States;
//                    with `actors`, every trip there of those guests (Xi Jinping's to Russia)
//
// A record of trips tells where its travellers went; it tells whom they met only when each
// trip names the leaders met (`counterparts`): only then does it record meetings.
// Each scope holds for the event `kinds` it names (all four by default), in person, and
// for phone and video calls too when `calls` is set, on the days of `when` (all days when
// unset) up to `as_of` (the day the data was compiled; a scope promises nothing after it).
// Only certain days count: an office or a period that only possibly covers a day does not.
// A dataset declares its scopes in the JSON "dataset" object ("records", data/FORMAT.md);
// importers declare theirs; a timeline merged from several sources keeps them all.
//
// WHEN AN ANSWER IS COMPLETE. A question asks for every event of some sort within a window of
// days: "last met" for every meeting from the answer's day on, "never met" for every meeting
// ever, "how many visits since 2022" for every trip of the guest to the country since then. An
// open end of the window stops at the data's as-of day (the latest day a scope covers): every
// answer speaks as of its data. The question is covered on a day when, wherever the events
// could have happened, a scope records them:
//
//   meetings of A and B   at A's home (B visiting), at B's home, or in a third country. A
//                         scope of either's events covers all three, one of their events
//                         together too; the trips of B (naming their counterparts) cover the
//                         first and third, a record of visits to A's country the first, and
//                         so on. COLT's trips of both leaders cover all three: two leaders of
//                         the countries in a COLT file never meet without one of them abroad.
//   trips of G to C       G abroad in C: G's events, G's trips abroad, or visits to C (while G
//                         holds an office).
//   where was A on D      A abroad and A at home: A's events; A's trips abroad and the visits
//                         to A's country together.
//
// `complete` when the question is covered on every day of its window; `partial` when some
// scope records part of it (some days, some places, or the events of one of its people with
// someone else: the Xi-Putin data records those meetings of Xi and Modi at which Putin was
// too); `outside` when nothing the data records concerns it. The verdict's `reason` says, in
// a sentence, what the data records and, when it is not complete, what it may miss:
//
//   This data records every event of Xi Jinping with Vladimir Putin (22 March 2013 to
//   4 February 2026) only; Xi Jinping and Narendra Modi may have met since 28 June 2019.

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <date/date.h>
#include <fmt/format.h>

#include "diplo/actor.h"
#include "diplo/country.h"
#include "diplo/error.h"
#include "diplo/event.h"
#include "diplo/id.h"
#include "diplo/period.h"

namespace diplo {

/// Which events a `coverage_scope` promises (see the header essay).
enum class coverage_subject : std::uint8_t { events_of, events_between, trips_by, visits_to };

/// The event kinds a scope records: visits, summits, meetings, ceremonies (all by default).
struct event_kinds {
  bool visits = true;
  bool summits = true;
  bool meetings = true;
  bool ceremonies = true;

  /// All four.
  [[nodiscard]] constexpr auto all() const noexcept -> bool {
    return visits && summits && meetings && ceremonies;
  }
  /// None of the four (to `set` some).
  [[nodiscard]] static constexpr auto none() noexcept -> event_kinds { return {false, false, false, false}; }
  /// Whether the kind with this index (of `event`'s alternatives, as in `event_kind_names`)
  /// is among them; false past the last.
  [[nodiscard]] constexpr auto has(std::size_t kind) const noexcept -> bool {
    switch (kind) {
      case 0: return visits;
      case 1: return summits;
      case 2: return meetings;
      case 3: return ceremonies;
      default: return false;
    }
  }
  /// Whether events of `e`'s kind are among them.
  [[nodiscard]] auto has(const event& e) const noexcept -> bool { return has(e.index()); }
  /// Takes in (or leaves out) the kind with this index; nothing past the last.
  constexpr void set(std::size_t kind, bool on = true) noexcept {
    bool* flag[] = {&visits, &summits, &meetings, &ceremonies};
    if (kind < std::size(flag)) *flag[kind] = on;
  }

  friend auto operator==(const event_kinds&, const event_kinds&) -> bool = default;
};

/// One promise of a dataset: every event of this sort is in it (see the header essay).
///
/// **Example**:
///
///   diplo::coverage_scope s{.subject = diplo::coverage_subject::events_between,
///                           .actors = {xi, putin},
///                           .when = diplo::period::parse("2013-03-22/.."),
///                           .as_of = 2026_y / date::February / 4};
struct coverage_scope {
  coverage_subject subject = coverage_subject::events_of;
  /// events_of, events_between: the actors; visits_to: only these guests (empty: every
  /// foreign leader).
  std::vector<actor_id> actors{};
  /// trips_by, visits_to: the countries.
  std::vector<country_code> countries{};
  /// trips_by: only holders of these office titles (empty: any office of `countries`).
  std::vector<std::string> offices{};
  /// trips_by, visits_to: each trip names the leaders met on it, so the trips record the
  /// meetings too (COLT's do; the Office of the Historian's name only the traveller).
  bool counterparts = false;
  event_kinds kinds{};
  /// Phone and video calls are recorded too.
  bool calls = false;
  /// The days it holds for; unset: all days (up to `as_of`).
  std::optional<period> when{};
  /// The day the data was compiled: the scope promises nothing after it. Unset: no bound.
  std::optional<date::sys_days> as_of{};
  /// The dataset that makes the promise (its title), for the reasons answers give.
  std::string source{};
  /// Where it was read (empty when made in code), for the errors that name it.
  origin read_at{};

  /// Equal when they promise the same (where each was read does not count).
  friend auto operator==(const coverage_scope& a, const coverage_scope& b) -> bool {
    auto promise = [](const coverage_scope& c) {
      return std::tie(c.subject, c.actors, c.countries, c.offices, c.counterparts, c.kinds, c.calls, c.when,
                      c.as_of, c.source);
    };
    return promise(a) == promise(b);
  }
};

/// How much of a question the loaded data can answer.
enum class coverage_status : std::uint8_t { complete, partial, outside };

/// "complete", "partial", "outside": the names the JSON output uses.
[[nodiscard]] constexpr auto name(coverage_status s) noexcept -> std::string_view {
  constexpr std::string_view names[] = {"complete", "partial", "outside"};
  return names[static_cast<std::size_t>(s)];
}

/// "events_of", "events_between", "trips_by", "visits_to": the JSON keys.
[[nodiscard]] constexpr auto name(coverage_subject s) noexcept -> std::string_view {
  constexpr std::string_view names[] = {"events_of", "events_between", "trips_by", "visits_to"};
  return names[static_cast<std::size_t>(s)];
}

/// Whether an answer is complete, and why (see the header essay).
struct coverage_verdict {
  coverage_status status = coverage_status::outside;
  /// One sentence: what the data records, and when not complete what it may miss.
  std::string reason{};
  /// The last day the data speaks for (the end of an open question's window), when known.
  std::optional<date::sys_days> as_of{};

  [[nodiscard]] auto complete() const noexcept -> bool { return status == coverage_status::complete; }

  friend auto operator==(const coverage_verdict&, const coverage_verdict&) -> bool = default;
};

}  // namespace diplo

/// Formats a verdict as its status and reason: "partial: This data records ...".
template <>
struct fmt::formatter<diplo::coverage_verdict> : fmt::formatter<std::string_view> {
  template <class Ctx>
  auto format(const diplo::coverage_verdict& v, Ctx& ctx) const {
    return fmt::formatter<std::string_view>::format(fmt::format("{}: {}", diplo::name(v.status), v.reason),
                                                    ctx);
  }
};
