// SPDX-License-Identifier: MIT
#pragma once

// The indexes of a frozen timeline: built once by freeze() (src/timeline.cpp), read by the
// queries (src/query.cpp). Internal: their layout may change without notice.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "diplo/country.h"
#include "diplo/detail/column.h"
#include "diplo/event.h"

namespace diplo {

class timeline;

namespace detail {

inline constexpr std::uint32_t no_index = std::numeric_limits<std::uint32_t>::max();
/// validate(): "did you mean" is computed for this many unknown actor names at most.
inline constexpr std::size_t max_suggested = 100;
/// validate(): each event is compared with at most this many later events of the same kind
/// among the same people that start before it ends (likely duplicates).
inline constexpr std::size_t max_duplicate_window = 64;
/// validate(): an event is named the likely duplicate of at most this many others.
inline constexpr std::uint8_t max_duplicate_warnings = 4;
/// check_consistency(): each person's events still running, in the sweep of the "two
/// countries" check, are at most this many (those ending first are dropped past it).
inline constexpr std::size_t max_conflict_window = 64;
/// check_consistency(): an event gets at most this many "two countries" warnings.
inline constexpr std::size_t max_conflict_warnings = 8;

class consistency_checker;

/// Compressed lists: the items of list i are items[offsets[i] .. offsets[i+1]).
template <class T>
struct compressed_lists {
  column<std::uint32_t> offsets{0};
  column<T> items;

  [[nodiscard]] auto of(std::uint32_t i) const noexcept -> std::span<const T> {
    if (i + 1 >= offsets.size()) return {};
    return {items.data() + offsets[i], items.data() + offsets[i + 1]};
  }
};

/// Lists of event or actor numbers.
using csr = compressed_lists<std::uint32_t>;

/// The events inside each event, kept for the events that have any (a fifth of a synthetic
/// world's events; most have none): `of(e)` finds e among the parents by binary search.
struct child_lists {
  column<std::uint32_t> parents;  // the events with children, ascending
  csr children;                   // list k: the children of parents[k], ascending

  [[nodiscard]] auto of(std::uint32_t e) const noexcept -> std::span<const std::uint32_t> {
    const auto it = std::lower_bound(parents.begin(), parents.end(), e);
    if (it == parents.end() || *it != e) return {};
    return children.of(static_cast<std::uint32_t>(it - parents.begin()));
  }

  /// The lists of the (parent, child) pairs `inside` (each child once).
  [[nodiscard]] static auto of(std::vector<std::pair<std::uint32_t, std::uint32_t>> inside) -> child_lists {
    std::sort(inside.begin(), inside.end());
    child_lists c;
    for (std::size_t k = 0; k < inside.size(); ++k) {
      if (k == 0 || inside[k].first != inside[k - 1].first) {
        if (k > 0) c.children.offsets.push_back(static_cast<std::uint32_t>(k));
        c.parents.push_back(inside[k].first);
      }
      c.children.items.push_back(inside[k].second);
    }
    if (!inside.empty()) c.children.offsets.push_back(static_cast<std::uint32_t>(inside.size()));
    c.parents.shrink_to_fit();
    c.children.offsets.shrink_to_fit();
    c.children.items.shrink_to_fit();
    return c;
  }
};

/// An event number with its earliest start day: the entries of the lists that queries
/// search by day, side by side so that reading one costs one cache miss.
struct dated {
  std::int32_t day = 0;
  std::uint32_t event = 0;
};
using dated_lists = compressed_lists<dated>;

/// Lists of events by earliest start day (`dated`), each with how many days it may last
/// (from its earliest start to the day after its latest possible last day), in an array of
/// its own: `where` tells from the entry alone whether the event may cover a day, in 10
/// bytes an entry.
struct spanned_lists : compressed_lists<dated> {
  column<std::uint16_t> lengths;  // per item; at most max_length (longer spans are cut to it)

  static constexpr std::uint16_t max_length = 0xFFFF;

