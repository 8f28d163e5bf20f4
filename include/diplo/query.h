// SPDX-License-Identifier: MIT
#pragma once

// Queries: when did A last meet B? how many times has A visited C? where was A on D?
//
// Every query is a free function over a frozen `timeline`, never fails, never
// changes the timeline, and may run on many threads at once. Each answer carries the
// events that justify it, so a caller can cite their sources. Whether the answer is the
// whole truth depends on what the data records completely: diplo/answer.h runs each query
// with its coverage verdict (complete, partial, outside; rules in diplo/coverage.h).
//
// WHAT "MEET" MEANS. Two actors meet in an event when both take part in it: as
// guest and host of a visit, as participants of a meeting, as attendees (or host) of
// a summit or a ceremony. By default only in-person events count; phone and video
// calls count when `calls` is set. Only events that occurred count; `planned` adds
// announced, planned and postponed ones, `cancelled` adds cancelled ones.
//
// ONE OCCASION, ONE ENCOUNTER. Talks held inside a state visit, or on the sidelines of
// a summit that both attended, are the same occasion as the visit or summit. So the
// events two actors attended together are grouped into `encounter`s: an event both
// attended, with the events inside it that both attended. The encounter's `event` is
// the most specific of them — the talks rather than the summit around them:
//
//   last_meeting(t, xi, putin, {.before = 2025_y/date::May/7})
//     -> bilateral meeting in Kazan, 22 October 2024, inside the 16th BRICS summit
//
// WHAT "BEFORE D" MEANS with partial dates. An event is before D when it *starts*
// before D: a visit of 5-8 May met "before 7 May". With partial dates, "before" means
// certainly before (an event of "May 2025" is not certainly before 7 May 2025); set
// `possibly` to accept events that may start before D. "After D" is symmetric (starts
// on or after D), and a range [from, to] holds the events starting in it.
//
// TRIPS. A person visits a country whenever they attend an event held there outside
// their own country (the country of the office they held that day; with no country known
// for that day, nowhere: abroad is told from home): a state visit,
// but also a summit or a ceremony abroad. The events of one stay make one trip,
// counted once: an event with everything inside it, and events in the same country on
// overlapping or adjacent days. So Xi Jinping's visits to Russia from 24 February 2022
// to 10 May 2025 are three: Moscow 2023, the Kazan BRICS summit 2024, Moscow 2025.
// `visited_countries` ranks the countries of one person's trips; `longest_gap` over a
// `visit_filter` finds the longest stretch with no matching trip under way (the days
// after the end of every trip so far, up to the start of the next one).
//
// JOURNEYS. A journey is one setting-out: the consecutive stops of one traveller, each a
// trip to one country, that share a journey id (`event_base::journey`, set by importers
// such as the Office of the Historian's, where a stop starting at most a day after the
// journey so far ends belongs to it). A trip whose events name no journey is a journey of
// its own. So "how many times did Obama go abroad" is `journeys(t, f).size()` and "how many
// countries did he visit, how often" is `visits(t, f)`: his spring 2009 journey is one
// journey of five stops (United Kingdom, France, Germany, Czechia, Turkey), five trips.
//
// WHO WAS WHERE ON A DAY. `where(t, person, day)` answers for one person; `whereabouts_on(t,
// day)` for everyone at once: every person an in-person event places somewhere that day,
// with the events, as `where()` would list them for that person. It runs on the timeline's
// day index (an interval tree built by freeze()): O(log n + k) to find the k events that may
// cover the day, plus the sorting of what they place.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <limits>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

#include <date/date.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "diplo/actor.h"
#include "diplo/country.h"
#include "diplo/event.h"
#include "diplo/period.h"
#include "diplo/timeline.h"

namespace diplo {

/// Which events count as a meeting, and the time bounds of a meeting query.
struct meet_options {
  /// Only encounters starting before this day (see "before D" in the header essay).
  std::optional<date::sys_days> before;
  /// Only encounters starting on or after this day.
  std::optional<date::sys_days> after;
  /// Count phone and video calls too.
  bool calls = false;
  /// Count announced, planned and postponed events too.
  bool planned = false;
  /// Count cancelled events too.
  bool cancelled = false;
  /// With partial dates, accept events that only possibly fall within the bounds.
  bool possibly = false;
};

/// One occasion on which two actors were together (see the header essay).
struct encounter {
  /// The most specific event of the occasion: the talks rather than the summit.
  const diplo::event* event = nullptr;
  /// All the occasion's events, outermost first, in timeline order.
  std::vector<const diplo::event*> events;
  /// The timeline the events belong to (for names when printing).
  const diplo::timeline* source = nullptr;

  /// The outermost event when it differs from `event` (the summit the talks were held
  /// at, the visit the parade was part of), else nullptr.
  [[nodiscard]] auto context() const noexcept -> const diplo::event* {
    return events.empty() || events.front() == event ? nullptr : events.front();
  }
  /// The days of `event`.
  [[nodiscard]] auto when() const noexcept -> const period& { return base(*event).when; }

  friend auto operator==(const encounter& a, const encounter& b) noexcept -> bool {
    return a.event == b.event && a.events == b.events;
  }
};

/// The most recent encounter of `a` and `b` (starting before `opt.before`, if given).
/// nullopt when they never met, or when either actor is unknown to the timeline.
///
///   auto r = diplo::last_meeting(t, xi, putin, {.before = 2025_y / date::May / 7});
///   // r->event: bilateral meeting, Kazan, 22 October 2024; r->context(): BRICS summit
[[nodiscard]] auto last_meeting(const timeline& t, const actor_id& a, const actor_id& b,
                                const meet_options& opt = {}) -> std::optional<encounter>;

/// The earliest encounter of `a` and `b` (starting on or after `opt.after`, if given).
[[nodiscard]] auto first_meeting(const timeline& t, const actor_id& a, const actor_id& b,
                                 const meet_options& opt = {}) -> std::optional<encounter>;

/// The first encounter starting on or after `day`: first_meeting with `after = day`.
[[nodiscard]] auto next_meeting(const timeline& t, const actor_id& a, const actor_id& b, date::sys_days day,
                                meet_options opt = {}) -> std::optional<encounter>;

/// Every encounter of `a` and `b` within the options' bounds, oldest first.
[[nodiscard]] auto meetings(const timeline& t, const actor_id& a, const actor_id& b,
                            const meet_options& opt = {}) -> std::vector<encounter>;

/// The number of encounters `meetings()` returns, without building them: "how many times
/// have A and B met since 2022?" costs the search, not an answer list.
[[nodiscard]] auto count_meetings(const timeline& t, const actor_id& a, const actor_id& b,
                                  const meet_options& opt = {}) -> std::size_t;

/// Which trips `visits()` returns. Unset fields match everything.
struct visit_filter {
  /// The visiting person.
  std::optional<actor_id> guest;
  /// The visitor's own country (on the day of the trip).
  country_code guest_country;
  /// The country visited.
  country_code host_country;
  /// Only trips of this level (the highest level of the visits the trip holds).
  std::optional<visit_level> level;
  /// Only trips starting on or after this day.
  std::optional<date::sys_days> from;
  /// Only trips starting on or before this day.
  std::optional<date::sys_days> to;
  /// Count announced, planned and postponed events too.
  bool planned = false;
  /// Count cancelled events too.
  bool cancelled = false;
  /// With partial dates, accept trips that only possibly start within [from, to].
  bool possibly = false;

