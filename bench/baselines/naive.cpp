// SPDX-License-Identifier: MIT
#include "naive.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "flat.h"

namespace diplo::bench {
namespace {

using detail::flat_event;
using detail::flat_world;
using detail::none;

/// What the scan and the pair hash share: the flat events and the scans over them.
class flat_engine : public engine {
 public:
  explicit flat_engine(flat_world w) : w_(std::move(w)) {}

  auto actor(const actor_id& id) const -> std::uint32_t override { return w_.actor(id); }

  auto trips(std::uint32_t a, country_code c, day from, day to) -> std::size_t override {
    std::vector<detail::trip_item> items;
    const auto n = static_cast<std::uint32_t>(w_.events.size());
    for (std::uint32_t e = 0; e < n; ++e) {
      const flat_event& f = w_.events[e];
      if (!f.counts || f.country.empty() || (!c.empty() && f.country != c)) continue;
      auto [b, end] = w_.participants(e);
      auto it = std::lower_bound(
          b, end, a, [](const detail::flat_participant& p, std::uint32_t x) { return p.actor < x; });
      if (it == end || it->actor != a || it->what == detail::role::host || it->home == f.country) continue;
      items.push_back({e, f.parent, f.es, f.ls, f.le, f.start_hi, f.exact, f.end_ok, f.country});
    }
    return detail::count_trips(items, from, to, [&](std::uint32_t p) { return w_.events[p].parent; });
  }

