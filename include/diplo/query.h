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
//
// ANSWERS AND LIFETIME. An answer holds its events as `event_ref`s, each with a handle to
// their timeline, which keeps them alive, and the same handle as `source` (for names): an
// answer stays valid after the timeline it came from is moved or destroyed (LIFETIME in
// diplo/timeline.h).
//
// ACTORS BY ID OR BY KEY. Every query names actors by `actor_id`; an unknown id gives the
// empty answer. The pairwise ones (last, first, all and counted meetings) and `where` also
// take `actor_key`s, which `timeline::key(id)` looks up once: an application asking many
// questions about the same people saves hashing the ids each time. The answers are the
// same; a key of another timeline throws `diplo::error`.
//
// WHERE THINGS ARE. This header is the API: what each query means and returns. The
// queries are compiled in src/query.cpp on the search machinery of diplo/detail/search.h
// (galloping and interpolation search, list intersection, encounter grouping), the trip
// rules of diplo/detail/trip_rules.h and the indexes of diplo/detail/timeline_index.h.

#include <algorithm>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "diplo/actor.h"
#include "diplo/country.h"
#include "diplo/event.h"
#include "diplo/export.h"
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
  event_ref event;
  /// All the occasion's events, outermost first, in timeline order.
  std::vector<event_ref> events;
  /// The timeline the events belong to (for names when printing): a handle that keeps its
  /// events alive as long as the answer (see LIFETIME in diplo/timeline.h).
  diplo::timeline source;

  /// The outermost event when it differs from `event` (the summit the talks were held
  /// at, the visit the parade was part of), else an empty event_ref.
  [[nodiscard]] auto context() const noexcept -> event_ref {
    return events.empty() || events.front() == event ? event_ref() : events.front();
  }
  /// The days of `event`.
  [[nodiscard]] auto when() const noexcept -> period { return event.when(); }

  friend auto operator==(const encounter& a, const encounter& b) noexcept -> bool {
    return a.event == b.event && a.events == b.events;
  }
};

/// The most recent encounter of `a` and `b` (starting before `opt.before`, if given).
/// nullopt when they never met, or when either actor is unknown to the timeline.
///
///   auto r = diplo::last_meeting(t, xi, putin, {.before = 2025_y / date::May / 7});
///   // r->event: bilateral meeting, Kazan, 22 October 2024; r->context(): BRICS summit
[[nodiscard]] DIPLO_API auto last_meeting(const timeline& t, const actor_id& a, const actor_id& b,
                                          const meet_options& opt = {}) -> std::optional<encounter>;

/// The same, for actors looked up once (see actor_key in diplo/timeline.h). Throws
/// `diplo::error` for a key of another timeline.
[[nodiscard]] DIPLO_API auto last_meeting(const timeline& t, actor_key a, actor_key b,
                                          const meet_options& opt = {}) -> std::optional<encounter>;

/// The earliest encounter of `a` and `b` (starting on or after `opt.after`, if given).
[[nodiscard]] DIPLO_API auto first_meeting(const timeline& t, const actor_id& a, const actor_id& b,
                                           const meet_options& opt = {}) -> std::optional<encounter>;
[[nodiscard]] DIPLO_API auto first_meeting(const timeline& t, actor_key a, actor_key b,
                                           const meet_options& opt = {}) -> std::optional<encounter>;

/// The first encounter starting on or after `day`: first_meeting with `after = day`.
[[nodiscard]] DIPLO_API auto next_meeting(const timeline& t, const actor_id& a, const actor_id& b,
                                          date::sys_days day, meet_options opt = {})
    -> std::optional<encounter>;

/// Every encounter of `a` and `b` within the options' bounds, oldest first.
[[nodiscard]] DIPLO_API auto meetings(const timeline& t, const actor_id& a, const actor_id& b,
                                      const meet_options& opt = {}) -> std::vector<encounter>;
[[nodiscard]] DIPLO_API auto meetings(const timeline& t, actor_key a, actor_key b,
                                      const meet_options& opt = {}) -> std::vector<encounter>;