  /// Whether `count_visits` can answer from the trip index, without building trips: one
  /// guest, one host country, the default statuses, certain bounds. The index holds each
  /// person's trips to each country with their level and first days, so it answers `level`,
  /// `from` and `to`; the other fields need visits().
  ///
  /// Adding a field? The structured binding below names every field and stops compiling
  /// until it names yours too: then decide here whether the index answers it (unless the
  /// index stores it, return false when it is set), and add it to the test
  /// VisitFilter.EachFieldCountsAsVisitsDo in tests/query_test.cpp.
  [[nodiscard]] auto indexed() const noexcept -> bool {
    const auto& [guest_, guest_country_, host_country_, level_, from_, to_, planned_, cancelled_, possibly_] =
        *this;
    static_cast<void>(level_), static_cast<void>(from_), static_cast<void>(to_);  // the index answers these
    return guest_ && !host_country_.empty() && guest_country_.empty() && !planned_ && !cancelled_ &&
           !possibly_;
  }
};

/// One stay of a person in a country (see TRIPS in the header essay).
struct trip {
  actor_id guest;
  country_code country;
  /// From the first day of its first event to the last day of its last.
  period when;
  /// The highest level of the visits it holds (unspecified for summit-only trips).
  visit_level level = visit_level::unspecified;
  /// Its events, in timeline order; the first is the outermost.
  std::vector<const diplo::event*> events;
  /// The timeline the events belong to.
  const diplo::timeline* source = nullptr;

  /// The event the trip was built around: its first, outermost event.
  [[nodiscard]] auto main() const noexcept -> const diplo::event& { return *events.front(); }

  friend auto operator==(const trip& a, const trip& b) noexcept -> bool {
    return a.guest == b.guest && a.country == b.country && a.events == b.events;
  }
};

/// The trips matching the filter, in order of their start.
[[nodiscard]] auto visits(const timeline& t, const visit_filter& f) -> std::vector<trip>;

/// The number of trips matching the filter.
[[nodiscard]] auto count_visits(const timeline& t, const visit_filter& f) -> std::size_t;

/// Which events count for `where()`.
struct where_options {
  bool planned = false;
  bool cancelled = false;
};

/// One event that places a person somewhere on a day.
struct whereabouts {
  const diplo::event* event = nullptr;
  /// certainly: the event surely covers the day; possibly: partial dates allow it.
  truth certainty = truth::certainly;
  /// The timeline the event belongs to (for names when printing).
  const diplo::timeline* source = nullptr;
  /// The place of the event.
  [[nodiscard]] auto place() const noexcept -> const diplo::place& { return base(*event).place; }
  friend auto operator==(const whereabouts&, const whereabouts&) noexcept -> bool = default;
};

/// The in-person events that place `person` somewhere on `day` (the day as the
/// event's place counts it), certain ones first, then in timeline order.
/// Calls place nobody and are left out.
[[nodiscard]] auto where(const timeline& t, const actor_id& person, date::sys_days day,
                         const where_options& opt = {}) -> std::vector<whereabouts>;

/// One counterpart of an actor: how often and when they met.
struct contact {
  actor_id counterpart;
  std::size_t count = 0;
  encounter first;
  encounter last;
};

/// Everyone `a` met, with the number of encounters and the first and last; most
/// frequent first, then by name. With `top` > 0, only the first `top` of them (the
/// others' first and last encounters are then never built).
[[nodiscard]] auto contacts(const timeline& t, const actor_id& a, const meet_options& opt = {},
                            std::size_t top = 0) -> std::vector<contact>;

/// The longest time between two consecutive encounters of `a` and `b`.
struct gap {
  /// The encounter that ended last before the gap (not always the one that started last:
  /// a year-long visit outlasts a meeting held during it).
  encounter before;
  /// The first encounter after the gap.
  encounter after;
  /// The days with no encounter under way: from the day after the latest end of `before`
  /// (the last possible day of any of its events) to the day before `after` starts (its
  /// first possible day). 0 when they touch or overlap.
  date::days length{0};
  /// The last day the count is based on: the latest possible last day of `before`'s events.
  [[nodiscard]] auto last_day() const noexcept -> date::sys_days {
    date::sys_days end = base(*before.events.front()).when.latest_end();
    for (const diplo::event* e : before.events) end = std::max(end, base(*e).when.latest_end());
    return end - date::days{1};
  }
  /// The first day the count is based on: the first possible day of `after`.
  [[nodiscard]] auto next_day() const noexcept -> date::sys_days {
    return base(*after.events.front()).when.earliest_start();
  }
};

/// The longest gap between consecutive encounters (ordered by start; each gap runs from
/// the latest end of all the encounters before it to the start of the next, as for trips).
/// The first of equally long gaps wins. nullopt with fewer than two.
[[nodiscard]] auto longest_gap(const timeline& t, const actor_id& a, const actor_id& b,
                               const meet_options& opt = {}) -> std::optional<gap>;

/// How often one person went to one country (see `visited_countries`).
struct country_visits {
  country_code country;
  /// The number of trips to it.
  std::size_t trips = 0;
  /// The first and the last of them (the same trip when there was one).
  trip first;
  trip last;
};

/// The countries `person` visited, counted in trips (see TRIPS in the header essay) that
/// match `f` (whose `guest` is replaced by `person`): the most trips first, then by ISO code.
/// Empty for an actor the timeline does not know, or one who never went abroad.
///
///   auto c = diplo::visited_countries(t, christopher, {.from = d1993, .to = d1997});
///   c.front().country == diplo::country_code{"IL"};   // c.front().trips == 32
[[nodiscard]] auto visited_countries(const timeline& t, const actor_id& person, visit_filter f = {})
    -> std::vector<country_visits>;

/// The longest stretch between trips matching the filter (see `longest_gap` below).
struct trip_gap {
  /// The trip that ended last before the gap (not always the one that started last).
  trip before;
  /// The first trip after the gap.
  trip after;
  /// The days with no matching trip under way: from the day after `before` ends (its last
  /// possible day) to the day before `after` starts (its first possible day). 0 when they
  /// touch or overlap, or when `before` has an open or unknown end (it may still be under
  /// way: no gap is counted after its start).
  date::days length{0};
  /// The last day the count is based on: the last possible day of `before`.
  [[nodiscard]] auto last_day() const noexcept -> date::sys_days {
    return before.when.latest_end() - date::days{1};
  }
  /// The first day the count is based on: the first possible day of `after`.
  [[nodiscard]] auto next_day() const noexcept -> date::sys_days { return after.when.earliest_start(); }
};

/// The longest gap between consecutive trips matching `f` (ordered by start; each gap runs
/// from the latest end of all the trips before it to the start of the next). The first of
/// equally long gaps wins. nullopt with fewer than two trips.
///
///   auto g = diplo::longest_gap(t, diplo::visit_filter{.guest_country = "DK", .host_country = "US"});
///   g->length.count() == 2578;   // 13 May 2016 .. 5 June 2023 (Office of the Historian data)
[[nodiscard]] auto longest_gap(const timeline& t, const visit_filter& f) -> std::optional<trip_gap>;

/// One setting-out of one traveller: consecutive stops, each a trip to one country (see
/// JOURNEYS in the header essay).
struct journey {
  /// The journey id its events share (`event_base::journey`); empty for a trip whose events
  /// name none, which is a journey of its own.
  std::string id;
  actor_id guest;
  /// From the first day of its first stop to the last day of its last.
  period when;
  /// Its stops, in order of their start.
  std::vector<trip> stops;
  /// The timeline the events belong to.
  const diplo::timeline* source = nullptr;