  /// The length an entry keeps of `days` (at least 1).
  [[nodiscard]] static constexpr auto length_of(std::int64_t days) noexcept -> std::uint16_t {
    return static_cast<std::uint16_t>(std::clamp<std::int64_t>(days, 1, max_length));
  }
  /// Whether entry k (of all the lists' items) may cover `day`, as far as its length tells:
  /// false only when it surely ended before. (A cut length never rules a day out.)
  [[nodiscard]] auto may_reach(std::size_t k, std::int32_t day) const noexcept -> bool {
    const std::uint16_t n = lengths[k];
    return n == max_length || std::int64_t{items[k].day} + n > day;
  }
};

/// The key of an unordered pair of actor numbers (never 0: a pair is of two actors).
[[nodiscard]] constexpr auto pair_key(std::uint32_t a, std::uint32_t b) noexcept -> std::uint64_t {
  if (a > b) std::swap(a, b);
  return (std::uint64_t{a} << 32) | b;
}

/// The key of a person's trips to a country (never 0).
[[nodiscard]] constexpr auto trip_key(std::uint32_t actor, country_code c) noexcept -> std::uint64_t {
  return (std::uint64_t{actor + 1} << 32) | country_access::bits(c);
}

/// The slot a hash starts its probe at, in a table of `size` slots (any size up to 2^32, not
/// only powers of two, so that a table is as full as chosen, not between half that and that):
/// the hash's high 32 bits scaled to the size (Lemire's multiply-shift, one multiplication).
[[nodiscard]] constexpr auto home_slot(std::uint64_t hash, std::size_t size) noexcept -> std::size_t {
  return static_cast<std::size_t>(((hash >> 32) * static_cast<std::uint64_t>(size)) >> 32);
}

/// The number of slots for `entries` keys in an open-addressing table filled to at most
/// `full` (a fraction in (0, 1)), with at least one slot free: a lookup stops at one.
[[nodiscard]] inline auto slots_for(std::size_t entries, double full) noexcept -> std::size_t {
  return static_cast<std::size_t>(static_cast<double>(entries) / full) + 1;
}

/// An open-addressing hash table from a non-zero 64-bit key to a range [begin, end) of
/// an array sorted by that key: the directory of the pair index. One probe, usually one
/// cache line, where a binary search over millions of entries takes twenty.
struct range_table {
  struct slot {
    std::uint64_t key = 0;  // 0: empty
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
  };
  column<slot> slots;  // at most `full` full, with an empty slot

  /// How full the table is made: a miss (a pair that never met alone) probes ~3.6 slots
  /// on average, one or two cache lines.
  static constexpr double full = 0.6;

  [[nodiscard]] static constexpr auto mix(std::uint64_t k) noexcept -> std::uint64_t {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return k;
  }

  [[nodiscard]] auto find(std::uint64_t key) const noexcept -> std::pair<std::uint32_t, std::uint32_t> {
    if (slots.empty()) return {0, 0};
    const std::size_t size = slots.size();
    for (std::size_t i = home_slot(mix(key), size);; i = i + 1 == size ? 0 : i + 1) {
      const slot& s = slots[i];
      if (s.key == key) return {s.begin, s.end};
      if (s.key == 0) return {0, 0};
    }
  }

  /// The table of the runs of equal keys in `keys` (sorted, none 0).
  [[nodiscard]] static auto of_sorted(std::span<const std::uint64_t> keys) -> range_table {
    range_table t;
    std::size_t runs = 0;
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (i == 0 || keys[i] != keys[i - 1]) ++runs;
    }
    if (runs == 0) return t;
    const std::size_t size = slots_for(runs, full);
    t.slots.resize(size);
    for (std::size_t i = 0; i < keys.size();) {
      std::size_t j = i;
      while (j < keys.size() && keys[j] == keys[i]) ++j;
      std::size_t at = home_slot(mix(keys[i]), size);
      while (t.slots[at].key != 0) at = at + 1 == size ? 0 : at + 1;
      t.slots[at] = {keys[i], static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j)};
      i = j;
    }
    return t;
  }
};

