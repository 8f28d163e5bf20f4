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
// What freeze() checks (errors stop it, warnings are kept in `warnings()`):
//   errors    an empty or duplicate id; an actor id not in the registry; a parent id
//             that is unknown or makes a cycle; a child that certainly lies outside
//             its parent's days; a visit without guests, a meeting with fewer than
//             two participants; an end instant before the start instant; invalid
//             UTF-8 in any text. (A child one day outside its parent — talks on the
//             eve of a summit — is only a warning.)
//   warnings  a child that possibly lies outside its parent; likely duplicates (two
//             events of one kind among the same people in the same country whose days
//             overlap, neither inside the other); a summit or ceremony without attendees.
//
// The frozen timeline never changes, so any number of threads may query it at once
// without locks. Its events are kept in one order, used everywhere: by earliest
// possible start day, then latest possible start, then the longer event first (so a
// summit comes before the talks on its first day), then the outer event first (a visit
// before the forum inside it on the same days), then by id. Queries (diplo/query.h)
// run on its indexes: every actor's events in that order, bilateral events by pair
// of actors (a 40-leader summit is stored once per attendee, never as 780 pairs), the
// parent/child links, and the events by the days they may cover.

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "diplo/actor.h"
#include "diplo/detail/fold.h"
#include "diplo/error.h"
#include "diplo/event.h"
#include "diplo/id.h"
#include "diplo/period.h"

namespace diplo {

class timeline;

namespace detail {

inline constexpr std::uint32_t no_index = std::numeric_limits<std::uint32_t>::max();

/// Compressed lists: the items of list i are items[offsets[i] .. offsets[i+1]).
struct csr {
  std::vector<std::uint32_t> offsets{0};
  std::vector<std::uint32_t> items;

  [[nodiscard]] auto of(std::uint32_t i) const noexcept -> std::span<const std::uint32_t> {
    if (i + 1 >= offsets.size()) return {};
    return {items.data() + offsets[i], items.data() + offsets[i + 1]};
  }
};

/// One bilateral event filed under its (ordered) pair of actor numbers.
struct pair_entry {
  std::uint64_t key;
  std::uint32_t event;
  friend auto operator<=>(const pair_entry&, const pair_entry&) = default;
};

[[nodiscard]] constexpr auto pair_key(std::uint32_t a, std::uint32_t b) noexcept -> std::uint64_t {
  if (a > b) std::swap(a, b);
  return (std::uint64_t{a} << 32) | b;
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
    t.make(std::move(all));
    return t;
  }

 private:
  auto make(std::vector<std::uint32_t> items) -> std::uint32_t {
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
    nodes.push_back({center, no_index,
                     no_index,
                     static_cast<std::uint32_t>(by_start.size()), 0});
    std::sort(here.begin(), here.end(), [&](std::uint32_t a, std::uint32_t b) {
      return start[a] != start[b] ? start[a] < start[b] : a < b;
    });
    by_start.insert(by_start.end(), here.begin(), here.end());
    std::sort(here.begin(), here.end(), [&](std::uint32_t a, std::uint32_t b) {
      return stop[a] != stop[b] ? stop[a] > stop[b] : a < b;
    });
    by_end.insert(by_end.end(), here.begin(), here.end());
    nodes[at].end = static_cast<std::uint32_t>(by_start.size());
    const auto l = make(std::move(left));
    nodes[at].left = l;
    const auto r = make(std::move(right));
    nodes[at].right = r;
    return at;
  }
};

/// The indexes of a frozen timeline. Internal: its layout may change.
struct timeline_index {
  // Per event (in timeline order).
  std::vector<std::int32_t> earliest_start;  // days since 1970-01-01
  std::vector<std::int32_t> latest_start;
  std::vector<std::uint32_t> parent;          // no_index when none
  std::vector<std::uint16_t> depth;           // 0 for a root
  csr children;                               // per event
  csr event_actors;                           // per event: actor numbers, sorted
  // Per actor (numbered in registry order).
  std::unordered_map<std::string, std::uint32_t> actor_number;
  csr actor_events;                           // all events of the actor, timeline order
  csr actor_group_events;                     // events with 3+ participants
  std::vector<std::int32_t> actor_max_span;   // longest possible span of its events, days
  // Events with exactly two participants, sorted by (pair key, event).
  std::vector<pair_entry> pairs;
  // Event ids -> event number.
  std::unordered_map<std::string, std::uint32_t> event_number;
  // The events that may cover a day (whereabouts_on in diplo/query.h).
  day_tree days;
};

}  // namespace detail