  /// The countries of its stops, in the order first reached, each once.
  [[nodiscard]] auto countries() const -> std::vector<country_code> {
    std::vector<country_code> out;
    for (const trip& s : stops) {
      if (std::find(out.begin(), out.end(), s.country) == out.end()) out.push_back(s.country);
    }
    return out;
  }
};

/// The journeys whose stops are trips matching `f`'s `guest`, `guest_country`, `planned`,
/// `cancelled` (and `possibly`), in order of their start. The other fields select whole
/// journeys: `from`/`to` bound the journey's start, `host_country` keeps the journeys with a
/// stop in that country, `level` those with a stop of that level; a kept journey keeps all
/// its stops.
///
///   auto js = diplo::journeys(t, {.guest = obama, .from = d2009, .to = d2009e});
///   js.size();                 // times he set out in 2009
///   js.front().countries();    // {GB, FR, DE, CZ, TR}
[[nodiscard]] auto journeys(const timeline& t, const visit_filter& f) -> std::vector<journey>;

/// Which events count for `whereabouts_on()`.
struct whereabouts_options {
  /// Only events held in this country (empty: anywhere).
  country_code country;
  /// Count announced, planned and postponed events too.
  bool planned = false;
  /// Count cancelled events too.
  bool cancelled = false;
};

/// One person and the events that place them somewhere on a day.
struct person_whereabouts {
  actor_id actor;
  /// The events, as `where()` lists them: certain ones first, then in timeline order.
  std::vector<diplo::whereabouts> whereabouts;
  /// The timeline the events belong to (for names when printing).
  const diplo::timeline* source = nullptr;

