// SPDX-License-Identifier: MIT
#include "flat.h"

#include <numeric>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <variant>

namespace diplo::bench::detail {
namespace {

auto days_of(date::sys_days d) noexcept -> day { return static_cast<day>(d.time_since_epoch().count()); }

/// actor_registry::country_of, from the person's offices directly.
auto home_of(const person* p, date::sys_days d) noexcept -> country_code {
  if (p == nullptr) return {};
  const office* possible = nullptr;
  for (const office& o : p->offices) {
    if (o.country.empty()) continue;
    const truth t = o.term.covers(d);
    if (t == truth::certainly) return o.country;
    if (t == truth::possibly && possible == nullptr) possible = &o;
  }
  return possible != nullptr ? possible->country : p->country;
}

}  // namespace

auto flatten(const io::document& doc, bool with_text) -> flat_world {
  flat_world w;
  const auto actors = doc.actors.actors();
  const auto na = static_cast<std::uint32_t>(actors.size());
  std::vector<const person*> persons(na, nullptr);
  w.actor_ids.reserve(na);
  w.actor_names.reserve(na);
  w.actor_number.reserve(na);
  for (std::uint32_t i = 0; i < na; ++i) {
    w.actor_ids.push_back(id_of(actors[i]).value());
    w.actor_names.push_back(name_of(actors[i]));
    w.actor_number.emplace(id_of(actors[i]).value(), i);
    persons[i] = std::get_if<person>(&actors[i]);
  }
  {
    std::vector<std::uint32_t> by_name(na);
    std::iota(by_name.begin(), by_name.end(), 0U);
    std::stable_sort(by_name.begin(), by_name.end(),
                     [&](std::uint32_t x, std::uint32_t y) { return w.actor_names[x] < w.actor_names[y]; });
    w.name_rank.assign(na, 0);
    for (std::uint32_t r = 0; r < na; ++r) w.name_rank[by_name[r]] = r;
  }

  // Timeline order (detail::order_key, then id): depth first, then sort.
  const auto& evs = doc.events;
  const auto n = static_cast<std::uint32_t>(evs.size());
  std::unordered_map<std::string_view, std::uint32_t> at;
  at.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) at.emplace(base(evs[i]).id.value(), i);
  std::vector<std::uint32_t> parent_in_doc(n, none);
  for (std::uint32_t i = 0; i < n; ++i) {
    if (const auto& p = base(evs[i]).parent) parent_in_doc[i] = at.at(p->value());
  }
  at = {};
  std::vector<std::uint16_t> depth(n, 0);
  for (std::uint32_t i = 0; i < n; ++i) {
    std::uint16_t d = 0;
    for (auto p = parent_in_doc[i]; p != none; p = parent_in_doc[p]) ++d;
    depth[i] = d;
  }
  struct sort_key {
    day es, ls, le, ee;
  };
  std::vector<sort_key> keys(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    const period& p = base(evs[i]).when;
    keys[i] = {days_of(p.earliest_start()), days_of(p.latest_start()), days_of(p.latest_end()),
               days_of(p.earliest_end())};
  }
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0U);
  std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
    const sort_key& a = keys[x];
    const sort_key& b = keys[y];
    if (a.es != b.es) return a.es < b.es;
    if (a.ls != b.ls) return a.ls < b.ls;
    if (a.le != b.le) return a.le > b.le;
    if (a.ee != b.ee) return a.ee > b.ee;
    if (depth[x] != depth[y]) return depth[x] < depth[y];
    return base(evs[x]).id < base(evs[y]).id;
  });
  std::vector<std::uint32_t> rank(n);
  for (std::uint32_t r = 0; r < n; ++r) rank[order[r]] = r;

  // Two passes in document order (the events are large; visiting them in timeline order
  // would jump around memory): count the participants, then fill everything by rank.
  auto for_each_participant = [](const event& e, auto&& f) {
    std::visit(
        [&](const auto& x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, visit>) {
            for (const auto& g : x.guests) f(g, role::guest);
            if (x.host) f(*x.host, role::host);
          } else if constexpr (std::is_same_v<T, meeting>) {
            for (const auto& m : x.participants) f(m, role::member);
          } else {
            if (x.host) f(*x.host, role::host);
            for (const auto& m : x.attendees) f(m, role::member);
          }
        },
        e);
  };
  w.events.resize(n);
  w.part_offsets.assign(n + 1, 0);
  w.max_span.assign(na, 0);
  if (with_text) {
    w.event_ids.resize(n);
    w.cities.resize(n);
  }
  std::vector<std::uint32_t> listed(n, 0);  // participants as listed (with repeats), by rank
  for (std::uint32_t i = 0; i < n; ++i) {
    std::uint32_t k = 0;
    for_each_participant(evs[i], [&](const actor_id&, role) { ++k; });
    listed[rank[i]] = k;
  }
  {
    std::vector<std::uint32_t> slot(n + 1, 0);  // upper bound of each event's slots
    for (std::uint32_t r = 0; r < n; ++r) slot[r + 1] = slot[r] + listed[r];
    listed.assign(slot.begin(), slot.end());
  }
  std::vector<flat_participant> slots(listed[n]);
  std::vector<std::uint32_t> kept(n, 0);  // participants kept (without repeats), by rank
  std::vector<flat_participant> mine;
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::uint32_t r = rank[i];
    const event& e = evs[i];
    const event_base& b = base(e);
    const period& p = b.when;
    flat_event& f = w.events[r];
    f.es = keys[i].es;
    f.ls = keys[i].ls;
    f.le = keys[i].le;
    if (auto first = p.first(); first && !first->has_unspecified_digits())
      f.start_hi = days_of(first->latest());
    auto last = p.last();
    f.end_ok = last && !last->has_unspecified_digits();
    f.exact = p.is_exact();
    f.parent = parent_in_doc[i] == none ? none : rank[parent_in_doc[i]];
    f.depth = depth[i];
    f.kind = static_cast<std::uint8_t>(e.index());
    f.status = static_cast<std::uint8_t>(b.status);
    if (const auto* m = std::get_if<meeting>(&e)) f.mode = static_cast<std::uint8_t>(m->mode);
    f.counts = b.status == status::occurred && in_person(e);
    f.country = country_of(e);
    if (with_text) {
      w.event_ids[r] = b.id.value();
      w.cities[r] = b.place.city;
    }
    // Participants in diplo's order (participants()), each once, with the role it first has.
    mine.clear();
    for_each_participant(e, [&](const actor_id& a, role what) {
      const std::uint32_t k = w.actor(a);
      for (const auto& m : mine) {
        if (m.actor == k) return;
      }
      mine.push_back({k, home_of(persons[k], p.earliest_start()), what});
    });
    std::sort(mine.begin(), mine.end(),
              [](const flat_participant& x, const flat_participant& y) { return x.actor < y.actor; });
    const day span = f.le - f.es;
    for (std::size_t k = 0; k < mine.size(); ++k) {
      slots[listed[r] + k] = mine[k];
      w.max_span[mine[k].actor] = std::max(w.max_span[mine[k].actor], span);
    }
    kept[r] = static_cast<std::uint32_t>(mine.size());
  }
  // Compact the slots (repeated participants leave holes) into the final array.
  for (std::uint32_t r = 0; r < n; ++r) w.part_offsets[r + 1] = w.part_offsets[r] + kept[r];
  w.parts.resize(w.part_offsets[n]);
  for (std::uint32_t r = 0; r < n; ++r) {
    std::copy_n(slots.begin() + listed[r], kept[r], w.parts.begin() + w.part_offsets[r]);
  }
  for (day s : w.max_span) w.global_max_span = std::max(w.global_max_span, s);
  return w;
}

auto core_bytes(const flat_world& w) -> std::size_t {
  return w.events.capacity() * sizeof(flat_event) + w.part_offsets.capacity() * sizeof(std::uint32_t) +
         w.parts.capacity() * sizeof(flat_participant) + w.name_rank.capacity() * sizeof(std::uint32_t) +
         w.max_span.capacity() * sizeof(day);
}

auto rank_contacts(std::vector<contact_count> all, const std::vector<std::uint32_t>& name_rank,
                   std::size_t top) -> std::vector<contact_count> {
  auto better = [&](const contact_count& x, const contact_count& y) {
    if (x.count != y.count) return x.count > y.count;
    return name_rank[x.actor] < name_rank[y.actor];
  };
  if (top < all.size()) {
    std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(top), all.end(), better);
    all.resize(top);
  } else {
    std::sort(all.begin(), all.end(), better);
  }
  return all;
}

}  // namespace diplo::bench::detail
