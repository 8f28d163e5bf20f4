// SPDX-License-Identifier: MIT
#pragma once

// Answers that say whether they are complete: a query's result with its coverage verdict.
//
// The queries of diplo/query.h answer from the events a timeline holds. Whether that answer
// is the whole truth depends on what the data records completely (diplo/coverage.h): the
// `answer_*` functions here run a query and judge it, and the `*_coverage` functions judge a
// question alone (the window of days it asks about, unset ends open):
//
//   auto r = diplo::answer_last_meeting(t, xi, modi);
//   r.value;             // the encounter of 28-29 June 2019 in Osaka (the G20 summit)
//   r.coverage.status;   // coverage_status::partial
//   r.coverage.reason;   // "This data records every event of Xi Jinping with Vladimir Putin
//                        //  (22 March 2013 to 4 February 2026) only; Xi Jinping and Narendra
//                        //  Modi may have met since 28 June 2019."
//
// The window of each question (see the header essay of diplo/coverage.h):
//   last_meeting     from the answer's first day (or `after`) to `before` (open: as of the data)
//   first_meeting    from `after` to the answer's last possible start (or `before`)
//   meetings, count_meetings, longest_gap, contacts   from `after` to `before`
//   visits, count_visits, visited_countries, journeys, longest_gap of trips   `from` to `to`
//   where            the day asked about; whereabouts_on: the day, for everyone
// A verdict costs a pass over the timeline's scopes and the offices of the people asked
// about, and the formatting of its reason: tens of microseconds at most, whatever the
// window's length. Thread-safe as the queries are.

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include <date/date.h>

#include "diplo/coverage.h"
#include "diplo/export.h"
#include "diplo/query.h"
#include "diplo/timeline.h"