  friend auto operator==(const person_whereabouts&, const person_whereabouts&) noexcept -> bool = default;
};

/// Every person that an in-person event places somewhere on `day` (guests, hosts,
/// participants, attendees; organisations are left out), each with their events exactly
/// as `where(t, person, day)` lists them (restricted to `opt.country` when set). People are
/// ordered by their first event in timeline order, then by name, so the people of one
/// event stand together. Cost: O(log n + k) on the timeline's day index to find the k
/// events that may cover the day, plus O(p log p) to sort the p placements.
///
///   for (const auto& p : diplo::whereabouts_on(t, 2009_y / date::April / 2)) ...
///   // Barack Obama: London (president travels record 2961); Hillary Clinton: London; ...
[[nodiscard]] auto whereabouts_on(const timeline& t, date::sys_days day, const whereabouts_options& opt = {})
    -> std::vector<person_whereabouts>;

// ---------------------------------------------------------------------------------------
namespace detail {

/// Asks the processor to load the cache line of `p` ahead of its use (nothing where the
/// compiler has no such builtin).
inline void prefetch(const void* p) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(p);
#else
  (void)p;
#endif
}

inline auto status_counts(status s, bool planned, bool cancelled) noexcept -> bool {
  switch (s) {
    case status::occurred: return true;
    case status::announced:
    case status::planned:
    case status::postponed: return planned;
    case status::cancelled: return cancelled;
  }
  return false;
}

inline auto meet_counts(const event& e, const meet_options& o) noexcept -> bool {
  return status_counts(base(e).status, o.planned, o.cancelled) && (o.calls || in_person(e));
}

inline auto day_number(date::sys_days d) noexcept -> std::int32_t {
  return static_cast<std::int32_t>(d.time_since_epoch().count());
}

/// Does event i fall within the options' before/after bounds?
inline auto within_bounds(const timeline_index& ix, std::uint32_t i, const meet_options& o) noexcept -> bool {
  if (o.before) {
    auto d = day_number(*o.before);
    if ((o.possibly ? ix.facts[i].earliest_start : ix.facts[i].latest_start) >= d) return false;
  }
  if (o.after) {
    auto d = day_number(*o.after);
    if ((o.possibly ? ix.facts[i].latest_start : ix.facts[i].earliest_start) < d) return false;
  }
  return true;
}

/// Does the event name the actor? (Its facts first: callers have read them already.)
inline auto has_actor(const timeline_index& ix, std::uint32_t event, std::uint32_t actor) noexcept -> bool {
  if ((ix.facts[event].people & people_bit(actor)) == 0) return false;
  auto s = ix.event_actors.of(event);
  return std::binary_search(s.begin(), s.end(), actor);
}

/// Does event i count as a meeting under the options? (From the index's flags.)
inline auto meet_counts(const timeline_index& ix, std::uint32_t i, const meet_options& o) noexcept -> bool {
  const auto f = ix.facts[i].flags;
  return status_counts(static_cast<status>(f & flag_status_mask), o.planned, o.cancelled) &&
         (o.calls || (f & flag_in_person) != 0);
}

/// The days [lo, hi) an event's earliest start must fall in to be within the options'
/// bounds (a necessary condition: within_bounds decides).
inline auto start_window(const meet_options& o) noexcept -> std::pair<std::int32_t, std::int32_t> {
  std::int32_t lo = std::numeric_limits<std::int32_t>::min();
  std::int32_t hi = std::numeric_limits<std::int32_t>::max();
  if (o.before) hi = day_number(*o.before);
  // With `possibly`, an event whose earliest start is before `after` may still start after.
  if (o.after && !o.possibly) lo = day_number(*o.after);
  return {lo, hi};
}

/// Galloping (exponential) search for the partition point of `below` in list[from, to),
/// upwards from `from` (gallop_up: list[from - 1], if any, is below) or downwards from `to`
/// (gallop_down: nothing from `to` on is below). O(log d) for a jump of d, so intersecting
/// two lists that share little skips the long runs, and a good guess is cheap to correct.
template <class T, class Below>
auto gallop_up(std::span<const T> list, std::size_t from, std::size_t to, Below below) noexcept
    -> std::size_t {
  std::size_t step = 1;
  std::size_t lo = from;
  while (lo + step < to && below(list[lo + step])) {
    lo += step;
    step *= 2;
  }
  const std::size_t hi = std::min(to, lo + step + 1);
  return static_cast<std::size_t>(std::partition_point(list.begin() + static_cast<std::ptrdiff_t>(lo),
                                                       list.begin() + static_cast<std::ptrdiff_t>(hi),
                                                       below) -
                                  list.begin());
}

template <class T, class Below>
auto gallop_down(std::span<const T> list, std::size_t from, std::size_t to, Below below) noexcept
    -> std::size_t {
  std::size_t step = 1;
  std::size_t hi = to;
  while (hi >= from + step + 1 && !below(list[hi - step - 1])) {
    hi -= step;
    step *= 2;
  }
  const std::size_t lo = hi >= from + step + 1 ? hi - step - 1 : from;
  return static_cast<std::size_t>(std::partition_point(list.begin() + static_cast<std::ptrdiff_t>(lo),
                                                       list.begin() + static_cast<std::ptrdiff_t>(hi),
                                                       below) -
                                  list.begin());
}

/// Where interpolation puts day v in a list sorted by day (not empty): the first guess of
/// first_on_or_after, which a caller may prefetch.
template <class T, class Day>
auto interpolate(std::span<const T> list, std::int32_t v, Day day) noexcept -> std::size_t {
  const std::size_t n = list.size();
  const std::int64_t d0 = day(list[0]);
  const std::int64_t d1 = day(list[n - 1]);
  if (v <= d0) return 0;
  if (v > d1) return n - 1;
  return static_cast<std::size_t>((v - d0) * static_cast<std::int64_t>(n - 1) / (d1 - d0));
}

/// The first position of a list sorted by day whose day is >= v. Days in an actor's or a
/// pair's list grow roughly evenly, so the search starts where interpolation puts v and
/// gallops from there: two or three cache misses where a binary search over a long list
/// takes ten.
template <class T, class Day>
auto first_on_or_after(std::span<const T> list, std::int32_t v, Day day) noexcept -> std::size_t {
  auto below = [&](const T& x) { return day(x) < v; };
  const std::size_t n = list.size();
  if (n < 16) {
    return static_cast<std::size_t>(std::partition_point(list.begin(), list.end(), below) - list.begin());
  }
  if (v <= day(list[0])) return 0;
  if (v > day(list[n - 1])) return n;
  const auto guess = interpolate(list, v, day);
  if (below(list[guess])) return gallop_up(list, guess, n, below);
  return gallop_down(list, 0, guess, below);
}

/// The positions [b, e) of a list sorted by day whose days fall in [lo, hi).
template <class T, class Day>
auto day_range(std::span<const T> list, std::int32_t lo, std::int32_t hi, Day day) noexcept
    -> std::pair<std::size_t, std::size_t> {
  const std::size_t b = lo == std::numeric_limits<std::int32_t>::min() ? 0 : first_on_or_after(list, lo, day);
  const std::size_t e =
      hi == std::numeric_limits<std::int32_t>::max() ? list.size() : first_on_or_after(list, hi, day);
  return {b, std::max(b, e)};
}

inline auto day_range(std::span<const dated> list, std::int32_t lo, std::int32_t hi) noexcept {
  return day_range(list, lo, hi, [](const dated& x) { return x.day; });
}

/// The bilateral events of a pair (timeline order, with their earliest start days).
inline auto pair_list_of(const timeline_index& ix, std::uint32_t a, std::uint32_t b) noexcept
    -> std::span<const dated> {
  auto [from, to] = ix.pair_table.find(pair_key(a, b));
  return {ix.pair_entries.data() + from, to - from};
}

/// The group events (3+ participants) of an actor (timeline order, with their days).
inline auto group_list_of(const timeline_index& ix, std::uint32_t a) noexcept -> std::span<const dated> {
  return ix.group_entries.of(a);
}

/// Walking two event lists together: the next position at or past `at` (upwards) whose
/// event is >= v, or the position after the last one before `at` whose event is <= v.
inline auto skip_up(std::span<const dated> list, std::size_t at, std::size_t to, std::uint32_t v) noexcept {
  return gallop_up(list, at, to, [v](const dated& x) { return x.event < v; });
}
inline auto skip_down(std::span<const dated> list, std::size_t from, std::size_t at,
                      std::uint32_t v) noexcept {
  return gallop_down(list, from, at, [v](const dated& x) { return x.event <= v; });
}

/// Calls f(event) for each event in both ga[ab, ae) and gb[bb, be), in timeline order,
/// until f returns true; galloping over the runs one list has and the other has not.
template <class F>
void intersect(std::span<const dated> ga, std::size_t ab, std::size_t ae, std::span<const dated> gb,
               std::size_t bb, std::size_t be, F f) {
  while (ab < ae && bb < be) {
    const auto x = ga[ab].event;
    const auto y = gb[bb].event;
    if (x == y) {
      if (f(x)) return;
      ++ab;
      ++bb;
    } else if (x < y) {
      ab = skip_up(ga, ab, ae, y);
    } else {
      bb = skip_up(gb, bb, be, x);
    }
  }
}

/// Every event both actors attended that counts and lies within bounds, in timeline order:
/// their bilateral events, and the intersection of their group events.
inline auto shared_events(const timeline& t, std::uint32_t a, std::uint32_t b, const meet_options& o)
    -> std::vector<std::uint32_t> {
  const auto& ix = t.index();
  auto [lo, hi] = start_window(o);
  std::vector<std::uint32_t> out;
  auto keep = [&](std::uint32_t i) {
    if (meet_counts(ix, i, o) && within_bounds(ix, i, o)) out.push_back(i);
  };
  auto pl = pair_list_of(ix, a, b);
  auto [pb, pe] = day_range(pl, lo, hi);
  constexpr std::size_t ahead = 8;  // each event's facts are a miss: overlap them
  for (auto k = pb; k < std::min(pe, pb + ahead); ++k) prefetch(&ix.facts[pl[k].event]);
  for (auto k = pb; k < pe; ++k) {
    if (k + ahead < pe) prefetch(&ix.facts[pl[k + ahead].event]);
    keep(pl[k].event);
  }
  auto ga = group_list_of(ix, a);
  auto gb = group_list_of(ix, b);
  auto [ab, ae] = day_range(ga, lo, hi);
  auto [bb, be] = day_range(gb, lo, hi);
  const auto pairs_end = out.size();
  intersect(ga, ab, ae, gb, bb, be, [&](std::uint32_t i) {
    keep(i);
    return false;
  });
  std::inplace_merge(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(pairs_end), out.end());
  return out;
}

/// Is x a more specific event of an encounter than y? Meetings before other kinds, then
/// the deeper, then the later (or earlier) in timeline order.
inline auto more_specific(const timeline& t, std::uint32_t x, std::uint32_t y, bool prefer_late) -> bool {
  const auto& ix = t.index();
  bool mx = (ix.facts[x].flags & flag_meeting) != 0;
  bool my = (ix.facts[y].flags & flag_meeting) != 0;
  if (mx != my) return mx;
  if (ix.facts[x].depth != ix.facts[y].depth) return ix.facts[x].depth > ix.facts[y].depth;
  return prefer_late ? x > y : x < y;
}

/// The encounter of `members` (sorted, distinct), whose outermost event is `root`.
inline auto make_encounter(const timeline& t, std::span<const std::uint32_t> members, std::uint32_t root,
                           bool prefer_late) -> encounter {
  encounter e;
  e.source = &t;
  std::uint32_t best = root;
  for (auto m : members) {
    if (more_specific(t, m, best, prefer_late)) best = m;
  }
  e.events.reserve(members.size());
  e.events.push_back(&t.events()[root]);
  for (auto m : members) {
    if (m != root) e.events.push_back(&t.events()[m]);
  }
  e.event = &t.events()[best];
  return e;
}

/// The outermost ancestor of event i that is among `shared` (sorted), or i itself: the
/// root of i's encounter.
inline auto outermost_shared(const timeline_index& ix, const std::vector<std::uint32_t>& shared,
                             std::uint32_t i) -> std::uint32_t {
  std::uint32_t root = i;
  for (auto p = ix.facts[i].parent; p != no_index; p = ix.facts[p].parent) {
    if (std::binary_search(shared.begin(), shared.end(), p)) root = p;
  }
  return root;
}

/// Groups shared events (sorted, distinct) into encounters, in timeline order of their
/// outermost events.
inline auto group_encounters(const timeline& t, const std::vector<std::uint32_t>& shared, bool prefer_late)
    -> std::vector<encounter> {
  const auto& ix = t.index();
  // (root, member): the root of an event is its outermost ancestor among the shared.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> rooted;
  rooted.reserve(shared.size());
  bool nested = false;
  for (auto i : shared) {
    const std::uint32_t root = outermost_shared(ix, shared, i);
    nested = nested || root != i;
    rooted.emplace_back(root, i);
  }
  if (nested) std::sort(rooted.begin(), rooted.end());
  std::vector<encounter> out;
  std::vector<std::uint32_t> members;
  for (std::size_t k = 0; k < rooted.size();) {
    members.clear();
    const auto root = rooted[k].first;
    for (; k < rooted.size() && rooted[k].first == root; ++k) members.push_back(rooted[k].second);
    out.push_back(make_encounter(t, members, root, prefer_late));
  }
  return out;
}

inline auto pair_numbers(const timeline& t, const actor_id& a, const actor_id& b)
    -> std::optional<std::pair<std::uint32_t, std::uint32_t>> {
  auto na = t.actor_number(a);
  auto nb = t.actor_number(b);
  if (!na || !nb || *na == *nb) return std::nullopt;
  return std::pair{*na, *nb};
}

/// The trips of one person, in order of their start (no filter on level or range).
inline auto trips_of(const timeline& t, const actor_id& guest, const visit_filter& f) -> std::vector<trip> {
  std::vector<trip> out;
  auto n = t.actor_number(guest);
  if (!n) return out;
  const auto& ix = t.index();
  const auto& actors = t.actors();

  std::vector<std::uint32_t> events;
  std::vector<country_code> countries;
  for (auto i : ix.actor_events.of(*n)) {
    const event& e = t.events()[i];
    if (!status_counts(base(e).status, f.planned, f.cancelled)) continue;
    country_code home = actors.country_of(guest, base(e).when.earliest_start());
    if (!f.guest_country.empty() && home != f.guest_country) continue;
    if (!visiting(guest, e, home)) continue;
    country_code c = country_of(e);
    if (!f.host_country.empty() && c != f.host_country) continue;
    events.push_back(i);
    countries.push_back(c);
  }
  // The day after each event's latest possible last day, as the trip index has it.
  auto numbers = trip_numbers(ix, events, countries, [&](std::uint32_t i) {
    return std::max(day_number(base(t.events()[i]).when.latest_end()), ix.facts[i].earliest_start + 1);
  });
  for (std::size_t k = 0; k < events.size(); ++k) {
    if (numbers[k] == out.size()) {
      trip tr;
      tr.guest = guest;
      tr.country = countries[k];
      tr.source = &t;
      out.push_back(std::move(tr));
    }
    out[numbers[k]].events.push_back(&t.events()[events[k]]);
  }
  for (auto& tr : out) {
    for (const event* e : tr.events) {
      if (const auto* v = std::get_if<visit>(e)) tr.level = std::max(tr.level, v->level);
    }
    tr.when = trip_period(tr.events);
  }
  return out;
}

/// "151 days, between 31 December 2020 and 1 June 2021": the days strictly between the last
/// day before the gap and the first day after it, then those two days; "0 days: no day
/// between" when there is no gap (the two touch or overlap, or the one before has no known end).
inline auto gap_text(date::days length, date::sys_days last, date::sys_days next) -> std::string {
  if (length.count() == 0) return "0 days: no day between";
  return fmt::format("{} days, between {} and {}", length.count(), partial_date(date::year_month_day{last}),
                     partial_date(date::year_month_day{next}));
}

}  // namespace detail

