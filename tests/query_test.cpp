// SPDX-License-Identifier: MIT
#include <diplo/query.h>

#include <random>
#include <thread>

#include <gtest/gtest.h>

namespace {

using diplo::actor_id;
using diplo::country_code;
using diplo::event_id;

const actor_id xi{"xi"};
const actor_id putin{"putin"};
const actor_id modi{"modi"};
const actor_id lula{"lula"};

auto registry() -> diplo::actor_registry {
  diplo::actor_registry r;
  r.add(diplo::person{.id = xi, .name = "Xi Jinping", .aliases = {}, .wikidata = {},
                      .country = country_code{"CN"}, .offices = {}});
  r.add(diplo::person{.id = putin, .name = "Vladimir Putin", .aliases = {}, .wikidata = {},
                      .country = country_code{"RU"}, .offices = {}});
  r.add(diplo::person{.id = modi, .name = "Narendra Modi", .aliases = {}, .wikidata = {},
                      .country = country_code{"IN"}, .offices = {}});
  r.add(diplo::person{.id = lula, .name = "Lula da Silva", .aliases = {}, .wikidata = {},
                      .country = country_code{"BR"}, .offices = {}});
  return r;
}

template <class T>
auto make(const char* id, const char* days, country_code c = country_code{"RU"},
          const char* parent = nullptr) -> T {
  T e;
  e.id = event_id{id};
  e.when = diplo::period::parse(days);
  e.place.country = c;
  e.place.city = "City";
  if (parent != nullptr) e.parent = event_id{parent};
  return e;
}

auto talks(const char* id, const char* days, std::vector<actor_id> who,
           country_code c = country_code{"RU"}, const char* parent = nullptr) -> diplo::meeting {
  auto m = make<diplo::meeting>(id, days, c, parent);
  m.participants = std::move(who);
  return m;
}

auto summit(const char* id, const char* days, std::vector<actor_id> who, country_code c,
            const char* name) -> diplo::summit {
  auto s = make<diplo::summit>(id, days, c);
  s.attendees = std::move(who);
  s.host_country = c;
  s.name = name;
  return s;
}

auto state_visit(const char* id, const char* days, actor_id guest, actor_id host, country_code c)
    -> diplo::visit {
  auto v = make<diplo::visit>(id, days, c);
  v.guests = {std::move(guest)};
  v.host = std::move(host);
  v.host_country = c;
  v.level = diplo::visit_level::state;
  return v;
}

// A small world modelled on the Xi-Putin record of 2023-2025.
auto world() -> diplo::timeline {
  diplo::timeline_builder b(registry());
  b.add(state_visit("moscow-2023", "2023-03-20/2023-03-22", xi, putin, country_code{"RU"}));
  b.add(talks("moscow-2023-talks", "2023-03-21", {xi, putin}, country_code{"RU"}, "moscow-2023"));
  b.add(state_visit("beijing-2024", "2024-05-16/2024-05-17", putin, xi, country_code{"CN"}));
  b.add(summit("kazan", "2024-10-22/2024-10-24", {xi, putin, modi, lula}, country_code{"RU"},
               "16th BRICS summit"));
  b.add(talks("kazan-talks", "2024-10-22", {xi, putin}, country_code{"RU"}, "kazan"));
  b.add(talks("kazan-modi", "2024-10-23", {xi, modi}, country_code{"RU"}, "kazan"));
  auto call = talks("call-2025", "2025-01-21", {xi, putin}, {});
  call.mode = diplo::meeting_mode::video;
  call.place = {};
  b.add(call);
  b.add(state_visit("moscow-2025", "2025-05-07/2025-05-10", xi, putin, country_code{"RU"}));
  auto parade = make<diplo::ceremony>("parade-2025", "2025-05-09", country_code{"RU"}, "moscow-2025");
  parade.name = "Victory Day parade";
  parade.host = putin;
  parade.attendees = {xi, putin};
  b.add(parade);
  auto planned = state_visit("beijing-2026", "2026-01/2026-06", putin, xi, country_code{"CN"});
  planned.status = diplo::status::planned;
  b.add(planned);
  return std::move(b).freeze();
}

auto id(const diplo::event* e) -> std::string { return diplo::base(*e).id.value(); }

using namespace date::literals;

TEST(LastMeeting, PrefersTheTalksToTheSummitAroundThem) {
  auto t = world();
  auto r = diplo::last_meeting(t, xi, putin, {.before = 2025_y / date::May / 7});
  ASSERT_TRUE(r);
  EXPECT_EQ(id(r->event), "kazan-talks");
  ASSERT_NE(r->context(), nullptr);
  EXPECT_EQ(id(r->context()), "kazan");
  ASSERT_EQ(r->events.size(), 2u);
  EXPECT_EQ(fmt::format("{}", *r),
            "Xi Jinping and Vladimir Putin — bilateral meeting in Russia (City), 22 October 2024, "
            "on the sidelines of the 16th BRICS summit (22–24 October 2024)");
}

TEST(LastMeeting, IsSymmetric) {
  auto t = world();
  auto a = diplo::last_meeting(t, xi, putin);
  auto b = diplo::last_meeting(t, putin, xi);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(*a, *b);
}

TEST(LastMeeting, WithoutBoundIsTheLatestOccurredEncounter) {
  auto t = world();
  auto r = diplo::last_meeting(t, xi, putin);
  ASSERT_TRUE(r);
  // The parade inside the 2025 state visit; the planned 2026 visit does not count.
  EXPECT_EQ(id(r->event), "parade-2025");
  EXPECT_EQ(id(r->context()), "moscow-2025");
  EXPECT_EQ(fmt::format("{}", *r),
            "Victory Day parade (ceremony), Russia (City), 9 May 2025, during Xi Jinping's state "
            "visit to Russia (7–10 May 2025)");
}

TEST(LastMeeting, BeforeMeansStartsBefore) {
  auto t = world();
  // The visit began on 7 May, the parade on 9 May.
  auto r = diplo::last_meeting(t, xi, putin, {.before = 2025_y / date::May / 9});
  ASSERT_TRUE(r);
  EXPECT_EQ(id(r->event), "moscow-2025");
  EXPECT_EQ(r->context(), nullptr);
  r = diplo::last_meeting(t, xi, putin, {.before = 2025_y / date::May / 10});
  EXPECT_EQ(id(r->event), "parade-2025");
}

TEST(LastMeeting, CallsCountOnlyWhenAsked) {
  auto t = world();
  auto r = diplo::last_meeting(t, xi, putin, {.before = 2025_y / date::May / 7, .calls = true});
  ASSERT_TRUE(r);
  EXPECT_EQ(id(r->event), "call-2025");
  EXPECT_EQ(fmt::format("{}", *r), "Xi Jinping and Vladimir Putin — video call, 21 January 2025");
}

TEST(LastMeeting, PlannedEventsCountOnlyWhenAsked) {
  auto t = world();
  auto r = diplo::last_meeting(t, xi, putin, {.planned = true});
  ASSERT_TRUE(r);
  EXPECT_EQ(id(r->event), "beijing-2026");
}

TEST(LastMeeting, UnknownOrSameActorsGiveNothing) {
  auto t = world();
  EXPECT_FALSE(diplo::last_meeting(t, xi, actor_id{"nobody"}));
  EXPECT_FALSE(diplo::last_meeting(t, xi, xi));
  EXPECT_FALSE(diplo::last_meeting(t, putin, lula, {.before = 2024_y / date::January / 1}));
}

TEST(LastMeeting, FindsGroupEventsThroughThePerPersonIndex) {
  auto t = world();
  auto r = diplo::last_meeting(t, putin, lula);
  ASSERT_TRUE(r);
  EXPECT_EQ(id(r->event), "kazan");
}

auto partial_world() -> diplo::timeline {
  diplo::timeline_builder b(registry());
  b.add(talks("may", "2025-05", {xi, putin}));
  b.add(talks("april", "2025-04-20", {xi, putin}));
  b.add(talks("same-day-a", "2024-01-10", {xi, putin}));
  b.add(talks("same-day-b", "2024-01-10", {xi, putin}));
  return std::move(b).freeze();
}

TEST(LastMeeting, PartialDatesAreCertainlyBeforeByDefault) {
  auto t = partial_world();
  auto r = diplo::last_meeting(t, xi, putin, {.before = 2025_y / date::May / 7});
  ASSERT_TRUE(r);
  EXPECT_EQ(id(r->event), "april");
  r = diplo::last_meeting(t, xi, putin, {.before = 2025_y / date::May / 7, .possibly = true});
  ASSERT_TRUE(r);
  EXPECT_EQ(id(r->event), "may");
  r = diplo::last_meeting(t, xi, putin, {.before = 2025_y / date::June / 1});
  EXPECT_EQ(id(r->event), "may");
}

TEST(LastMeeting, TiesOnTheSameDayAreBrokenByIdDeterministically) {
  auto t = partial_world();
  auto r = diplo::last_meeting(t, xi, putin, {.before = 2024_y / date::February / 1});
  ASSERT_TRUE(r);
  EXPECT_EQ(id(r->event), "same-day-b");
  auto f = diplo::first_meeting(t, xi, putin);
  ASSERT_TRUE(f);
  EXPECT_EQ(id(f->event), "same-day-a");
}

TEST(FirstMeeting, AndNextMeeting) {
  auto t = world();
  auto f = diplo::first_meeting(t, xi, putin);
  ASSERT_TRUE(f);
  EXPECT_EQ(id(f->event), "moscow-2023-talks");
  EXPECT_EQ(id(f->context()), "moscow-2023");
  auto n = diplo::next_meeting(t, xi, putin, 2024_y / date::June / 1);
  ASSERT_TRUE(n);
  EXPECT_EQ(id(n->event), "kazan-talks");
  EXPECT_FALSE(diplo::next_meeting(t, xi, putin, 2025_y / date::June / 1));
}

TEST(Meetings, GroupsEventsInsideOneAnotherIntoOneEncounter) {
  auto t = world();
  auto all = diplo::meetings(t, xi, putin);
  ASSERT_EQ(all.size(), 4u);  // Moscow 2023, Beijing 2024, Kazan, Moscow 2025
  EXPECT_EQ(id(all[0].events.front()), "moscow-2023");
  EXPECT_EQ(id(all[1].event), "beijing-2024");
  EXPECT_EQ(id(all[2].event), "kazan-talks");
  EXPECT_EQ(id(all[3].event), "parade-2025");
  auto range = diplo::meetings(t, xi, putin,
                               {.before = 2025_y / date::January / 1, .after = 2024_y / date::January / 1});
  ASSERT_EQ(range.size(), 2u);
  EXPECT_EQ(diplo::meetings(t, xi, putin, {.calls = true}).size(), 5u);
}

TEST(Visits, CountsTripsAbroadIncludingSummits) {
  auto t = world();
  // Xi in Russia since the start of the war: Moscow 2023, Kazan 2024, Moscow 2025.
  auto trips = diplo::visits(t, {.guest = xi,
                                 .host_country = country_code{"RU"},
                                 .from = 2022_y / date::February / 24,
                                 .to = 2025_y / date::May / 10});
  ASSERT_EQ(trips.size(), 3u);
  EXPECT_EQ(id(&trips[0].main()), "moscow-2023");
  EXPECT_EQ(trips[0].events.size(), 2u);
  EXPECT_EQ(trips[0].level, diplo::visit_level::state);
  EXPECT_EQ(id(&trips[1].main()), "kazan");
  EXPECT_EQ(trips[1].events.size(), 3u);  // the summit, the talks with Putin and with Modi
  EXPECT_EQ(trips[1].level, diplo::visit_level::unspecified);
  EXPECT_EQ(id(&trips[2].main()), "moscow-2025");
  EXPECT_EQ(fmt::format("{}", trips[2]), "Xi Jinping in Russia, 7–10 May 2025: state visit (2 events)");
  EXPECT_EQ(diplo::count_visits(t, {.guest = xi, .host_country = country_code{"RU"},
                                    .level = diplo::visit_level::state}),
            2u);
}

TEST(Visits, TheHostIsNotVisitingAndPlannedTripsAreLeftOut) {
  auto t = world();
  EXPECT_EQ(diplo::count_visits(t, {.guest = putin, .host_country = country_code{"RU"}}), 0u);
  EXPECT_EQ(diplo::count_visits(t, {.guest = putin, .host_country = country_code{"CN"}}), 1u);
  EXPECT_EQ(diplo::count_visits(t, {.guest = putin, .host_country = country_code{"CN"},
                                    .planned = true}),
            2u);
}

TEST(Visits, FiltersByTheGuestsCountry) {
  auto t = world();
  auto trips = diplo::visits(t, {.guest_country = country_code{"IN"}});
  ASSERT_EQ(trips.size(), 1u);
  EXPECT_EQ(trips[0].guest, modi);
  EXPECT_EQ(trips[0].country, country_code{"RU"});
  // Everyone who visited Russia: Xi three times, Modi and Lula once each.
  EXPECT_EQ(diplo::count_visits(t, {.host_country = country_code{"RU"}}), 5u);
}

TEST(Visits, AdjacentEventsInOneCountryMakeOneTrip) {
  diplo::timeline_builder b(registry());
  b.add(summit("forum", "2023-10-17/2023-10-18", {putin, xi, lula}, country_code{"CN"}, "Forum"));
  b.add(state_visit("visit", "2023-10-19/2023-10-20", putin, xi, country_code{"CN"}));
  b.add(summit("later", "2023-11-20", {putin, xi, lula}, country_code{"CN"}, "Later forum"));
  auto t = std::move(b).freeze();
  auto trips = diplo::visits(t, {.guest = putin});
  ASSERT_EQ(trips.size(), 2u);
  EXPECT_EQ(trips[0].events.size(), 2u);
  EXPECT_EQ(fmt::format("{:e}", trips[0].when), "2023-10-17/2023-10-20");
}

TEST(Where, PlacesAPersonOnADay) {
  auto t = world();
  auto w = diplo::where(t, xi, 2025_y / date::May / 9);
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(id(w[0].event), "moscow-2025");
  EXPECT_EQ(id(w[1].event), "parade-2025");
  EXPECT_EQ(w[0].certainty, diplo::truth::certainly);
  EXPECT_TRUE(diplo::where(t, xi, 2025_y / date::January / 21).empty());  // a call places nobody
  EXPECT_TRUE(diplo::where(t, xi, 2025_y / date::May / 11).empty());
}

TEST(Where, PartialDatesArePossible) {
  auto t = world();
  EXPECT_TRUE(diplo::where(t, putin, 2026_y / date::March / 1).empty());
  // Planned for January-June 2026: surely there in March if it happens, maybe in January.
  auto w = diplo::where(t, putin, 2026_y / date::March / 1, {.planned = true});
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].certainty, diplo::truth::certainly);
  w = diplo::where(t, putin, 2026_y / date::January / 15, {.planned = true});
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].certainty, diplo::truth::possibly);
  EXPECT_EQ(fmt::format("{}", w[0]),
            "Vladimir Putin — state visit to China (City), January 2026 – June 2026 "
            "[planned] (possibly)");
}