namespace diplo {

/// A query's result and whether the loaded data answers it completely.
template <class T>
struct answer {
  T value;
  coverage_verdict coverage{};
};

/// Whether `t` records every meeting of `a` and `b` from `from` to `to` (inclusive; unset:
/// open), in person (and by phone or video when `calls`).
[[nodiscard]] DIPLO_API auto meetings_coverage(const timeline& t, const actor_id& a, const actor_id& b,
                                               std::optional<date::sys_days> from,
                                               std::optional<date::sys_days> to, bool calls = false)
    -> coverage_verdict;

/// Whether `t` records every trip `f` asks for: of its guest (or of anyone from its
/// guest_country, or of anyone) to its host country (or anywhere), from `f.from` to `f.to`.
[[nodiscard]] DIPLO_API auto visits_coverage(const timeline& t, const visit_filter& f) -> coverage_verdict;

/// Whether `t` records every in-person event of `person` from `from` to `to` (inclusive): at
/// home and abroad. For `where` (one day) and `contacts` (everyone the person met).
[[nodiscard]] DIPLO_API auto whereabouts_coverage(const timeline& t, const actor_id& person,
                                                  std::optional<date::sys_days> from,
                                                  std::optional<date::sys_days> to) -> coverage_verdict;

/// Whether `t` records everyone `person` met within `opt`'s bounds (`contacts`): every event
/// of theirs, at home and abroad (calls too when `opt.calls`).
[[nodiscard]] DIPLO_API auto contacts_coverage(const timeline& t, const actor_id& person,
                                               const meet_options& opt = {}) -> coverage_verdict;

/// Whether `t` records where everyone was on `day` (`whereabouts_on`): never complete, since
/// no dataset records everyone; `partial` when a scope covers the day, else `outside`.
[[nodiscard]] DIPLO_API auto day_coverage(const timeline& t, date::sys_days day) -> coverage_verdict;

namespace detail {

inline auto day_before(const std::optional<date::sys_days>& d) -> std::optional<date::sys_days> {
  if (!d) return std::nullopt;
  return *d - date::days{1};
}

}  // namespace detail

/// last_meeting() with its coverage: complete when every meeting after the answer's first day
/// (every meeting at all, when they never met) would be in the data.
[[nodiscard]] inline auto answer_last_meeting(const timeline& t, const actor_id& a, const actor_id& b,
                                              const meet_options& opt = {})
    -> answer<std::optional<encounter>> {
  auto r = last_meeting(t, a, b, opt);
  const std::optional<date::sys_days> from = r ? std::optional(r->when().earliest_start()) : opt.after;
  auto v = meetings_coverage(t, a, b, from, detail::day_before(opt.before), opt.calls);
  return {std::move(r), std::move(v)};
}

/// first_meeting() with its coverage: complete when every meeting before the answer (every
/// meeting at all, when they never met) would be in the data.
[[nodiscard]] inline auto answer_first_meeting(const timeline& t, const actor_id& a, const actor_id& b,
                                               const meet_options& opt = {})
    -> answer<std::optional<encounter>> {
  auto r = first_meeting(t, a, b, opt);
  const std::optional<date::sys_days> to =
      r ? std::optional(r->when().latest_start()) : detail::day_before(opt.before);
  auto v = meetings_coverage(t, a, b, opt.after, to, opt.calls);
  return {std::move(r), std::move(v)};
}

/// meetings() with its coverage: complete when every meeting within the bounds is in the data.
[[nodiscard]] inline auto answer_meetings(const timeline& t, const actor_id& a, const actor_id& b,
                                          const meet_options& opt = {}) -> answer<std::vector<encounter>> {
  return {meetings(t, a, b, opt),
          meetings_coverage(t, a, b, opt.after, detail::day_before(opt.before), opt.calls)};
}

/// count_meetings() with its coverage (that of meetings()).
[[nodiscard]] inline auto answer_count_meetings(const timeline& t, const actor_id& a, const actor_id& b,
                                                const meet_options& opt = {}) -> answer<std::size_t> {
  return {count_meetings(t, a, b, opt),
          meetings_coverage(t, a, b, opt.after, detail::day_before(opt.before), opt.calls)};
}

/// longest_gap() between meetings of `a` and `b`, with the coverage of their meetings.
[[nodiscard]] inline auto answer_longest_gap(const timeline& t, const actor_id& a, const actor_id& b,
                                             const meet_options& opt = {}) -> answer<std::optional<gap>> {
  return {longest_gap(t, a, b, opt),
          meetings_coverage(t, a, b, opt.after, detail::day_before(opt.before), opt.calls)};
}

/// visits() with its coverage: complete when every trip the filter asks for is in the data.
[[nodiscard]] inline auto answer_visits(const timeline& t, const visit_filter& f)
    -> answer<std::vector<trip>> {
  return {visits(t, f), visits_coverage(t, f)};
}

/// count_visits() with its coverage (that of visits()).
[[nodiscard]] inline auto answer_count_visits(const timeline& t, const visit_filter& f)
    -> answer<std::size_t> {
  return {count_visits(t, f), visits_coverage(t, f)};
}

/// contacts() with its coverage.
[[nodiscard]] inline auto answer_contacts(const timeline& t, const actor_id& a, const meet_options& opt = {},
                                          std::size_t top = 0) -> answer<std::vector<contact>> {
  return {contacts(t, a, opt, top), contacts_coverage(t, a, opt)};
}

/// visited_countries() with its coverage (that of visits() of the person to anywhere).
[[nodiscard]] inline auto answer_visited_countries(const timeline& t, const actor_id& person,
                                                   visit_filter f = {})
    -> answer<std::vector<country_visits>> {
  f.guest = person;
  auto v = visits_coverage(t, f);
  return {visited_countries(t, person, std::move(f)), std::move(v)};
}

/// journeys() with its coverage (that of visits()).
[[nodiscard]] inline auto answer_journeys(const timeline& t, const visit_filter& f)
    -> answer<std::vector<journey>> {
  return {journeys(t, f), visits_coverage(t, f)};
}

/// whereabouts_on() with its coverage: never complete (see day_coverage).
[[nodiscard]] inline auto answer_whereabouts_on(const timeline& t, date::sys_days day,
                                                const whereabouts_options& opt = {})
    -> answer<std::vector<person_whereabouts>> {
  return {whereabouts_on(t, day, opt), day_coverage(t, day)};
}

/// where() with its coverage: complete when every event of the person that day is in the data.
[[nodiscard]] inline auto answer_where(const timeline& t, const actor_id& person, date::sys_days day,
                                       const where_options& opt = {}) -> answer<std::vector<whereabouts>> {
  return {where(t, person, day, opt), whereabouts_coverage(t, person, day, day)};
}

}  // namespace diplo
