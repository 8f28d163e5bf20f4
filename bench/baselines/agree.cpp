// SPDX-License-Identifier: MIT
// The proof that the benchmark compares like with like: every baseline engine answers every
// question exactly as diplo does, on the bundled dataset and on small synthetic worlds, for
// many sampled parameters (pairs that met and pairs that never did, days inside and outside
// careers, countries visited and not). Prints every disagreement (the first few per engine and
// question in full) and exits non-zero on any, or when the samples turn out trivial (too few
// questions with a non-empty answer to show anything).
//
//   agree [EVENTS]     (default 3000 events for the synthetic worlds)

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <diplo/data.h>
#include <diplo/diplo.h>
#include <diplo/io/json.h>
#include <diplo/synthetic.h>

#include "engine.h"

namespace {

using diplo::bench::day;
using diplo::bench::engine;

using diplo::bench::rng;

auto sys(day d) -> date::sys_days { return date::sys_days{date::days{d}}; }
auto ds(day d) -> std::string { return date::format("%F", sys(d)); }
auto num(date::sys_days d) -> day { return static_cast<day>(d.time_since_epoch().count()); }

struct tally {
  std::size_t asked = 0;
  std::size_t nonempty = 0;  // questions whose diplo answer is not empty / zero
  std::size_t wrong = 0;
};

class checker {
 public:
  checker(std::string world, const diplo::io::document& doc)
      : world_(std::move(world)), t_(diplo::io::build(diplo::io::document(doc))) {
    engines_.push_back(diplo::bench::make_scan(doc));
    engines_.push_back(diplo::bench::make_pair_hash(doc));
    engines_.push_back(diplo::bench::make_sqlite(doc, diplo::bench::sqlite_schema::normalised));
    engines_.push_back(diplo::bench::make_sqlite(doc, diplo::bench::sqlite_schema::clustered));
    engines_.push_back(diplo::bench::make_sqlite(doc, diplo::bench::sqlite_schema::pairs));
    for (const auto& a : t_.actors().actors()) ids_.push_back(diplo::id_of(a));
    // Every engine numbers actors in registry order, as diplo's index does.
    for (std::uint32_t k = 0; k < ids_.size(); ++k) {
      for (const auto& e : engines_) {
        if (e->actor(ids_[k]) != k || t_.actor_number(ids_[k]) != k) {
          report("actor numbering", e->name(),
                 fmt::format("{} is {} (want {})", ids_[k], e->actor(ids_[k]), k));
        }
      }
    }
  }

  void last_meeting(std::uint32_t a, std::uint32_t b, day before) {
    std::optional<day> want;
    if (auto r = diplo::last_meeting(t_, ids_[a], ids_[b], {.before = sys(before)})) {
      want = num(r->when().earliest_start());
    }
    check(
        "last_meeting", want.has_value(), fmt::format("({}, {}, before {})", ids_[a], ids_[b], ds(before)),
        [&](engine& e) { return show(e.last_meeting(a, b, before)); }, show(want));
  }

  void meetings(std::uint32_t a, std::uint32_t b, day from, day to) {
    const std::size_t want =
        diplo::meetings(t_, ids_[a], ids_[b], {.before = sys(to), .after = sys(from)}).size();
    check(
        "meetings", want != 0, fmt::format("({}, {}, {} .. {})", ids_[a], ids_[b], ds(from), ds(to)),
        [&](engine& e) { return fmt::format("{}", e.meetings(a, b, from, to)); }, fmt::format("{}", want));
  }

  void trips(std::uint32_t a, diplo::country_code c, day from, day to) {
    const diplo::visit_filter f{.guest = ids_[a], .host_country = c, .from = sys(from), .to = sys(to)};
    // The definition is visits() (trips_of and trip_period in diplo/query.h); count_visits
    // must count the same trips, and the engines must too.
    const std::size_t want = diplo::visits(t_, f).size();
    const std::size_t counted = diplo::count_visits(t_, f);
    const std::string params = fmt::format("({}, {}, {} .. {})", ids_[a], c, ds(from), ds(to));
    if (counted != want) {
      report("trips", "diplo::count_visits",
             fmt::format("{} = {}, but diplo::visits() returns {} trips", params, counted, want));
    }
    check(
        "trips", want != 0, params, [&](engine& e) { return fmt::format("{}", e.trips(a, c, from, to)); },
        fmt::format("{}", want));
  }