  auto where(std::uint32_t a, day d) -> std::vector<country_code> override {
    std::vector<country_code> out;
    const auto& ev = w_.events;
    auto end = std::partition_point(ev.begin(), ev.end(), [&](const flat_event& f) { return f.es <= d; });
    const long long horizon = static_cast<long long>(d) - w_.global_max_span;
    for (auto it = end; it != ev.begin();) {
      --it;
      if (it->es < horizon) break;
      if (!it->counts || it->le <= d) continue;
      if (w_.has(static_cast<std::uint32_t>(it - ev.begin()), a)) out.push_back(it->country);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  auto contacts(std::uint32_t a, std::size_t top) -> std::vector<contact_count> override {
    std::vector<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>> rows;
    const auto n = static_cast<std::uint32_t>(w_.events.size());
    for (std::uint32_t e = 0; e < n; ++e) {
      if (!w_.events[e].counts || !w_.has(e, a)) continue;
      auto [b, end] = w_.participants(e);
      for (auto it = b; it != end; ++it) {
        if (it->actor != a) rows.emplace_back(e, w_.events[e].parent, it->actor);
      }
    }
    auto all = detail::contacts_from_rows(rows, [&](std::uint32_t p) { return w_.events[p].parent; });
    return detail::rank_contacts(std::move(all), w_.name_rank, top);
  }

 protected:
  flat_world w_;

  /// The events sharing actors a and b within [after, before), for detail::encounter_day.
  struct source {
    const flat_world& w;
    std::uint32_t a, b;
    day after, before;
    auto parent(std::uint32_t e) const -> std::uint32_t { return w.events[e].parent; }
    auto shared(std::uint32_t e) const -> bool {
      const flat_event& f = w.events[e];
      return f.counts && f.ls < before && f.es >= after && w.has(e, a) && w.has(e, b);
    }
    auto specificity(std::uint32_t e) const -> std::pair<bool, std::uint16_t> {
      return {w.events[e].is_meeting(), w.events[e].depth};
    }
    auto es(std::uint32_t e) const -> day { return w.events[e].es; }
    template <class F>
    void children(std::uint32_t n, F&& f) const {
      // A child starts at the latest a day before its parent and ends at the latest a day
      // after it (else freeze() rejects it), so it starts in [n.es - 1 - max span, n.le].
      const auto& ev = w.events;
      const long long lo = static_cast<long long>(ev[n].es) - 1 - w.global_max_span;
      auto it = std::partition_point(ev.begin(), ev.end(), [&](const flat_event& x) { return x.es < lo; });
      for (; it != ev.end() && it->es <= ev[n].le; ++it) {
        if (it->parent == n) f(static_cast<std::uint32_t>(it - ev.begin()));
      }
    }
  };
};

class scan_engine final : public flat_engine {
 public:
  using flat_engine::flat_engine;
  auto name() const -> std::string_view override { return "scan"; }

  auto last_meeting(std::uint32_t a, std::uint32_t b, day before) -> std::optional<day> override {
    if (a == b) return std::nullopt;
    const auto& ev = w_.events;
    auto end = std::partition_point(ev.begin(), ev.end(), [&](const flat_event& f) { return f.es < before; });
    source src{w_, a, b, detail::no_day, before};
    for (auto it = end; it != ev.begin();) {
      --it;
      const auto e = static_cast<std::uint32_t>(it - ev.begin());
      if (src.shared(e)) return detail::encounter_day(src, e);
    }
    return std::nullopt;
  }

  auto meetings(std::uint32_t a, std::uint32_t b, day from, day to) -> std::size_t override {
    if (a == b) return 0;
    const auto& ev = w_.events;
    auto it = std::partition_point(ev.begin(), ev.end(), [&](const flat_event& f) { return f.es < from; });
    source src{w_, a, b, from, to};
    std::vector<std::pair<std::uint32_t, std::uint32_t>> shared;
    for (; it != ev.end() && it->es < to; ++it) {
      const auto e = static_cast<std::uint32_t>(it - ev.begin());
      if (src.shared(e)) shared.emplace_back(e, it->parent);
    }
    return detail::count_encounters(shared, [&](std::uint32_t p) { return ev[p].parent; });
  }

  auto memory_bytes() const -> std::size_t override { return detail::core_bytes(w_); }
};

class pair_hash_engine final : public flat_engine {
 public:
  explicit pair_hash_engine(flat_world w) : flat_engine(std::move(w)) {
    const auto n = static_cast<std::uint32_t>(w_.events.size());
    for (std::uint32_t e = 0; e < n; ++e) {
      if (!w_.events[e].counts) continue;
      auto [b, end] = w_.participants(e);
      for (auto x = b; x != end; ++x) {
        for (auto y = x + 1; y != end; ++y) pairs_[key(x->actor, y->actor)].emplace_back(w_.events[e].es, e);
      }
    }
    // Events are visited in timeline order, so every list is already sorted by (es, event).
    std::vector<std::uint32_t> count(n, 0);
    for (std::uint32_t e = 0; e < n; ++e) {
      if (w_.events[e].parent != none) ++count[w_.events[e].parent];
    }
    child_offsets_.assign(n + 1, 0);
    for (std::uint32_t e = 0; e < n; ++e) child_offsets_[e + 1] = child_offsets_[e] + count[e];
    children_.resize(child_offsets_[n]);
    std::vector<std::uint32_t> fill(child_offsets_.begin(), child_offsets_.end() - 1);
    for (std::uint32_t e = 0; e < n; ++e) {
      if (w_.events[e].parent != none) children_[fill[w_.events[e].parent]++] = e;
    }
  }

  auto name() const -> std::string_view override { return "pair-hash"; }

  auto last_meeting(std::uint32_t a, std::uint32_t b, day before) -> std::optional<day> override {
    if (a == b) return std::nullopt;
    const auto* list = find(a, b);
    if (list == nullptr) return std::nullopt;
    auto end = std::lower_bound(list->begin(), list->end(), std::pair(before, std::uint32_t{0}));
    for (auto it = end; it != list->begin();) {
      --it;
      if (w_.events[it->second].ls < before) {
        pair_source src{*this, *list, detail::no_day, before};
        return detail::encounter_day(src, it->second);
      }
    }
    return std::nullopt;
  }

  auto meetings(std::uint32_t a, std::uint32_t b, day from, day to) -> std::size_t override {
    if (a == b) return 0;
    const auto* list = find(a, b);
    if (list == nullptr) return 0;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> shared;
    auto it = std::lower_bound(list->begin(), list->end(), std::pair(from, std::uint32_t{0}));
    for (; it != list->end() && it->first < to; ++it) {
      if (w_.events[it->second].ls < to) shared.emplace_back(it->second, w_.events[it->second].parent);
    }
    return detail::count_encounters(shared, [&](std::uint32_t p) { return w_.events[p].parent; });
  }

  auto memory_bytes() const -> std::size_t override {
    std::size_t bytes = pairs_.bucket_count() * sizeof(void*);
    // libstdc++'s node: next pointer, the value, the cached hash.
    bytes += pairs_.size() *
             (sizeof(void*) + sizeof(std::pair<const std::uint64_t, list_type>) + sizeof(std::size_t));
    for (const auto& [k, v] : pairs_) bytes += v.capacity() * sizeof(list_type::value_type);
    bytes += w_.events.capacity() * sizeof(flat_event);
    bytes += (child_offsets_.capacity() + children_.capacity()) * sizeof(std::uint32_t);
    return bytes;
  }

 private:
  using list_type = std::vector<std::pair<day, std::uint32_t>>;
  std::unordered_map<std::uint64_t, list_type> pairs_;
  std::vector<std::uint32_t> child_offsets_;
  std::vector<std::uint32_t> children_;

  static auto key(std::uint32_t a, std::uint32_t b) noexcept -> std::uint64_t {
    if (a > b) std::swap(a, b);
    return (std::uint64_t{a} << 32) | b;
  }
  auto find(std::uint32_t a, std::uint32_t b) const -> const list_type* {
    auto it = pairs_.find(key(a, b));
    return it == pairs_.end() ? nullptr : &it->second;
  }

  /// Shared events are those in the pair's list, within the bounds.
  struct pair_source {
    const pair_hash_engine& self;
    const list_type& list;
    day after, before;
    auto parent(std::uint32_t e) const -> std::uint32_t { return self.w_.events[e].parent; }
    auto shared(std::uint32_t e) const -> bool {
      const flat_event& f = self.w_.events[e];
      if (f.ls >= before || f.es < after) return false;
      return std::binary_search(list.begin(), list.end(), std::pair(f.es, e));
    }
    auto specificity(std::uint32_t e) const -> std::pair<bool, std::uint16_t> {
      return {self.w_.events[e].is_meeting(), self.w_.events[e].depth};
    }
    auto es(std::uint32_t e) const -> day { return self.w_.events[e].es; }
    template <class F>
    void children(std::uint32_t n, F&& f) const {
      for (auto k = self.child_offsets_[n]; k < self.child_offsets_[n + 1]; ++k) f(self.children_[k]);
    }
  };
};

}  // namespace

auto make_scan(const io::document& doc) -> std::unique_ptr<engine> {
  return make_scan(detail::flatten(doc, false));
}

auto make_pair_hash(const io::document& doc) -> std::unique_ptr<engine> {
  return make_pair_hash(detail::flatten(doc, false));
}

auto make_scan(detail::flat_world w) -> std::unique_ptr<engine> {
  detail::drop_text(w);
  return std::make_unique<scan_engine>(std::move(w));
}

auto make_pair_hash(detail::flat_world w) -> std::unique_ptr<engine> {
  detail::drop_text(w);
  return std::make_unique<pair_hash_engine>(std::move(w));
}

}  // namespace diplo::bench