TEST(Contacts, CountsEncountersPerCounterpart) {
  auto t = world();
  auto c = diplo::contacts(t, xi);
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].counterpart, putin);
  EXPECT_EQ(c[0].count, 4u);
  EXPECT_EQ(id(c[0].first.event), "moscow-2023-talks");
  EXPECT_EQ(id(c[0].last.event), "parade-2025");
  EXPECT_EQ(c[1].counterpart, lula);  // ties ordered by name: Lula before Modi
  EXPECT_EQ(c[2].counterpart, modi);
  EXPECT_EQ(c[2].count, 1u);
  EXPECT_EQ(id(c[2].last.event), "kazan-modi");
}

TEST(LongestGap, BetweenConsecutiveEncounters) {
  auto t = world();
  auto g = diplo::longest_gap(t, xi, putin);
  ASSERT_TRUE(g);
  // From the end of the Moscow visit (23 March 2023) to 16 May 2024.
  EXPECT_EQ(id(g->before.events.front()), "moscow-2023");
  EXPECT_EQ(id(g->after.event), "beijing-2024");
  EXPECT_EQ(g->length, date::sys_days{2024_y / date::May / 16} - date::sys_days{2023_y / date::March / 23});
  EXPECT_FALSE(diplo::longest_gap(t, xi, modi));
}

