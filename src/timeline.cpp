// SPDX-License-Identifier: MIT
// Freezing a timeline: validation (one member of timeline_builder::validator per check),
// the timeline order, and the indexes the queries run on (diplo/detail/timeline_index.h).
// Run once per timeline, so compiled once here rather than in every user's file.

#include "diplo/timeline.h"

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "diplo/detail/instant.h"
#include "diplo/detail/timeline_index.h"
#include "diplo/detail/trip_rules.h"
#include "diplo/detail/utf8.h"

namespace diplo {
namespace detail {

auto next_store_serial() noexcept -> std::uint32_t {
  static std::atomic<std::uint32_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

auto empty_timeline_store() noexcept -> const timeline_store& {
  static const timeline_store empty;
  return empty;
}

namespace {

/// The pair index: the bilateral events (exactly two participants) by pair of actors.
void index_pairs(timeline_index& ix, const event_store& stored) {
  std::vector<std::pair<std::uint64_t, std::uint32_t>> entries;
  const auto n = static_cast<std::uint32_t>(ix.facts.size());
  for (std::uint32_t i = 0; i < n; ++i) {
    const auto mine = stored.everyone(i);
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
void index_spans(timeline_index& ix, const std::vector<std::int32_t>& stop, std::uint32_t actor_count) {
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
  ix.span_events.lengths.resize(ix.span_events.offsets[lists]);
  ix.span_max.assign(lists, 0);
  std::vector<std::uint32_t> pos(ix.span_events.offsets.begin(), ix.span_events.offsets.end() - 1);
  for (std::uint32_t a = 0; a < actor_count; ++a) {
    for (auto i : ix.actor_events.of(a)) {
      if (!placed(i)) continue;
      const auto l = a * span_classes + cls[i];
      ix.span_events.lengths[pos[l]] =
          spanned_lists::length_of(std::int64_t{stop[i]} - ix.facts[i].earliest_start);
      ix.span_events.items[pos[l]++] = {ix.facts[i].earliest_start, i};
      ix.span_max[l] = std::max(ix.span_max[l], stop[i] - ix.facts[i].earliest_start);
    }
  }
}

/// Every person's trips to each country under the default filter, for counting visits.
void index_trips(timeline_index& ix, const event_store& events, const actor_registry& actors,
                 const std::vector<std::int32_t>& stop) {
  struct entry {
    std::uint64_t key;
    std::int32_t earliest = 0;
    std::int32_t latest = 0;
    std::uint8_t level = 0;
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
      const stored_event e(events, i);
      if (e.status() != status::occurred) continue;
      country_code home =
          actor_registry::country_on(*who, date::sys_days{date::days{ix.facts[i].earliest_start}});
      if (!visiting(guest, e, home)) continue;
      mine.push_back(i);
      countries.push_back(e.country());
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
      std::vector<std::vector<period>> members;  // the days of each trip's events
      for (std::size_t k = 0; k < evs.size(); ++k) {
        const auto i = evs[k];
        if (first + numbers[k] == all.size()) {
          all.push_back({key});
          members.emplace_back();
        }
        const stored_event e(events, i);
        members[numbers[k]].push_back(e.when());
        auto& level = all[first + numbers[k]].level;
        level = std::max(level, static_cast<std::uint8_t>(e.level()));
      }
      // The trip's first days as visits() has them: a trip's period is not always its
      // first event's (partial dates end where the trip ends).
      for (std::size_t k = 0; k < members.size(); ++k) {
        const period p = trip_period(members[k]);
        all[first + k].earliest = days_of(p.earliest_start());
        all[first + k].latest = days_of(p.latest_start());
      }
      from = to;
    }
  }
  std::stable_sort(all.begin(), all.end(), [](const entry& x, const entry& y) { return x.key < y.key; });
  std::vector<std::uint64_t> keys(all.size());
  ix.trips.resize(all.size());
  for (std::size_t k = 0; k < all.size(); ++k) {
    keys[k] = all[k].key;
    ix.trips[k] = trip_start::of(all[k].earliest, all[k].latest, all[k].level);
  }
  ix.trip_table = trip_directory::of_sorted(keys, a);
}

/// freeze(), after the events are in timeline order: each event's first days, its parent,
/// its depth (validate() has ruled out chains deeper than max_nesting) and its children.
void index_nesting(timeline_index& ix, std::span<const event> events) {
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
  std::vector<std::pair<std::uint32_t, std::uint32_t>> inside;  // (parent, child)
  for (std::uint32_t i = 0; i < n; ++i) {
    if (ix.facts[i].parent != no_index) inside.emplace_back(ix.facts[i].parent, i);
  }
  ix.children = child_lists::of(std::move(inside));
}

/// freeze(): each actor's rank by name (actors are numbered in registry order).
void index_name_ranks(timeline_index& ix, const actor_registry& actors) {
  const auto actor_count = static_cast<std::uint32_t>(actors.size());
  std::vector<std::uint32_t> by_name(actor_count);
  for (std::uint32_t a = 0; a < actor_count; ++a) by_name[a] = a;
  const auto& all = actors.actors();
  std::stable_sort(by_name.begin(), by_name.end(),
                   [&](std::uint32_t x, std::uint32_t y) { return name_of(all[x]) < name_of(all[y]); });
  ix.name_rank.assign(actor_count, 0);
  for (std::uint32_t r = 0; r < actor_count; ++r) ix.name_rank[by_name[r]] = r;
}

/// freeze(): per event its people bits; per actor how many events name it (`all`), and how
/// many of them name three or more (`groups`).
struct actor_counts {
  std::vector<std::uint32_t> all;
  std::vector<std::uint32_t> groups;
};

auto count_actors(timeline_index& ix, const event_store& stored, std::size_t actor_count) -> actor_counts {
  const auto n = static_cast<std::uint32_t>(stored.size());
  actor_counts counts{std::vector<std::uint32_t>(actor_count, 0), std::vector<std::uint32_t>(actor_count, 0)};
  for (std::uint32_t i = 0; i < n; ++i) {
    // validate() has ruled out actors the registry does not know: the store numbers them
    // as the registry does.
    const auto everyone = stored.everyone(i);
    for (std::uint32_t a : everyone) {
      ix.facts[i].people |= people_bit(a);
      ++counts.all[a];
      if (everyone.size() >= 3) ++counts.groups[a];
    }
  }
  return counts;
}

/// freeze(): per actor its events (`actor_events`) and its events of three or more people
/// with their first days (`group_entries`), in timeline order.
void index_actor_events(timeline_index& ix, const event_store& stored, const actor_counts& counts) {
  const auto actor_count = static_cast<std::uint32_t>(counts.all.size());
  const auto n = static_cast<std::uint32_t>(ix.facts.size());
  auto fill = [&](auto& c, const std::vector<std::uint32_t>& count, bool groups_only, auto entry) {
    c.offsets.assign(actor_count + 1, 0);
    for (std::uint32_t a = 0; a < actor_count; ++a) c.offsets[a + 1] = c.offsets[a] + count[a];
    c.items.resize(c.offsets[actor_count]);
    std::vector<std::uint32_t> pos(c.offsets.begin(), c.offsets.end() - 1);
    for (std::uint32_t i = 0; i < n; ++i) {
      const auto everyone = stored.everyone(i);
      if (groups_only && everyone.size() < 3) continue;
      for (std::uint32_t a : everyone) c.items[pos[a]++] = entry(i);
    }
  };
  fill(ix.actor_events, counts.all, false, [](std::uint32_t i) { return i; });
  fill(ix.group_entries, counts.groups, true, [&](std::uint32_t i) {
    return dated{ix.facts[i].earliest_start, i};
  });
}

/// freeze(): each event's flags (status, in person, a meeting, has children, everything
/// inside it after it).
void index_flags(timeline_index& ix, std::span<const event> events) {
  const auto n = static_cast<std::uint32_t>(ix.facts.size());
  for (std::uint32_t i = 0; i < n; ++i) {
    const event& e = events[i];
    unsigned f = static_cast<unsigned>(base(e).status) | flag_inside_after;
    if (in_person(e)) f |= flag_in_person;
    if (std::holds_alternative<meeting>(e)) f |= flag_meeting;
    if (!ix.children.of(i).empty()) f |= flag_has_children;
    ix.facts[i].flags = static_cast<std::uint8_t>(f);
  }
  clear_inside_after(ix.facts.items());
}

/// freeze(): every index of the timeline, over its events in timeline order (as values
/// and as stored: the trip rules read the store, as the queries do).
void build_index(timeline_index& ix, const std::vector<event>& events, const event_store& stored,
                 const actor_registry& actors) {
  const auto n = static_cast<std::uint32_t>(events.size());
  index_nesting(ix, events);
  index_name_ranks(ix, actors);
  index_actor_events(ix, stored, count_actors(ix, stored, actors.size()));
  index_pairs(ix, stored);
  // Per event, the day after its latest possible last day (at least the day after its
  // earliest start): the day index and the span classes of `where` start from it.
  std::vector<std::int32_t> stop(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    stop[i] = std::max(days_of(base(events[i]).when.latest_end()), ix.facts[i].earliest_start + 1);
  }
  index_flags(ix, events);
  index_spans(ix, stop, static_cast<std::uint32_t>(actors.size()));
  index_trips(ix, stored, actors, stop);
  std::vector<std::int32_t> start(n);
  for (std::uint32_t i = 0; i < n; ++i) start[i] = ix.facts[i].earliest_start;
  ix.days = day_tree::build(start, std::move(stop));
}

/// The ids listed more than once in `list`, each once with how many times, in the order of
/// their first mention. Linear in the list's length.
auto repeated_ids(const std::vector<actor_id>& list)
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

}  // namespace
}  // namespace detail

auto timeline_builder::diag(std::size_t i, severity level, std::string message) const -> diagnostic {
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

auto timeline_builder::validate() const -> std::vector<diagnostic> { return validator(*this).run(); }

void timeline_builder::check_journey(std::vector<std::size_t>& stops, std::vector<diagnostic>& out) const {
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

auto timeline_builder::freeze() && -> timeline {
  check_bounds();
  std::vector<diagnostic> diags = validate();
  bool bad = std::any_of(diags.begin(), diags.end(),
                         [](const diagnostic& d) { return d.severity == severity::error; });
  if (bad) throw validation_error("timeline", std::move(diags));

  auto store = std::make_shared<detail::timeline_store>();
  store->warnings = std::move(diags);
  store->actors = std::move(actors_);
  store->coverage = std::move(coverage_);
  sort_into_timeline_order();
  std::vector<std::string_view> ids;
  ids.reserve(store->actors.size());
  for (const auto& a : store->actors.actors()) ids.push_back(id_of(a).value());
  store->events = detail::event_store::build(events_, ids);
  detail::build_index(store->index, events_, store->events, store->actors);
  events_ = {};  // the builder is spent: its values are stored
  return timeline(std::move(store));
}

void timeline::throw_foreign_key() {
  throw error(
      "[diplo.query] an actor key of another timeline: keys are valid with the timeline "
      "that gave them (timeline::key) and its copies");
}

void timeline_builder::check_bounds() const {
  // The indexes number events and actor mentions in 32 bits (no_index is reserved).
  std::uint64_t mentions = 0;
  for (const event& e : events_) mentions += participant_count(e);
  if (const std::uint64_t most = detail::no_index - 1; events_.size() > most || mentions > most) {
    throw error(
        fmt::format("[diplo.timeline] too many events: {} events naming {} actors "
                    "in all (at most {} of each)",
                    events_.size(), mentions, most));
  }
}

void timeline_builder::sort_into_timeline_order() {
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