inline auto meetings(const timeline& t, const actor_id& a, const actor_id& b, const meet_options& opt)
    -> std::vector<encounter> {
  auto ns = detail::pair_numbers(t, a, b);
  if (!ns) return {};
  return detail::group_encounters(t, detail::shared_events(t, ns->first, ns->second, opt), true);
}

inline auto count_meetings(const timeline& t, const actor_id& a, const actor_id& b, const meet_options& opt)
    -> std::size_t {
  auto ns = detail::pair_numbers(t, a, b);
  if (!ns) return 0;
  const auto shared = detail::shared_events(t, ns->first, ns->second, opt);
  // One encounter per shared event that is its own root (as group_encounters groups them).
  const auto& ix = t.index();
  return static_cast<std::size_t>(std::count_if(shared.begin(), shared.end(), [&](std::uint32_t i) {
    return detail::outermost_shared(ix, shared, i) == i;
  }));
}

namespace detail {

/// Is event i one that actors a and b attended together, counting under the options?
inline auto is_shared(const timeline& t, std::uint32_t i, std::uint32_t a, std::uint32_t b,
                      const meet_options& o) -> bool {
  const auto& ix = t.index();
  return meet_counts(ix, i, o) && within_bounds(ix, i, o) && has_actor(ix, i, a) && has_actor(ix, i, b);
}

/// The latest (or earliest) event both actors attended that counts under the options:
/// searched from the bound in the pair's bilateral events and in the intersection of the
/// two actors' group events (walked together from the bound, so a summit is never
/// exploded into pairs), stopping at the first hit of each.
inline auto extreme_shared(const timeline& t, std::uint32_t a, std::uint32_t b, const meet_options& o,
                           bool latest) -> std::optional<std::uint32_t> {
  const auto& ix = t.index();
  auto [lo, hi] = start_window(o);
  auto counts = [&](std::uint32_t i) { return meet_counts(ix, i, o) && within_bounds(ix, i, o); };
  std::optional<std::uint32_t> best;
  // The three lists lie far apart: the ends of the two group lists are asked for first, so
  // that their misses overlap the search of the pair's list.
  auto ga = group_list_of(ix, a);
  auto gb = group_list_of(ix, b);
  for (auto g : {ga, gb}) {
    if (g.empty()) continue;
    prefetch(&g.front());
    prefetch(&g.back());
  }
  auto pl = pair_list_of(ix, a, b);
  auto [pb, pe] = day_range(pl, lo, hi);
  // Walking down, the group lists are searched from the upper bound, which the pair's hit
  // does not move: searched while the facts of the pair's latest event are on their way.
  auto day = [](const dated& x) { return x.day; };
  const bool unbounded = hi == std::numeric_limits<std::int32_t>::max();
  std::size_t ae = ga.size();
  std::size_t be = gb.size();
  if (latest) {
    if (pe > pb) prefetch(&ix.facts[pl[pe - 1].event]);
    if (!unbounded) {
      for (auto g : {ga, gb}) {
        if (g.size() >= 16) prefetch(&g[interpolate(g, hi, day)]);
      }
      ae = first_on_or_after(ga, hi, day);
      be = first_on_or_after(gb, hi, day);
    }
    for (auto k = pe; k > pb; --k) {
      if (counts(pl[k - 1].event)) {
        best = pl[k - 1].event;
        break;
      }
    }
  } else {
    for (auto k = pb; k < pe; ++k) {
      if (counts(pl[k].event)) {
        best = pl[k].event;
        break;
      }
    }
  }
  // The group events: from the pair's hit on, if any (nothing beyond it can beat it).
  if (best) (latest ? lo : hi) = ix.facts[*best].earliest_start + (latest ? 0 : 1);
  if (latest) {
    // Searched from the upper bound only: the walk down stops at the lower one by itself.
    const std::size_t ab = 0;
    const std::size_t bb = 0;
    while (ae > ab && be > bb && ga[ae - 1].day >= lo && gb[be - 1].day >= lo) {
      const auto x = ga[ae - 1].event;
      const auto y = gb[be - 1].event;
      if (best && std::max(x, y) <= *best) break;
      if (x == y) {
        if (counts(x)) return best && *best > x ? best : std::optional<std::uint32_t>(x);
        --ae;
        --be;
      } else if (x > y) {
        ae = skip_down(ga, ab, ae, y);
      } else {
        be = skip_down(gb, bb, be, x);
      }
    }
  } else {
    // Forwards; nothing at or after the pair's hit can beat it.
    const auto [a_begin, a_end] = day_range(ga, lo, hi);
    const auto [b_begin, b_end] = day_range(gb, lo, hi);
    intersect(ga, a_begin, a_end, gb, b_begin, b_end, [&](std::uint32_t i) {
      if (best && i >= *best) return true;
      if (!counts(i)) return false;
      best = i;
      return true;
    });
  }
  return best;
}

/// The encounter of actors a and b rooted at event `root`: the root and every event
/// inside it that both attended and that counts under the options. `known`, if not
/// no_index, is an event inside it already known to be one of them (not checked again).
inline auto encounter_at(const timeline& t, std::uint32_t root, std::uint32_t a, std::uint32_t b,
                         const meet_options& o, bool prefer_late, std::uint32_t known = no_index)
    -> encounter {
  const auto& ix = t.index();
  if ((ix.facts[root].flags & flag_has_children) == 0) {
    const std::uint32_t only[] = {root};
    return make_encounter(t, only, root, prefer_late);
  }
  std::vector<std::uint32_t> members{root};
  std::vector<std::uint32_t> stack{root};
  while (!stack.empty()) {
    auto n = stack.back();
    stack.pop_back();
    const auto children = ix.children.of(n);
    for (auto c : children) prefetch(&ix.facts[c]);  // a summit has many: overlap their misses
    for (auto c : children) {
      if (c == known || is_shared(t, c, a, b, o)) members.push_back(c);
      if ((ix.facts[c].flags & flag_has_children) != 0) stack.push_back(c);
    }
  }
  std::sort(members.begin(), members.end());
  return make_encounter(t, members, root, prefer_late);
}

inline auto extreme_encounter(const timeline& t, const actor_id& x, const actor_id& y, const meet_options& o,
                              bool latest) -> std::optional<encounter> {
  auto ns = pair_numbers(t, x, y);
  if (!ns) return std::nullopt;
  auto [a, b] = *ns;
  auto hit = extreme_shared(t, a, b, o, latest);
  if (!hit) return std::nullopt;
  const auto& ix = t.index();

  // The encounter around it: its outermost shared ancestor and every shared event inside.
  auto root = *hit;
  for (auto p = ix.facts[*hit].parent; p != no_index; p = ix.facts[p].parent) {
    if (is_shared(t, p, a, b, o)) root = p;
  }
  return encounter_at(t, root, a, b, o, latest, *hit);
}

}  // namespace detail

