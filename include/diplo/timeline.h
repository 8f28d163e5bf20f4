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
// LIFETIME. A `timeline` is a handle to one frozen, immutable store of events, actors and
// indexes: copying it shares the store (no event is copied), moving it copies the handle,
// and the store lives as long as any handle to it. An event of a timeline is handed out as
// an `event_ref`, its number and such a handle, and every answer of diplo/query.h holds
// its events that way. So an event reference or an answer stays valid, events, names and
// all, after the timeline it came from is moved, reassigned or destroyed, and a query on a
// temporary timeline is safe:
//
//   auto r = diplo::last_meeting(load("xi-putin.json"), xi, putin);   // r keeps its events
//   diplo::event_ref e = load("xi-putin.json").find(id);              // e keeps its timeline
//
// `event_ref::value()` makes the event a value of its own (a `diplo::event`). What the
// timeline hands out by reference (`actors()`, `coverage()`, `warnings()`) points into the
// store and is valid while a handle to it lives: those members are deleted for a temporary
// timeline (`make().actors()` does not compile, tests/compile_fail), where the reference
// would outlive every handle at the end of the line.
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

#include <compare>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <date/date.h>
#include <fmt/format.h>

#include "diplo/actor.h"
#include "diplo/coverage.h"
#include "diplo/detail/event_store.h"
#include "diplo/detail/timeline_index.h"
#include "diplo/error.h"
#include "diplo/event.h"
#include "diplo/export.h"
#include "diplo/id.h"
#include "diplo/period.h"

namespace diplo {

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
  [[nodiscard]] DIPLO_API auto validate() const -> std::vector<diagnostic>;

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
  [[nodiscard]] DIPLO_API auto freeze() && -> timeline;

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
  // freeze(): throws when the events or their participants, summed, pass the indexes' bounds.
  void check_bounds() const;
  // freeze(): the events in timeline order (see the header essay), in place.
  void sort_into_timeline_order();
};

namespace detail {

/// A number no store made before in this process took (wrapping after 2^32 of them).
[[nodiscard]] DIPLO_API auto next_store_serial() noexcept -> std::uint32_t;

/// What a frozen timeline holds, shared by every handle to it (see LIFETIME in the header
/// essay). Internal: reached through `timeline`'s members.
struct timeline_store {
  // Tells this store's actor keys from another's (see actor_key): one number per store made.
  std::uint32_t serial = next_store_serial();
  actor_registry actors;
  event_store events;  // columnar and interned (diplo/detail/event_store.h)
  std::vector<diagnostic> warnings;
  std::vector<coverage_scope> coverage;
  timeline_index index;
  // What the columns of `events` and `index` view when the timeline was opened from a
  // snapshot file (diplo/io/snapshot.h): the mapped file, kept while the store lives.
  std::shared_ptr<const void> mapping;
};

/// What a default-constructed timeline reads: no events, no actors (one for all, made once).
[[nodiscard]] DIPLO_API auto empty_timeline_store() noexcept -> const timeline_store&;

/// The timeline of a store assembled elsewhere than freeze() (a snapshot's reader).
[[nodiscard]] auto adopt(std::shared_ptr<const timeline_store> store) noexcept -> timeline;

}  // namespace detail

class event_ref;
class event_range;

/// An actor as one frozen timeline numbers it, looked up once by `timeline::key()`: the
/// queries that take keys (diplo/query.h) skip hashing the id, which is about a quarter of
/// a "last meeting" on a large timeline whose tables are not in cache. For an application
/// that asks many questions about the same people.
///
///   const auto xi = t.key(diplo::actor_id{"xi-jinping"});
///   const auto putin = t.key(diplo::actor_id{"vladimir-putin"});
///   if (xi && putin) {
///     auto r = diplo::last_meeting(t, *xi, *putin);
///   }
///
/// A key belongs to the timeline that gave it and to its copies (one store): given to
/// another timeline's queries, even one frozen from the same data, it is refused with a
/// `diplo::error`, never read as some other actor.
class actor_key {
 public:
  /// The actor's number in its timeline (0 to actors().size() - 1, in registry order).
  [[nodiscard]] auto number() const noexcept -> std::uint32_t { return number_; }

  friend auto operator==(actor_key, actor_key) noexcept -> bool = default;

 private:
  friend class timeline;
  actor_key(std::uint32_t number, std::uint32_t store) noexcept : number_(number), store_(store) {}
  std::uint32_t number_;
  std::uint32_t store_;
};

