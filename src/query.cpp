// SPDX-License-Identifier: MIT
// The queries of diplo/query.h, on the search machinery of diplo/detail/search.h.

#include "diplo/query.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <date/date.h>

#include "diplo/detail/search.h"
#include "diplo/timeline.h"

namespace diplo {

namespace {

// The pairwise queries on actor numbers (a != b), whether asked by id or by key.

auto meetings_of(const timeline& t, std::pair<std::uint32_t, std::uint32_t> ab, const meet_options& opt)
    -> std::vector<encounter> {
  return detail::group_encounters(t, detail::shared_events(t, ab.first, ab.second, opt), true);
}

auto count_meetings_of(const timeline& t, std::pair<std::uint32_t, std::uint32_t> ab, const meet_options& opt)
    -> std::size_t {
  const auto shared = detail::shared_events(t, ab.first, ab.second, opt);
  // One encounter per shared event that is its own root (as group_encounters groups them).
  const auto& ix = t.index();
  return static_cast<std::size_t>(std::count_if(shared.begin(), shared.end(), [&](std::uint32_t i) {
    return detail::outermost_shared(ix, shared, i) == i;
  }));
}

auto extreme_of(const timeline& t, std::optional<std::pair<std::uint32_t, std::uint32_t>> ab,
                const meet_options& opt, bool latest) -> std::optional<encounter> {
  if (!ab) return std::nullopt;
  return detail::extreme_encounter(t, ab->first, ab->second, opt, latest);
}

}  // namespace

auto meetings(const timeline& t, const actor_id& a, const actor_id& b, const meet_options& opt)
    -> std::vector<encounter> {
  auto ns = detail::pair_numbers(t, a, b);
  return ns ? meetings_of(t, *ns, opt) : std::vector<encounter>{};
}

auto meetings(const timeline& t, actor_key a, actor_key b, const meet_options& opt)
    -> std::vector<encounter> {
  auto ns = detail::pair_numbers(t, a, b);
  return ns ? meetings_of(t, *ns, opt) : std::vector<encounter>{};
}

auto count_meetings(const timeline& t, const actor_id& a, const actor_id& b, const meet_options& opt)
    -> std::size_t {
  auto ns = detail::pair_numbers(t, a, b);
  return ns ? count_meetings_of(t, *ns, opt) : 0;
}

auto count_meetings(const timeline& t, actor_key a, actor_key b, const meet_options& opt) -> std::size_t {
  auto ns = detail::pair_numbers(t, a, b);
  return ns ? count_meetings_of(t, *ns, opt) : 0;
}

auto last_meeting(const timeline& t, const actor_id& a, const actor_id& b, const meet_options& opt)
    -> std::optional<encounter> {
  return extreme_of(t, detail::pair_numbers(t, a, b), opt, true);
}

auto last_meeting(const timeline& t, actor_key a, actor_key b, const meet_options& opt)
    -> std::optional<encounter> {
  return extreme_of(t, detail::pair_numbers(t, a, b), opt, true);
}

auto first_meeting(const timeline& t, const actor_id& a, const actor_id& b, const meet_options& opt)
    -> std::optional<encounter> {
  return extreme_of(t, detail::pair_numbers(t, a, b), opt, false);
}

auto first_meeting(const timeline& t, actor_key a, actor_key b, const meet_options& opt)
    -> std::optional<encounter> {
  return extreme_of(t, detail::pair_numbers(t, a, b), opt, false);
}

auto next_meeting(const timeline& t, const actor_id& a, const actor_id& b, date::sys_days day,
                  meet_options opt) -> std::optional<encounter> {
  opt.after = day;
  return first_meeting(t, a, b, opt);
}

auto events_with(const timeline& t, std::span<const actor_id> actors, const meet_options& opt)
    -> std::vector<event_ref> {
  std::vector<std::uint32_t> numbers;
  for (const actor_id& a : actors) {
    auto n = t.actor_number(a);
    if (!n) return {};
    numbers.push_back(*n);
  }
  const auto& ix = t.index();
  std::vector<event_ref> out;
  auto keep = [&](std::uint32_t i) {
    if (!detail::meet_counts(ix, i, opt) || !detail::within_bounds(ix, i, opt)) return;
    for (auto n : numbers) {
      if (!detail::has_actor(t, i, n)) return;
    }
    out.push_back(t.at(i));
  };
  if (numbers.empty()) {
    for (std::uint32_t i = 0; i < t.size(); ++i) keep(i);
  } else {
    for (auto i : ix.actor_events.of(numbers.front())) keep(i);  // in timeline order
  }
  return out;
}

auto visits(const timeline& t, const visit_filter& f) -> std::vector<trip> {
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
                   [](const trip& x, const trip& y) { return x.main().number() < y.main().number(); });
  return all;
}