/// Where an event came from: a file and the line and column of its record (1-based; 0
/// when not known). Readers pass it to timeline_builder::add so that a problem found
/// when freezing points back into the file: "events.json:12:5: error: event "x": ...".
struct origin {
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;

  friend auto operator==(const origin&, const origin&) -> bool = default;
};

/// Collects actors and events, then checks and freezes them into a timeline.
/// Not thread-safe (it is a builder); the timeline it makes is.
class timeline_builder {
 public:
  timeline_builder() = default;
  /// Starts from a registry of the actors the events will name.
  explicit timeline_builder(actor_registry actors) : actors_(std::move(actors)) {}

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

  /// Where the i-th event added came from.
  [[nodiscard]] auto origin_of(std::size_t i) const noexcept -> const origin& { return origins_[i]; }

  /// The events added so far, in the order added.
  [[nodiscard]] auto events() const noexcept -> std::span<const event> { return events_; }

  /// Every problem freeze() would find, errors and warnings, in event order.
  [[nodiscard]] auto validate() const -> std::vector<diagnostic>;

  /// Checks everything and builds the indexed timeline.
  /// Throws validation_error listing every error (warnings are kept in the timeline).
  [[nodiscard]] auto freeze() && -> timeline;

 private:
  actor_registry actors_;
  std::vector<event> events_;
  std::vector<origin> origins_;

  [[nodiscard]] auto diag(std::size_t i, severity level, std::string message) const -> diagnostic;
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
    auto it = index_.event_number.find(id.value());
    return it == index_.event_number.end() ? nullptr : &events_[it->second];
  }

  /// The event this one happens inside, or nullptr.
  /// Precondition: `e` is an event of this timeline.
  [[nodiscard]] auto parent(const event& e) const noexcept -> const event* {
    auto p = index_.parent[number(e)];
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
    while (index_.parent[i] != detail::no_index) i = index_.parent[i];
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

  /// Warnings found when the timeline was frozen.
  [[nodiscard]] auto warnings() const noexcept -> const std::vector<diagnostic>& {
    return warnings_;
  }

  /// The position of an event in events(). Precondition: `e` belongs to this timeline.
  [[nodiscard]] auto number(const event& e) const noexcept -> std::uint32_t {
    return static_cast<std::uint32_t>(&e - events_.data());
  }

  /// For printing: the event with this timeline's actor names.
  [[nodiscard]] auto named(const event& e) const noexcept -> named_event {
    return diplo::named(e, actors_);
  }

  /// Internal: the indexes the queries run on. Layout may change without notice.
  [[nodiscard]] auto index() const noexcept -> const detail::timeline_index& { return index_; }

  /// Internal: the number of an actor in the indexes, if the timeline knows it.
  [[nodiscard]] auto actor_number(const actor_id& a) const noexcept
      -> std::optional<std::uint32_t> {
    auto it = index_.actor_number.find(a.value());
    if (it == index_.actor_number.end()) return std::nullopt;
    return it->second;
  }

 private:
  friend class timeline_builder;
  actor_registry actors_;
  std::vector<event> events_;
  std::vector<diagnostic> warnings_;
  detail::timeline_index index_;
};

namespace detail {

inline auto days_of(date::sys_days d) noexcept -> std::int32_t {
  return static_cast<std::int32_t>(d.time_since_epoch().count());
}

/// The order of events in a timeline (see the header essay).
/// The order of events in a timeline (see the header essay); `depth_a`/`depth_b` are
/// how deeply each is nested, so that a parent comes before a child on the same days.
inline auto event_order(const event& a, unsigned depth_a, const event& b, unsigned depth_b) -> bool {
  const period& pa = base(a).when;
  const period& pb = base(b).when;
  if (pa.earliest_start() != pb.earliest_start()) return pa.earliest_start() < pb.earliest_start();
  if (pa.latest_start() != pb.latest_start()) return pa.latest_start() < pb.latest_start();
  if (pa.latest_end() != pb.latest_end()) return pa.latest_end() > pb.latest_end();
  if (pa.earliest_end() != pb.earliest_end()) return pa.earliest_end() > pb.earliest_end();
  if (depth_a != depth_b) return depth_a < depth_b;
  return base(a).id < base(b).id;
}

inline auto sorted_actor_set(const event& e) -> std::vector<std::string> {
  std::vector<std::string> s;
  for (const auto& a : participants(e)) s.push_back(a.value());
  std::sort(s.begin(), s.end());
  return s;
}

}  // namespace detail

