// SPDX-License-Identifier: MIT
#pragma once

// The timeline: events checked against each other, frozen and indexed.
//
// A timeline is built in two steps. A `timeline_builder` collects actors and events
// and knows nothing yet; `freeze()` checks everything at once and either throws a
// `validation_error` listing every problem, or returns an immutable `timeline` with
// its indexes built:
//
//   diplo::timeline_builder b(std::move(registry));   // persons and organisations
//   b.add(state_visit);                                // any diplo::event
//   b.add(kremlin_talks);                              // parent: the state visit
//   diplo::timeline t = std::move(b).freeze();         // throws diplo::validation_error
//
// What freeze() checks (errors stop it, warnings are kept in `warnings()`). What
// contradicts itself is an error; what is only unlikely is a warning:
//   errors    an empty or duplicate id; an actor id not in the registry; a parent id
//             that is unknown or makes a cycle; a child that certainly lies outside
//             its parent's days; a visit without guests, a meeting with fewer than
//             two different participants; an actor listed twice among one event's
//             guests, participants or attendees; a visit whose host_country is not its
//             place's country; an end instant before the start instant, or an instant
//             (starts_at, ends_at) outside the event's days in every time zone; invalid
//             UTF-8 in any text. (A child one day outside its parent — talks on the
//             eve of a summit — is only a warning.)
//   warnings  a child that possibly lies outside its parent; likely duplicates (two
//             events of one kind among the same people in the same country whose days
//             overlap, neither inside the other); a summit or ceremony without attendees;
//             a summit whose host_country is not its place's country (the place counts);
//             a journey (`event_base::journey`) whose stops have no traveller in common,
//             or whose stop starts more than `max_journey_gap` (7) days after the stops
//             before it end.
//
// CONSISTENCY ACROSS RECORDS. Two more checks look at what the records say of one person
// taken together, which matters most when several sources are loaded as one (diplo/io/merge.h
// makes one actor of each person). They are warnings, and freeze() does not make them (a
// timeline holding them is still a good one, and every query would pay for them):
// `check_consistency()` does, and so does `diplo::io::check` (`diplo validate`).
//   two countries  a person placed in two different countries on the same days by two
//             events that occurred in person. A visit places its guests (not its host, who
//             need not be there all along) on every day it certainly covers; a meeting,
//             summit or ceremony is an occasion held on some of its days, so it places its
//             participants or attendees on at least one of them, not said which (an occasion
//             of one day: on that day). A partial date that only possibly overlaps the other
//             event places no one there. Leaders fly from one country to the next on one day,
//             so one shared day is a conflict only when it lies strictly inside one of the
//             two (neither its first nor its last day: a one-day meeting in Paris in the
//             middle of a week in Berlin); two or more shared days always are; an occasion
//             conflicts with a visit whose days hold all of its days strictly inside. Events
//             in one tree (one inside the other, or both inside a third), the stops of one
//             journey, and the Holy See, San Marino or Monaco with the country around them
//             are never in conflict. Each conflict of a person between two trees is reported
//             once, on the later event, naming the other and where it was read; an event gets
//             at most `detail::max_conflict_warnings` (8). One sort of every (person, event),
//             then a sweep per person keeping the events still running, at most
//             `detail::max_conflict_window` (64): linear in the mentions, never all pairs.
//   off term  a visit (that occurred) of a guest with a recorded office that looks like a
//             term (at least `min_term`, 60 days, long, or open) of a head of state or
//             government (a title with President, Prime Minister, Premier, Chancellor, King,
//             Queen, Emperor, Emir, Sultan, Supreme Leader...; not vice-, deputy or -elect),
//             when every office of the guest, of any title and length, lies more than
//             `term_margin` (90 days) away from the visit's days, in every reading of both
//             partial dates. The margin lets a president-elect's trips and a farewell visit
//             pass; another office (a vice-president's, a minister's, a president-elect's)
//             covers a trip as well. The warning names the offices known and where the actor
//             was read. Offices a source makes from its own trips (COLT's spans of trips, the
//             Office of the Historian's office for the days of one visit) cover those trips:
//             the check speaks when a record of terms (the bundled data, a file of yours)
//             stands beside trips from elsewhere.
//
// THREADS. The frozen timeline never changes, so any number of threads may query it at
// once without locks: every query of diplo/query.h and every const member of `timeline`
// and of its `actor_registry` (tests/query_test.cpp runs them all from many threads, under
// ThreadSanitizer with `scripts/test --tsan`). Building is not thread-safe: a
// `timeline_builder`, `actor_registry::add` and `diplo::io::merge` change their object and
// must be used by one thread at a time (or behind a lock); freeze() hands over a timeline
// that then may be shared.
//
// LIMITS. A chain of parents is at most `timeline_builder::max_nesting` (32) events deep,
// and a timeline holds at most 2^32 - 2 events, as many actor mentions (its indexes are
// 32-bit); freeze() reports anything past them. validate() stays linear on any input (a
// million copies of one event, a chain of a million parents).
//
// Its events are kept in one order, used everywhere: by earliest
// possible start day, then latest possible start, then the longer event first (so a
// summit comes before the talks on its first day), then the outer event first (a visit
// before the forum inside it on the same days), then by id. Queries (diplo/query.h)
// run on its indexes (detail::timeline_index): every actor's events in that order;
// bilateral events by pair of actors, in a hash table of pairs; every actor's group
// events (3+ participants), so that two people's summits are found by intersecting two
// lists (a 40-leader summit is stored once per attendee, never as 780 pairs); every
// person's trips to each country, ready to count; every actor's in-person events by how
// long they may last (for "where was A on D"); the parent/child links; the events by the
// days they may cover; and, per event, the facts queries test (days, status, parent, and
// a 16-bit sketch of its participants that rules most actors out without reading the
// list) in 16 bytes. Queries that must touch many events far apart in memory (contacts,
// the events of an encounter, a pair's meetings in a range) ask for them a few ahead.

#include <algorithm>
#include <chrono>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include <date/date.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "diplo/actor.h"
#include "diplo/coverage.h"
#include "diplo/detail/fold.h"
#include "diplo/detail/instant.h"
#include "diplo/error.h"
#include "diplo/event.h"
#include "diplo/id.h"
#include "diplo/period.h"

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
  std::vector<std::uint32_t> offsets{0};
  std::vector<T> items;

  [[nodiscard]] auto of(std::uint32_t i) const noexcept -> std::span<const T> {
    if (i + 1 >= offsets.size()) return {};
    return {items.data() + offsets[i], items.data() + offsets[i + 1]};
  }
};

/// Lists of event or actor numbers.
using csr = compressed_lists<std::uint32_t>;

/// An event number with its earliest start day: the entries of the lists that queries
/// search by day, side by side so that reading one costs one cache miss.
struct dated {
  std::int32_t day = 0;
  std::uint32_t event = 0;
};
using dated_lists = compressed_lists<dated>;

/// An event number with its earliest start day and the day after its latest possible
/// last day: `where` tells from the entry alone whether the event may cover a day.
struct spanned {
  std::int32_t day = 0;
  std::int32_t stop = 0;
  std::uint32_t event = 0;
};
using spanned_lists = compressed_lists<spanned>;

/// The key of an unordered pair of actor numbers (never 0: a pair is of two actors).
[[nodiscard]] constexpr auto pair_key(std::uint32_t a, std::uint32_t b) noexcept -> std::uint64_t {
  if (a > b) std::swap(a, b);
  return (std::uint64_t{a} << 32) | b;
}

/// The key of a person's trips to a country (never 0).
[[nodiscard]] constexpr auto trip_key(std::uint32_t actor, country_code c) noexcept -> std::uint64_t {
  return (std::uint64_t{actor + 1} << 32) | country_access::bits(c);
}