auto count_visits(const timeline& t, const visit_filter& f) -> std::size_t {
  // One person's trips to one country with the default statuses: counted on the trip
  // index, O(log n + the trips starting in range).
  if (!f.indexed()) return visits(t, f).size();
  auto n = t.actor_number(*f.guest);
  if (!n) return 0;
  const auto& ix = t.index();
  auto [from, to] = ix.trip_table.find(*n, detail::country_access::bits(f.host_country));
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
    if (it->latest() > last) continue;
    if (f.level && it->level() != static_cast<std::uint8_t>(*f.level)) continue;
    ++count;
  }
  return count;
}

namespace {

auto where_of(const timeline& t, std::uint32_t n, date::sys_days day, const where_options& opt)
    -> std::vector<whereabouts> {
  std::vector<whereabouts> out;
  const auto& ix = t.index();
  auto d = detail::day_number(day);
  // In each span class, the events starting after `day` cannot cover it, and none
  // starting more than the class's longest span before it can. One search per class, for
  // the first event starting after the day; then back to the horizon, which a class's
  // longest span keeps near. The six searches start far apart in memory, so their first
  // reads are asked for together, and the misses overlap.
  const auto first = n * detail::span_classes;
  std::array<std::span<const detail::dated>, detail::span_classes> lists;
  std::array<std::size_t, detail::span_classes> at{};  // where each list begins among all items
  for (std::uint32_t c = 0; c < detail::span_classes; ++c) {
    lists[c] = ix.span_events.of(first + c);
    if (lists[c].empty()) continue;
    at[c] = static_cast<std::size_t>(lists[c].data() - ix.span_events.items.data());
    detail::prefetch(&lists[c].front());
    detail::prefetch(&lists[c].back());
  }
  auto start_day = [](const detail::dated& x) { return x.day; };
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
      if (!ix.span_events.may_reach(at[c] + k - 1, d)) continue;  // ended before the day
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
    truth c = t.stored().record(i).when.covers(day);
    if (c != truth::no) out.push_back({t.at(i), c, t});
  }
  std::stable_partition(out.begin(), out.end(),
                        [](const whereabouts& w) { return w.certainty == truth::certainly; });
  return out;
}

}  // namespace

auto where(const timeline& t, const actor_id& person, date::sys_days day, const where_options& opt)
    -> std::vector<whereabouts> {
  auto n = t.actor_number(person);
  return n ? where_of(t, *n, day, opt) : std::vector<whereabouts>{};
}

auto where(const timeline& t, actor_key person, date::sys_days day, const where_options& opt)
    -> std::vector<whereabouts> {
  return where_of(t, t.actor_number(person), day, opt);
}