inline auto timeline_builder::diag(std::size_t i, severity level, std::string message) const
    -> diagnostic {
  const origin& o = origins_[i];
  const std::string& id = base(events_[i]).id.value();
  std::string who = id.empty() ? fmt::format("event #{}", i + 1) : fmt::format("event \"{}\"", id);
  if (o.file.empty() && o.line == 0) return {level, std::move(who), 0, 0, std::move(message)};
  return {level, o.file, o.line, o.column, fmt::format("{}: {}", who, message)};
}

inline auto timeline_builder::validate() const -> std::vector<diagnostic> {
  std::vector<diagnostic> out;
  auto number = [&](const event& e) { return static_cast<std::size_t>(&e - events_.data()); };
  auto err = [&](const event& e, std::string msg) {
    out.push_back(diag(number(e), severity::error, std::move(msg)));
  };
  auto warn = [&](const event& e, std::string msg) {
    out.push_back(diag(number(e), severity::warning, std::move(msg)));
  };
  auto check_text = [&](const event& e, std::string_view field, std::string_view text) {
    if (!detail::is_valid_utf8(text)) err(e, fmt::format("{}: invalid UTF-8", field));
  };

  std::unordered_map<std::string_view, std::size_t> by_id;
  for (std::size_t i = 0; i < events_.size(); ++i) {
    const event& e = events_[i];
    const event_base& b = base(e);
    if (b.id.value().empty()) {
      out.push_back(diag(i, severity::error, "empty id"));
      continue;
    }
    if (!by_id.emplace(b.id.value(), i).second) err(e, "duplicate id");
  }

  for (const event& e : events_) {
    const event_base& b = base(e);
    if (b.id.value().empty()) continue;
    check_text(e, "id", b.id.value());
    check_text(e, "description", b.description);
    check_text(e, "notes", b.notes);
    check_text(e, "place.city", b.place.city);
    check_text(e, "place.zone", b.place.zone);
    for (const auto& s : b.sources) {
      check_text(e, "source.url", s.url);
      check_text(e, "source.title", s.title);
      check_text(e, "source.publisher", s.publisher);
    }
    check_text(e, "name", title_of(e));
    if (const auto* sm = std::get_if<summit>(&e)) check_text(e, "series", sm->series);

    for (const auto& a : participants(e)) {
      if (actors_.find(a) == nullptr) {
        auto near = actors_.suggestions(a.value(), 1);
        err(e, fmt::format("unknown actor \"{}\"{}", a.value(),
                           near.empty() ? "" : fmt::format(" (did you mean {}?)", near.front())));
      }
    }
    if (const auto* v = std::get_if<visit>(&e)) {
      if (v->guests.empty()) err(e, "a visit needs at least one guest");
      if (v->host_country.empty() && b.place.country.empty()) {
        err(e, "a visit needs a host country");
      }
      for (const auto& c : v->cities) check_text(e, "cities", c);
    } else if (const auto* m = std::get_if<meeting>(&e)) {
      if (participants(e).size() < 2) err(e, "a meeting needs at least two participants");
      (void)m;
    } else if (participants(e).empty()) {
      warn(e, fmt::format("a {} without attendees", kind_name(e)));
    }
    if (b.starts_at && b.ends_at && *b.ends_at < *b.starts_at) {
      err(e, "ends_at is before starts_at");
    }
    if (b.parent) {
      auto it = by_id.find(b.parent->value());
      if (it == by_id.end()) {
        err(e, fmt::format("unknown parent \"{}\"", b.parent->value()));
      } else {
        const event& p = events_[it->second];
        const period& pp = base(p).when;
        const period& cp = b.when;
        // Certainly outside: it certainly starts before the parent, or certainly ends after it.
        bool certainly_out =
            cp.latest_start() < pp.earliest_start() || cp.earliest_end() > pp.latest_end();
        // Talks on the eve of a summit, or the day after it, are held in its frame:
        // one day outside is a warning, more is an error.
        const date::days slack{1};
        bool far_out = cp.latest_start() < pp.earliest_start() - slack ||
                       cp.earliest_end() > pp.latest_end() + slack;
        bool possibly_out =
            cp.earliest_start() < pp.latest_start() || cp.latest_end() > pp.earliest_end();
        if (far_out) {
          err(e, fmt::format("lies outside its parent \"{}\" ({} is not within {})",
                             b.parent->value(), cp, pp));
        } else if (certainly_out) {
          warn(e, fmt::format("lies a day outside its parent \"{}\" ({} vs {})",
                              b.parent->value(), cp, pp));
        } else if (possibly_out) {
          warn(e, fmt::format("may lie outside its parent \"{}\" ({} vs {})", b.parent->value(),
                              cp, pp));
        }
      }
    }
  }

  // Parent cycles: follow each chain; a chain longer than the number of events loops.
  for (const event& e : events_) {
    const event_base& b = base(e);
    if (!b.parent || b.id.value().empty()) continue;
    std::string_view cur = b.id.value();
    std::size_t steps = 0;
    bool cycle = false;
    while (true) {
      auto it = by_id.find(cur);
      if (it == by_id.end()) break;
      const auto& par = base(events_[it->second]).parent;
      if (!par) break;
      cur = par->value();
      if (cur == b.id.value() || ++steps > events_.size()) {
        cycle = true;
        break;
      }
    }
    if (cycle) err(e, "its parent chain makes a cycle");
  }

  // Likely duplicates: same kind, same people, overlapping days, not nested.
  {
    std::vector<std::size_t> order(events_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::vector<std::vector<std::string>> people(events_.size());
    for (std::size_t i = 0; i < events_.size(); ++i) people[i] = detail::sorted_actor_set(events_[i]);
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
      if (events_[x].index() != events_[y].index()) return events_[x].index() < events_[y].index();
      if (people[x] != people[y]) return people[x] < people[y];
      return base(events_[x]).when.earliest_start() < base(events_[y]).when.earliest_start();
    });
    for (std::size_t k = 0; k + 1 < order.size(); ++k) {
      for (std::size_t j = k + 1; j < order.size(); ++j) {
        const event& x = events_[order[k]];
        const event& y = events_[order[j]];
        if (x.index() != y.index() || people[order[k]] != people[order[j]]) break;
        const period& px = base(x).when;
        const period& py = base(y).when;
        if (py.earliest_start() >= px.latest_end()) break;
        bool nested = (base(y).parent && *base(y).parent == base(x).id) ||
                      (base(x).parent && *base(x).parent == base(y).id);
        bool different_status = base(x).status != base(y).status;
        country_code cx = country_of(x);
        country_code cy = country_of(y);
        bool different_place = !cx.empty() && !cy.empty() && cx != cy;
        if (!nested && !different_status && !different_place &&
            overlaps(px, py) == truth::certainly) {
          warn(y, fmt::format("likely duplicate of \"{}\" (same kind, same people, "
                              "overlapping days)",
                              base(x).id.value()));
        }
      }
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const diagnostic& a, const diagnostic& b) {
    return a.severity > b.severity;
  });
  return out;
}

