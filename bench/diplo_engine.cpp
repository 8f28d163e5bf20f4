// SPDX-License-Identifier: MIT
// diplo behind the engine interface (bench/diplo_engine.h).

#include "diplo_engine.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include <diplo/query.h>

namespace diplo::bench {

namespace {

auto sys(day d) -> date::sys_days { return date::sys_days{date::days{d}}; }
auto num(date::sys_days d) -> day { return static_cast<day>(d.time_since_epoch().count()); }

class diplo_engine final : public engine {
 public:
  // Actors are looked up once, as every engine's are (the harness asks by number): the
  // queries that take keys get keys, the others ids.
  diplo_engine(const timeline& t, std::size_t bytes) : t_(t), bytes_(bytes) {
    ids_.resize(t.actors().size());
    for (const auto& a : t.actors().actors()) ids_[*t.actor_number(id_of(a))] = id_of(a);
    for (const auto& a : ids_) keys_.push_back(*t.key(a));
  }

  auto name() const -> std::string_view override { return "diplo"; }

  auto actor(const actor_id& a) const -> std::uint32_t override { return t_.actor_number(a).value(); }

  auto last_meeting(std::uint32_t a, std::uint32_t b, day before) -> std::optional<day> override {
    auto r = diplo::last_meeting(t_, keys_[a], keys_[b], {.before = sys(before)});
    if (!r) return std::nullopt;
    return num(r->event.when().earliest_start());
  }

  auto meetings(std::uint32_t a, std::uint32_t b, day from, day to) -> std::size_t override {
    return diplo::count_meetings(t_, keys_[a], keys_[b], {.before = sys(to), .after = sys(from)});
  }

  auto trips(std::uint32_t a, country_code c, day from, day to) -> std::size_t override {
    return diplo::count_visits(t_, {.guest = ids_[a], .host_country = c, .from = sys(from), .to = sys(to)});
  }

  auto where(std::uint32_t a, day d) -> std::vector<country_code> override {
    std::vector<country_code> out;
    for (const auto& w : diplo::where(t_, keys_[a], sys(d))) out.push_back(w.event.country());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  auto contacts(std::uint32_t a, std::size_t top) -> std::vector<contact_count> override {
    std::vector<contact_count> out;
    for (const auto& c : diplo::contacts(t_, ids_[a], {}, top)) {
      out.push_back({*t_.actor_number(c.counterpart), static_cast<std::uint32_t>(c.count)});
    }
    return out;
  }

  auto memory_bytes() const -> std::size_t override { return bytes_; }

 private:
  const timeline& t_;
  std::size_t bytes_;
  std::vector<actor_id> ids_;
  std::vector<actor_key> keys_;
};

}  // namespace

auto make_diplo(const timeline& t, std::size_t bytes) -> std::unique_ptr<engine> {
  return std::make_unique<diplo_engine>(t, bytes);
}

}  // namespace diplo::bench