  void where(std::uint32_t a, day d) {
    std::vector<diplo::country_code> want;
    for (const auto& w : diplo::where(t_, ids_[a], sys(d))) want.push_back(w.event.country());
    std::sort(want.begin(), want.end());
    want.erase(std::unique(want.begin(), want.end()), want.end());
    check(
        "where", !want.empty(), fmt::format("({}, {})", ids_[a], ds(d)),
        [&](engine& e) { return show(e.where(a, d)); }, show(want));
  }

  void contacts(std::uint32_t a, std::size_t top) {
    std::vector<diplo::bench::contact_count> want;
    for (const auto& c : diplo::contacts(t_, ids_[a])) {
      if (want.size() == top) break;
      want.push_back({*t_.actor_number(c.counterpart), static_cast<std::uint32_t>(c.count)});
    }
    check(
        "contacts", !want.empty(), fmt::format("({}, top {})", ids_[a], top),
        [&](engine& e) { return show(e.contacts(a, top)); }, show(want));
  }

  auto timeline() const -> const diplo::timeline& { return t_; }
  auto actors() const -> std::size_t { return ids_.size(); }

  /// Prints the tallies; false when anything disagreed or the samples were trivial.
  auto summary(std::size_t min_share = 5) const -> bool {
    bool ok = failures_ == 0;
    for (const auto& [q, t] : tallies_) {
      fmt::print("  {:<8} {:<13} {:>5} asked, {:>5} with an answer, {} wrong\n", world_, q, t.asked,
                 t.nonempty, t.wrong);
      // At least 1/min_share of the questions must have a non-empty answer, or they prove little.
      if (t.nonempty * min_share < t.asked) {
        fmt::print("  {}: too few {} questions with an answer ({} of {})\n", world_, q, t.nonempty, t.asked);
        ok = false;
      }
    }
    for (const auto& e : engines_) {
      fmt::print(
          "  {:<8} {:<18} {:>10} bytes ({:.0f} B/event)\n", world_, e->name(), e->memory_bytes(),
          static_cast<double>(e->memory_bytes()) / static_cast<double>(std::max<std::size_t>(t_.size(), 1)));
    }
    return ok;
  }

 private:
  std::string world_;
  diplo::timeline t_;
  std::vector<diplo::actor_id> ids_;
  std::vector<std::unique_ptr<engine>> engines_;
  std::map<std::string, tally> tallies_;
  std::map<std::string, std::size_t> shown_;
  std::size_t failures_ = 0;

  static auto show(const std::optional<day>& d) -> std::string { return d ? ds(*d) : std::string("none"); }
  static auto show(const std::vector<diplo::country_code>& v) -> std::string {
    std::vector<std::string> s;
    for (auto c : v) s.push_back(c.empty() ? std::string("--") : std::string(c.alpha2()));
    return fmt::format("[{}]", fmt::join(s, " "));
  }
  static auto show(const std::vector<diplo::bench::contact_count>& v) -> std::string {
    std::vector<std::string> s;
    for (auto c : v) s.push_back(fmt::format("{}:{}", c.actor, c.count));
    return fmt::format("[{}]", fmt::join(s, " "));
  }

  void report(std::string_view question, std::string_view engine_name, const std::string& what) {
    ++failures_;
    auto& n = shown_[fmt::format("{}/{}", engine_name, question)];
    if (++n <= 5) fmt::print("MISMATCH {} {} {}: {}\n", world_, engine_name, question, what);
  }

