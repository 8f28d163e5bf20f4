// SPDX-License-Identifier: MIT
// timeline_builder::check_consistency(): CONSISTENCY ACROSS RECORDS in diplo/timeline.h.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <date/date.h>
#include <fmt/format.h>

#include "diplo/detail/fold.h"
#include "diplo/timeline.h"

namespace diplo {
namespace {

auto day_number(date::sys_days d) noexcept -> std::int32_t { return d.time_since_epoch().count(); }

// "a.json:12" (the line is enough to find a record), a file alone, or "no known place".
auto place_of(const origin& o) -> std::string {
  if (o.file.empty() && o.line == 0) return "no known place";
  if (o.line == 0) return o.file;
  return fmt::format("{}:{}", o.file, o.line);
}

// One person placed in one country by one event: on every day of [first, stop) (the days
// the event certainly covers), or, for `some_day`, on at least one day of it, not said which
// (the days the event possibly covers).
struct stay {
  std::uint32_t person = 0;
  std::int32_t first = 0;
  std::int32_t stop = 0;
  std::uint32_t event = 0;
  bool some_day = false;
};

// Who an event places in its country (see "two countries"), and whether on some of its days
// only (the participants of a meeting, the attendees of a summit or ceremony: occasions held
// on some of the days recorded, while a visit is the guest's stay).
template <class F>
void for_each_placed(const event& e, F&& f) {
  if (const auto* v = std::get_if<visit>(&e)) {
    for (const actor_id& a : v->guests) f(a, false);
  } else if (const auto* m = std::get_if<meeting>(&e)) {
    for (const actor_id& a : m->participants) f(a, true);
  } else if (const auto* s = std::get_if<summit>(&e)) {
    for (const actor_id& a : s->attendees) f(a, true);
  } else if (const auto* c = std::get_if<ceremony>(&e)) {
    for (const actor_id& a : c->attendees) f(a, true);
  }
}

// Two countries one may be in on one day without travelling: an enclave and the country around it.
auto one_city(country_code a, country_code b) noexcept -> bool {
  constexpr country_code va = "VA";
  constexpr country_code it = "IT";
  constexpr country_code sm = "SM";
  constexpr country_code mc = "MC";
  constexpr country_code fr = "FR";
  auto pair = [&](country_code x, country_code y) { return (a == x && b == y) || (a == y && b == x); };
  return pair(it, va) || pair(it, sm) || pair(fr, mc);
}

// Whether an office's title is one of a head of state or government: its folded words
// hold one of these (and it is not a vice-, deputy or -elect title).
auto heads_office(std::string_view title) -> bool {
  static constexpr std::array<std::string_view, 22> heads = {"president",     "prime minister",
                                                             "premier",       "chancellor",
                                                             "king",          "queen",
                                                             "emperor",       "empress",
                                                             "emir",          "amir",
                                                             "sultan",        "shah",
                                                             "monarch",       "supreme leader",
                                                             "head of state", "head of government",
                                                             "taoiseach",     "pope",
                                                             "grand duke",    "chairman",
                                                             "presidente",    "primeiro ministro"};
  static constexpr std::array<std::string_view, 4> not_heads = {"vice", "deputy", "elect", "former"};
  std::string folded = " ";  // (not `" " + fold(...)`: GCC 12 -O3 warns wrongly on it, -Wrestrict)
  folded += detail::fold(title);
  folded += ' ';
  std::replace(folded.begin(), folded.end(), '-', ' ');
  auto has = [&](std::string_view word) {
    return folded.find(fmt::format(" {}", word)) != std::string::npos;
  };
  if (std::any_of(not_heads.begin(), not_heads.end(), has)) return false;
  return std::any_of(heads.begin(), heads.end(), has);
}

}  // namespace

namespace detail {

// The checks of check_consistency(), over a builder's events (its friend).
class consistency_checker {
 public:
  consistency_checker(const timeline_builder& b, std::span<const origin> actor_origins)
      : b_(b), events_(b.events_), actor_origins_(actor_origins) {}