inline auto timeline_builder::freeze() && -> timeline {
  std::vector<diagnostic> diags = validate();
  bool bad = std::any_of(diags.begin(), diags.end(),
                         [](const diagnostic& d) { return d.severity == severity::error; });
  if (bad) throw validation_error("timeline", std::move(diags));

  timeline t;
  t.warnings_ = std::move(diags);
  t.actors_ = std::move(actors_);
  {
    // Nesting depth first (validate() has ruled out unknown parents and cycles), so that
    // a parent sorts before a child on the same days.
    std::unordered_map<std::string_view, std::size_t> at;
    for (std::size_t i = 0; i < events_.size(); ++i) at.emplace(base(events_[i]).id.value(), i);
    std::vector<unsigned> depth(events_.size(), 0);
    for (std::size_t i = 0; i < events_.size(); ++i) {
      for (const auto* p = &base(events_[i]).parent; *p; p = &base(events_[at.at((*p)->value())]).parent) {
        ++depth[i];
      }
    }
    std::vector<std::size_t> order(events_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
      return detail::event_order(events_[x], depth[x], events_[y], depth[y]);
    });
    t.events_.reserve(events_.size());
    for (auto i : order) t.events_.push_back(std::move(events_[i]));
  }

  auto& ix = t.index_;
  const auto n = static_cast<std::uint32_t>(t.events_.size());
  ix.event_number.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) ix.event_number.emplace(base(t.events_[i]).id.value(), i);

  ix.earliest_start.resize(n);
  ix.latest_start.resize(n);
  ix.parent.assign(n, detail::no_index);
  ix.depth.assign(n, 0);
  for (std::uint32_t i = 0; i < n; ++i) {
    const event_base& b = base(t.events_[i]);
    ix.earliest_start[i] = detail::days_of(b.when.earliest_start());
    ix.latest_start[i] = detail::days_of(b.when.latest_start());
    if (b.parent) ix.parent[i] = ix.event_number.at(b.parent->value());
  }
  for (std::uint32_t i = 0; i < n; ++i) {
    std::uint16_t d = 0;
    for (auto p = ix.parent[i]; p != detail::no_index; p = ix.parent[p]) ++d;
    ix.depth[i] = d;
  }
  {
    std::vector<std::uint32_t> count(n, 0);
    for (std::uint32_t i = 0; i < n; ++i) {
      if (ix.parent[i] != detail::no_index) ++count[ix.parent[i]];
    }
    ix.children.offsets.assign(n + 1, 0);
    for (std::uint32_t i = 0; i < n; ++i) ix.children.offsets[i + 1] = ix.children.offsets[i] + count[i];
    ix.children.items.resize(ix.children.offsets[n]);
    std::vector<std::uint32_t> fill(ix.children.offsets.begin(), ix.children.offsets.end() - 1);
    for (std::uint32_t i = 0; i < n; ++i) {
      if (ix.parent[i] != detail::no_index) ix.children.items[fill[ix.parent[i]]++] = i;
    }
  }

  // Actors, numbered in registry order.
  std::uint32_t actor_count = 0;
  for (const auto& a : t.actors_.actors()) ix.actor_number.emplace(id_of(a).value(), actor_count++);

  std::vector<std::vector<std::uint32_t>> per_event(n);
  std::vector<std::uint32_t> all_count(actor_count, 0);
  std::vector<std::uint32_t> group_count(actor_count, 0);
  for (std::uint32_t i = 0; i < n; ++i) {
    for (const auto& a : participants(t.events_[i])) per_event[i].push_back(ix.actor_number.at(a.value()));
    std::sort(per_event[i].begin(), per_event[i].end());
    for (auto a : per_event[i]) {
      ++all_count[a];
      if (per_event[i].size() >= 3) ++group_count[a];
    }
    if (per_event[i].size() == 2) {
      ix.pairs.push_back({detail::pair_key(per_event[i][0], per_event[i][1]), i});
    }
  }
  std::sort(ix.pairs.begin(), ix.pairs.end());

  auto fill_csr = [&](detail::csr& c, const std::vector<std::uint32_t>& counts, bool groups_only) {
    c.offsets.assign(actor_count + 1, 0);
    for (std::uint32_t a = 0; a < actor_count; ++a) c.offsets[a + 1] = c.offsets[a] + counts[a];
    c.items.resize(c.offsets[actor_count]);
    std::vector<std::uint32_t> pos(c.offsets.begin(), c.offsets.end() - 1);
    for (std::uint32_t i = 0; i < n; ++i) {
      if (groups_only && per_event[i].size() < 3) continue;
      for (auto a : per_event[i]) c.items[pos[a]++] = i;
    }
  };
  fill_csr(ix.actor_events, all_count, false);
  fill_csr(ix.actor_group_events, group_count, true);

  ix.event_actors.offsets.assign(n + 1, 0);
  for (std::uint32_t i = 0; i < n; ++i) {
    ix.event_actors.offsets[i + 1] = ix.event_actors.offsets[i] + static_cast<std::uint32_t>(per_event[i].size());
    ix.event_actors.items.insert(ix.event_actors.items.end(), per_event[i].begin(), per_event[i].end());
  }

  {
    std::vector<std::int32_t> stop(n);
    for (std::uint32_t i = 0; i < n; ++i) {
      stop[i] = std::max(detail::days_of(base(t.events_[i]).when.latest_end()), ix.earliest_start[i] + 1);
    }
    ix.days = detail::day_tree::build(ix.earliest_start, std::move(stop));
  }

  ix.actor_max_span.assign(actor_count, 0);
  for (std::uint32_t a = 0; a < actor_count; ++a) {
    for (auto i : ix.actor_events.of(a)) {
      const period& p = base(t.events_[i]).when;
      auto span = (p.latest_end() - p.earliest_start()).count();
      auto clamped = static_cast<std::int32_t>(
          std::min<long long>(span, std::numeric_limits<std::int32_t>::max() / 2));
      ix.actor_max_span[a] = std::max(ix.actor_max_span[a], clamped);
    }
  }
  return t;
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