inline auto last_meeting(const timeline& t, const actor_id& a, const actor_id& b, const meet_options& opt)
    -> std::optional<encounter> {
  return detail::extreme_encounter(t, a, b, opt, true);
}

inline auto first_meeting(const timeline& t, const actor_id& a, const actor_id& b, const meet_options& opt)
    -> std::optional<encounter> {
  return detail::extreme_encounter(t, a, b, opt, false);
}

inline auto next_meeting(const timeline& t, const actor_id& a, const actor_id& b, date::sys_days day,
                         meet_options opt) -> std::optional<encounter> {
  opt.after = day;
  return first_meeting(t, a, b, opt);
}

inline auto visits(const timeline& t, const visit_filter& f) -> std::vector<trip> {
  std::vector<trip> all;
  if (f.guest) {
    all = detail::trips_of(t, *f.guest, f);
  } else {
    for (const auto& a : t.actors().actors()) {
      if (!std::holds_alternative<person>(a)) continue;
      auto mine = detail::trips_of(t, id_of(a), f);
      all.insert(all.end(), std::make_move_iterator(mine.begin()), std::make_move_iterator(mine.end()));
    }
  }
  std::erase_if(all, [&](const trip& tr) {
    if (f.level && tr.level != *f.level) return true;
    const period& p = tr.when;
    if (f.from && (f.possibly ? p.latest_start() : p.earliest_start()) < *f.from) return true;
    if (f.to && (f.possibly ? p.earliest_start() : p.latest_start()) > *f.to) return true;
    return false;
  });
  std::stable_sort(all.begin(), all.end(),
                   [&](const trip& x, const trip& y) { return t.number(x.main()) < t.number(y.main()); });
  return all;
}

inline auto count_visits(const timeline& t, const visit_filter& f) -> std::size_t {
  // One person's trips to one country with the default statuses: counted on the trip
  // index, O(log n + the trips starting in range).
  if (!f.indexed()) return visits(t, f).size();
  auto n = t.actor_number(*f.guest);
  if (!n) return 0;
  const auto& ix = t.index();
  auto [from, to] = ix.trip_table.find(detail::trip_key(*n, f.host_country));
  std::span<const detail::trip_start> trips(ix.trips.data() + from, to - from);
  auto it = trips.begin();
  if (f.from) {
    const auto d = detail::day_number(*f.from);
    it = std::partition_point(trips.begin(), trips.end(),
                              [&](const detail::trip_start& x) { return x.earliest < d; });
  }
  const auto last = f.to ? detail::day_number(*f.to) : std::numeric_limits<std::int32_t>::max();
  std::size_t count = 0;
  for (; it != trips.end() && it->earliest <= last; ++it) {
    if (it->latest > last) continue;
    if (f.level && it->level != static_cast<std::uint8_t>(*f.level)) continue;
    ++count;
  }
  return count;
}

inline auto where(const timeline& t, const actor_id& person, date::sys_days day, const where_options& opt)
    -> std::vector<whereabouts> {
  std::vector<whereabouts> out;
  auto n = t.actor_number(person);
  if (!n) return out;
  const auto& ix = t.index();
  auto d = detail::day_number(day);
  // In each span class, the events starting after `day` cannot cover it, and none
  // starting more than the class's longest span before it can. One search per class, for
  // the first event starting after the day; then back to the horizon, which a class's
  // longest span keeps near. The six searches start far apart in memory, so their first
  // reads are asked for together, and the misses overlap.
  const auto first = *n * detail::span_classes;
  std::array<std::span<const detail::spanned>, detail::span_classes> lists;
  for (std::uint32_t c = 0; c < detail::span_classes; ++c) {
    lists[c] = ix.span_events.of(first + c);
    if (lists[c].empty()) continue;
    detail::prefetch(&lists[c].front());
    detail::prefetch(&lists[c].back());
  }
  auto start_day = [](const detail::spanned& x) { return x.day; };
  const bool unbounded = d == std::numeric_limits<std::int32_t>::max();
  if (!unbounded) {
    for (const auto& list : lists) {
      if (list.size() >= 16) detail::prefetch(&list[detail::interpolate(list, d + 1, start_day)]);
    }
  }
  std::vector<std::uint32_t> found;
  for (std::uint32_t c = 0; c < detail::span_classes; ++c) {
    const auto list = lists[c];
    if (list.empty()) continue;
    const auto horizon =
        static_cast<std::int32_t>(std::max<long long>(static_cast<long long>(d) - ix.span_max[first + c] + 1,
                                                      std::numeric_limits<std::int32_t>::min() + 1));
    const auto to = unbounded ? list.size() : detail::first_on_or_after(list, d + 1, start_day);
    for (auto k = to; k > 0 && list[k - 1].day >= horizon; --k) {
      if (list[k - 1].stop <= d) continue;  // ended before the day, whatever its dates say
      const auto i = list[k - 1].event;
      const auto f = ix.facts[i].flags;
      if (!detail::status_counts(static_cast<status>(f & detail::flag_status_mask), opt.planned,
                                 opt.cancelled)) {
        continue;
      }
      found.push_back(i);
    }
  }
  std::sort(found.begin(), found.end());
  for (auto i : found) {
    const event& e = t.events()[i];
    truth c = base(e).when.covers(day);
    if (c != truth::no) out.push_back({&e, c, &t});
  }
  std::stable_partition(out.begin(), out.end(),
                        [](const whereabouts& w) { return w.certainty == truth::certainly; });
  return out;
}