auto contacts(const timeline& t, const actor_id& a, const meet_options& opt, std::size_t top)
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
  const detail::event_store& stored = t.stored();
  const detail::csr& lists = stored.actor_lists();
  constexpr std::size_t ahead = 16;
  for (std::size_t k = 0; k < mine.size(); ++k) {
    if (k + ahead < mine.size()) {
      detail::prefetch(&ix.facts[mine[k + ahead]]);
      detail::prefetch(&lists.offsets[mine[k + ahead]]);
    }
    if (k + ahead / 2 < mine.size())
      detail::prefetch(lists.items.data() + lists.offsets[mine[k + ahead / 2]]);
    const auto i = mine[k];
    if (!counts(i)) continue;
    for (std::uint32_t b : stored.everyone(i)) {
      if (b == *na) continue;
      bool inside = false;
      for (auto p = ix.facts[i].parent; p != detail::no_index && !inside; p = ix.facts[p].parent) {
        inside = counts(p) && detail::has_actor(t, p, *na) && detail::has_actor(t, p, b);
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

auto longest_gap(const timeline& t, const actor_id& a, const actor_id& b, const meet_options& opt)
    -> std::optional<gap> {
  auto all = meetings(t, a, b, opt);
  if (all.size() < 2) return std::nullopt;
  auto start_of = [](const encounter& e) { return e.events.front().when().earliest_start(); };
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

auto visited_countries(const timeline& t, const actor_id& person, visit_filter f)
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

auto longest_gap(const timeline& t, const visit_filter& f) -> std::optional<trip_gap> {
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

auto journeys(const timeline& t, const visit_filter& f) -> std::vector<journey> {
  visit_filter stops_filter{.guest = f.guest,
                            .guest_country = f.guest_country,
                            .planned = f.planned,
                            .cancelled = f.cancelled,
                            .possibly = f.possibly};
  std::vector<trip> all = visits(t, stops_filter);
  auto journey_id = [](const trip& tr) -> std::string {
    for (const event_ref& e : tr.events) {
      if (std::string_view id = e.stored().journey(); !id.empty()) return std::string(id);
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
    j.source = t;
    j.stops.push_back(std::move(tr));
    out.push_back(std::move(j));
  }
  for (journey& j : out) {
    std::vector<period> whens;
    for (const trip& s : j.stops) {
      for (const event_ref& e : s.events) whens.push_back(e.when());
    }
    j.when = detail::trip_period(whens);
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
    return a.stops.front().main().number() < b.stops.front().main().number();
  });
  return out;
}

auto whereabouts_on(const timeline& t, date::sys_days day, const whereabouts_options& opt)
    -> std::vector<person_whereabouts> {
  const auto& ix = t.index();
  std::vector<std::uint32_t> found;
  ix.days.stab(detail::day_number(day), ix.facts, [&](std::uint32_t i) { found.push_back(i); });
  std::sort(found.begin(), found.end());
  struct placement {
    std::uint32_t actor;
    whereabouts w;
  };
  std::vector<placement> all;
  const auto actors = t.actors().actors();
  for (auto i : found) {
    const detail::stored_event e(t.stored(), i);
    if (!e.in_person() || !detail::status_counts(e.status(), opt.planned, opt.cancelled)) continue;
    if (!opt.country.empty() && e.country() != opt.country) continue;
    const truth c = e.when().covers(day);
    if (c == truth::no) continue;
    for (std::uint32_t a : t.stored().everyone(i)) {
      if (std::holds_alternative<person>(actors[a])) all.push_back({a, {t.at(i), c, t}});
    }
  }
  // By actor, and within one actor as where() lists them: certain first, timeline order.
  std::stable_sort(all.begin(), all.end(), [](const placement& x, const placement& y) {
    if (x.actor != y.actor) return x.actor < y.actor;
    return x.w.certainty == truth::certainly && y.w.certainty != truth::certainly;
  });
  std::vector<person_whereabouts> out;
  for (std::size_t k = 0; k < all.size();) {
    person_whereabouts p{id_of(actors[all[k].actor]), {}, t};
    const auto a = all[k].actor;
    for (; k < all.size() && all[k].actor == a; ++k) p.whereabouts.push_back(all[k].w);
    out.push_back(std::move(p));
  }
  auto first_event = [&](const person_whereabouts& p) {
    std::uint32_t n = detail::no_index;
    for (const auto& w : p.whereabouts) n = std::min(n, w.event.number());
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