// A random world with nested events and partial dates, checked against a brute force
// over every event: the latest (earliest) shared event decides, and its encounter holds
// every shared event under the same outermost shared ancestor.
TEST(LastMeeting, AgreesWithABruteForceOnARandomWorld) {
  std::mt19937 rng(20250507);
  std::vector<actor_id> people{xi, putin, modi, lula};
  diplo::timeline_builder b(registry());
  std::vector<std::string> ids;
  for (int i = 0; i < 400; ++i) {
    std::string id = fmt::format("e{}", i);
    int day = 1 + static_cast<int>(rng() % 28);
    int month = 1 + static_cast<int>(rng() % 12);
    int year = 2020 + static_cast<int>(rng() % 4);
    std::string days = rng() % 5 == 0 ? fmt::format("{}-{:02}", year, month)
                                      : fmt::format("{}-{:02}-{:02}", year, month, day);
    std::shuffle(people.begin(), people.end(), rng);
    std::vector<actor_id> who(people.begin(), people.begin() + 2 + static_cast<int>(rng() % 3));
    if (rng() % 3 == 0 && !ids.empty()) {
      // A child of an earlier event, on the same days.
      const auto& parent_id = ids[rng() % ids.size()];
      auto parent = std::find_if(b.events().begin(), b.events().end(), [&](const auto& e) {
        return diplo::base(e).id.value() == parent_id;
      });
      auto m = talks(id.c_str(), "2020-01-01", who);
      m.when = diplo::base(*parent).when;
      m.parent = event_id{parent_id};
      m.mode = rng() % 4 == 0 ? diplo::meeting_mode::phone : diplo::meeting_mode::in_person;
      b.add(m);
    } else {
      auto s = summit(id.c_str(), days.c_str(), who, country_code{"RU"}, "S");
      if (rng() % 6 == 0) s.status = diplo::status::cancelled;
      b.add(s);
    }
    ids.push_back(id);
  }
  auto t = std::move(b).freeze();
  const auto& all = t.events();
  auto has = [](const diplo::event& e, const actor_id& a) {
    auto p = diplo::participants(e);
    return std::find(p.begin(), p.end(), a) != p.end();
  };
  int checked = 0;
  for (const auto& x : people) {
    for (const auto& y : people) {
      if (x == y) continue;
      for (int k = 0; k < 20; ++k) {
        diplo::meet_options o;
        o.before = date::sys_days{date::year{2020 + static_cast<int>(rng() % 5)} / 1 / 1} +
                   date::days{rng() % 365};
        o.possibly = rng() % 2 == 0;
        o.calls = rng() % 2 == 0;
        auto counts = [&](const diplo::event& e) {
          const auto& p = diplo::base(e).when;
          return has(e, x) && has(e, y) && diplo::base(e).status == diplo::status::occurred &&
                 (o.calls || diplo::in_person(e)) &&
                 (o.possibly ? p.earliest_start() : p.latest_start()) < *o.before;
        };
        const diplo::event* latest = nullptr;
        for (const auto& e : all) {
          if (counts(e)) latest = &e;
        }
        auto r = diplo::last_meeting(t, x, y, o);
        ASSERT_EQ(r.has_value(), latest != nullptr);
        if (!r) continue;
        const diplo::event* root = latest;
        for (const auto* p = t.parent(*latest); p != nullptr; p = t.parent(*p)) {
          if (counts(*p)) root = p;
        }
        EXPECT_EQ(r->events.front(), root);
        EXPECT_TRUE(std::find(r->events.begin(), r->events.end(), latest) != r->events.end());
        for (const auto* e : r->events) EXPECT_TRUE(counts(*e));
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 100);
}

TEST(Timeline, QueriesFromManyThreadsAgree) {
  const auto t = world();
  auto expected = diplo::last_meeting(t, xi, putin, {.before = 2025_y / date::May / 7});
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] {
      for (int k = 0; k < 200; ++k) {
        auto r = diplo::last_meeting(t, xi, putin, {.before = 2025_y / date::May / 7});
        if (!r || *r != *expected) ++wrong;
        if (diplo::visits(t, {.guest = xi}).size() != 3) ++wrong;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