/// An immutable, indexed set of events and the actors they name: a handle to a shared
/// store (see LIFETIME in the header essay). Copying is cheap and shares the store.
/// All member functions are const and safe to call from many threads at once.
///
/// Its events are handed out as `event_ref`s, which keep the store alive themselves. The
/// members that hand out references into the store (`actors()`, `coverage()`,
/// `warnings()`, `index()`) are deleted on a temporary (`&&`) timeline: keep a named
/// timeline (or an answer) while you use them.
class timeline {
 public:
  /// An empty timeline (it holds no store: making one costs nothing).
  timeline() noexcept = default;
  /// Shares `other`'s store.
  timeline(const timeline& other) noexcept = default;
  auto operator=(const timeline& other) noexcept -> timeline& = default;
  // No move members: a moved-from timeline stays the same timeline (the handle is copied).
  ~timeline() = default;

  /// The number of events.
  [[nodiscard]] auto size() const noexcept -> std::size_t { return store().events.size(); }
  [[nodiscard]] auto empty() const noexcept -> bool { return store().events.empty(); }

  /// All events in timeline order (see the header essay): a random-access range of
  /// `event_ref`, which keeps this timeline's store alive.
  [[nodiscard]] auto events() const noexcept -> event_range;

  /// The event at position `i` in timeline order. Precondition: i < size().
  [[nodiscard]] auto at(std::size_t i) const noexcept -> event_ref;

  /// The event with this id; an empty `event_ref` when there is none.
  [[nodiscard]] auto find(const event_id& id) const -> event_ref;

  /// Every event that names the actor, in timeline order; empty for an unknown id.
  [[nodiscard]] auto events_of(const actor_id& a) const -> std::vector<event_ref>;

  /// The actors the events name.
  [[nodiscard]] auto actors() const& noexcept -> const actor_registry& { return store().actors; }
  auto actors() const&& -> const actor_registry& = delete;

  /// What its events record completely (diplo/coverage.h): every scope its sources declared.
  [[nodiscard]] auto coverage() const& noexcept -> std::span<const coverage_scope> {
    return store().coverage;
  }
  auto coverage() const&& -> std::span<const coverage_scope> = delete;

  /// Warnings found when the timeline was frozen.
  [[nodiscard]] auto warnings() const& noexcept -> const std::vector<diagnostic>& { return store().warnings; }
  auto warnings() const&& -> const std::vector<diagnostic>& = delete;

  /// Internal: the indexes the queries run on. Layout may change without notice.
  [[nodiscard]] auto index() const& noexcept -> const detail::timeline_index& { return store().index; }
  auto index() const&& -> const detail::timeline_index& = delete;

  /// Internal: the whole store, for the snapshot writer (diplo/io/snapshot.h).
  [[nodiscard]] auto internals() const& noexcept -> const detail::timeline_store& { return store(); }
  auto internals() const&& -> const detail::timeline_store& = delete;

  /// Internal: the events as stored, for the queries' machinery. Will change without notice.
  [[nodiscard]] auto stored() const& noexcept -> const detail::event_store& { return store().events; }
  auto stored() const&& -> const detail::event_store& = delete;

  /// Internal: the number of an actor in the indexes, if the timeline knows it.
  [[nodiscard]] auto actor_number(const actor_id& a) const noexcept -> std::optional<std::uint32_t> {
    auto p = store().actors.position(a);
    if (!p) return std::nullopt;
    return static_cast<std::uint32_t>(*p);
  }

  /// The key of an actor for the queries that take keys (see actor_key); nullopt when the
  /// timeline does not know the id.
  [[nodiscard]] auto key(const actor_id& a) const noexcept -> std::optional<actor_key> {
    auto n = actor_number(a);
    if (!n) return std::nullopt;
    return actor_key(*n, store().serial);
  }

  /// Internal: the number of a key's actor. Throws `diplo::error` when the key is another
  /// timeline's.
  [[nodiscard]] auto actor_number(actor_key k) const -> std::uint32_t {
    if (k.store_ != store().serial || k.number_ >= store().actors.size()) throw_foreign_key();
    return k.number_;
  }

  /// Whether `a` and `b` are handles to the same store (one frozen timeline and its copies;
  /// or both empty, never frozen).
  [[nodiscard]] friend auto same_store(const timeline& a, const timeline& b) noexcept -> bool {
    return a.store_ == b.store_;
  }