inline auto contacts(const timeline& t, const actor_id& a, const meet_options& opt, std::size_t top)
    -> std::vector<contact> {
  std::vector<contact> out;
  auto na = t.actor_number(a);
  if (!na) return out;
  const auto& ix = t.index();
  const auto actor_count = static_cast<std::uint32_t>(t.actors().size());
  // One pass over a's events: an event that counts opens a new encounter with each other
  // participant b unless one of its ancestors is also shared with b and counts (then it
  // belongs to that ancestor's encounter, which came earlier in timeline order).
  std::vector<std::uint32_t> count(actor_count, 0);
  std::vector<std::uint32_t> first(actor_count, detail::no_index);
  std::vector<std::uint32_t> last(actor_count, detail::no_index);
  std::vector<std::uint32_t> met;  // the actors with a count, in order of first encounter
  auto counts = [&](std::uint32_t i) {
    return detail::meet_counts(ix, i, opt) && detail::within_bounds(ix, i, opt);
  };
  // The events are far apart in memory: each costs a cache miss for its facts and one for
  // its actors, so they are asked for a few events ahead and the misses overlap.
  const auto mine = ix.actor_events.of(*na);
  constexpr std::size_t ahead = 16;
  for (std::size_t k = 0; k < mine.size(); ++k) {
    if (k + ahead < mine.size()) {
      detail::prefetch(&ix.facts[mine[k + ahead]]);
      detail::prefetch(&ix.event_actors.offsets[mine[k + ahead]]);
    }
    if (k + ahead / 2 < mine.size()) {
      detail::prefetch(ix.event_actors.items.data() + ix.event_actors.offsets[mine[k + ahead / 2]]);
    }
    const auto i = mine[k];
    if (!counts(i)) continue;
    for (auto b : ix.event_actors.of(i)) {
      if (b == *na) continue;
      bool inside = false;
      for (auto p = ix.facts[i].parent; p != detail::no_index && !inside; p = ix.facts[p].parent) {
        inside = counts(p) && detail::has_actor(ix, p, *na) && detail::has_actor(ix, p, b);
      }
      if (inside) continue;
      if (count[b]++ == 0) {
        first[b] = i;
        met.push_back(b);
      }
      last[b] = i;
    }
  }
  // Most frequent first, then by name (the index's name ranks: no name is looked up).
  std::sort(met.begin(), met.end(), [&](std::uint32_t x, std::uint32_t y) {
    if (count[x] != count[y]) return count[x] > count[y];
    return ix.name_rank[x] < ix.name_rank[y];
  });
  if (top != 0 && met.size() > top) met.resize(top);
  const auto& all = t.actors().actors();
  out.reserve(met.size());
  for (auto b : met) {
    out.push_back({id_of(all[b]), count[b], detail::encounter_at(t, first[b], *na, b, opt, true),
                   detail::encounter_at(t, last[b], *na, b, opt, true)});
  }
  return out;
}

inline auto longest_gap(const timeline& t, const actor_id& a, const actor_id& b, const meet_options& opt)
    -> std::optional<gap> {
  auto all = meetings(t, a, b, opt);
  if (all.size() < 2) return std::nullopt;
  auto start_of = [](const encounter& e) { return base(*e.events.front()).when.earliest_start(); };
  std::stable_sort(all.begin(), all.end(),
                   [&](const encounter& x, const encounter& y) { return start_of(x) < start_of(y); });
  std::optional<gap> best;
  std::size_t ended_last = 0;  // the encounter before the gap that ends last
  date::sys_days end{};
  for (std::size_t i = 0; i + 1 < all.size(); ++i) {
    const date::sys_days mine = gap{all[i], all[i], date::days{0}}.last_day() + date::days{1};
    if (i == 0 || mine >= end) {
      ended_last = i;
      end = mine;
    }
    const date::sys_days start = start_of(all[i + 1]);
    const date::days len = start > end ? start - end : date::days{0};
    if (!best || len > best->length) best = gap{all[ended_last], all[i + 1], len};
  }
  return best;
}

inline auto visited_countries(const timeline& t, const actor_id& person, visit_filter f)
    -> std::vector<country_visits> {
  f.guest = person;
  std::vector<country_visits> out;
  for (trip& tr : visits(t, f)) {
    auto it = std::find_if(out.begin(), out.end(),
                           [&](const country_visits& c) { return c.country == tr.country; });
    if (it == out.end()) {
      out.push_back({tr.country, 1, tr, tr});
    } else {
      ++it->trips;
      it->last = std::move(tr);
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const country_visits& a, const country_visits& b) {
    if (a.trips != b.trips) return a.trips > b.trips;
    return a.country.alpha2() < b.country.alpha2();
  });
  return out;
}

inline auto longest_gap(const timeline& t, const visit_filter& f) -> std::optional<trip_gap> {
  std::vector<trip> all = visits(t, f);
  if (all.size() < 2) return std::nullopt;
  // Ordered by start (visits() orders by the main event; a trip's start is its first day).
  std::stable_sort(all.begin(), all.end(), [](const trip& a, const trip& b) {
    return a.when.earliest_start() < b.when.earliest_start();
  });
  std::optional<trip_gap> best;
  std::size_t ended_last = 0;  // the trip before the gap that ends last
  for (std::size_t i = 0; i + 1 < all.size(); ++i) {
    if (all[i].when.latest_end() >= all[ended_last].when.latest_end()) ended_last = i;
    const date::sys_days end = all[ended_last].when.latest_end();
    const date::sys_days start = all[i + 1].when.earliest_start();
    const date::days len = start > end ? start - end : date::days{0};
    if (!best || len > best->length) best = trip_gap{all[ended_last], all[i + 1], len};
  }
  return best;
}

inline auto journeys(const timeline& t, const visit_filter& f) -> std::vector<journey> {
  visit_filter stops_filter{.guest = f.guest,
                            .guest_country = f.guest_country,
                            .planned = f.planned,
                            .cancelled = f.cancelled,
                            .possibly = f.possibly};
  std::vector<trip> all = visits(t, stops_filter);
  auto journey_id = [](const trip& tr) -> std::string {
    for (const event* e : tr.events) {
      if (!base(*e).journey.empty()) return base(*e).journey;
    }
    return {};
  };
  std::vector<journey> out;
  std::map<std::pair<std::string, std::string>, std::size_t> at;  // (guest, id) -> journey
  for (trip& tr : all) {
    std::string id = journey_id(tr);
    if (!id.empty()) {
      auto [it, fresh] = at.try_emplace({tr.guest.value(), id}, out.size());
      if (!fresh) {
        out[it->second].stops.push_back(std::move(tr));
        continue;
      }
    }
    journey j;
    j.id = std::move(id);
    j.guest = tr.guest;
    j.source = &t;
    j.stops.push_back(std::move(tr));
    out.push_back(std::move(j));
  }
  for (journey& j : out) {
    std::vector<const event*> evs;
    for (const trip& s : j.stops) evs.insert(evs.end(), s.events.begin(), s.events.end());
    j.when = detail::trip_period(evs);
  }
  std::erase_if(out, [&](const journey& j) {
    const period& p = j.when;
    if (f.from && (f.possibly ? p.latest_start() : p.earliest_start()) < *f.from) return true;
    if (f.to && (f.possibly ? p.earliest_start() : p.latest_start()) > *f.to) return true;
    auto any = [&](auto pred) { return std::any_of(j.stops.begin(), j.stops.end(), pred); };
    if (!f.host_country.empty() && !any([&](const trip& s) { return s.country == f.host_country; })) {
      return true;
    }
    if (f.level && !any([&](const trip& s) { return s.level == *f.level; })) return true;
    return false;
  });
  std::stable_sort(out.begin(), out.end(), [&](const journey& a, const journey& b) {
    return t.number(a.stops.front().main()) < t.number(b.stops.front().main());
  });
  return out;
}