  template <class Ask>
  void check(const std::string& question, bool nonempty, const std::string& params, Ask&& ask,
             const std::string& want) {
    tally& t = tallies_[question];
    ++t.asked;
    if (nonempty) ++t.nonempty;
    bool any_wrong = false;
    for (const auto& e : engines_) {
      std::string got = ask(*e);
      if (got != want) {
        any_wrong = true;
        report(question, e->name(), fmt::format("{} = {}, diplo says {}", params, got, want));
      }
    }
    if (any_wrong) ++t.wrong;
  }
};

/// A small world of the cases the samples of the synthetic worlds rarely reach: trips built
/// from partial dates (a start month whose latest day lies after the event's end, a year-long
/// visit absorbing the visits of that year), talks nested two deep (meeting inside a ceremony
/// inside a visit, the ceremony without the counterpart), a summit the host attends, calls
/// and cancelled visits (which do not count), a person both guest and host, and a person with
/// two offices in two countries. Every question is asked on a grid of parameters.
auto edge_world() -> diplo::io::document {
  using diplo::actor_id;
  using diplo::period;
  diplo::io::document d;
  auto person = [&](const char* id, const char* name, diplo::country_code c,
                    std::vector<diplo::office> offices = {}) {
    d.actors.add(
        diplo::person{.id = actor_id{id}, .name = name, .country = c, .offices = std::move(offices)});
  };
  person("ana", "Ana", "CN");
  person("boris", "Boris", "RU");
  person("chloe", "Chloé", "FR");
  person("dmitri", "Dmitri", "RU",
         {diplo::office{.title = "Envoy", .country = "FR", .term = period::parse("2024-01-01/2024-06-30")},
          diplo::office{.title = "Minister", .country = "RU", .term = period::parse("2024-07-01/..")}});
  person("eve", "Ana", "FR");  // the same name as ana: ties in the contacts ranking go by registry order
  auto base = [](const char* id, const char* when, diplo::country_code c, const char* parent = nullptr) {
    diplo::event_base b;
    b.id = diplo::event_id{id};
    b.when = period::parse(when);
    b.place.country = c;
    b.place.city = "City";
    if (parent != nullptr) b.parent = diplo::event_id{parent};
    return b;
  };
  auto visit = [&](const char* id, const char* when, diplo::country_code c, std::vector<const char*> guests,
                   const char* host, const char* parent = nullptr,
                   diplo::status st = diplo::status::occurred) {
    diplo::visit v;
    static_cast<diplo::event_base&>(v) = base(id, when, c, parent);
    v.status = st;
    for (const char* g : guests) v.guests.emplace_back(g);
    v.host_country = c;
    if (host != nullptr) v.host = actor_id{host};
    d.events.emplace_back(std::move(v));
  };
  auto meeting = [&](const char* id, const char* when, diplo::country_code c, std::vector<const char*> who,
                     const char* parent = nullptr, diplo::meeting_mode m = diplo::meeting_mode::in_person) {
    diplo::meeting x;
    static_cast<diplo::event_base&>(x) = base(id, when, c, parent);
    for (const char* a : who) x.participants.emplace_back(a);
    x.mode = m;
    d.events.emplace_back(std::move(x));
  };
  auto summit = [&](const char* id, const char* when, diplo::country_code c, const char* host,
                    std::vector<const char*> who, const char* parent = nullptr) {
    diplo::summit x;
    static_cast<diplo::event_base&>(x) = base(id, when, c, parent);
    x.name = id;
    x.host_country = c;
    if (host != nullptr) x.host = actor_id{host};
    for (const char* a : who) x.attendees.emplace_back(a);
    d.events.emplace_back(std::move(x));
  };
  auto ceremony = [&](const char* id, const char* when, diplo::country_code c, std::vector<const char*> who,
                      const char* parent = nullptr) {
    diplo::ceremony x;
    static_cast<diplo::event_base&>(x) = base(id, when, c, parent);
    x.name = id;
    for (const char* a : who) x.attendees.emplace_back(a);
    d.events.emplace_back(std::move(x));
  };
  // A trip from a start month that ends on an exact day, then an exact visit joining it.
  visit("v1", "2024-10/2024-10-05", "RU", {"ana"}, "boris");
  visit("v2", "2024-10-04/2024-10-08", "RU", {"ana"}, "boris");
  // A year-long visit absorbing that year's visits to the same country.
  visit("v3", "2023", "FR", {"ana"}, "chloe");
  visit("v4", "2023-03-01/2023-03-03", "FR", {"ana"}, "chloe");
  visit("v5", "2023-12-30/2024-01-02", "FR", {"ana"}, "chloe");
  // Nested two deep: a meeting inside a ceremony inside a visit; boris is not at the ceremony.
  visit("v6", "2022-05-07/2022-05-10", "RU", {"ana"}, "boris");
  ceremony("c1", "2022-05-09", "RU", {"ana", "chloe"}, "v6");
  meeting("m1", "2022-05-09", "RU", {"ana", "boris"}, "c1");
  meeting("m2", "2022-05-08", "RU", {"ana", "boris"}, "v6");
  // A summit hosted by boris, with talks on its sidelines and on its eve.
  summit("s1", "2021-06-10/2021-06-12", "RU", "boris", {"ana", "chloe", "dmitri", "eve"});
  meeting("m3", "2021-06-11", "RU", {"ana", "chloe"}, "s1");
  meeting("m4", "2021-06-09", "RU", {"ana", "boris"}, "s1");
  meeting("m5", "2021-06-12", "RU", {"chloe", "dmitri", "eve"}, "s1");
  // Calls and cancelled visits do not count; a month-precision meeting; a guest who also hosts.
  meeting("call", "2024-02-01", {}, {"ana", "boris"}, nullptr, diplo::meeting_mode::phone);
  visit("v7", "2024-03-01/2024-03-02", "RU", {"ana"}, "boris", nullptr, diplo::status::cancelled);
  meeting("m6", "2024-11", "CN", {"ana", "boris"});
  visit("v8", "2024-05-01/2024-05-03", "FR", {"dmitri", "boris"}, "dmitri");
  visit("v9", "2024-08-01/2024-08-03", "FR", {"dmitri"}, "chloe");
  visit("v10", "2024-08-03/2024-08-05", "FR", {"dmitri"}, "chloe");
  meeting("m7", "2024-08-04", "FR", {"dmitri", "chloe", "eve"}, "v10");
  return d;
}

/// Asks every question on a grid of parameters (small worlds only).
auto run_grid(const std::string& world, const diplo::io::document& doc) -> bool {
  checker c(world, doc);
  const auto na = static_cast<std::uint32_t>(c.actors());
  const day lo = num(date::sys_days{date::year{2021} / 6 / 1});
  const day hi = num(date::sys_days{date::year{2025} / 1 / 5});
  std::vector<diplo::country_code> countries{"RU", "FR", "CN", {}};
  for (std::uint32_t a = 0; a < na; ++a) {
    for (std::uint32_t b = 0; b < na; ++b) {
      for (day d = lo; d <= hi; d += 3) {
        c.last_meeting(a, b, d);
        c.meetings(a, b, d, d + 17);
        c.meetings(a, b, lo - 1000, d);
      }
    }
    for (day d = lo; d <= hi; d += 2) {
      c.where(a, d);
      for (auto country : countries) {
        c.trips(a, country, d, d + 3);
        c.trips(a, country, d - 400, d);
      }
    }
    for (std::size_t top : {1, 2, 10}) c.contacts(a, top);
  }
  return c.summary(20);  // a grid asks about many empty days
}

/// Samples every question on one world.
auto run(const std::string& world, const diplo::io::document& doc, std::size_t samples, std::uint64_t seed)
    -> bool {
  checker c(world, doc);
  const diplo::timeline& t = c.timeline();
  const auto& ix = t.index();
  rng r{seed};
  const auto n = static_cast<std::uint32_t>(t.size());
  const auto na = static_cast<std::uint32_t>(c.actors());
  if (n == 0 || na < 2) return false;
  // A day near an event's days: before, on, inside, just after, or far from it.
  auto near = [&](std::uint32_t e) -> day {
    const diplo::period p = t.at(e).when();
    const day es = num(p.earliest_start());
    const day le = num(p.latest_end());
    switch (r.below(8)) {
      case 0: return es;
      case 1: return es + 1;
      case 2: return es - 1;
      case 3: return le;
      case 4: return le - 1;
      case 5: return es + static_cast<day>(r.below(static_cast<std::size_t>(std::max(le - es, 1))));
      case 6: return es - static_cast<day>(r.below(4000));
      default: return es + static_cast<day>(r.below(4000));
    }
  };
  auto any_day = [&]() -> day {
    switch (r.below(6)) {
      case 0: return num(date::sys_days{date::year{1900} / 1 / 1});
      case 1: return num(date::sys_days{date::year{2100} / 1 / 1});
      default: return num(date::sys_days{date::year{1950} / 1 / 1}) + static_cast<day>(r.below(76 * 366));
    }
  };
  // The actor numbers of event e's participants, sorted.
  auto participants_of = [&](std::uint32_t e) {
    const auto everyone = t.stored().everyone(e);
    std::vector<std::uint32_t> out(everyone.begin(), everyone.end());
    std::sort(out.begin(), out.end());
    return out;
  };
  // Two participants of one event (and the event).
  auto pair_that_met = [&]() -> std::tuple<std::uint32_t, std::uint32_t, std::uint32_t> {
    for (;;) {
      const auto e = static_cast<std::uint32_t>(r.below(n));
      const auto actors = participants_of(e);
      if (actors.size() < 2) continue;
      const auto x = r.below(actors.size());
      auto y = r.below(actors.size() - 1);
      if (y >= x) ++y;
      return {actors[x], actors[y], e};
    }
  };
  auto some_event_of = [&](std::uint32_t a) -> std::uint32_t {
    auto list = ix.actor_events.of(a);
    return list.empty() ? static_cast<std::uint32_t>(r.below(n)) : list[r.below(list.size())];
  };
  for (std::size_t k = 0; k < samples; ++k) {
    // last_meeting and meetings: pairs that met (3 in 4), random pairs, and a == b now and then.
    auto [a, b, met] = pair_that_met();
    if (r.below(4) == 0) {
      a = static_cast<std::uint32_t>(r.below(na));
      b = static_cast<std::uint32_t>(r.below(na));
    }
    const std::uint32_t e = r.below(2) == 0 ? met : some_event_of(a);
    const day before = r.below(5) == 0 ? any_day() : near(e);
    c.last_meeting(a, b, before);
    // A range around the event: sometimes starting or ending right on it.
    const day at = near(e);
    day from = r.below(5) == 0 ? any_day() : at - static_cast<day>(r.below(r.below(3) == 0 ? 2 : 3000));
    day to = std::max(from, at) + static_cast<day>(r.below(r.below(3) == 0 ? 3 : 3000));
    c.meetings(a, b, from, to);

    // trips: a visit's guest and its country, or a random country; a range around it.
    std::uint32_t g = static_cast<std::uint32_t>(r.below(na));
    diplo::country_code country = t.at(r.below(n)).country();
    for (int tries = 0; tries < 20; ++tries) {
      const auto v = static_cast<std::uint32_t>(r.below(n));
      const diplo::event ev = t.at(v).value();
      const auto* vis = std::get_if<diplo::visit>(&ev);
      if (vis == nullptr && r.below(3) != 0) continue;
      const auto actors = participants_of(v);
      g = actors[r.below(actors.size())];
      if (vis != nullptr && !vis->guests.empty())
        g = *t.actor_number(vis->guests[r.below(vis->guests.size())]);
      if (r.below(6) != 0) country = diplo::country_of(ev);
      from = r.below(6) == 0 ? any_day() : near(v);
      break;
    }
    to = from + static_cast<day>(r.below(r.below(2) == 0 ? 60 : 8000));
    if (r.below(3) == 0) std::swap(from, to -= static_cast<day>(r.below(20000)));
    c.trips(g, country, from, to);

    // where: a participant of an event, on a day near it (or any day).
    const auto w = static_cast<std::uint32_t>(r.below(n));
    const auto wa = participants_of(w);
    const std::uint32_t who = wa.empty() ? static_cast<std::uint32_t>(r.below(na)) : wa[r.below(wa.size())];
    c.where(who, r.below(6) == 0 ? any_day() : near(w));

    // contacts: someone with events, several sizes of ranking.
    if (k % 4 == 0) {
      const std::size_t tops[] = {1, 3, 10, 1000};
      c.contacts(std::get<0>(pair_that_met()), tops[r.below(4)]);
    }
  }
  return c.summary();
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::size_t events = argc > 1 ? std::stoul(argv[1]) : 3000;
    bool ok = run_grid("edge", edge_world());
    {
      auto doc = diplo::io::read_json(diplo::data::xi_putin_json(), "xi-putin.json");
      ok = run("xi-putin", doc, 600, 1) && ok;
    }
    {
      auto doc = diplo::synthetic::generate({.events = events, .seed = 2025});
      ok = run("world", doc, 800, 2) && ok;
    }
    {
      // A small, dense world: few countries and leaders, so pairs meet often, summits gather
      // the same people, and talks nest inside the summits both attended.
      auto doc =
          diplo::synthetic::generate({.events = events, .seed = 7, .countries = 8, .leaders_per_country = 3});
      ok = run("dense", doc, 800, 3) && ok;
    }
    fmt::print("{}\n", ok ? "every engine agrees with diplo" : "DISAGREEMENT (see above)");
    return ok ? 0 : 1;
  } catch (const std::exception& e) {
    fmt::print(stderr, "agree: {}\n", e.what());
    return 2;
  }
}