 private:
  [[noreturn]] DIPLO_API static void throw_foreign_key();
  friend class timeline_builder;
  friend auto detail::adopt(std::shared_ptr<const detail::timeline_store> store) noexcept -> timeline;
  explicit timeline(std::shared_ptr<const detail::timeline_store> store) noexcept
      : store_(std::move(store)) {}
  [[nodiscard]] auto store() const noexcept -> const detail::timeline_store& {
    return store_ ? *store_ : detail::empty_timeline_store();
  }
  std::shared_ptr<const detail::timeline_store> store_;  // null in an empty timeline
};

/// One event of a frozen timeline: its position in the timeline's order and a handle to the
/// timeline, which it keeps alive (so an `event_ref` never dangles). Cheap to copy; compares
/// equal to another reference to the same event of the same timeline. An empty
/// (default-constructed) `event_ref` refers to no event: `find()` returns one for an unknown
/// id, and it tests false.
///
/// The event itself is read with `value()`, a `diplo::event` made for the caller; the
/// accessors read the most used parts without making one.
///
///   if (diplo::event_ref e = t.find(diplo::event_id{"2024-10-22-kazan-brics-summit"})) {
///     fmt::print("{}\n", e);                   // with the timeline's names
///     for (diplo::event_ref c : e.children()) fmt::print("  {}\n", c);
///     diplo::event v = e.value();              // a visit, summit, meeting or ceremony
///   }
class event_ref {
 public:
  /// Refers to no event.
  event_ref() noexcept = default;
  /// Event `i` of `t`. Precondition: i < t.size().
  event_ref(diplo::timeline t, std::uint32_t i) noexcept : timeline_(std::move(t)), number_(i) {}

  /// Whether it refers to an event.
  explicit operator bool() const noexcept { return number_ != detail::no_index; }

  /// Its position in its timeline's order (timeline.events()[number()] is this event).
  [[nodiscard]] auto number() const noexcept -> std::uint32_t { return number_; }
  /// The timeline it belongs to.
  [[nodiscard]] auto timeline() const noexcept -> const diplo::timeline& { return timeline_; }

  /// The event, as a value of its own. Precondition (here and below): it refers to an event.
  [[nodiscard]] auto value() const -> event { return store().materialize(number_); }

  // Parts of it, each a value of its own (nothing here points into the timeline's store).
  [[nodiscard]] auto id() const -> event_id { return event_id{store().id(number_)}; }
  [[nodiscard]] auto when() const noexcept -> period { return stored().when(); }
  [[nodiscard]] auto status() const noexcept -> diplo::status { return stored().status(); }
  [[nodiscard]] auto place() const -> diplo::place { return store().place(number_); }
  [[nodiscard]] auto sources() const -> std::vector<source> { return store().source_list(number_); }
  /// "visit", "summit", "meeting", "ceremony" (event_kind_names).
  [[nodiscard]] auto kind() const noexcept -> std::string_view {
    return event_kind_names[static_cast<std::size_t>(stored().kind())];
  }
  /// The country it was held in (diplo::country_of).
  [[nodiscard]] auto country() const noexcept -> country_code { return stored().country(); }
  /// Everyone taking part (diplo::participants).
  [[nodiscard]] auto participants() const -> std::vector<actor_id> { return store().participants(number_); }

  /// The event it happens inside; empty when none.
  [[nodiscard]] auto parent() const noexcept -> event_ref {
    const auto p = timeline_.index().facts[number_].parent;
    return p == detail::no_index ? event_ref() : event_ref(timeline_, p);
  }
  /// The events directly inside it, in timeline order.
  [[nodiscard]] auto children() const -> std::vector<event_ref> {
    std::vector<event_ref> out;
    for (auto c : timeline_.index().children.of(number_)) out.emplace_back(timeline_, c);
    return out;
  }
  /// The outermost event it is inside (itself when it has no parent).
  [[nodiscard]] auto root() const noexcept -> event_ref {
    const auto& facts = timeline_.index().facts;
    auto i = number_;
    while (facts[i].parent != detail::no_index) i = facts[i].parent;
    return {timeline_, i};
  }

  friend auto operator==(const event_ref& a, const event_ref& b) noexcept -> bool {
    return a.number_ == b.number_ && same_store(a.timeline_, b.timeline_);
  }

  /// Internal: the event as stored, read in place. Will change without notice.
  [[nodiscard]] auto stored() const noexcept -> detail::stored_event { return {store(), number_}; }

 private:
  [[nodiscard]] auto store() const noexcept -> const detail::event_store& { return timeline_.stored(); }
  diplo::timeline timeline_;
  std::uint32_t number_ = detail::no_index;
};