inline auto whereabouts_on(const timeline& t, date::sys_days day, const whereabouts_options& opt)
    -> std::vector<person_whereabouts> {
  const auto& ix = t.index();
  std::vector<std::uint32_t> found;
  ix.days.stab(detail::day_number(day), [&](std::uint32_t i) { found.push_back(i); });
  std::sort(found.begin(), found.end());
  struct placement {
    std::uint32_t actor;
    whereabouts w;
  };
  std::vector<placement> all;
  const auto actors = t.actors().actors();
  for (auto i : found) {
    const event& e = t.events()[i];
    if (!in_person(e) || !detail::status_counts(base(e).status, opt.planned, opt.cancelled)) continue;
    if (!opt.country.empty() && country_of(e) != opt.country) continue;
    const truth c = base(e).when.covers(day);
    if (c == truth::no) continue;
    for (auto a : ix.event_actors.of(i)) {
      if (std::holds_alternative<person>(actors[a])) all.push_back({a, {&e, c, &t}});
    }
  }
  // By actor, and within one actor as where() lists them: certain first, timeline order.
  std::stable_sort(all.begin(), all.end(), [](const placement& x, const placement& y) {
    if (x.actor != y.actor) return x.actor < y.actor;
    return x.w.certainty == truth::certainly && y.w.certainty != truth::certainly;
  });
  std::vector<person_whereabouts> out;
  for (std::size_t k = 0; k < all.size();) {
    person_whereabouts p{id_of(actors[all[k].actor]), {}, &t};
    const auto a = all[k].actor;
    for (; k < all.size() && all[k].actor == a; ++k) p.whereabouts.push_back(all[k].w);
    out.push_back(std::move(p));
  }
  auto first_event = [&](const person_whereabouts& p) {
    std::uint32_t n = detail::no_index;
    for (const auto& w : p.whereabouts) n = std::min(n, t.number(*w.event));
    return n;
  };
  std::vector<std::pair<std::uint32_t, std::size_t>> order;  // (first event, position)
  order.reserve(out.size());
  for (std::size_t k = 0; k < out.size(); ++k) order.emplace_back(first_event(out[k]), k);
  std::sort(order.begin(), order.end(), [&](const auto& x, const auto& y) {
    if (x.first != y.first) return x.first < y.first;
    return name_of(t.actors().get(out[x.second].actor)) < name_of(t.actors().get(out[y.second].actor));
  });
  std::vector<person_whereabouts> sorted;
  sorted.reserve(out.size());
  for (const auto& [n, k] : order) sorted.push_back(std::move(out[k]));
  return sorted;
}

}  // namespace diplo

/// "22 October 2024 — Xi Jinping and Vladimir Putin — bilateral meeting in Russia (Kazan),
/// on the sidelines of the 16th BRICS summit (22–24 October 2024)".
template <>
struct fmt::formatter<diplo::encounter> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::encounter& e, Context& ctx) const -> decltype(ctx.out()) {
    std::string s;
    if (e.event != nullptr) {
      const diplo::actor_registry* actors = e.source ? &e.source->actors() : nullptr;
      s = diplo::detail::describe(*e.event, actors);
      if (const diplo::event* c = e.context()) {
        const auto& when = diplo::base(*c).when;
        if (const auto* v = std::get_if<diplo::visit>(c)) {
          // "during Xi Jinping's state visit to Russia (7–10 May 2025)"
          s += fmt::format(", during {}'s {} to {} ({})", diplo::detail::names_label(v->guests, actors),
                           diplo::kind_label(*c), diplo::country_of(*c), when);
        } else if (std::holds_alternative<diplo::summit>(*c)) {
          s += fmt::format(", on the sidelines of the {} ({})", diplo::title_of(*c), when);
        } else {
          std::string label(diplo::title_of(*c));
          if (label.empty()) label = diplo::kind_label(*c);
          s += fmt::format(", during the {} ({})", label, when);
        }
      }
    }
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
};

/// "Xi Jinping in Russia, 7–10 May 2025: state visit (2 events)".
template <>
struct fmt::formatter<diplo::trip> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::trip& tr, Context& ctx) const -> decltype(ctx.out()) {
    std::string who = tr.guest.value();
    if (tr.source != nullptr) {
      if (const auto* a = tr.source->actors().find(tr.guest)) who = diplo::name_of(*a);
    }
    std::string what(diplo::title_of(tr.main()));
    if (what.empty()) what = diplo::kind_label(tr.main());
    std::string s = fmt::format("{} in {}, {}: {}", who, tr.country, tr.when, what);
    if (tr.events.size() > 1) s += fmt::format(" ({} events)", tr.events.size());
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
};

/// "Victory Day parade (ceremony), Russia (Moscow), 9 May 2025" (+ " (possibly)").
template <>
struct fmt::formatter<diplo::whereabouts> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::whereabouts& w, Context& ctx) const -> decltype(ctx.out()) {
    const diplo::actor_registry* actors = w.source ? &w.source->actors() : nullptr;
    std::string s = diplo::detail::describe(*w.event, actors);
    if (w.certainty == diplo::truth::possibly) s += " (possibly)";
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
};

/// "vladimir-putin: 42 encounters, first ..., last ...".
template <>
struct fmt::formatter<diplo::contact> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::contact& c, Context& ctx) const -> decltype(ctx.out()) {
    std::string who = c.counterpart.value();
    if (c.last.source != nullptr) {
      if (const auto* a = c.last.source->actors().find(c.counterpart)) who = diplo::name_of(*a);
    }
    auto s = fmt::format("{}: {} encounter{}, first {}, last {}", who, c.count, c.count == 1 ? "" : "s",
                         c.first.when(), c.last.when());
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
};

/// "151 days, between 31 December 2020 and 1 June 2021" (the days strictly between the last
/// day of `before` and the first day of `after`, then those two days), or "0 days: no day
/// between".
template <>
struct fmt::formatter<diplo::gap> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::gap& g, Context& ctx) const -> decltype(ctx.out()) {
    auto s = diplo::detail::gap_text(g.length, g.last_day(), g.next_day());
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
};

/// "Israel: 32 trips, first 17–20 February 1993, last 8–9 January 1997".
template <>
struct fmt::formatter<diplo::country_visits> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::country_visits& c, Context& ctx) const -> decltype(ctx.out()) {
    std::string s = fmt::format("{}: {} trip{}", c.country, c.trips, c.trips == 1 ? "" : "s");
    if (!c.first.events.empty()) {
      s += c.trips == 1 ? fmt::format(", {}", c.first.when)
                        : fmt::format(", first {}, last {}", c.first.when, c.last.when);
    }
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
};

/// "2578 days, between 13 May 2016 and 5 June 2023" (the days strictly between the last day
/// of `before` and the first day of `after`, then those two days), or "0 days: no day between".
template <>
struct fmt::formatter<diplo::trip_gap> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::trip_gap& g, Context& ctx) const -> decltype(ctx.out()) {
    auto s = diplo::detail::gap_text(g.length, g.last_day(), g.next_day());
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
};

/// "Barack Obama, 31 March – 7 April 2009: United Kingdom, France, Germany, Czechia, Turkey
/// (5 stops)".
template <>
struct fmt::formatter<diplo::journey> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::journey& j, Context& ctx) const -> decltype(ctx.out()) {
    std::string who = j.guest.value();
    if (j.source != nullptr) {
      if (const auto* a = j.source->actors().find(j.guest)) who = diplo::name_of(*a);
    }
    std::vector<std::string> names;
    for (const auto& c : j.countries()) names.push_back(fmt::format("{}", c));
    std::string s = fmt::format("{}, {}: {}", who, j.when, fmt::join(names, ", "));
    if (j.stops.size() > 1) s += fmt::format(" ({} stops)", j.stops.size());
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
};

/// "Barack Obama: Barack Obama — visit to United Kingdom (London), 31 March – 3 April 2009"
/// (+ " (and 1 more)" when several events place the person that day).
template <>
struct fmt::formatter<diplo::person_whereabouts> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::person_whereabouts& p, Context& ctx) const -> decltype(ctx.out()) {
    std::string who = p.actor.value();
    if (p.source != nullptr) {
      if (const auto* a = p.source->actors().find(p.actor)) who = diplo::name_of(*a);
    }
    std::string s = who + ":";
    if (!p.whereabouts.empty()) s += fmt::format(" {}", p.whereabouts.front());
    if (p.whereabouts.size() > 1) s += fmt::format(" (and {} more)", p.whereabouts.size() - 1);
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
};