/// A static interval tree over the events' possible days, [earliest start, latest end):
/// `stab(day, f)` calls f(event) for every event that may cover `day`, in O(log n + answer).
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
  std::vector<node> nodes;  // nodes[0] is the root (when not empty)
  std::vector<std::uint32_t> by_start;
  std::vector<std::uint32_t> by_end;
  std::vector<std::int32_t> start;  // per event: earliest start day
  std::vector<std::int32_t> stop;   // per event: latest exclusive end day

  /// Calls f(event number) for every event with start <= day < stop (in no useful order).
  template <class F>
  void stab(std::int32_t day, F&& f) const {
    std::uint32_t n = nodes.empty() ? no_index : 0;
    while (n != no_index) {
      const node& x = nodes[n];
      if (day < x.center) {
        // Every event here ends after the center, so after `day`: those starting by it cover it.
        for (auto k = x.begin; k < x.end && start[by_start[k]] <= day; ++k) f(by_start[k]);
        n = x.left;
      } else {
        // Every event here starts on or before the center: those ending after `day` cover it.
        for (auto k = x.begin; k < x.end && stop[by_end[k]] > day; ++k) f(by_end[k]);
        n = day == x.center ? no_index : x.right;
      }
    }
  }

  /// Builds the tree of events [start[i], stop[i]) (precondition: start[i] < stop[i]).
  static auto build(std::vector<std::int32_t> start, std::vector<std::int32_t> stop) -> day_tree {
    day_tree t;
    t.start = std::move(start);
    t.stop = std::move(stop);
    std::vector<std::uint32_t> all(t.start.size());
    for (std::uint32_t i = 0; i < all.size(); ++i) all[i] = i;
    t.by_start.reserve(all.size());
    t.by_end.reserve(all.size());
    t.make(all);
    return t;
  }

 private:
  auto make(const std::vector<std::uint32_t>& items) -> std::uint32_t {
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
    by_start.insert(by_start.end(), here.begin(), here.end());
    std::sort(here.begin(), here.end(), [&](std::uint32_t a, std::uint32_t b) {
      return stop[a] != stop[b] ? stop[a] > stop[b] : a < b;
    });
    by_end.insert(by_end.end(), here.begin(), here.end());
    nodes[at].end = static_cast<std::uint32_t>(by_start.size());
    const auto l = make(left);
    nodes[at].left = l;
    const auto r = make(right);
    nodes[at].right = r;
    return at;
  }
};

/// An open-addressing hash table from a non-zero 64-bit key to a range [begin, end) of
/// an array sorted by that key: the directory of the pair and trip indexes. One probe,
/// usually one cache line, where a binary search over millions of entries takes twenty.
struct range_table {
  struct slot {
    std::uint64_t key = 0;  // 0: empty
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
  };
  std::vector<slot> slots;  // a power of two in size, at most half full

  [[nodiscard]] static constexpr auto mix(std::uint64_t k) noexcept -> std::uint64_t {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return k;
  }

  [[nodiscard]] auto find(std::uint64_t key) const noexcept -> std::pair<std::uint32_t, std::uint32_t> {
    if (slots.empty()) return {0, 0};
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = mix(key) & mask;; i = (i + 1) & mask) {
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
    std::size_t size = 2;
    while (size < runs * 2) size *= 2;
    t.slots.resize(size);
    const std::size_t mask = size - 1;
    for (std::size_t i = 0; i < keys.size();) {
      std::size_t j = i;
      while (j < keys.size() && keys[j] == keys[i]) ++j;
      std::size_t at = mix(keys[i]) & mask;
      while (t.slots[at].key != 0) at = (at + 1) & mask;
      t.slots[at] = {keys[i], static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j)};
      i = j;
    }
    return t;
  }
};

/// An open-addressing table from text ids to the numbers 0..n-1 that carry them: 8 bytes
/// a slot, at most two thirds full, where a node-based map of strings takes 60 or more an
/// entry. A slot keeps the number and 32 bits of the id's hash; the id itself is read back
/// through `id_of(number)` to confirm a match. Internal: the event index of a timeline.
struct id_table {
  struct slot {
    std::uint32_t tag = 0;
    std::uint32_t number = no_index;  // no_index: empty
  };
  std::vector<slot> slots;  // a power of two in size

  [[nodiscard]] static auto hash(std::string_view id) noexcept -> std::uint64_t {
    return range_table::mix(std::hash<std::string_view>{}(id));
  }