/// A timeline's events in its order, as `event_ref`s: what `timeline::events()` returns.
/// A random-access range (`size()`, `[i]`, `begin()`/`end()`) that holds the timeline.
class event_range {
 public:
  class iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using iterator_concept = std::random_access_iterator_tag;
    using value_type = event_ref;
    using difference_type = std::ptrdiff_t;
    using reference = event_ref;
    using pointer = void;

    iterator() = default;
    auto operator*() const noexcept -> event_ref { return {t_, i_}; }
    auto operator[](difference_type k) const noexcept -> event_ref {
      return {t_, static_cast<std::uint32_t>(i_ + k)};
    }
    auto operator++() noexcept -> iterator& { return ++i_, *this; }
    auto operator++(int) noexcept -> iterator {
      auto x = *this;
      ++i_;
      return x;
    }
    auto operator--() noexcept -> iterator& { return --i_, *this; }
    auto operator--(int) noexcept -> iterator {
      auto x = *this;
      --i_;
      return x;
    }
    auto operator+=(difference_type k) noexcept -> iterator& {
      i_ = static_cast<std::uint32_t>(i_ + k);
      return *this;
    }
    auto operator-=(difference_type k) noexcept -> iterator& {
      i_ = static_cast<std::uint32_t>(i_ - k);
      return *this;
    }
    friend auto operator+(iterator a, difference_type k) noexcept -> iterator { return a += k; }
    friend auto operator+(difference_type k, iterator a) noexcept -> iterator { return a += k; }
    friend auto operator-(iterator a, difference_type k) noexcept -> iterator { return a -= k; }
    friend auto operator-(const iterator& a, const iterator& b) noexcept -> difference_type {
      return static_cast<difference_type>(a.i_) - static_cast<difference_type>(b.i_);
    }
    friend auto operator==(const iterator& a, const iterator& b) noexcept -> bool { return a.i_ == b.i_; }
    friend auto operator<=>(const iterator& a, const iterator& b) noexcept -> std::strong_ordering {
      return a.i_ <=> b.i_;
    }

   private:
    friend class event_range;
    iterator(diplo::timeline t, std::uint32_t i) noexcept : t_(std::move(t)), i_(i) {}
    diplo::timeline t_;  // a handle: an iterator outlives its range safely
    std::uint32_t i_ = 0;
  };

  explicit event_range(diplo::timeline t) noexcept : timeline_(std::move(t)) {}
  [[nodiscard]] auto size() const noexcept -> std::size_t { return timeline_.size(); }
  [[nodiscard]] auto empty() const noexcept -> bool { return timeline_.empty(); }
  [[nodiscard]] auto operator[](std::size_t i) const noexcept -> event_ref {
    return {timeline_, static_cast<std::uint32_t>(i)};
  }
  [[nodiscard]] auto front() const noexcept -> event_ref { return (*this)[0]; }
  [[nodiscard]] auto back() const noexcept -> event_ref { return (*this)[size() - 1]; }
  [[nodiscard]] auto begin() const noexcept -> iterator { return {timeline_, 0}; }
  [[nodiscard]] auto end() const noexcept -> iterator {
    return {timeline_, static_cast<std::uint32_t>(timeline_.size())};
  }

 private:
  diplo::timeline timeline_;
};

static_assert(std::random_access_iterator<event_range::iterator>);

inline auto timeline::events() const noexcept -> event_range { return event_range(*this); }

inline auto detail::adopt(std::shared_ptr<const timeline_store> store) noexcept -> timeline {
  return timeline(std::move(store));
}

inline auto timeline::at(std::size_t i) const noexcept -> event_ref {
  return {*this, static_cast<std::uint32_t>(i)};
}

inline auto timeline::find(const event_id& id) const -> event_ref {
  const auto& s = store();
  auto i = s.index.event_number.find(id.value(), detail::ids_of(s.events));
  return i == detail::no_index ? event_ref() : event_ref(*this, i);
}

inline auto timeline::events_of(const actor_id& a) const -> std::vector<event_ref> {
  std::vector<event_ref> out;
  if (auto n = actor_number(a)) {
    for (auto i : store().index.actor_events.of(*n)) out.emplace_back(*this, i);
  }
  return out;
}

}  // namespace diplo

/// An event with its timeline's names: "Xi Jinping — state visit to Russia (Moscow), 20–22
/// March 2023".
template <>
struct fmt::formatter<diplo::event_ref> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::event_ref& e, Context& ctx) const -> decltype(ctx.out()) {
    const diplo::actor_registry& actors = e.timeline().actors();
    return fmt::formatter<std::string_view>::format(diplo::detail::describe(e.value(), &actors), ctx);
  }
};

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