  auto run() -> std::vector<diagnostic> {
    number_roots();
    check_countries();
    check_terms();
    // In event order, as validate() reports.
    std::stable_sort(out_.begin(), out_.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<diagnostic> out;
    out.reserve(out_.size());
    for (auto& [i, d] : out_) out.push_back(std::move(d));
    cap_diagnostics(out);
    return out;
  }

 private:
  const timeline_builder& b_;
  const std::vector<event>& events_;
  std::span<const origin> actor_origins_;
  std::vector<std::pair<std::size_t, diagnostic>> out_;
  std::vector<std::uint32_t> root_;       // each event's outermost parent (itself when none)
  std::vector<std::string_view> people_;  // the ids of the people numbered in stays()

  void warn(std::size_t i, std::string msg) {
    out_.emplace_back(i, b_.diag(i, severity::warning, std::move(msg)));
  }

  // Each event's root: its parents followed up, at most max_nesting + 1 steps (a cycle or a
  // chain too deep is validate()'s error; here it only has to end).
  void number_roots() {
    std::unordered_map<std::string_view, std::uint32_t> by_id;
    for (std::size_t i = 0; i < events_.size(); ++i) by_id.try_emplace(base(events_[i]).id.value(), i);
    root_.resize(events_.size());
    for (std::size_t i = 0; i < events_.size(); ++i) {
      auto at = static_cast<std::uint32_t>(i);
      for (std::size_t step = 0; step <= timeline_builder::max_nesting; ++step) {
        const auto& parent = base(events_[at]).parent;
        if (!parent) break;
        auto it = by_id.find(parent->value());
        if (it == by_id.end() || it->second == at) break;
        at = it->second;
      }
      root_[i] = at;
    }
  }

  // The stays of every person in every event that places them (see "two countries"),
  // sorted by person, then first day, then the longer first.
  auto stays() -> std::vector<stay> {
    std::unordered_map<std::string_view, std::uint32_t> number;
    std::vector<stay> out;
    for (std::size_t i = 0; i < events_.size(); ++i) {
      const event& e = events_[i];
      const event_base& b = base(e);
      if (b.id.value().empty() || b.status != status::occurred || !in_person(e) || country_of(e).empty()) {
        continue;
      }
      // Certainly on these days, or (an occasion of several possible days) on some.
      const std::int32_t first = day_number(b.when.latest_start());
      const std::int32_t stop = day_number(b.when.earliest_end());
      const std::int32_t some_first = day_number(b.when.earliest_start());
      const std::int32_t some_stop = day_number(b.when.latest_end());
      const std::size_t mine = out.size();
      for_each_placed(e, [&](const actor_id& a, bool some_day) {
        some_day = some_day && some_stop - some_first > 1;
        if (!some_day && stop <= first) return;  // no day certainly covered
        const auto [it, fresh] = number.try_emplace(a.value(), static_cast<std::uint32_t>(people_.size()));
        if (fresh) people_.push_back(a.value());
        const std::uint32_t n = it->second;
        for (std::size_t k = mine; k < out.size(); ++k) {
          if (out[k].person == n) return;  // listed twice: validate()'s error
        }
        if (some_day) {
          out.push_back({n, some_first, some_stop, static_cast<std::uint32_t>(i), true});
        } else {
          out.push_back({n, first, stop, static_cast<std::uint32_t>(i), false});
        }
      });
    }
    std::sort(out.begin(), out.end(), [](const stay& x, const stay& y) {
      if (x.person != y.person) return x.person < y.person;
      if (x.first != y.first) return x.first < y.first;
      if (x.stop != y.stop) return x.stop > y.stop;
      return x.event < y.event;
    });
    return out;
  }

  // Whether two stays of one person, `a` starting no later than `s`, place them in two
  // countries on the same day (the rule of "two countries").
  [[nodiscard]] auto in_conflict(const stay& a, const stay& s) const -> bool {
    const std::int32_t shared = std::min(a.stop, s.stop) - s.first;
    if (shared <= 0 || a.event == s.event || (a.some_day && s.some_day)) return false;
    const event& x = events_[a.event];
    const event& y = events_[s.event];
    const country_code cx = country_of(x);
    const country_code cy = country_of(y);
    if (cx == cy || one_city(cx, cy) || root_[a.event] == root_[s.event]) return false;
    if (!base(x).journey.empty() && base(x).journey == base(y).journey) return false;
    // A day strictly inside a stay: not its first or last day.
    auto inside = [](const stay& t, std::int32_t d) { return t.first < d && d + 1 < t.stop; };
    // Some day of a gathering: every one of its possible days strictly inside the other stay.
    if (a.some_day) return inside(s, a.first) && inside(s, a.stop - 1);
    if (s.some_day) return inside(a, s.first) && inside(a, s.stop - 1);
    if (shared >= 2) return true;
    // One day: a travel day unless it lies strictly inside one of the two.
    return inside(a, s.first) || inside(s, s.first);
  }

  void check_countries() {
    const std::vector<stay> all = stays();
    std::vector<stay> running;  // the person's stays that may still share a day with the next
    std::vector<std::size_t> warned(events_.size(), 0);
    // The pairs of roots (event trees) already reported for the person: talks inside a visit
    // in conflict with another trip are that visit's conflict, reported once.
    std::unordered_set<std::uint64_t> reported;
    for (std::size_t k = 0; k < all.size(); ++k) {
      const stay& s = all[k];
      if (k == 0 || all[k - 1].person != s.person) {
        running.clear();
        reported.clear();
      }
      std::erase_if(running, [&](const stay& a) { return a.stop <= s.first; });
      for (const stay& a : running) {
        if (warned[s.event] >= max_conflict_warnings) break;
        if (!in_conflict(a, s)) continue;
        const std::uint64_t x = root_[a.event];
        const std::uint64_t y = root_[s.event];
        if (!reported.insert(std::min(x, y) << 32 | std::max(x, y)).second) continue;
        ++warned[s.event];
        warn_conflict(a, s);
      }
      running.push_back(s);
      if (running.size() > max_conflict_window) {
        running.erase(std::min_element(running.begin(), running.end(),
                                       [](const stay& x, const stay& y) { return x.stop < y.stop; }));
      }
    }
  }

  void warn_conflict(const stay& a, const stay& s) {
    const event& x = events_[a.event];
    const event& y = events_[s.event];
    const std::string_view who = people_[s.person];
    auto days_of = [](const stay& t) {
      const date::sys_days first{date::days{t.first}};
      return period::days(first, first + date::days{t.stop - t.first - 1});
    };
    auto on = [&](const stay& t, const event& e) {
      return t.some_day ? fmt::format("on some day of {}", base(e).when) : fmt::format("on {}", base(e).when);
    };
    std::string why;
    if (a.some_day || s.some_day) {
      const stay& gathering = a.some_day ? a : s;
      why = fmt::format("every day of {} lies inside the other's days", days_of(gathering));
    } else {
      const std::int32_t shared = std::min(a.stop, s.stop) - s.first;
      const date::sys_days from{date::days{s.first}};
      why = fmt::format("{} shared, {}", period::days(from, from + date::days{shared - 1}),
                        shared == 1 ? "strictly inside one of the two" : fmt::format("{} days", shared));
    }
    warn(s.event, fmt::format("\"{}\" is placed in {} {} and in {} {} by \"{}\" ({}): two countries on the "
                              "same days ({})",
                              who, country_of(y), on(s, y), country_of(x), on(a, x), base(x).id.value(),
                              place_of(b_.origins_[a.event]), why));
  }

  // "off term": a visit away from every office of its guest.
  void check_terms() {
    const actor_registry& reg = b_.actors_;
    for (std::size_t i = 0; i < events_.size(); ++i) {
      const auto* v = std::get_if<visit>(&events_[i]);
      if (v == nullptr || v->id.value().empty() || v->status != status::occurred) continue;
      for (const actor_id& g : v->guests) {
        const person* p = reg.person_of(g);
        if (p == nullptr || p->offices.empty() || !off_term(*p, v->when)) continue;
        std::string known;
        for (const office& o : p->offices) known += fmt::format("{}{}", known.empty() ? "" : "; ", o);
        const std::size_t at = reg.position(g).value_or(0);
        const origin recorded = at < actor_origins_.size() ? actor_origins_[at] : origin{};
        warn(i, fmt::format("guest \"{}\" held none of their recorded offices within {} days of this visit "
                            "({}): {} (the actor is recorded at {}); a trip outside the known terms, a "
                            "wrong date, or another person of that name",
                            g, timeline_builder::term_margin.count(), v->when, known, place_of(recorded)));
      }
    }
  }

  // Whether `p` has a head's term and every office lies clearly away from `when`.
  static auto off_term(const person& p, const period& when) -> bool {
    const auto& offices = p.offices;
    auto term = [](const office& o) {
      return o.term.latest_end() - o.term.earliest_start() >= timeline_builder::min_term &&
             heads_office(o.title);
    };
    if (std::none_of(offices.begin(), offices.end(), term)) return false;
    const date::days margin = timeline_builder::term_margin;
    return std::all_of(offices.begin(), offices.end(), [&](const office& o) {
      // Days between the latest possible end of one and the earliest possible start of the
      // other (exclusive ends: 0 when one ends the day before the other starts).
      return when.latest_end() + margin <= o.term.earliest_start() ||
             o.term.latest_end() + margin <= when.earliest_start();
    });
  }
};

}  // namespace detail

auto timeline_builder::check_consistency(std::span<const origin> actor_origins) const
    -> std::vector<diagnostic> {
  return detail::consistency_checker(*this, actor_origins).run();
}

}  // namespace diplo