  /// The number whose id is `id`, or no_index.
  template <class IdOf>
  [[nodiscard]] auto find(std::string_view id, IdOf id_of) const noexcept -> std::uint32_t {
    if (slots.empty()) return no_index;
    const std::uint64_t h = hash(id);
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
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
    std::size_t size = 4;
    while (size * 2 < std::size_t{n} * 3) size *= 2;
    t.slots.resize(size);
    const std::size_t mask = size - 1;
    for (std::uint32_t k = 0; k < n; ++k) {
      const std::uint64_t h = hash(id_of(k));
      std::size_t i = h & mask;
      while (t.slots[i].number != no_index) i = (i + 1) & mask;
      t.slots[i] = {static_cast<std::uint32_t>(h >> 32), k};
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
/// whether other events lie inside it.
enum event_flag : std::uint8_t {
  flag_status_mask = 0x7,
  flag_in_person = 0x8,
  flag_meeting = 0x10,
  flag_has_children = 0x20
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

/// One trip of a person to a country as `visits()` forms them with the default filter
/// (events that occurred, any level): what counting needs.
struct trip_start {
  std::int32_t earliest = 0;  // earliest start day of the trip (trip_period)
  std::int32_t latest = 0;    // its latest start day
  std::uint8_t level = 0;     // the highest visit_level among its visits
};

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
  std::vector<event_facts> facts;  // what queries test, one cache line per four
  csr children;                    // per event
  csr event_actors;                // per event: actor numbers, sorted
  // Per actor (numbered in registry order: actor_registry::position).
  csr actor_events;           // all events of the actor, timeline order
  dated_lists group_entries;  // events with 3+ participants, timeline order
  // Events with exactly two participants: pair_table maps pair_key(a, b) to a range of
  // pair_entries (timeline order).
  range_table pair_table;
  std::vector<dated> pair_entries;
  // Every actor's in-person events by span class: span_events.of(actor * span_classes +
  // class), in timeline order, and the longest span of each list in span_max.
  spanned_lists span_events;
  std::vector<std::int32_t> span_max;
  // Every person's trips to each country (default filter): trip_table maps
  // trip_key(actor, country) to a range of `trips`, in order of their start.
  range_table trip_table;
  std::vector<trip_start> trips;
  // Event ids -> event number.
  id_table event_number;
  // Per actor number, its place among all actors sorted by name (ties in registry order):
  // contacts rank counterparts by it without looking names up.
  std::vector<std::uint32_t> name_rank;
  // The events that may cover a day (whereabouts_on in diplo/query.h).
  day_tree days;
};

}  // namespace detail

/// Collects actors and events, then checks and freezes them into a timeline.
/// Not thread-safe (it is a builder); the timeline it makes is.
class timeline_builder {
 public:
  timeline_builder() = default;
  /// Starts from a registry of the actors the events will name.
  explicit timeline_builder(actor_registry actors) : actors_(std::move(actors)) {}

  /// Declares what the events record completely (diplo/coverage.h); the timeline keeps every
  /// scope declared, in order. validate() reports a scope naming an unknown actor.
  auto declare(coverage_scope scope) -> timeline_builder& {
    coverage_.push_back(std::move(scope));
    return *this;
  }
  /// The scopes declared so far.
  [[nodiscard]] auto coverage() const noexcept -> std::span<const coverage_scope> { return coverage_; }

  /// The registry, to add actors before freezing.
  [[nodiscard]] auto actors() noexcept -> actor_registry& { return actors_; }
  [[nodiscard]] auto actors() const noexcept -> const actor_registry& { return actors_; }

  /// Adds an event. Nothing is checked until validate() or freeze().
  /// `from` says where it was read, for diagnostics.
  auto add(event e, origin from = {}) -> timeline_builder& {
    events_.push_back(std::move(e));
    origins_.push_back(std::move(from));
    return *this;
  }

  /// Adds many events at once, moved in without a copy when the builder holds none yet (a
  /// reader's whole document): `from[i]` says where `events[i]` was read; `from` may be
  /// shorter (the rest come from nowhere known). Nothing is checked until validate() or
  /// freeze().
  auto add(std::vector<event> events, std::vector<origin> from) -> timeline_builder& {
    from.resize(events.size());
    if (events_.empty()) {
      events_ = std::move(events);
      origins_ = std::move(from);
    } else {
      events_.insert(events_.end(), std::make_move_iterator(events.begin()),
                     std::make_move_iterator(events.end()));
      origins_.insert(origins_.end(), std::make_move_iterator(from.begin()),
                      std::make_move_iterator(from.end()));
    }
    return *this;
  }

  /// Where the i-th event added came from.
  [[nodiscard]] auto origin_of(std::size_t i) const noexcept -> const origin& { return origins_[i]; }

  /// The events added so far, in the order added.
  [[nodiscard]] auto events() const noexcept -> std::span<const event> { return events_; }

  /// Every problem freeze() would find, errors and warnings, in event order (errors
  /// first), at most `diplo::max_diagnostics` errors and as many warnings per file (or of
  /// events of no known origin): the rest of each are summed up in one line "... and N
  /// more errors" (`cap_diagnostics`; `diagnostic_count` counts them all).
  [[nodiscard]] auto validate() const -> std::vector<diagnostic>;

  /// The checks of CONSISTENCY ACROSS RECORDS (see the header essay), which validate() and
  /// freeze() do not make: a person placed in two countries on the same days, a visit away
  /// from every office its guest held. Warnings only, in event order, capped as validate()'s
  /// are (`cap_diagnostics`). `actor_origins[k]` says where the k-th actor of the registry
  /// was read, for the messages (may be shorter, or empty). Throws only std::bad_alloc.
  ///
  /// **Example**:
  ///
  ///   for (const diplo::diagnostic& w : builder.check_consistency()) fmt::print("{}\n", w);
  ///   // a.json:12:5: warning: event "v2": "lula" is placed in Argentina on 2003-05-25 and
  ///   //   in Brazil on 2003-05-24/2003-05-27 by "v1" (a.json:3:5) ...
  [[nodiscard]] DIPLO_API auto check_consistency(std::span<const origin> actor_origins = {}) const
      -> std::vector<diagnostic>;

  /// Checks everything and builds the indexed timeline.
  /// Throws validation_error listing the errors as validate() does (at most
  /// `diplo::max_diagnostics` per file, then "... and N more errors"; warnings are kept in
  /// the timeline, capped alike), and
  /// `diplo::error` ("[diplo.timeline] too many events ...") past the 32-bit indexes'
  /// bounds: 2^32 - 2 events, or as many actor mentions (participants summed over events).
  [[nodiscard]] auto freeze() && -> timeline;

  /// The deepest chain of parents an event may have (a summit, talks on its sidelines, a
  /// signing at the talks: 2). Deeper is an error of validate() and freeze().
  static constexpr std::size_t max_nesting = 32;

  /// The most days a stop of a journey may start after the journey's stops before it end
  /// (1: the next day); more is a warning of validate() and freeze(): the traveller went
  /// home in between, or the journey id is a slip. The Office of the Historian import
  /// groups stops at most 1 day apart; this leaves room for stops the data lacks.
  static constexpr date::days max_journey_gap{7};

  /// How far from every office of its guest a visit must lie for check_consistency() to
  /// warn (the "off term" check): more than this many days before a term's first possible
  /// day or after its last. A president-elect's trips and a farewell visit fall within it.
  static constexpr date::days term_margin{90};

  /// The shortest office that check_consistency() takes for a term of office (the "off
  /// term" check asks for one of a head of state or government): an office recorded for
  /// the days of one visit is a title on a trip, not a term.
  static constexpr date::days min_term{60};

 private:
  actor_registry actors_;
  std::vector<event> events_;
  std::vector<origin> origins_;
  std::vector<coverage_scope> coverage_;

  class validator;                           // validate(), one member per check
  friend class detail::consistency_checker;  // check_consistency() (src/consistency.cpp)

  [[nodiscard]] auto diag(std::size_t i, severity level, std::string message) const -> diagnostic;
  // validate(): the stops of one journey (event numbers, sorted here by start).
  void check_journey(std::vector<std::size_t>& stops, std::vector<diagnostic>& out) const;
  // freeze(): the participants summed over the events; throws past the indexes' bounds.
  [[nodiscard]] auto check_bounds() const -> std::uint64_t;
  // freeze(): the events in timeline order (see the header essay), in place.
  void sort_into_timeline_order();
};

/// An immutable, indexed set of events and the actors they name.
/// All member functions are const and safe to call from many threads at once.
class timeline {
 public:
  /// An empty timeline.
  timeline() = default;

  /// The number of events.
  [[nodiscard]] auto size() const noexcept -> std::size_t { return events_.size(); }
  [[nodiscard]] auto empty() const noexcept -> bool { return events_.empty(); }

  /// All events in timeline order (see the header essay).
  [[nodiscard]] auto events() const noexcept -> std::span<const event> { return events_; }

  /// The event with this id, or nullptr.
  [[nodiscard]] auto find(const event_id& id) const noexcept -> const event* {
    auto i = index_.event_number.find(id.value(), detail::ids_of(events_));
    return i == detail::no_index ? nullptr : &events_[i];
  }

  /// The event this one happens inside, or nullptr.
  /// Precondition: `e` is an event of this timeline.
  [[nodiscard]] auto parent(const event& e) const noexcept -> const event* {
    auto p = index_.facts[number(e)].parent;
    return p == detail::no_index ? nullptr : &events_[p];
  }

  /// The events directly inside `e`, in timeline order.
  [[nodiscard]] auto children(const event& e) const -> std::vector<const event*> {
    std::vector<const event*> out;
    for (auto c : index_.children.of(number(e))) out.push_back(&events_[c]);
    return out;
  }

  /// The outermost event that `e` is inside (`e` itself when it has no parent).
  [[nodiscard]] auto root(const event& e) const noexcept -> const event& {
    auto i = number(e);
    while (index_.facts[i].parent != detail::no_index) i = index_.facts[i].parent;
    return events_[i];
  }

  /// Every event that names the actor, in timeline order; empty for an unknown id.
  [[nodiscard]] auto events_of(const actor_id& a) const -> std::vector<const event*> {
    std::vector<const event*> out;
    if (auto n = actor_number(a)) {
      for (auto i : index_.actor_events.of(*n)) out.push_back(&events_[i]);
    }
    return out;
  }

  /// The actors the events name.
  [[nodiscard]] auto actors() const noexcept -> const actor_registry& { return actors_; }

  /// What its events record completely (diplo/coverage.h): every scope its sources declared.
  [[nodiscard]] auto coverage() const noexcept -> std::span<const coverage_scope> { return coverage_; }

  /// Warnings found when the timeline was frozen.
  [[nodiscard]] auto warnings() const noexcept -> const std::vector<diagnostic>& { return warnings_; }

  /// The position of an event in events(). Precondition: `e` belongs to this timeline.
  [[nodiscard]] auto number(const event& e) const noexcept -> std::uint32_t {
    return static_cast<std::uint32_t>(&e - events_.data());
  }

  /// For printing: the event with this timeline's actor names.
  [[nodiscard]] auto named(const event& e) const noexcept -> named_event { return diplo::named(e, actors_); }

  /// Internal: the indexes the queries run on. Layout may change without notice.
  [[nodiscard]] auto index() const noexcept -> const detail::timeline_index& { return index_; }

  /// Internal: the number of an actor in the indexes, if the timeline knows it.
  [[nodiscard]] auto actor_number(const actor_id& a) const noexcept -> std::optional<std::uint32_t> {
    auto p = actors_.position(a);
    if (!p) return std::nullopt;
    return static_cast<std::uint32_t>(*p);
  }

 private:
  friend class timeline_builder;
  actor_registry actors_;
  std::vector<event> events_;
  std::vector<diagnostic> warnings_;
  std::vector<coverage_scope> coverage_;
  detail::timeline_index index_;
};

namespace detail {

inline auto days_of(date::sys_days d) noexcept -> std::int32_t {
  return static_cast<std::int32_t>(d.time_since_epoch().count());
}

/// The order of events in a timeline (see the header essay), but for the final tie-break
/// by id: the days of an event and how deeply it is nested (a parent comes before a child
/// on the same days), computed once per event.
struct order_key {
  std::int32_t earliest_start, latest_start, latest_end, earliest_end;
  unsigned depth;
};

inline auto order_key_of(const event& e, unsigned depth) -> order_key {
  const period& p = base(e).when;
  return {days_of(p.earliest_start()), days_of(p.latest_start()), days_of(p.latest_end()),
          days_of(p.earliest_end()), depth};
}

/// -1, 0 or 1 as a sorts before, with, or after b.
inline auto compare(const order_key& a, const order_key& b) noexcept -> int {
  if (a.earliest_start != b.earliest_start) return a.earliest_start < b.earliest_start ? -1 : 1;
  if (a.latest_start != b.latest_start) return a.latest_start < b.latest_start ? -1 : 1;
  if (a.latest_end != b.latest_end) return a.latest_end > b.latest_end ? -1 : 1;
  if (a.earliest_end != b.earliest_end) return a.earliest_end > b.earliest_end ? -1 : 1;
  if (a.depth != b.depth) return a.depth < b.depth ? -1 : 1;
  return 0;
}

/// True when `guest` takes part in event `e` as a visitor of its country: the event is
/// held in person in a country other than `home` (the guest's country that day), and the
/// guest is not its host. See TRIPS in diplo/query.h. An unknown `home` (a person with no
/// country and no office covering the day) visits nowhere: abroad cannot be told from home.
inline auto visiting(const actor_id& guest, const event& e, country_code home) -> bool {
  country_code c = country_of(e);
  if (c.empty() || home.empty() || c == home || !in_person(e)) return false;
  if (const auto* v = std::get_if<visit>(&e)) {
    return std::find(v->guests.begin(), v->guests.end(), guest) != v->guests.end();
  }
  const std::optional<actor_id>* host = nullptr;
  if (const auto* s = std::get_if<summit>(&e)) host = &s->host;
  if (const auto* c2 = std::get_if<ceremony>(&e)) host = &c2->host;
  return host == nullptr || !*host || **host != guest;
}

/// The days of a trip made of `evs` (in timeline order): from the first day of its first
/// event to the last day of its last (see TRIPS in diplo/query.h).
inline auto trip_period(const std::vector<const event*>& evs) -> period {
  if (evs.size() == 1) return base(*evs.front()).when;
  const event* first = evs.front();
  const event* last = evs.front();
  bool exact = true;
  for (const event* e : evs) {
    const period& p = base(*e).when;
    exact = exact && p.is_exact();
    if (p.earliest_start() < base(*first).when.earliest_start()) first = e;
    if (p.latest_end() > base(*last).when.latest_end()) last = e;
  }
  if (exact) {
    return period::days(base(*first).when.earliest_start(), base(*last).when.latest_end() - date::days{1});
  }
  auto a = base(*first).when.first();
  auto b = base(*last).when.last();
  if (a && b) {
    try {
      return period(*a, *b);
    } catch (const error&) {
    }
  }
  return base(*first).when;
}

/// Groups one person's visiting events into trips (see TRIPS in diplo/query.h): `events`
/// are event numbers in timeline order, `countries` the country of each. Returns beside
/// each event the number of its trip (trips numbered in order of their first event).
/// Events inside one another make one trip; so do events in one country on overlapping or
/// adjacent days. `end_of(i)` is the day after event i's latest possible last day.
template <class EndOf>
auto trip_numbers(const timeline_index& ix, std::span<const std::uint32_t> events,
                  std::span<const country_code> countries, EndOf end_of) -> std::vector<std::uint32_t> {
  std::vector<std::uint32_t> out(events.size());
  std::unordered_map<std::uint32_t, std::uint32_t> trip_of_event;  // events with children
  std::vector<country_code> trip_country;
  std::vector<std::int32_t> trip_end;  // latest exclusive end day of each trip
  for (std::size_t k = 0; k < events.size(); ++k) {
    const std::uint32_t e = events[k];
    std::uint32_t joined = no_index;
    for (auto p = ix.facts[e].parent; p != no_index; p = ix.facts[p].parent) {
      auto found = trip_of_event.find(p);
      if (found != trip_of_event.end() && trip_country[found->second] == countries[k]) {
        joined = found->second;
        break;
      }
    }
    if (joined == no_index && !trip_country.empty() && trip_country.back() == countries[k] &&
        ix.facts[e].earliest_start <= trip_end.back()) {
      joined = static_cast<std::uint32_t>(trip_country.size() - 1);
    }
    const std::int32_t end = end_of(e);
    if (joined != no_index) {
      trip_end[joined] = std::max(trip_end[joined], end);
    } else {
      joined = static_cast<std::uint32_t>(trip_country.size());
      trip_country.push_back(countries[k]);
      trip_end.push_back(end);
    }
    if (!ix.children.of(e).empty()) trip_of_event.emplace(e, joined);
    out[k] = joined;
  }
  return out;
}

/// The pair index: the bilateral events (exactly two participants) by pair of actors.
inline void index_pairs(timeline_index& ix) {
  std::vector<std::pair<std::uint64_t, std::uint32_t>> entries;
  const auto n = static_cast<std::uint32_t>(ix.facts.size());
  for (std::uint32_t i = 0; i < n; ++i) {
    const auto mine = ix.event_actors.of(i);
    if (mine.size() == 2) entries.emplace_back(pair_key(mine[0], mine[1]), i);
  }
  std::sort(entries.begin(), entries.end());
  std::vector<std::uint64_t> keys(entries.size());
  ix.pair_entries.resize(entries.size());
  for (std::size_t k = 0; k < entries.size(); ++k) {
    keys[k] = entries[k].first;
    ix.pair_entries[k] = {ix.facts[entries[k].second].earliest_start, entries[k].second};
  }
  ix.pair_table = range_table::of_sorted(keys);
}

/// Every actor's in-person events by span class, for `where` (calls place nobody); `stop`
/// is, per event, the day after its latest possible last day. Needs the facts' flags.
inline void index_spans(timeline_index& ix, const std::vector<std::int32_t>& stop,
                        std::uint32_t actor_count) {
  const auto lists = actor_count * span_classes;
  const auto n = stop.size();
  std::vector<std::uint8_t> cls(n);
  for (std::size_t i = 0; i < n; ++i) {
    cls[i] = static_cast<std::uint8_t>(span_class(std::int64_t{stop[i]} - ix.facts[i].earliest_start));
  }
  std::vector<std::uint32_t> count(lists, 0);
  auto placed = [&](std::uint32_t i) { return (ix.facts[i].flags & flag_in_person) != 0; };
  for (std::uint32_t a = 0; a < actor_count; ++a) {
    for (auto i : ix.actor_events.of(a)) {
      if (placed(i)) ++count[a * span_classes + cls[i]];
    }
  }
  ix.span_events.offsets.assign(lists + 1, 0);
  for (std::uint32_t l = 0; l < lists; ++l)
    ix.span_events.offsets[l + 1] = ix.span_events.offsets[l] + count[l];
  ix.span_events.items.resize(ix.span_events.offsets[lists]);
  ix.span_max.assign(lists, 0);
  std::vector<std::uint32_t> pos(ix.span_events.offsets.begin(), ix.span_events.offsets.end() - 1);
  for (std::uint32_t a = 0; a < actor_count; ++a) {
    for (auto i : ix.actor_events.of(a)) {
      if (!placed(i)) continue;
      const auto l = a * span_classes + cls[i];
      ix.span_events.items[pos[l]++] = {ix.facts[i].earliest_start, stop[i], i};
      ix.span_max[l] = std::max(ix.span_max[l], stop[i] - ix.facts[i].earliest_start);
    }
  }
}

/// Every person's trips to each country under the default filter, for counting visits.
inline void index_trips(timeline_index& ix, const std::vector<event>& events, const actor_registry& actors,
                        const std::vector<std::int32_t>& stop) {
  struct entry {
    std::uint64_t key;
    trip_start trip;
  };
  std::vector<entry> all;
  std::vector<std::uint32_t> mine;
  std::vector<country_code> countries;
  std::vector<std::uint32_t> order;
  std::uint32_t a = 0;
  for (const auto& x : actors.actors()) {
    const std::uint32_t number = a++;
    const auto* who = std::get_if<person>(&x);
    if (who == nullptr) continue;
    const actor_id& guest = who->id;
    mine.clear();
    countries.clear();
    for (auto i : ix.actor_events.of(number)) {
      const event& e = events[i];
      if (base(e).status != status::occurred) continue;
      country_code home =
          actor_registry::country_on(*who, date::sys_days{date::days{ix.facts[i].earliest_start}});
      if (!visiting(guest, e, home)) continue;
      mine.push_back(i);
      countries.push_back(country_of(e));
    }
    // By country, timeline order within each: visits() with a host country sees these.
    order.resize(mine.size());
    for (std::uint32_t k = 0; k < order.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t p, std::uint32_t q) { return countries[p] < countries[q]; });
    for (std::size_t from = 0; from < order.size();) {
      std::size_t to = from;
      std::vector<std::uint32_t> evs;
      while (to < order.size() && countries[order[to]] == countries[order[from]])
        evs.push_back(mine[order[to++]]);
      const country_code c = countries[order[from]];
      std::vector<country_code> cs(evs.size(), c);
      auto numbers = trip_numbers(ix, evs, cs, [&](std::uint32_t i) { return stop[i]; });
      const std::uint64_t key = trip_key(number, c);
      const std::size_t first = all.size();
      std::vector<std::vector<const event*>> members;
      for (std::size_t k = 0; k < evs.size(); ++k) {
        const auto i = evs[k];
        if (first + numbers[k] == all.size()) {
          all.push_back({key, {}});
          members.emplace_back();
        }
        members[numbers[k]].push_back(&events[i]);
        if (const auto* v = std::get_if<visit>(&events[i])) {
          auto& level = all[first + numbers[k]].trip.level;
          level = std::max(level, static_cast<std::uint8_t>(v->level));
        }
      }
      // The trip's first days as visits() has them: a trip's period is not always its
      // first event's (partial dates end where the trip ends).
      for (std::size_t k = 0; k < members.size(); ++k) {
        const period p = trip_period(members[k]);
        all[first + k].trip.earliest = days_of(p.earliest_start());
        all[first + k].trip.latest = days_of(p.latest_start());
      }
      from = to;
    }
  }
  std::stable_sort(all.begin(), all.end(), [](const entry& x, const entry& y) { return x.key < y.key; });
  std::vector<std::uint64_t> keys(all.size());
  ix.trips.resize(all.size());
  for (std::size_t k = 0; k < all.size(); ++k) {
    keys[k] = all[k].key;
    ix.trips[k] = all[k].trip;
  }
  ix.trip_table = range_table::of_sorted(keys);
}

/// freeze(), after the events are in timeline order: each event's first days, its parent,
/// its depth (validate() has ruled out chains deeper than max_nesting) and its children.
inline void index_nesting(timeline_index& ix, std::span<const event> events) {
  const auto n = static_cast<std::uint32_t>(events.size());
  const auto id_at = ids_of(events);
  ix.event_number = id_table::of(n, id_at);
  ix.facts.assign(n, {});
  for (std::uint32_t i = 0; i < n; ++i) {
    const event_base& b = base(events[i]);
    ix.facts[i].earliest_start = days_of(b.when.earliest_start());
    ix.facts[i].latest_start = days_of(b.when.latest_start());
    if (b.parent) ix.facts[i].parent = ix.event_number.find(b.parent->value(), id_at);
  }
  for (std::uint32_t i = 0; i < n; ++i) {
    std::uint8_t d = 0;
    for (auto p = ix.facts[i].parent; p != no_index; p = ix.facts[p].parent) ++d;
    ix.facts[i].depth = d;
  }
  std::vector<std::uint32_t> count(n, 0);
  for (std::uint32_t i = 0; i < n; ++i) {
    if (ix.facts[i].parent != no_index) ++count[ix.facts[i].parent];
  }
  ix.children.offsets.assign(n + 1, 0);
  for (std::uint32_t i = 0; i < n; ++i) ix.children.offsets[i + 1] = ix.children.offsets[i] + count[i];
  ix.children.items.resize(ix.children.offsets[n]);
  std::vector<std::uint32_t> fill(ix.children.offsets.begin(), ix.children.offsets.end() - 1);
  for (std::uint32_t i = 0; i < n; ++i) {
    if (ix.facts[i].parent != no_index) ix.children.items[fill[ix.facts[i].parent]++] = i;
  }
}

/// freeze(): each actor's rank by name (actors are numbered in registry order).
inline void index_name_ranks(timeline_index& ix, const actor_registry& actors) {
  const auto actor_count = static_cast<std::uint32_t>(actors.size());
  std::vector<std::uint32_t> by_name(actor_count);
  for (std::uint32_t a = 0; a < actor_count; ++a) by_name[a] = a;
  const auto& all = actors.actors();
  std::stable_sort(by_name.begin(), by_name.end(),
                   [&](std::uint32_t x, std::uint32_t y) { return name_of(all[x]) < name_of(all[y]); });
  ix.name_rank.assign(actor_count, 0);
  for (std::uint32_t r = 0; r < actor_count; ++r) ix.name_rank[by_name[r]] = r;
}

/// freeze(): per event its actor numbers, sorted, and its people bits; per actor how many
/// events name it (`all`), and how many of them name three or more (`groups`).
struct actor_counts {
  std::vector<std::uint32_t> all;
  std::vector<std::uint32_t> groups;
};

inline auto index_event_actors(timeline_index& ix, std::span<const event> events,
                               const actor_registry& actors, std::uint64_t mentions) -> actor_counts {
  const auto n = static_cast<std::uint32_t>(events.size());
  actor_counts counts{std::vector<std::uint32_t>(actors.size(), 0),
                      std::vector<std::uint32_t>(actors.size(), 0)};
  ix.event_actors.offsets.assign(n + 1, 0);
  ix.event_actors.items.reserve(mentions);
  auto& items = ix.event_actors.items;
  for (std::uint32_t i = 0; i < n; ++i) {
    const auto from = items.size();
    // validate() has ruled out actors the registry does not know.
    for_each_participant(events[i], [&](const actor_id& a) {
      items.push_back(static_cast<std::uint32_t>(*actors.position(a)));
    });
    std::sort(items.begin() + static_cast<std::ptrdiff_t>(from), items.end());
    ix.event_actors.offsets[i + 1] = static_cast<std::uint32_t>(items.size());
    const bool group = items.size() - from >= 3;
    for (auto k = from; k < items.size(); ++k) {
      ix.facts[i].people |= people_bit(items[k]);
      ++counts.all[items[k]];
      if (group) ++counts.groups[items[k]];
    }
  }
  return counts;
}

/// freeze(): per actor its events (`actor_events`) and its events of three or more people
/// with their first days (`group_entries`), in timeline order.
inline void index_actor_events(timeline_index& ix, const actor_counts& counts) {
  const auto actor_count = static_cast<std::uint32_t>(counts.all.size());
  const auto n = static_cast<std::uint32_t>(ix.facts.size());
  auto fill = [&](auto& c, const std::vector<std::uint32_t>& count, bool groups_only, auto entry) {
    c.offsets.assign(actor_count + 1, 0);
    for (std::uint32_t a = 0; a < actor_count; ++a) c.offsets[a + 1] = c.offsets[a] + count[a];
    c.items.resize(c.offsets[actor_count]);
    std::vector<std::uint32_t> pos(c.offsets.begin(), c.offsets.end() - 1);
    for (std::uint32_t i = 0; i < n; ++i) {
      const auto mine = ix.event_actors.of(i);
      if (groups_only && mine.size() < 3) continue;
      for (auto a : mine) c.items[pos[a]++] = entry(i);
    }
  };
  fill(ix.actor_events, counts.all, false, [](std::uint32_t i) { return i; });
  fill(ix.group_entries, counts.groups, true, [&](std::uint32_t i) {
    return dated{ix.facts[i].earliest_start, i};
  });
}

/// freeze(): each event's flags (status, in person, a meeting, has children).
inline void index_flags(timeline_index& ix, std::span<const event> events) {
  for (std::uint32_t i = 0; i < ix.facts.size(); ++i) {
    const event& e = events[i];
    unsigned f = static_cast<unsigned>(base(e).status);
    if (in_person(e)) f |= flag_in_person;
    if (std::holds_alternative<meeting>(e)) f |= flag_meeting;
    if (!ix.children.of(i).empty()) f |= flag_has_children;
    ix.facts[i].flags = static_cast<std::uint8_t>(f);
  }
}

/// freeze(): every index of the timeline, over its events in timeline order. `mentions`:
/// the participants summed over the events.
inline void build_index(timeline_index& ix, const std::vector<event>& events, const actor_registry& actors,
                        std::uint64_t mentions) {
  const auto n = static_cast<std::uint32_t>(events.size());
  index_nesting(ix, events);
  index_name_ranks(ix, actors);
  index_actor_events(ix, index_event_actors(ix, events, actors, mentions));
  index_pairs(ix);
  // Per event, the day after its latest possible last day (at least the day after its
  // earliest start): the day index and the span classes of `where` start from it.
  std::vector<std::int32_t> stop(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    stop[i] = std::max(days_of(base(events[i]).when.latest_end()), ix.facts[i].earliest_start + 1);
  }
  index_flags(ix, events);
  index_spans(ix, stop, static_cast<std::uint32_t>(actors.size()));
  index_trips(ix, events, actors, stop);
  std::vector<std::int32_t> start(n);
  for (std::uint32_t i = 0; i < n; ++i) start[i] = ix.facts[i].earliest_start;
  ix.days = day_tree::build(std::move(start), std::move(stop));
}

/// The ids listed more than once in `list`, each once with how many times, in the order of
/// their first mention. Linear in the list's length.
inline auto repeated_ids(const std::vector<actor_id>& list)
    -> std::vector<std::pair<std::string_view, std::size_t>> {
  std::vector<std::pair<std::string_view, std::size_t>> out;
  if (list.size() < 2) return out;
  if (list.size() <= 8) {  // most events: no allocation unless something repeats
    for (std::size_t i = 0; i < list.size(); ++i) {
      const auto first = list.begin() + static_cast<std::ptrdiff_t>(i);
      if (std::find(list.begin(), first, list[i]) != first) continue;  // counted before
      const auto n = static_cast<std::size_t>(std::count(first, list.end(), list[i]));
      if (n > 1) out.emplace_back(list[i].value(), n);
    }
    return out;
  }
  std::unordered_map<std::string_view, std::size_t> at;  // id -> its entry in `counts`
  std::vector<std::pair<std::string_view, std::size_t>> counts;
  for (const actor_id& a : list) {
    auto [it, fresh] = at.try_emplace(a.value(), counts.size());
    if (fresh) counts.emplace_back(a.value(), 0);
    ++counts[it->second].second;
  }
  for (const auto& c : counts) {
    if (c.second > 1) out.push_back(c);
  }
  return out;
}

/// Who travels to an event that is a stop of a journey: a visit's guests, a meeting's
/// participants, the attendees of a summit or ceremony but its host. Sorted, each once.
inline auto travellers(const event& e) -> std::vector<std::string_view> {
  std::vector<std::string_view> out;
  auto take = [&](const std::vector<actor_id>& list, const std::optional<actor_id>& host) {
    for (const actor_id& a : list) {
      if (!host || *host != a) out.push_back(a.value());
    }
  };
  if (const auto* v = std::get_if<visit>(&e)) take(v->guests, std::nullopt);
  if (const auto* m = std::get_if<meeting>(&e)) take(m->participants, std::nullopt);
  if (const auto* s = std::get_if<summit>(&e)) take(s->attendees, s->host);
  if (const auto* c = std::get_if<ceremony>(&e)) take(c->attendees, c->host);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace detail

inline auto timeline_builder::diag(std::size_t i, severity level, std::string message) const -> diagnostic {
  const origin& o = origins_[i];
  const std::string& id = base(events_[i]).id.value();
  std::string who = id.empty() ? fmt::format("event #{}", i + 1) : fmt::format("event \"{}\"", id);
  if (o.file.empty() && o.line == 0) return {level, std::move(who), 0, 0, std::move(message)};
  return {level, o.file, o.line, o.column, fmt::format("{}: {}", who, message)};
}

/// validate(), one member per check. The diagnostics come out in the order of the calls in
/// run(), then sorted errors first (stably), so each step keeps its place in the report.
class timeline_builder::validator {
 public:
  explicit validator(const timeline_builder& b) : b_(b), events_(b.events_) {}

  auto run() -> std::vector<diagnostic> {
    number_people();
    index_ids();
    for (std::size_t i = 0; i < events_.size(); ++i) {
      if (!base(events_[i]).id.value().empty()) check_event(i);
    }
    check_chains();
    check_journeys();
    check_duplicates();
    check_coverage();
    std::stable_sort(out_.begin(), out_.end(),
                     [](const diagnostic& a, const diagnostic& b) { return a.severity > b.severity; });
    cap_diagnostics(out_);
    return std::move(out_);
  }

 private:
  const timeline_builder& b_;
  const std::vector<event>& events_;
  std::vector<diagnostic> out_;
  // Every event's people as numbers, in the order participants(e) lists them: an actor's
  // position in the registry, or past the registry (from `known_`) for an id it does not know.
  std::uint32_t known_ = 0;
  std::vector<std::uint32_t> people_at_{0};
  std::vector<std::uint32_t> people_;
  std::vector<std::string_view> unknown_ids_;
  std::unordered_map<std::string, std::string> hints_;
  std::unordered_map<std::string_view, std::size_t> by_id_;

  void err(std::size_t i, std::string msg) { out_.push_back(b_.diag(i, severity::error, std::move(msg))); }
  void warn(std::size_t i, std::string msg) { out_.push_back(b_.diag(i, severity::warning, std::move(msg))); }

  // Each coverage scope names known actors, and the actors its subject needs.
  void check_coverage() {
    for (const coverage_scope& c : b_.coverage_) {
      // At the record when it was read from a file; else under the dataset's title.
      const bool read = !c.read_at.file.empty() || c.read_at.line != 0;
      const std::string where = read               ? c.read_at.file
                                : c.source.empty() ? std::string("<coverage>")
                                                   : c.source;
      auto error = [&](std::string msg) {
        out_.push_back({severity::error, where, c.read_at.line, c.read_at.column,
                        fmt::format("coverage record ({}): {}", name(c.subject), msg)});
      };
      for (const actor_id& a : c.actors) {
        if (!b_.actors_.position(a)) error(fmt::format("unknown actor \"{}\"", a.value()));
      }
      const bool by_actors =
          c.subject == coverage_subject::events_of || c.subject == coverage_subject::events_between;
      if (by_actors && c.actors.empty()) error("names no actor");
      if (!by_actors && c.countries.empty()) error("names no country");
      if (c.subject == coverage_subject::trips_by && !c.actors.empty()) {
        error(
            "names actors (the trips of whoever holds an office of its countries; for one person's, "
            "events_of or visits_to with guests)");
      }
    }
  }

  void number_people() {
    known_ = static_cast<std::uint32_t>(b_.actors_.size());
    std::unordered_map<std::string_view, std::uint32_t> unknown_number;
    people_at_.reserve(events_.size() + 1);
    for (const event& e : events_) {
      for_each_participant(e, [&](const actor_id& a) {
        if (auto p = b_.actors_.position(a)) {
          people_.push_back(static_cast<std::uint32_t>(*p));
          return;
        }
        auto [it, fresh] =
            unknown_number.emplace(a.value(), known_ + static_cast<std::uint32_t>(unknown_ids_.size()));
        if (fresh) unknown_ids_.push_back(a.value());
        people_.push_back(it->second);
      });
      people_at_.push_back(static_cast<std::uint32_t>(people_.size()));
    }
  }

  [[nodiscard]] auto people_of(std::size_t i) const -> std::span<const std::uint32_t> {
    return std::span<const std::uint32_t>(people_.data() + people_at_[i], people_at_[i + 1] - people_at_[i]);
  }

  // "(did you mean X?)" for an unknown actor: suggestions() scans every actor, so it is
  // asked once per name, and only for the first `detail::max_suggested` names.
  auto hint_for(std::string_view id) -> const std::string& {
    static const std::string none;
    std::string key(id);
    if (auto it = hints_.find(key); it != hints_.end()) return it->second;
    if (hints_.size() >= detail::max_suggested) return none;
    auto near = b_.actors_.suggestions(id, 1);
    return hints_
        .emplace(std::move(key), near.empty() ? "" : fmt::format(" (did you mean {}?)", near.front()))
        .first->second;
  }

  // Empty and repeated ids; the rest of the checks skip an event without an id.
  void index_ids() {
    for (std::size_t i = 0; i < events_.size(); ++i) {
      const event_base& b = base(events_[i]);
      if (b.id.value().empty()) {
        err(i, "empty id");
        continue;
      }
      if (!by_id_.emplace(b.id.value(), i).second) err(i, "duplicate id");
    }
  }

  void check_event(std::size_t i) {
    check_texts(i);
    for (auto a : people_of(i)) {
      if (a >= known_) {
        const std::string_view id = unknown_ids_[a - known_];
        err(i, fmt::format("unknown actor \"{}\"{}", id, hint_for(id)));
      }
    }
    check_kind(i);
    const event_base& b = base(events_[i]);
    if (b.starts_at && b.ends_at && *b.ends_at < *b.starts_at) err(i, "ends_at is before starts_at");
    check_instant(i, "starts_at", b.starts_at, false);
    check_instant(i, "ends_at", b.ends_at, true);
    if (b.parent) check_parent(i);
  }

  void check_text(std::size_t i, std::string_view field, std::string_view text) {
    if (!detail::is_valid_utf8(text)) err(i, fmt::format("{}: invalid UTF-8", field));
  }

  void check_texts(std::size_t i) {
    const event& e = events_[i];
    const event_base& b = base(e);
    check_text(i, "id", b.id.value());
    check_text(i, "description", b.description);
    check_text(i, "notes", b.notes);
    check_text(i, "place.city", b.place.city);
    check_text(i, "place.zone", b.place.zone);
    for (const auto& s : b.sources) {
      check_text(i, "source.url", s.url);
      check_text(i, "source.title", s.title);
      check_text(i, "source.publisher", s.publisher);
    }
    check_text(i, "name", title_of(e));
    if (const auto* sm = std::get_if<summit>(&e)) check_text(i, "series", sm->series);
  }

  // An actor listed twice in one list of an event ("Ann, Ben and Ben": not a trilateral).
  void report_repeats(std::size_t i, std::string_view role, const std::vector<actor_id>& list) {
    for (const auto& [id, times] : detail::repeated_ids(list)) {
      err(i, fmt::format("{} \"{}\" is listed {}", role, id,
                         times == 2 ? std::string("twice") : fmt::format("{} times", times)));
    }
  }

  // What each kind of event needs: guests and a host country, two participants, attendees.
  void check_kind(std::size_t i) {
    const event& e = events_[i];
    const event_base& b = base(e);
    if (const auto* v = std::get_if<visit>(&e)) {
      if (v->guests.empty()) err(i, "a visit needs at least one guest");
      if (v->host_country.empty() && b.place.country.empty()) err(i, "a visit needs a host country");
      if (!v->host_country.empty() && !b.place.country.empty() && v->host_country != b.place.country) {
        err(i, fmt::format("host_country {:c} ({}) differs from place.country {:c} ({}): a visit "
                           "is held in the country it visits",
                           v->host_country, v->host_country, b.place.country, b.place.country));
      }
      report_repeats(i, "guest", v->guests);
      for (const auto& c : v->cities) check_text(i, "cities", c);
    } else if (const auto* m = std::get_if<meeting>(&e)) {
      report_repeats(i, "participant", m->participants);
      if (people_of(i).size() < 2) {
        err(i, m->participants.size() < 2 ? "a meeting needs at least two participants"
                                          : "a meeting needs at least two different participants");
      }
    } else {
      const auto* s = std::get_if<summit>(&e);
      if (s != nullptr && !s->host_country.empty() && !b.place.country.empty() &&
          s->host_country != b.place.country) {
        warn(i, fmt::format("host_country {:c} ({}) differs from place.country {:c} ({}); the "
                            "summit counts as held in {}",
                            s->host_country, s->host_country, b.place.country, b.place.country,
                            b.place.country));
      }
      report_repeats(i, "attendee", s != nullptr ? s->attendees : std::get<ceremony>(e).attendees);
      if (people_of(i).empty()) warn(i, fmt::format("a {} without attendees", kind_name(e)));
    }
  }

  // An exact instant must fall on one of the event's days. The place's civil day is the UTC
  // day, the day before or the day after (zones run from UTC-12 to UTC+14); here, without
  // a tz database, only an instant outside the days in every zone is an error (diplo/tz.h's
  // check_instants reads it in the place's zone). An end at midnight belongs to the day before.
  void check_instant(std::size_t i, std::string_view field, const std::optional<date::sys_seconds>& t,
                     bool is_end) {
    if (!t) return;
    const period& p = base(events_[i]).when;
    const auto day = date::floor<date::days>(*t - std::chrono::seconds{is_end ? 1 : 0});
    if (day + date::days{1} < p.earliest_start() || day - date::days{1} >= p.latest_end()) {
      err(i, fmt::format("{} {} is outside the event's days ({}) in every time zone", field,
                         detail::format_instant(*t), p));
    }
  }

  // The parent exists, and the event lies within its days.
  void check_parent(std::size_t i) {
    const event_base& b = base(events_[i]);
    auto it = by_id_.find(b.parent->value());
    if (it == by_id_.end()) {
      err(i, fmt::format("unknown parent \"{}\"", b.parent->value()));
      return;
    }
    const period& pp = base(events_[it->second]).when;
    const period& cp = b.when;
    // Certainly outside: it certainly starts before the parent, or certainly ends after it.
    bool certainly_out = cp.latest_start() < pp.earliest_start() || cp.earliest_end() > pp.latest_end();
    // Talks on the eve of a summit, or the day after it, are held in its frame:
    // one day outside is a warning, more is an error.
    const date::days slack{1};
    bool far_out =
        cp.latest_start() < pp.earliest_start() - slack || cp.earliest_end() > pp.latest_end() + slack;
    bool possibly_out = cp.earliest_start() < pp.latest_start() || cp.latest_end() > pp.earliest_end();
    if (far_out) {
      err(i, fmt::format("lies outside its parent \"{}\" ({} is not within {})", b.parent->value(), cp, pp));
    } else if (certainly_out) {
      warn(i, fmt::format("lies a day outside its parent \"{}\" ({} vs {})", b.parent->value(), cp, pp));
    } else if (possibly_out) {
      warn(i, fmt::format("may lie outside its parent \"{}\" ({} vs {})", b.parent->value(), cp, pp));
    }
  }

  // Parent chains, in linear time (a million events in one chain must not be quadratic):
  // each event's chain is walked until it reaches an event already settled, then every
  // event on the walk is settled from it: in a cycle (or leading into one), or at a depth.
  void check_chains() {
    constexpr std::size_t unknown = static_cast<std::size_t>(-1);
    constexpr std::size_t on_walk = static_cast<std::size_t>(-2);
    constexpr std::size_t cycle = static_cast<std::size_t>(-3);
    std::vector<std::size_t> depth(events_.size(), unknown);  // or on_walk, cycle
    auto parent_of = [&](std::size_t i) -> std::size_t {      // unknown when none
      const event_base& b = base(events_[i]);
      if (!b.parent || b.id.value().empty()) return unknown;
      auto it = by_id_.find(b.parent->value());
      return it == by_id_.end() ? unknown : it->second;
    };
    std::vector<std::size_t> walk;
    for (std::size_t i = 0; i < events_.size(); ++i) {
      walk.clear();
      std::size_t at = i;
      while (at != unknown && depth[at] == unknown) {
        depth[at] = on_walk;
        walk.push_back(at);
        at = parent_of(at);
      }
      // `at` is none (a root above the walk), an event settled before, or one on the walk.
      std::size_t d = at == unknown ? 0 : depth[at];
      bool looped = d == on_walk || d == cycle;
      if (!looped && at != unknown) ++d;
      for (auto k = walk.rbegin(); k != walk.rend(); ++k) {
        if (looped) {
          depth[*k] = cycle;
        } else {
          depth[*k] = d++;
        }
      }
    }
    for (std::size_t i = 0; i < events_.size(); ++i) {
      if (depth[i] == cycle) {
        err(i, "its parent chain makes a cycle");
      } else if (depth[i] > max_nesting && depth[i] != unknown) {
        err(i, fmt::format("nested {} events deep, more than the limit of {} "
                           "(timeline_builder::max_nesting)",
                           depth[i], max_nesting));
      }
    }
  }

  // Journeys: one traveller's consecutive stops (JOURNEYS in diplo/query.h), in order of
  // their first stop in the input.
  void check_journeys() {
    std::unordered_map<std::string_view, std::size_t> at;
    std::vector<std::vector<std::size_t>> journeys;
    for (std::size_t i = 0; i < events_.size(); ++i) {
      const event_base& b = base(events_[i]);
      if (b.journey.empty() || b.id.value().empty()) continue;
      auto [it, fresh] = at.try_emplace(b.journey, journeys.size());
      if (fresh) journeys.emplace_back();
      journeys[it->second].push_back(i);
    }
    for (auto& stops : journeys) {
      if (stops.size() > 1) b_.check_journey(stops, out_);
    }
  }

  // Each event's people as ranks of their ids in string order, sorted: comparing two
  // such lists compares the sorted lists of ids, without touching a string.
  [[nodiscard]] auto ranked_people() const -> std::vector<std::uint32_t> {
    std::vector<std::uint32_t> rank(known_ + unknown_ids_.size());
    {
      std::vector<std::string_view> ids(rank.size());
      for (std::uint32_t k = 0; k < known_; ++k) ids[k] = id_of(b_.actors_.actors()[k]).value();
      for (std::size_t k = 0; k < unknown_ids_.size(); ++k) ids[known_ + k] = unknown_ids_[k];
      std::vector<std::uint32_t> by_id(rank.size());
      for (std::uint32_t k = 0; k < by_id.size(); ++k) by_id[k] = k;
      std::sort(by_id.begin(), by_id.end(),
                [&](std::uint32_t x, std::uint32_t y) { return ids[x] < ids[y]; });
      for (std::uint32_t r = 0; r < by_id.size(); ++r) rank[by_id[r]] = r;
    }
    std::vector<std::uint32_t> ranked(people_.size());
    for (std::size_t k = 0; k < people_.size(); ++k) ranked[k] = rank[people_[k]];
    for (std::size_t i = 0; i < events_.size(); ++i) {
      std::sort(ranked.begin() + people_at_[i], ranked.begin() + people_at_[i + 1]);
    }
    return ranked;
  }

  // Likely duplicates: same kind, same people, overlapping days, not nested.
  void check_duplicates() {
    const std::vector<std::uint32_t> ranked = ranked_people();
    auto group_of = [&](std::size_t i) {
      return std::span<const std::uint32_t>(ranked.data() + people_at_[i], people_at_[i + 1] - people_at_[i]);
    };
    auto same_people = [&](std::size_t x, std::size_t y) {
      auto a = group_of(x);
      auto b = group_of(y);
      return std::equal(a.begin(), a.end(), b.begin(), b.end());
    };
    std::vector<std::int32_t> first_day(events_.size());
    for (std::size_t i = 0; i < events_.size(); ++i)
      first_day[i] = detail::days_of(base(events_[i]).when.earliest_start());
    std::vector<std::size_t> order(events_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
      if (events_[x].index() != events_[y].index()) return events_[x].index() < events_[y].index();
      auto a = group_of(x);
      auto b = group_of(y);
      // By hand, as std::lexicographical_compare_three_way would (which needs libc++ 17).
      if (auto [ia, ib] = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
          ia != a.end() || ib != b.end()) {
        return ib != b.end() && (ia == a.end() || *ia < *ib);
      }
      return first_day[x] < first_day[y];
    });
    // Each event is warned about a few times at most, and compared with a bounded window of
    // later ones: a million copies of one event stay linear.
    std::vector<std::uint8_t> warned(events_.size(), 0);
    for (std::size_t k = 0; k + 1 < order.size(); ++k) {
      const std::size_t window_end = std::min(order.size(), k + 1 + detail::max_duplicate_window);
      for (std::size_t j = k + 1; j < window_end; ++j) {
        const event& x = events_[order[k]];
        const event& y = events_[order[j]];
        if (x.index() != y.index() || !same_people(order[k], order[j])) break;
        if (warned[order[j]] >= detail::max_duplicate_warnings) continue;
        if (base(y).when.earliest_start() >= base(x).when.latest_end()) break;
        if (likely_duplicates(x, y)) {
          ++warned[order[j]];
          warn(order[j], fmt::format("likely duplicate of \"{}\" (same kind, same people, "
                                     "overlapping days)",
                                     base(x).id.value()));
        }
      }
    }
  }

  // Two events of one kind and the same people: not nested, of one status, in one country
  // (when both say), certainly overlapping.
  static auto likely_duplicates(const event& x, const event& y) -> bool {
    bool nested = (base(y).parent && *base(y).parent == base(x).id) ||
                  (base(x).parent && *base(x).parent == base(y).id);
    bool different_status = base(x).status != base(y).status;
    country_code cx = country_of(x);
    country_code cy = country_of(y);
    bool different_place = !cx.empty() && !cy.empty() && cx != cy;
    return !nested && !different_status && !different_place &&
           overlaps(base(x).when, base(y).when) == truth::certainly;
  }
};

inline auto timeline_builder::validate() const -> std::vector<diagnostic> { return validator(*this).run(); }

inline void timeline_builder::check_journey(std::vector<std::size_t>& stops,
                                            std::vector<diagnostic>& out) const {
  auto when = [&](std::size_t i) -> const period& { return base(events_[i]).when; };
  std::stable_sort(stops.begin(), stops.end(), [&](std::size_t x, std::size_t y) {
    return when(x).earliest_start() < when(y).earliest_start();
  });
  const std::string& journey = base(events_[stops.front()]).journey;
  std::vector<std::string_view> shared = detail::travellers(events_[stops.front()]);
  std::size_t last = stops.front();  // the stop that ends the journey so far
  bool strangers = false;
  for (std::size_t k = 1; k < stops.size(); ++k) {
    const std::size_t i = stops[k];
    // Days from the last day of the journey so far to this stop's first (1: the next day).
    const auto after = when(i).earliest_start() - (when(last).latest_end() - date::days{1});
    if (after > max_journey_gap) {
      out.push_back(diag(i, severity::warning,
                         fmt::format("journey \"{}\": this stop starts {} days after \"{}\" ({}) "
                                     "ends; a journey's stops follow each other (at most {} days "
                                     "apart)",
                                     journey, after.count(), base(events_[last]).id.value(), when(last),
                                     max_journey_gap.count())));
    }
    if (when(i).latest_end() > when(last).latest_end()) last = i;
    if (strangers) continue;
    const std::vector<std::string_view> mine = detail::travellers(events_[i]);
    std::vector<std::string_view> both;
    std::set_intersection(shared.begin(), shared.end(), mine.begin(), mine.end(), std::back_inserter(both));
    if (both.empty()) {
      strangers = true;
      out.push_back(diag(i, severity::warning,
                         fmt::format("journey \"{}\": this stop's travellers ({}) are not those of "
                                     "\"{}\" ({}); a journey is one traveller's",
                                     journey, fmt::join(mine, ", "), base(events_[stops.front()]).id.value(),
                                     fmt::join(shared, ", "))));
    } else {
      shared = std::move(both);
    }
  }
}

inline auto timeline_builder::freeze() && -> timeline {
  const std::uint64_t mentions = check_bounds();
  std::vector<diagnostic> diags = validate();
  bool bad = std::any_of(diags.begin(), diags.end(),
                         [](const diagnostic& d) { return d.severity == severity::error; });
  if (bad) throw validation_error("timeline", std::move(diags));

  timeline t;
  t.warnings_ = std::move(diags);
  t.actors_ = std::move(actors_);
  t.coverage_ = std::move(coverage_);
  sort_into_timeline_order();
  t.events_ = std::move(events_);
  events_.clear();
  t.events_.shrink_to_fit();  // a builder grown one event at a time has room to spare
  detail::build_index(t.index_, t.events_, t.actors_, mentions);
  return t;
}

inline auto timeline_builder::check_bounds() const -> std::uint64_t {
  // The indexes number events and actor mentions in 32 bits (no_index is reserved).
  std::uint64_t mentions = 0;
  for (const event& e : events_) mentions += participant_count(e);
  if (const std::uint64_t most = detail::no_index - 1; events_.size() > most || mentions > most) {
    throw error(
        fmt::format("[diplo.timeline] too many events: {} events naming {} actors "
                    "in all (at most {} of each)",
                    events_.size(), mentions, most));
  }
  return mentions;
}

inline void timeline_builder::sort_into_timeline_order() {
  // Nesting depth first (validate() has ruled out unknown parents and cycles), so that
  // a parent sorts before a child on the same days.
  const auto ids = detail::ids_of(events_);
  const auto at = detail::id_table::of(static_cast<std::uint32_t>(events_.size()), ids);
  std::vector<std::uint32_t> parent(events_.size(), detail::no_index);
  for (std::size_t i = 0; i < events_.size(); ++i) {
    if (const auto& p = base(events_[i]).parent) {
      parent[i] = at.find(p->value(), ids);
    }
  }
  std::vector<unsigned> depth(events_.size(), 0);
  for (std::size_t i = 0; i < events_.size(); ++i) {
    for (auto p = parent[i]; p != detail::no_index; p = parent[p]) ++depth[i];
  }
  // The timeline order: each event's key computed once, ties broken by id.
  std::vector<detail::order_key> keys(events_.size());
  for (std::size_t i = 0; i < events_.size(); ++i) keys[i] = detail::order_key_of(events_[i], depth[i]);
  std::vector<std::size_t> order(events_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    const int c = detail::compare(keys[x], keys[y]);
    return c != 0 ? c < 0 : base(events_[x]).id < base(events_[y]).id;
  });
  // Put in that order in place, one cycle of the permutation at a time: a second array
  // of events would add 472 bytes an event to the peak memory of freezing.
  std::vector<bool> placed(order.size(), false);
  for (std::size_t k = 0; k < order.size(); ++k) {
    if (placed[k] || order[k] == k) continue;
    event held = std::move(events_[k]);
    std::size_t j = k;
    while (order[j] != k) {
      events_[j] = std::move(events_[order[j]]);
      placed[j] = true;
      j = order[j];
    }
    events_[j] = std::move(held);
    placed[j] = true;
  }
}

}  // namespace diplo

/// "timeline of 94 events, 31 actors".
template <>
struct fmt::formatter<diplo::timeline> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::timeline& t, Context& ctx) const -> decltype(ctx.out()) {
    auto s = fmt::format("timeline of {} event{}, {} actor{}", t.size(), t.size() == 1 ? "" : "s",
                         t.actors().size(), t.actors().size() == 1 ? "" : "s");
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
};