/// Every person's trips to each country: where their run starts in an array of trips sorted
/// by (actor, country), found by a binary search among one actor's countries (a few dozen at
/// most). 8 bytes per (actor, country) and 4 per actor, where a hash table of the pairs takes
/// 32 to 64 per pair (issue 15 measured 84 B/event for it at 10^5 events).
struct trip_directory {
  struct run {
    std::uint32_t country = 0;  // country_access::bits
    std::uint32_t begin = 0;    // the run's first trip; it ends where the next run begins
  };
  column<std::uint32_t> offsets{0};  // per actor: its runs are runs[offsets[a], offsets[a + 1])
  column<run> runs{run{}};           // the last one a sentinel: its begin is the number of trips

  /// The range of trips of `actor` to the country of `bits`; empty when none.
  [[nodiscard]] auto find(std::uint32_t actor, std::uint32_t bits) const noexcept
      -> std::pair<std::uint32_t, std::uint32_t> {
    if (std::size_t{actor} + 1 >= offsets.size()) return {0, 0};
    const auto first = runs.begin() + offsets[actor];
    const auto last = runs.begin() + offsets[actor + 1];
    const auto it =
        std::lower_bound(first, last, bits, [](const run& r, std::uint32_t b) { return r.country < b; });
    if (it == last || it->country != bits) return {0, 0};
    return {it->begin, std::next(it)->begin};
  }

  /// The directory of `keys` (trip_key(actor, country), sorted) for `actors` actors.
  [[nodiscard]] static auto of_sorted(std::span<const std::uint64_t> keys, std::uint32_t actors)
      -> trip_directory {
    trip_directory d;
    d.offsets.assign(std::size_t{actors} + 1, 0);
    d.runs.clear();
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (i > 0 && keys[i] == keys[i - 1]) continue;
      const auto actor = static_cast<std::uint32_t>((keys[i] >> 32) - 1);
      d.runs.push_back({static_cast<std::uint32_t>(keys[i]), static_cast<std::uint32_t>(i)});
      ++d.offsets[std::size_t{actor} + 1];
    }
    for (std::size_t a = 1; a < d.offsets.size(); ++a) d.offsets[a] += d.offsets[a - 1];
    d.runs.push_back({0, static_cast<std::uint32_t>(keys.size())});
    d.runs.shrink_to_fit();
    return d;
  }
};

/// An open-addressing table from text ids to the numbers 0..n-1 that carry them: 8 bytes
/// a slot, at most three quarters full, where a node-based map of strings takes 60 or more an
/// entry. A slot keeps the number and 32 bits of the id's hash; the id itself is read back
/// through `id_of(number)` to confirm a match. Internal: the event index of a timeline.
struct id_table {
  struct slot {
    std::uint32_t tag = 0;            // the hash's low 32 bits (its high ones choose the home slot)
    std::uint32_t number = no_index;  // no_index: empty
  };
  column<slot> slots;  // at most `full` full, with an empty slot

  /// How full the table is made: a hit probes ~2.5 slots on average, a miss ~8.5, eight
  /// slots to a cache line.
  static constexpr double full = 0.75;

  /// The same with every compiler and standard library (the table is written to snapshot
  /// files, which are read on machines of the writer's byte order): eight bytes at a time.
  [[nodiscard]] static auto hash(std::string_view id) noexcept -> std::uint64_t {
    std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ id.size();
    std::size_t i = 0;
    for (; i + 8 <= id.size(); i += 8) {
      std::uint64_t w = 0;
      std::memcpy(&w, id.data() + i, 8);
      h = range_table::mix(h ^ w) + 0x9E3779B97F4A7C15ULL;
    }
    std::uint64_t w = 0;
    if (i < id.size()) std::memcpy(&w, id.data() + i, id.size() - i);
    return range_table::mix(h ^ w);
  }

  /// The number whose id is `id`, or no_index.
  template <class IdOf>
  [[nodiscard]] auto find(std::string_view id, IdOf id_of) const noexcept -> std::uint32_t {
    if (slots.empty()) return no_index;
    const std::uint64_t h = hash(id);
    const auto tag = static_cast<std::uint32_t>(h);
    const std::size_t size = slots.size();
    for (std::size_t i = home_slot(h, size);; i = i + 1 == size ? 0 : i + 1) {
      const slot& s = slots[i];
      if (s.number == no_index) return no_index;
      if (s.tag == tag && id_of(s.number) == id) return s.number;
    }
  }