/// The number of encounters `meetings()` returns, without building them: "how many times
/// have A and B met since 2022?" costs the search, not an answer list.
[[nodiscard]] DIPLO_API auto count_meetings(const timeline& t, const actor_id& a, const actor_id& b,
                                            const meet_options& opt = {}) -> std::size_t;
[[nodiscard]] DIPLO_API auto count_meetings(const timeline& t, actor_key a, actor_key b,
                                            const meet_options& opt = {}) -> std::size_t;

/// The events in which every actor of `actors` takes part (as a guest, host, attendee or
/// participant; with none given, every event) and that count under `opt`: within its
/// bounds, calls only with `calls`, planned and cancelled events only when asked for. In
/// timeline order, each event once, nested events too (the talks and the summit they were
/// held at). Empty when an actor is unknown to the timeline. What `diplo export` writes:
///
///   auto xi_putin = diplo::events_with(t, {{xi, putin}}, {.after = 2022_y / 1 / 1});
[[nodiscard]] DIPLO_API auto events_with(const timeline& t, std::span<const actor_id> actors,
                                         const meet_options& opt = {}) -> std::vector<event_ref>;

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
  std::vector<event_ref> events;
  /// The timeline the events belong to: a handle that keeps its events alive as long as
  /// the answer (see LIFETIME in diplo/timeline.h).
  diplo::timeline source;

  /// The event the trip was built around: its first, outermost event.
  [[nodiscard]] auto main() const noexcept -> const event_ref& { return events.front(); }

  friend auto operator==(const trip& a, const trip& b) noexcept -> bool {
    return a.guest == b.guest && a.country == b.country && a.events == b.events;
  }
};

/// The trips matching the filter, in order of their start.
[[nodiscard]] DIPLO_API auto visits(const timeline& t, const visit_filter& f) -> std::vector<trip>;

/// The number of trips matching the filter.
[[nodiscard]] DIPLO_API auto count_visits(const timeline& t, const visit_filter& f) -> std::size_t;

/// Which events count for `where()`.
struct where_options {
  bool planned = false;
  bool cancelled = false;
};

/// One event that places a person somewhere on a day.
struct whereabouts {
  event_ref event;
  /// certainly: the event surely covers the day; possibly: partial dates allow it.
  truth certainty = truth::certainly;
  /// The timeline the event belongs to (for names when printing).
  diplo::timeline source;
  /// The place of the event.
  [[nodiscard]] auto place() const -> diplo::place { return event.place(); }
  /// The same event (of the same timeline), as certain.
  friend auto operator==(const whereabouts& a, const whereabouts& b) noexcept -> bool {
    return a.event == b.event && a.certainty == b.certainty;
  }
};

/// The in-person events that place `person` somewhere on `day` (the day as the
/// event's place counts it), certain ones first, then in timeline order.
/// Calls place nobody and are left out.
[[nodiscard]] DIPLO_API auto where(const timeline& t, const actor_id& person, date::sys_days day,
                                   const where_options& opt = {}) -> std::vector<whereabouts>;
[[nodiscard]] DIPLO_API auto where(const timeline& t, actor_key person, date::sys_days day,
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
[[nodiscard]] DIPLO_API auto contacts(const timeline& t, const actor_id& a, const meet_options& opt = {},
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
    date::sys_days end = before.events.front().when().latest_end();
    for (const event_ref& e : before.events) end = std::max(end, e.when().latest_end());
    return end - date::days{1};
  }
  /// The first day the count is based on: the first possible day of `after`.
  [[nodiscard]] auto next_day() const noexcept -> date::sys_days {
    return after.events.front().when().earliest_start();
  }
};

