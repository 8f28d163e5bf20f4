// SPDX-License-Identifier: MIT
#pragma once

// The trip rules and the timeline order, shared by freeze() (src/timeline.cpp) and the
// queries (src/query.cpp): when a person is visiting a country, how events make one trip,
// how events are ordered. The rules in words are the header essays of diplo/query.h (TRIPS)
// and diplo/timeline.h (the order). Internal.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include <date/date.h>

#include "diplo/country.h"
#include "diplo/detail/event_store.h"
#include "diplo/detail/timeline_index.h"
#include "diplo/error.h"
#include "diplo/event.h"
#include "diplo/period.h"

namespace diplo::detail {

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
inline auto visiting(const actor_id& guest, const stored_event& e, country_code home) -> bool {
  country_code c = e.country();
  if (c.empty() || home.empty() || c == home || !e.in_person()) return false;
  if (e.kind() == record_kind::visit) return e.lists(guest.value());
  return !e.hosted_by(guest.value());
}

/// The days of a trip whose events have the days `whens` (in timeline order, at least one):
/// from the first day of its first event to the last day of its last (see TRIPS in
/// diplo/query.h).
inline auto trip_period(std::span<const period> whens) -> period {
  if (whens.size() == 1) return whens.front();
  const period* first = &whens.front();
  const period* last = &whens.front();
  bool exact = true;
  for (const period& p : whens) {
    exact = exact && p.is_exact();
    if (p.earliest_start() < first->earliest_start()) first = &p;
    if (p.latest_end() > last->latest_end()) last = &p;
  }
  if (exact) return period::days(first->earliest_start(), last->latest_end() - date::days{1});
  auto a = first->first();
  auto b = last->last();
  if (a && b) {
    try {
      return period(*a, *b);
    } catch (const error&) {
    }
  }
  return *first;
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

}  // namespace diplo::detail
