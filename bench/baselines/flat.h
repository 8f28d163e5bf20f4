// SPDX-License-Identifier: MIT
#pragma once

// What every baseline loads first: the document's events flattened into plain numbers, and
// the C++ that an SQL user writes around their queries to match diplo's answers.
//
// FLATTENING. `flatten(doc)` puts the events in diplo's timeline order (earliest start,
// latest start, longer first, outer first: detail::order_key in diplo/timeline.h; then id) and
// numbers them 0..n-1 in that order, so an event's number also sorts it by time. Each event
// keeps its days as numbers (earliest start, latest start, latest exclusive end), its parent
// and nesting depth, its kind, its country, whether it counts (occurred and in person: the
// default meet_options, and what where() and trips need), and the two facts trips need to
// work out a trip's start with partial dates. Each participant keeps its actor number
// (registry order), its role (a visit's guest, the host of a visit, summit or ceremony, or
// another member) and its home: the country of the office it held on the event's first
// possible day (actor_registry::country_of). This is the ETL step of every baseline, timed
// with its load.
//
// POST-PROCESSING. diplo answers with encounters (a summit and the talks both attended on
// its sidelines are one occasion), trips (the events of one stay, merged) and a ranking by
// count then name. SQL returns rows; the templates below turn rows into those answers the
// way an SQL user would in C++, asking the engine for one more fact (an event's parent, its
// children, whether both actors attended it) through a `source` when the rows lack it.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "diplo/country.h"
#include "diplo/io/document.h"
#include "engine.h"

namespace diplo::bench::detail {

inline constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
inline constexpr day no_day = std::numeric_limits<day>::min();

/// A participant's role, as diplo's visiting() tells them apart.
enum class role : std::uint8_t { guest, host, member };

/// One event, numbered in timeline order.
struct flat_event {
  day es = 0;             // earliest possible start
  day ls = 0;             // latest possible start
  day le = 0;             // latest possible exclusive end
  day start_hi = no_day;  // latest day of the start date, when a trip may be built from it
  std::uint32_t parent = none;
  std::uint16_t depth = 0;
  std::uint8_t kind = 0;    // the variant index: visit, summit, meeting, ceremony
  std::uint8_t status = 0;  // diplo::status
  std::uint8_t mode = 0;    // diplo::meeting_mode (in person for other kinds)
  bool counts = false;      // occurred and in person
  bool exact = false;       // both ends exact days
  bool end_ok = false;      // a trip may end on its end date
  country_code country;
  [[nodiscard]] auto is_meeting() const noexcept -> bool { return kind == 2; }
};

/// One participant of one event.
struct flat_participant {
  std::uint32_t actor = 0;
  country_code home;
  role what = role::member;
};

/// A document flattened (see the header essay).
struct flat_world {
  std::vector<flat_event> events;           // timeline order
  std::vector<std::uint32_t> part_offsets;  // participants of event i: parts[offsets[i], offsets[i+1])
  std::vector<flat_participant> parts;      // sorted by actor within an event
  std::vector<std::string> event_ids;       // the events' ids, timeline order
  std::vector<std::string> cities;          // the events' cities, timeline order
  std::vector<std::string> actor_ids;       // registry order
  std::vector<std::string> actor_names;     // registry order
  std::vector<std::uint32_t> name_rank;     // per actor: its place in (name, number) order
  std::vector<day> max_span;                // per actor: longest le - es of its events
  day global_max_span = 0;
  std::unordered_map<std::string, std::uint32_t> actor_number;

  [[nodiscard]] auto participants(std::uint32_t e) const noexcept
      -> std::pair<const flat_participant*, const flat_participant*> {
    return {parts.data() + part_offsets[e], parts.data() + part_offsets[e + 1]};
  }
  [[nodiscard]] auto has(std::uint32_t e, std::uint32_t a) const noexcept -> bool {
    auto [b, end] = participants(e);
    auto it =
        std::lower_bound(b, end, a, [](const flat_participant& p, std::uint32_t x) { return p.actor < x; });
    return it != end && it->actor == a;
  }
  /// The number of an actor id; throws std::out_of_range for an unknown one.
  [[nodiscard]] auto actor(const actor_id& id) const -> std::uint32_t { return actor_number.at(id.value()); }
};

/// Flattens a document. `with_text` keeps event ids and cities (SQLite stores them).
[[nodiscard]] auto flatten(const io::document& doc, bool with_text) -> flat_world;

/// Frees the event ids and cities (what only SQLite stores).
inline void drop_text(flat_world& w) {
  std::vector<std::string>().swap(w.event_ids);
  std::vector<std::string>().swap(w.cities);
}

}  // namespace diplo::bench::detail