  /// The table of the ids id_of(0) .. id_of(n - 1) (distinct).
  template <class IdOf>
  [[nodiscard]] static auto of(std::uint32_t n, IdOf id_of) -> id_table {
    id_table t;
    if (n == 0) return t;
    const std::size_t size = slots_for(n, full);
    t.slots.resize(size);
    for (std::uint32_t k = 0; k < n; ++k) {
      const std::uint64_t h = hash(id_of(k));
      std::size_t i = home_slot(h, size);
      while (t.slots[i].number != no_index) i = i + 1 == size ? 0 : i + 1;
      t.slots[i] = {static_cast<std::uint32_t>(h), k};
    }
    return t;
  }
};

/// The id of event k of `events`, as id_table's `id_of` reads it.
[[nodiscard]] inline auto ids_of(std::span<const event> events) noexcept {
  return [events](std::uint32_t k) -> std::string_view { return base(events[k]).id.value(); };
}

/// Per event, what the meet and where filters test, without touching the event: its
/// status (the low three bits), whether it was held in person, whether it is a meeting,
/// whether other events lie inside it, and whether all of those (children, their
/// children...) come after it in timeline order. They nearly always do; talks on the eve
/// of a summit do not. Snapshots of format 4 written before that last flag have it clear,
/// which costs time, not answers: it only lets the latest encounter skip a walk.
enum event_flag : std::uint8_t {
  flag_status_mask = 0x7,
  flag_in_person = 0x8,
  flag_meeting = 0x10,
  flag_has_children = 0x20,
  flag_inside_after = 0x40
};

/// The bit of an actor number in event_facts::people.
[[nodiscard]] constexpr auto people_bit(std::uint32_t actor) noexcept -> std::uint16_t {
  return static_cast<std::uint16_t>(1U << ((actor * 0x9E3779B1U) >> 28));
}

/// What the queries test of an event, in 16 bytes, so that testing a candidate costs one
/// cache miss rather than one per array.
struct event_facts {
  std::int32_t earliest_start = 0;  // days since 1970-01-01
  std::int32_t latest_start = 0;
  std::uint32_t parent = no_index;  // no_index when none
  std::uint8_t depth = 0;           // 0 for a root (freeze() allows max_nesting: 32)
  std::uint8_t flags = 0;           // event_flag bits
  // The people_bit of every participant, or-ed: an actor whose bit is not set is not
  // among them, and no list of participants need be read to say so (most events have
  // two; a summit's sets most bits and says little).
  std::uint16_t people = 0;
};
static_assert(sizeof(event_facts) == 16);

/// Calls f(p) for every event p with something inside it (at any depth) that comes before
/// it in timeline order: the events flag_inside_after must not mark. Precondition: parents
/// and depths set, no loops. O(events x nesting depth).
template <class Facts, class F>
void for_each_with_inside_before(const Facts& facts, F f) {
  const auto n = static_cast<std::uint32_t>(facts.size());
  for (std::uint32_t i = 0; i < n; ++i) {
    for (auto p = facts[i].parent; p != no_index; p = facts[p].parent) {
      if (i < p) f(p);
    }
  }
}

/// Clears flag_inside_after where it does not hold (freeze()).
inline void clear_inside_after(std::span<event_facts> facts) noexcept {
  for_each_with_inside_before(facts, [&](std::uint32_t p) {
    facts[p].flags = static_cast<std::uint8_t>(facts[p].flags & ~flag_inside_after);
  });
}

/// Whether flag_inside_after holds wherever it is set (a snapshot's check).
[[nodiscard]] inline auto inside_after_holds(std::span<const event_facts> facts) noexcept -> bool {
  bool holds = true;
  for_each_with_inside_before(
      facts, [&](std::uint32_t p) { holds = holds && (facts[p].flags & flag_inside_after) == 0; });
  return holds;
}

