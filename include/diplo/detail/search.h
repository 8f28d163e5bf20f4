// SPDX-License-Identifier: MIT
#pragma once

// The search machinery of the queries (src/query.cpp): the meet filters, galloping and
// interpolation search over the day-sorted lists of diplo/detail/timeline_index.h, the
// intersection of two actors' lists, the grouping of shared events into encounters, and
// trips built from the trip index. Internal: what the queries mean is diplo/query.h's essay.

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

#include "diplo/detail/timeline_index.h"
#include "diplo/detail/trip_rules.h"
#include "diplo/query.h"
#include "diplo/timeline.h"

namespace diplo {

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
inline auto has_actor(const timeline& t, std::uint32_t event, std::uint32_t actor) noexcept -> bool {
  if ((t.index().facts[event].people & people_bit(actor)) == 0) return false;
  return t.stored().takes_part(event, actor);
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
/// until f returns true. Two lists of like lengths (two leaders' summits, which mostly
/// differ) are merged a step an item without a branch to mispredict; when one is much
/// longer, the runs it has and the other has not are galloped over.
template <class F>
void intersect(std::span<const dated> ga, std::size_t ab, std::size_t ae, std::span<const dated> gb,
               std::size_t bb, std::size_t be, F f) {
  constexpr std::size_t like = 16;  // lengths within this factor are merged
  const std::size_t na = ae - ab;
  const std::size_t nb = be - bb;
  if (std::min(na, nb) * like >= std::max(na, nb)) {
    while (ab < ae && bb < be) {
      const auto x = ga[ab].event;
      const auto y = gb[bb].event;
      if (x == y && f(x)) return;
      ab += x <= y ? 1 : 0;
      bb += y <= x ? 1 : 0;
    }
    return;
  }
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
  e.source = t;
  std::uint32_t best = root;
  for (auto m : members) {
    if (more_specific(t, m, best, prefer_late)) best = m;
  }
  e.events.reserve(members.size());
  e.events.push_back(t.at(root));
  for (auto m : members) {
    if (m != root) e.events.push_back(t.at(m));
  }
  e.event = t.at(best);
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

/// The numbers of two actors, when the timeline knows both and they differ.
inline auto pair_numbers(const timeline& t, const actor_id& a, const actor_id& b)
    -> std::optional<std::pair<std::uint32_t, std::uint32_t>> {
  auto na = t.actor_number(a);
  auto nb = t.actor_number(b);
  if (!na || !nb || *na == *nb) return std::nullopt;
  return std::pair{*na, *nb};
}
inline auto pair_numbers(const timeline& t, actor_key a, actor_key b)
    -> std::optional<std::pair<std::uint32_t, std::uint32_t>> {
  const auto na = t.actor_number(a);
  const auto nb = t.actor_number(b);
  if (na == nb) return std::nullopt;
  return std::pair{na, nb};
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
    const stored_event e(t.stored(), i);
    if (!status_counts(e.status(), f.planned, f.cancelled)) continue;
    country_code home = actors.country_of(guest, e.when().earliest_start());
    if (!f.guest_country.empty() && home != f.guest_country) continue;
    if (!visiting(guest, e, home)) continue;
    country_code c = e.country();
    if (!f.host_country.empty() && c != f.host_country) continue;
    events.push_back(i);
    countries.push_back(c);
  }
  // The day after each event's latest possible last day, as the trip index has it.
  auto numbers = trip_numbers(ix, events, countries, [&](std::uint32_t i) {
    return std::max(day_number(t.stored().record(i).when.latest_end()), ix.facts[i].earliest_start + 1);
  });
  for (std::size_t k = 0; k < events.size(); ++k) {
    if (numbers[k] == out.size()) {
      trip tr;
      tr.guest = guest;
      tr.country = countries[k];
      tr.source = t;
      out.push_back(std::move(tr));
    }
    out[numbers[k]].events.push_back(t.at(events[k]));
  }
  std::vector<period> whens;
  for (auto& tr : out) {
    whens.clear();
    for (const event_ref& e : tr.events) {
      tr.level = std::max(tr.level, e.stored().level());
      whens.push_back(e.when());
    }
    tr.when = trip_period(whens);
  }
  return out;
}

}  // namespace detail

namespace detail {

/// Is event i one that actors a and b attended together, counting under the options?
inline auto is_shared(const timeline& t, std::uint32_t i, std::uint32_t a, std::uint32_t b,
                      const meet_options& o) -> bool {
  const auto& ix = t.index();
  return meet_counts(ix, i, o) && within_bounds(ix, i, o) && has_actor(t, i, a) && has_actor(t, i, b);
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
  // A candidate's record is asked for with its facts: the record is the answer's days.
  auto ask = [&](std::uint32_t i) {
    prefetch(&ix.facts[i]);
    prefetch(&t.stored().record(i));
  };
  if (latest) {
    if (pe > pb) ask(pl[pe - 1].event);
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
        ask(x);
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

/// The latest (or earliest) encounter of actors a and b (numbers; a != b).
inline auto extreme_encounter(const timeline& t, std::uint32_t a, std::uint32_t b, const meet_options& o,
                              bool latest) -> std::optional<encounter> {
  auto hit = extreme_shared(t, a, b, o, latest);
  if (!hit) return std::nullopt;
  const auto& ix = t.index();
  // The hit is most often the answer's event, whose record the caller reads next (its days):
  // asked for now, its miss overlaps the search for the encounter around it.
  prefetch(&t.stored().record(*hit));

  // The encounter around it: its outermost shared ancestor and every shared event inside.
  auto root = *hit;
  for (auto p = ix.facts[*hit].parent; p != no_index; p = ix.facts[p].parent) {
    if (is_shared(t, p, a, b, o)) root = p;
  }
  // The latest hit is the last shared event that counts: when it is the root and all
  // inside it comes after it, nothing inside is shared (the summit itself, most often).
  if (latest && root == *hit && (ix.facts[root].flags & flag_inside_after) != 0) {
    const std::uint32_t only[] = {root};
    return make_encounter(t, only, root, latest);
  }
  return encounter_at(t, root, a, b, o, latest, *hit);
}

}  // namespace detail

}  // namespace diplo