namespace diplo::bench {

// The engines from a world flattened already (flatten(doc, true)): the suite flattens once,
// times it as part of every load, and frees the document before the engines are built, so
// that at 10^7 events an engine's memory is not added to the document's.
[[nodiscard]] auto make_sqlite(detail::flat_world w, sqlite_schema schema) -> std::unique_ptr<engine>;
[[nodiscard]] auto make_scan(detail::flat_world w) -> std::unique_ptr<engine>;
[[nodiscard]] auto make_pair_hash(detail::flat_world w) -> std::unique_ptr<engine>;

}  // namespace diplo::bench

namespace diplo::bench::detail {

/// Bytes held by a flat_world's vectors (capacities; not the text or the actor map).
[[nodiscard]] auto core_bytes(const flat_world& w) -> std::size_t;

// ---------------------------------------------------------------------------------------
// Post-processing. A `Source` gives, for an event number:
//   parent(e)          -> std::uint32_t (none for a root)
//   shared(e)          -> bool: both actors of the question attended e, it counts, and it lies
//                         within the question's bounds
//   children(e, f)     -> calls f(c) for every event whose parent is e
//   specificity(e)     -> {is meeting, depth} of e, and es(e) -> its earliest start

/// The day diplo::last_meeting answers once `best`, the latest shared event, is found: the
/// most specific event of the encounter around it (meetings first, then the deepest, then
/// the latest), from its outermost shared ancestor and every shared event inside that.
template <class Source>
auto encounter_day(Source& src, std::uint32_t best) -> day {
  std::uint32_t root = best;
  for (auto p = src.parent(best); p != none; p = src.parent(p)) {
    if (src.shared(p)) root = p;
  }
  auto key = [&](std::uint32_t e) {
    auto [meeting, depth] = src.specificity(e);
    return std::tuple(meeting, depth, e);
  };
  std::uint32_t pick = root;
  auto pick_key = key(root);
  std::vector<std::uint32_t> stack{root};
  while (!stack.empty()) {
    const auto n = stack.back();
    stack.pop_back();
    src.children(n, [&](std::uint32_t c) {
      if (src.shared(c)) {
        auto k = key(c);
        if (k > pick_key) {
          pick = c;
          pick_key = k;
        }
      }
      stack.push_back(c);
    });
  }
  return src.es(pick);
}

/// The number of encounters among `shared` (event numbers, ascending): the events none of
/// whose ancestors is shared. `parent(e)` gives the parent of any event.
template <class Parent>
auto count_encounters(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& shared, Parent&& parent)
    -> std::size_t {
  // shared: (event, parent), sorted by event.
  auto in_set = [&](std::uint32_t e) {
    auto it = std::lower_bound(shared.begin(), shared.end(), std::pair(e, std::uint32_t{0}));
    return it != shared.end() && it->first == e;
  };
  std::size_t roots = 0;
  for (const auto& [e, first_parent] : shared) {
    bool root = true;
    for (auto p = first_parent; p != none; p = parent(p)) {
      if (in_set(p)) {
        root = false;
        break;
      }
    }
    if (root) ++roots;
  }
  return roots;
}

/// One event that may be part of a trip of the guest (diplo's trips_of items: the guest's
/// counting events abroad, host country already filtered when one is asked), in timeline order.
struct trip_item {
  std::uint32_t event = 0;
  std::uint32_t parent = none;
  day es = 0;
  day ls = 0;
  day le = 0;
  day start_hi = no_day;
  bool exact = false;
  bool end_ok = false;
  country_code country;  // the event's country (the trip's)
};

/// The number of trips the items make that start within [from, to] (diplo::visits with
/// guest, host country, from and to; see trips_of and trip_period in diplo/query.h). Only
/// events in one country make one trip: by nesting, or by overlapping or adjacent days.
template <class Parent>
auto count_trips(const std::vector<trip_item>& items, day from, day to, Parent&& parent) -> std::size_t {
  struct trip_acc {
    std::size_t first;  // index into items of its first event (the earliest start)
    std::size_t last;   // index of its first event with the latest end
    bool exact;
    bool single;
    country_code country;
  };
  std::vector<trip_acc> trips;
  std::vector<day> trip_end;
  std::vector<std::pair<std::uint32_t, std::size_t>> trip_of;  // (event, trip), ascending event
  auto find_trip = [&](std::uint32_t e) -> std::size_t {
    auto it = std::lower_bound(trip_of.begin(), trip_of.end(), std::pair(e, std::size_t{0}));
    return it != trip_of.end() && it->first == e ? it->second : static_cast<std::size_t>(-1);
  };
  for (std::size_t k = 0; k < items.size(); ++k) {
    const trip_item& it = items[k];
    std::size_t joined = static_cast<std::size_t>(-1);
    for (auto p = it.parent; p != none; p = parent(p)) {
      if (auto t = find_trip(p); t != static_cast<std::size_t>(-1) && trips[t].country == it.country) {
        joined = t;
        break;
      }
    }
    if (joined == static_cast<std::size_t>(-1) && !trips.empty() && trips.back().country == it.country &&
        it.es <= trip_end.back()) {
      joined = trips.size() - 1;
    }
    if (joined != static_cast<std::size_t>(-1)) {
      trip_acc& t = trips[joined];
      // Items come in timeline order, so the first keeps the earliest start; the last is the
      // first to reach the latest end.
      if (it.es < items[t.first].es) t.first = k;
      if (it.le > items[t.last].le) t.last = k;
      t.exact = t.exact && it.exact;
      t.single = false;
      trip_end[joined] = std::max(trip_end[joined], it.le);
    } else {
      trips.push_back({k, k, it.exact, true, it.country});
      trip_end.push_back(it.le);
      joined = trips.size() - 1;
    }
    // Items ascend by event number, so appending keeps trip_of sorted.
    trip_of.emplace_back(it.event, joined);
  }
  std::size_t n = 0;
  for (const trip_acc& t : trips) {
    const trip_item& f = items[t.first];
    const trip_item& l = items[t.last];
    day start_lo = f.es;
    day start_hi = f.ls;
    if (!t.single) {
      if (t.exact) {
        start_hi = f.es;
      } else if (f.start_hi != no_day && l.end_ok) {
        start_hi = std::min(f.start_hi, l.le - 1);  // period(first.first(), last.last())
      }
    }
    if (start_lo < from || start_hi > to) continue;
    ++n;
  }
  return n;
}

/// Ranks contacts as diplo::contacts does: most encounters first, then by name (then by
/// registry order), the first `top`.
auto rank_contacts(std::vector<contact_count> all, const std::vector<std::uint32_t>& name_rank,
                   std::size_t top) -> std::vector<contact_count>;

/// The contacts of `a` from the rows of its counting events: `rows` holds (event, parent,
/// other actor) sorted by event. Counts per counterpart the events none of whose ancestors
/// the two shared; `parent(e)` gives the parent of events not among the rows.
template <class Parent>
auto contacts_from_rows(const std::vector<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>>& rows,
                        Parent&& parent) -> std::vector<contact_count> {
  // Per event of the rows: its parent and its range in rows.
  auto find_event = [&](std::uint32_t e) {
    return std::lower_bound(rows.begin(), rows.end(), e,
                            [](const auto& r, std::uint32_t x) { return std::get<0>(r) < x; });
  };
  auto event_has = [&](decltype(rows.begin()) at, std::uint32_t e, std::uint32_t b) {
    for (auto it = at; it != rows.end() && std::get<0>(*it) == e; ++it) {
      if (std::get<2>(*it) == b) return true;
    }
    return false;
  };
  std::unordered_map<std::uint32_t, std::uint32_t> count;
  for (const auto& [e, first_parent, b] : rows) {
    bool root = true;
    for (auto p = first_parent; p != none;) {
      auto at = find_event(p);
      if (at != rows.end() && std::get<0>(*at) == p) {
        if (event_has(at, p, b)) {
          root = false;
          break;
        }
        p = std::get<1>(*at);
      } else {
        p = parent(p);
      }
    }
    if (root) ++count[b];
  }
  std::vector<contact_count> out;
  out.reserve(count.size());
  for (const auto& [b, n] : count) out.push_back({b, n});
  return out;
}

}  // namespace diplo::bench::detail