/// A static interval tree over the events' possible days, [earliest start, latest end):
/// `stab(day, facts, f)` calls f(event) for every event that may cover `day`, in O(log n +
/// answer). The earliest starts are the facts' (the tree keeps the ends only).
/// Each node holds the events that contain its center day, sorted twice (by start
/// ascending, by end descending); the events wholly before the center go left, those wholly
/// after it go right. The center is the median of the first and last days of the node's
/// events, so the depth is O(log n). Internal: built by timeline_builder::freeze().
struct day_tree {
  struct node {
    std::int32_t center = 0;
    std::uint32_t left = no_index;
    std::uint32_t right = no_index;
    std::uint32_t begin = 0;  // its events: by_start[begin, end), by_end[begin, end)
    std::uint32_t end = 0;
  };
  column<node> nodes;  // nodes[0] is the root (when not empty)
  column<std::uint32_t> by_start;
  column<std::uint32_t> by_end;
  column<std::int32_t> stop;  // per event: latest exclusive end day

  /// Calls f(event number) for every event with facts[event].earliest_start <= day < stop
  /// (in no useful order).
  template <class F>
  void stab(std::int32_t day, const column<event_facts>& facts, F&& f) const {
    std::uint32_t n = nodes.empty() ? no_index : 0;
    while (n != no_index) {
      const node& x = nodes[n];
      if (day < x.center) {
        // Every event here ends after the center, so after `day`: those starting by it cover it.
        for (auto k = x.begin; k < x.end && facts[by_start[k]].earliest_start <= day; ++k) f(by_start[k]);
        n = x.left;
      } else {
        // Every event here starts on or before the center: those ending after `day` cover it.
        for (auto k = x.begin; k < x.end && stop[by_end[k]] > day; ++k) f(by_end[k]);
        n = day == x.center ? no_index : x.right;
      }
    }
  }

  /// Builds the tree of events [start[i], stop[i]) (precondition: start[i] < stop[i]).
  static auto build(std::span<const std::int32_t> start, std::vector<std::int32_t> stop) -> day_tree {
    day_tree t;
    t.stop = column(std::move(stop));
    std::vector<std::uint32_t> all(start.size());
    for (std::uint32_t i = 0; i < all.size(); ++i) all[i] = i;
    t.by_start.reserve(all.size());
    t.by_end.reserve(all.size());
    t.make(start, all);
    return t;
  }

 private:
  auto make(std::span<const std::int32_t> start, const std::vector<std::uint32_t>& items) -> std::uint32_t {
    if (items.empty()) return no_index;
    // The median of the items' first and last days.
    std::vector<std::int32_t> bounds;
    bounds.reserve(items.size() * 2);
    for (auto i : items) {
      bounds.push_back(start[i]);
      bounds.push_back(stop[i] - 1);
    }
    auto mid = bounds.begin() + static_cast<std::ptrdiff_t>(bounds.size() / 2);
    std::nth_element(bounds.begin(), mid, bounds.end());
    const std::int32_t center = *mid;
    std::vector<std::uint32_t> here, left, right;
    for (auto i : items) {
      if (stop[i] <= center) {
        left.push_back(i);
      } else if (start[i] > center) {
        right.push_back(i);
      } else {
        here.push_back(i);
      }
    }
    const auto at = static_cast<std::uint32_t>(nodes.size());
    nodes.push_back({center, no_index, no_index, static_cast<std::uint32_t>(by_start.size()), 0});
    std::sort(here.begin(), here.end(), [&](std::uint32_t a, std::uint32_t b) {
      return start[a] != start[b] ? start[a] < start[b] : a < b;
    });
    by_start.append(here.begin(), here.end());
    std::sort(here.begin(), here.end(), [&](std::uint32_t a, std::uint32_t b) {
      return stop[a] != stop[b] ? stop[a] > stop[b] : a < b;
    });
    by_end.append(here.begin(), here.end());
    nodes[at].end = static_cast<std::uint32_t>(by_start.size());
    const auto l = make(start, left);
    nodes[at].left = l;
    const auto r = make(start, right);
    nodes[at].right = r;
    return at;
  }
};

/// One trip of a person to a country as `visits()` forms them with the default filter
/// (events that occurred, any level): what counting needs.
/// Eight bytes: its earliest start day, and in one word how many days later it may start at
/// the latest (29 bits: days in diplo's range, ±2^28, differ by less than 2^29) with its
/// level (3 bits).
struct trip_start {
  std::int32_t earliest = 0;  // earliest start day of the trip (trip_period)
  std::uint32_t later_and_level = 0;