/// The longest gap between consecutive encounters (ordered by start; each gap runs from
/// the latest end of all the encounters before it to the start of the next, as for trips).
/// The first of equally long gaps wins. nullopt with fewer than two.
[[nodiscard]] DIPLO_API auto longest_gap(const timeline& t, const actor_id& a, const actor_id& b,
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
[[nodiscard]] DIPLO_API auto visited_countries(const timeline& t, const actor_id& person, visit_filter f = {})
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
[[nodiscard]] DIPLO_API auto longest_gap(const timeline& t, const visit_filter& f) -> std::optional<trip_gap>;

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
  /// The timeline the events belong to: a handle that keeps its events alive as long as
  /// the answer (see LIFETIME in diplo/timeline.h).
  diplo::timeline source;

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
[[nodiscard]] DIPLO_API auto journeys(const timeline& t, const visit_filter& f) -> std::vector<journey>;

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
  /// The timeline the events belong to (for names when printing): a handle that keeps its
  /// events alive as long as the answer (see LIFETIME in diplo/timeline.h).
  diplo::timeline source;

  friend auto operator==(const person_whereabouts& a, const person_whereabouts& b) noexcept -> bool {
    return a.actor == b.actor && a.whereabouts == b.whereabouts;
  }
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
[[nodiscard]] DIPLO_API auto whereabouts_on(const timeline& t, date::sys_days day,
                                            const whereabouts_options& opt = {})
    -> std::vector<person_whereabouts>;

namespace detail {

/// "151 days, between 31 December 2020 and 1 June 2021": the days strictly between the last
/// day before the gap and the first day after it, then those two days; "0 days: no day
/// between" when there is no gap (the two touch or overlap, or the one before has no known end).
inline auto gap_text(date::days length, date::sys_days last, date::sys_days next) -> std::string {
  if (length.count() == 0) return "0 days: no day between";
  return fmt::format("{} days, between {} and {}", length.count(), partial_date(date::year_month_day{last}),
                     partial_date(date::year_month_day{next}));
}

}  // namespace detail
}  // namespace diplo

/// "22 October 2024 — Xi Jinping and Vladimir Putin — bilateral meeting in Russia (Kazan),
/// on the sidelines of the 16th BRICS summit (22–24 October 2024)".
template <>
struct fmt::formatter<diplo::encounter> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::encounter& e, Context& ctx) const -> decltype(ctx.out()) {
    std::string s;
    if (e.event) {
      const diplo::actor_registry* actors = &e.source.actors();
      s = diplo::detail::describe(e.event.value(), actors);
      if (const diplo::event_ref context = e.context()) {
        const diplo::event c = context.value();
        const auto& when = diplo::base(c).when;
        if (const auto* v = std::get_if<diplo::visit>(&c)) {
          // "during Xi Jinping's state visit to Russia (7–10 May 2025)"
          s += fmt::format(", during {}'s {} to {} ({})", diplo::detail::names_label(v->guests, actors),
                           diplo::kind_label(c), diplo::country_of(c), when);
        } else if (std::holds_alternative<diplo::summit>(c)) {
          s += fmt::format(", on the sidelines of the {} ({})", diplo::title_of(c), when);
        } else {
          s += fmt::format(", during the {} ({})", diplo::title_or_kind(c), when);
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
    if (const auto* a = tr.source.actors().find(tr.guest)) who = diplo::name_of(*a);
    const diplo::event main = tr.main().value();
    std::string s = fmt::format("{} in {}, {}: {}", who, tr.country, tr.when, diplo::title_or_kind(main));
    if (tr.events.size() > 1) s += fmt::format(" ({} events)", tr.events.size());
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
};

/// "Victory Day parade (ceremony), Russia (Moscow), 9 May 2025" (+ " (possibly)").
template <>
struct fmt::formatter<diplo::whereabouts> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::whereabouts& w, Context& ctx) const -> decltype(ctx.out()) {
    const diplo::actor_registry* actors = &w.source.actors();
    std::string s = diplo::detail::describe(w.event.value(), actors);
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
    if (const auto* a = c.last.source.actors().find(c.counterpart)) who = diplo::name_of(*a);
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
    if (const auto* a = j.source.actors().find(j.guest)) who = diplo::name_of(*a);
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
    if (const auto* a = p.source.actors().find(p.actor)) who = diplo::name_of(*a);
    std::string s = who + ":";
    if (!p.whereabouts.empty()) s += fmt::format(" {}", p.whereabouts.front());
    if (p.whereabouts.size() > 1) s += fmt::format(" (and {} more)", p.whereabouts.size() - 1);
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
};