  [[nodiscard]] static auto of(std::int32_t earliest, std::int32_t latest, std::uint8_t level) noexcept
      -> trip_start {
    const auto later = static_cast<std::uint32_t>(static_cast<std::int64_t>(latest) - earliest);
    return {earliest, later << 3 | (level & 7U)};
  }
  /// Its latest start day.
  [[nodiscard]] auto latest() const noexcept -> std::int64_t {
    return std::int64_t{earliest} + (later_and_level >> 3);
  }
  /// The highest visit_level among its visits.
  [[nodiscard]] auto level() const noexcept -> std::uint8_t { return later_and_level & 7U; }
};
static_assert(sizeof(trip_start) == 8);

/// `where` keeps each actor's events in six classes by how long they may last: at most
/// 1, 4, 16, 64, 366 days, and longer. A question about a day walks back, in each class,
/// only over the events that started within that class's longest span before the day.
inline constexpr std::uint32_t span_classes = 6;

[[nodiscard]] constexpr auto span_class(std::int64_t days) noexcept -> std::uint32_t {
  constexpr std::int64_t limit[span_classes - 1] = {1, 4, 16, 64, 366};
  std::uint32_t c = 0;
  while (c < span_classes - 1 && days > limit[c]) ++c;
  return c;
}

/// The indexes of a frozen timeline. Internal: its layout may change.
struct timeline_index {
  // Per event (in timeline order).
  column<event_facts> facts;  // what queries test, one cache line per four
  child_lists children;       // per event that has any
  // An event's actors are the store's (event_store::everyone, in actor numbers).
  // Per actor (numbered in registry order: actor_registry::position).
  csr actor_events;           // all events of the actor, timeline order
  dated_lists group_entries;  // events with 3+ participants, timeline order
  // Events with exactly two participants: pair_table maps pair_key(a, b) to a range of
  // pair_entries (timeline order).
  range_table pair_table;
  column<dated> pair_entries;
  // Every actor's in-person events by span class: span_events.of(actor * span_classes +
  // class), in timeline order, and the longest span of each list in span_max.
  spanned_lists span_events;
  column<std::int32_t> span_max;
  // Every person's trips to each country (default filter), by actor, country, then start:
  // trip_table.find(actor, country_access::bits(c)) is the range of `trips` of one.
  trip_directory trip_table;
  column<trip_start> trips;
  // Event ids -> event number.
  id_table event_number;
  // Per actor number, its place among all actors sorted by name (ties in registry order):
  // contacts rank counterparts by it without looking names up.
  column<std::uint32_t> name_rank;
  // The events that may cover a day (whereabouts_on in diplo/query.h).
  day_tree days;
};

/// Calls f(name, column) for each array of `ix`, always in the same order: what a snapshot
/// file writes and maps back (`Index` is timeline_index or const timeline_index).
template <class Index, class F>
void for_each_column(Index& ix, F&& f) {
  f("facts", ix.facts);
  f("children (parents)", ix.children.parents);
  f("children (offsets)", ix.children.children.offsets);
  f("children", ix.children.children.items);
  f("actor events (offsets)", ix.actor_events.offsets);
  f("actor events", ix.actor_events.items);
  f("group entries (offsets)", ix.group_entries.offsets);
  f("group entries", ix.group_entries.items);
  f("pair table", ix.pair_table.slots);
  f("pair entries", ix.pair_entries);
  f("span events (offsets)", ix.span_events.offsets);
  f("span events", ix.span_events.items);
  f("span events (lengths)", ix.span_events.lengths);
  f("span max", ix.span_max);
  f("trip directory (offsets)", ix.trip_table.offsets);
  f("trip directory", ix.trip_table.runs);
  f("trips", ix.trips);
  f("event numbers", ix.event_number.slots);
  f("name ranks", ix.name_rank);
  f("day tree", ix.days.nodes);
  f("day tree (by start)", ix.days.by_start);
  f("day tree (by end)", ix.days.by_end);
  f("day tree (stops)", ix.days.stop);
}

}  // namespace detail

}  // namespace diplo
