// SPDX-License-Identifier: MIT
#include <diplo/query.h>

#include <diplo/io/document.h>
#include <diplo/synthetic.h>

#include <array>
#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <thread>

#include <fmt/format.h>
#include <fmt/ranges.h>
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
  r.add(diplo::person{.id = xi,
                      .name = "Xi Jinping",
                      .aliases = {},
                      .wikidata = {},
                      .country = country_code{"CN"},
                      .offices = {}});
  r.add(diplo::person{.id = putin,
                      .name = "Vladimir Putin",
                      .aliases = {},
                      .wikidata = {},
                      .country = country_code{"RU"},
                      .offices = {}});
  r.add(diplo::person{.id = modi,
                      .name = "Narendra Modi",
                      .aliases = {},
                      .wikidata = {},
                      .country = country_code{"IN"},
                      .offices = {}});
  r.add(diplo::person{.id = lula,
                      .name = "Lula da Silva",
                      .aliases = {},
                      .wikidata = {},
                      .country = country_code{"BR"},
                      .offices = {}});
  return r;
}

template <class T>
auto make(const char* id, const char* days, country_code c = country_code{"RU"}, const char* parent = nullptr)
    -> T {
  T e;
  e.id = event_id{id};
  e.when = diplo::period::parse(days);
  e.place.country = c;
  e.place.city = "City";
  if (parent != nullptr) e.parent = event_id{parent};
  return e;
}

auto talks(const char* id, const char* days, std::vector<actor_id> who, country_code c = country_code{"RU"},
           const char* parent = nullptr) -> diplo::meeting {
  auto m = make<diplo::meeting>(id, days, c, parent);
  m.participants = std::move(who);
  return m;
}

// `name` is taken as a std::string and moved in: assigning a short literal (`s.name = "S"`)
// inlines std::string::_M_replace, where g++ 12 at -O2 warns a bogus -Wrestrict (GCC bug
// 105329).
auto summit(const char* id, const char* days, std::vector<actor_id> who, country_code c, std::string name)
    -> diplo::summit {
  auto s = make<diplo::summit>(id, days, c);
  s.attendees = std::move(who);
  s.host_country = c;
  s.name = std::move(name);
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

auto id(const diplo::event_ref& e) -> std::string { return e.id().value(); }

using namespace date::literals;

TEST(LastMeeting, PrefersTheTalksToTheSummitAroundThem) {
  auto t = world();
  auto r = diplo::last_meeting(t, xi, putin, {.before = 2025_y / date::May / 7});
  ASSERT_TRUE(r);
  EXPECT_EQ(id(r->event), "kazan-talks");
  ASSERT_TRUE(r->context());
  EXPECT_EQ(id(r->context()), "kazan");
  ASSERT_EQ(r->events.size(), 2u);
  EXPECT_EQ(fmt::format("{}", *r),
            "Xi Jinping and Vladimir Putin — bilateral meeting in Russia (City), 22 October 2024, "
            "on the sidelines of the 16th BRICS summit (22–24 October 2024)");
}

// LIFETIME (diplo/timeline.h): every answer holds a handle to its timeline's store, so it
// outlives the timeline it came from. Under AddressSanitizer (scripts/test --asan) a
// dangling event would be a heap-use-after-free here.
TEST(Lifetime, AnAnswerFromATemporaryTimelineKeepsItsEvents) {
  auto r = diplo::last_meeting(world(), xi, putin, {.before = 2025_y / date::May / 7});
  ASSERT_TRUE(r);
  EXPECT_EQ(id(r->event), "kazan-talks");
  EXPECT_EQ(id(r->context()), "kazan");
  EXPECT_EQ(r->source.size(), 10u);
  EXPECT_EQ(fmt::format("{}", *r),
            "Xi Jinping and Vladimir Putin — bilateral meeting in Russia (City), 22 October 2024, "
            "on the sidelines of the 16th BRICS summit (22–24 October 2024)");
}

// An event_ref holds its timeline: one taken from a temporary timeline, from a temporary
// answer or from a range that is gone stays valid (under ASan in CI).
TEST(Lifetime, AnEventRefKeepsItsTimeline) {
  const diplo::event_ref talks = world().find(event_id{"kazan-talks"});
  ASSERT_TRUE(talks);
  EXPECT_EQ(talks.id().value(), "kazan-talks");
  EXPECT_EQ(talks.parent().id().value(), "kazan");
  EXPECT_EQ(talks.timeline().size(), 10u);
  const diplo::event_ref from_answer = diplo::last_meeting(world(), xi, putin)->event;
  ASSERT_TRUE(from_answer);
  EXPECT_EQ(from_answer.timeline().size(), 10u);
  EXPECT_EQ(fmt::format("{}", talks),  // with the timeline's names
            "Xi Jinping and Vladimir Putin — bilateral meeting in Russia (City), 22 October 2024");
  diplo::event_range::iterator it;
  {
    const diplo::event_range all = world().events();
    it = all.begin() + 3;
  }
  EXPECT_EQ((*it).number(), 3u);
  EXPECT_EQ((*it).value(), world().at(3).value());
  // The same event of two freezes of the same events: equal values, different references.
  EXPECT_NE(world().at(3), world().at(3));
  EXPECT_FALSE(diplo::event_ref());
  EXPECT_FALSE(world().find(event_id{"nope"}));
}

TEST(Lifetime, AnswersOutliveTheTimelineMovedReassignedAndDestroyed) {
  auto t = std::make_unique<diplo::timeline>(world());
  auto meeting = diplo::last_meeting(*t, xi, putin);
  auto trips = diplo::visits(*t, {.guest = xi});
  auto places = diplo::where(*t, xi, 2024_y / date::October / 22);
  auto people = diplo::whereabouts_on(*t, 2024_y / date::October / 23);
  auto trail = diplo::journeys(*t, {.guest = xi});
  auto met = diplo::contacts(*t, xi);
  const auto text = [&] {
    return fmt::format("{} | {} | {} | {} | {} | {}", *meeting, trips.front(), places.front(), people.front(),
                       trail.front(), met.front());
  };
  ASSERT_TRUE(meeting && !trips.empty() && !places.empty() && !people.empty() && !trail.empty() &&
              !met.empty());
  const std::string before = text();
  EXPECT_NE(before.find("Xi Jinping"), std::string::npos);

  diplo::timeline moved = std::move(*t);  // a moved-from timeline stays the same timeline
  EXPECT_EQ(t->size(), moved.size());
  EXPECT_TRUE(same_store(*t, moved));
  *t = diplo::timeline{};  // reassigned
  EXPECT_TRUE(t->empty());
  t.reset();  // destroyed
  moved = diplo::timeline{};
  EXPECT_EQ(text(), before);  // events and names, all still there
  EXPECT_EQ(id(meeting->event), "parade-2025");
}

TEST(Lifetime, CopiesShareOneStore) {
  const diplo::timeline t = world();
  const diplo::timeline copy = t;  // NOLINT(performance-unnecessary-copy-initialization)
  EXPECT_TRUE(same_store(t, copy));
  EXPECT_EQ(&t.stored(), &copy.stored());
  // An event of one handle is an event of the other: numbers, parents and roots agree.
  const diplo::event_ref talks = t.find(event_id{"kazan-talks"});
  ASSERT_TRUE(talks);
  EXPECT_EQ(copy.find(event_id{"kazan-talks"}), talks);
  EXPECT_EQ(talks.parent(), copy.find(event_id{"kazan"}));
  EXPECT_EQ(diplo::last_meeting(copy, xi, modi), diplo::last_meeting(t, xi, modi));
  // Two freezes of the same events are two stores.
  EXPECT_FALSE(same_store(t, world()));
  EXPECT_TRUE(same_store(diplo::timeline{}, diplo::timeline{}));  // every empty one shares one
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
  EXPECT_FALSE(r->context());
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
  // Counting them without building them: the talks inside Kazan count once.
  EXPECT_EQ(diplo::count_meetings(t, xi, putin), 4u);
  EXPECT_EQ(diplo::count_meetings(
                t, xi, putin, {.before = 2025_y / date::January / 1, .after = 2024_y / date::January / 1}),
            2u);
  EXPECT_EQ(diplo::count_meetings(t, xi, putin, {.calls = true}), 5u);
  EXPECT_EQ(diplo::count_meetings(t, xi, actor_id{"nobody"}), 0u);
  EXPECT_EQ(diplo::count_meetings(t, xi, xi), 0u);
}

TEST(Visits, CountsTripsAbroadIncludingSummits) {
  auto t = world();
  // Xi in Russia since the start of the war: Moscow 2023, Kazan 2024, Moscow 2025.
  auto trips = diplo::visits(t, {.guest = xi,
                                 .host_country = country_code{"RU"},
                                 .from = 2022_y / date::February / 24,
                                 .to = 2025_y / date::May / 10});
  ASSERT_EQ(trips.size(), 3u);
  EXPECT_EQ(id(trips[0].main()), "moscow-2023");
  EXPECT_EQ(trips[0].events.size(), 2u);
  EXPECT_EQ(trips[0].level, diplo::visit_level::state);
  EXPECT_EQ(id(trips[1].main()), "kazan");
  EXPECT_EQ(trips[1].events.size(), 3u);  // the summit, the talks with Putin and with Modi
  EXPECT_EQ(trips[1].level, diplo::visit_level::unspecified);
  EXPECT_EQ(id(trips[2].main()), "moscow-2025");
  EXPECT_EQ(fmt::format("{}", trips[2]), "Xi Jinping in Russia, 7–10 May 2025: state visit (2 events)");
  EXPECT_EQ(diplo::count_visits(
                t, {.guest = xi, .host_country = country_code{"RU"}, .level = diplo::visit_level::state}),
            2u);
}

TEST(Visits, TheHostIsNotVisitingAndPlannedTripsAreLeftOut) {
  auto t = world();
  EXPECT_EQ(diplo::count_visits(t, {.guest = putin, .host_country = country_code{"RU"}}), 0u);
  EXPECT_EQ(diplo::count_visits(t, {.guest = putin, .host_country = country_code{"CN"}}), 1u);
  EXPECT_EQ(diplo::count_visits(t, {.guest = putin, .host_country = country_code{"CN"}, .planned = true}),
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

// count_visits answers from the trip index when visit_filter::indexed() says it may, and
// builds the trips otherwise: every combination of field values (each field unset and set
// two ways) gives the count visits() gives, and every field changes some answer (so none
// of them can be ignored unnoticed). The fields are bound by name: a field added to
// visit_filter stops this test compiling until it is added here.
TEST(VisitFilter, EachFieldCountsAsVisitsDo) {
  diplo::timeline_builder b(registry());
  b.add(state_visit("xi-2023", "2023-03-20/2023-03-22", xi, putin, country_code{"RU"}));
  auto working = state_visit("xi-2024", "2024-05", xi, putin, country_code{"RU"});  // possibly after 10 May
  working.level = diplo::visit_level::working;
  b.add(working);
  auto planned = state_visit("xi-2025-planned", "2025-02-10/2025-02-11", xi, putin, country_code{"RU"});
  planned.status = diplo::status::planned;
  b.add(planned);
  auto cancelled = state_visit("xi-2025-cancelled", "2025-09-01/2025-09-02", xi, putin, country_code{"RU"});
  cancelled.status = diplo::status::cancelled;
  b.add(cancelled);
  auto india = state_visit("xi-india", "2024-08-01", xi, modi, country_code{"IN"});
  india.level = diplo::visit_level::working;
  b.add(india);
  auto modi_ru = state_visit("modi-2024", "2024-07-08/2024-07-09", modi, putin, country_code{"RU"});
  modi_ru.level = diplo::visit_level::working;
  b.add(modi_ru);
  b.add(state_visit("putin-2024", "2024-05-16/2024-05-17", putin, xi, country_code{"CN"}));
  const auto t = std::move(b).freeze();

  constexpr std::size_t fields = 9;
  constexpr std::array<std::size_t, fields> values{3, 3, 3, 3, 2, 2, 2, 2, 2};  // unset first
  auto filter_of = [&](const std::array<std::size_t, fields>& v) {
    diplo::visit_filter f;
    auto& [guest, guest_country, host_country, level, from, to, planned_too, cancelled_too, possibly] = f;
    const std::array<std::optional<actor_id>, 3> guests{std::nullopt, xi, modi};
    const std::array<country_code, 3> countries{country_code{}, country_code{"CN"}, country_code{"IN"}};
    const std::array<country_code, 3> hosts{country_code{}, country_code{"RU"}, country_code{"IN"}};
    const std::array<std::optional<diplo::visit_level>, 3> levels{std::nullopt, diplo::visit_level::state,
                                                                  diplo::visit_level::working};
    guest = guests[v[0]];
    guest_country = countries[v[1]];
    host_country = hosts[v[2]];
    level = levels[v[3]];
    if (v[4] == 1) from = 2024_y / date::May / 10;
    if (v[5] == 1) to = 2025_y / date::June / 30;
    planned_too = v[6] == 1;
    cancelled_too = v[7] == 1;
    possibly = v[8] == 1;
    return f;
  };
  std::map<std::array<std::size_t, fields>, std::size_t> count;
  std::array<std::size_t, fields> v{};
  std::size_t indexed = 0;
  for (bool more = true; more;) {
    const auto f = filter_of(v);
    const std::size_t n = diplo::visits(t, f).size();
    EXPECT_EQ(diplo::count_visits(t, f), n) << fmt::format("{}", v);
    indexed += f.indexed() ? 1 : 0;
    count[v] = n;
    more = false;
    for (std::size_t k = 0; k < fields && !more; ++k) {
      if (++v[k] < values[k]) {
        more = true;
      } else {
        v[k] = 0;
      }
    }
  }
  EXPECT_GT(indexed, 0u);
  for (std::size_t k = 0; k < fields; ++k) {
    bool matters = false;
    for (const auto& [at, n] : count) {
      auto other = at;
      other[k] = (at[k] + 1) % values[k];
      matters = matters || count.at(other) != n;
    }
    EXPECT_TRUE(matters) << "field " << k << " never changes the answer";
  }
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

TEST(Contacts, TopKeepsTheFirstOfTheRanking) {
  auto t = world();
  const auto all = diplo::contacts(t, xi);
  for (std::size_t top = 1; top <= all.size() + 1; ++top) {
    const auto some = diplo::contacts(t, xi, {}, top);
    ASSERT_EQ(some.size(), std::min(top, all.size())) << top;
    for (std::size_t k = 0; k < some.size(); ++k) {
      EXPECT_EQ(some[k].counterpart, all[k].counterpart);
      EXPECT_EQ(some[k].count, all[k].count);
      EXPECT_EQ(some[k].first.events, all[k].first.events);
      EXPECT_EQ(some[k].last.events, all[k].last.events);
    }
  }
  EXPECT_EQ(diplo::contacts(t, xi, {}, 0).size(), all.size());  // 0: all of them
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

// Issue 19, item 12: a visit of all 2020 with a meeting on 1 March inside its days, then a
// meeting on 1 June 2021. The gap runs from the end of the visit (it ended last), not from
// the meeting that started last.
TEST(LongestGap, RunsFromTheEncounterThatEndedLast) {
  diplo::timeline_builder b(registry());
  b.add(state_visit("year-visit", "2020-01-01/2020-12-31", xi, putin, country_code{"RU"}));
  b.add(talks("march-talks", "2020-03-01", {xi, putin}));
  b.add(talks("june-talks", "2021-06-01", {xi, putin}));
  const auto t = std::move(b).freeze();
  const auto g = diplo::longest_gap(t, xi, putin);
  ASSERT_TRUE(g);
  EXPECT_EQ(id(g->before.events.front()), "year-visit");
  EXPECT_EQ(id(g->after.event), "june-talks");
  EXPECT_EQ(g->last_day(), date::sys_days{2020_y / date::December / 31});
  EXPECT_EQ(g->next_day(), date::sys_days{2021_y / date::June / 1});
  EXPECT_EQ(g->length.count(), 151);  // 1 January .. 31 May 2021
  // A brute force: the longest run of days, between the first start and the last, that no
  // encounter covers (every encounter's events taken at their widest).
  const auto all = diplo::meetings(t, xi, putin);
  std::vector<std::pair<date::sys_days, date::sys_days>> spans;  // [start, end)
  for (const auto& e : all) {
    auto s = e.events.front().when().earliest_start();
    auto en = e.events.front().when().latest_end();
    for (const auto& x : e.events) en = std::max(en, x.when().latest_end());
    spans.emplace_back(s, en);
  }
  int best = 0;
  int run = 0;
  for (auto d = spans.front().first; d < date::sys_days{2021_y / date::June / 1}; d += date::days{1}) {
    const bool covered = std::any_of(spans.begin(), spans.end(),
                                     [&](const auto& sp) { return sp.first <= d && d < sp.second; });
    run = covered ? 0 : run + 1;
    best = std::max(best, run);
  }
  EXPECT_EQ(g->length.count(), best);
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
      auto parent = std::find_if(b.events().begin(), b.events().end(),
                                 [&](const auto& e) { return diplo::base(e).id.value() == parent_id; });
      auto m = talks(id.c_str(), "2020-01-01", who);
      m.when = diplo::base(*parent).when;
      if (rng() % 4 == 0 && m.when.earliest_start() == m.when.latest_start()) {
        // Talks on the eve: a day before their parent, so before it in timeline order.
        m.when = diplo::period::parse(date::format("%F", m.when.earliest_start() - date::days{1}));
      }
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
  const auto all = t.events();
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
        o.before =
            date::sys_days{date::year{2020 + static_cast<int>(rng() % 5)} / 1 / 1} + date::days{rng() % 365};
        o.possibly = rng() % 2 == 0;
        o.calls = rng() % 2 == 0;
        auto counts = [&](const diplo::event_ref& ref) {
          const diplo::event e = ref.value();
          const auto& p = diplo::base(e).when;
          return has(e, x) && has(e, y) && diplo::base(e).status == diplo::status::occurred &&
                 (o.calls || diplo::in_person(e)) &&
                 (o.possibly ? p.earliest_start() : p.latest_start()) < *o.before;
        };
        diplo::event_ref latest;
        for (const diplo::event_ref e : all) {
          if (counts(e)) latest = e;
        }
        auto r = diplo::last_meeting(t, x, y, o);
        ASSERT_EQ(r.has_value(), static_cast<bool>(latest));
        if (!r) continue;
        diplo::event_ref root = latest;
        for (diplo::event_ref p = latest.parent(); p; p = p.parent()) {
          if (counts(p)) root = p;
        }
        EXPECT_EQ(r->events.front(), root);
        // Its events: the root and everything inside it that counts, in timeline order.
        std::vector<diplo::event_ref> inside{root};
        for (const diplo::event_ref e : all) {
          for (diplo::event_ref p = e.parent(); p; p = p.parent()) {
            if (p == root && counts(e)) inside.push_back(e);
          }
        }
        EXPECT_EQ(r->events, inside);
        EXPECT_TRUE(std::find(r->events.begin(), r->events.end(), latest) != r->events.end());
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 100);
}

// Every public query and every const member of the timeline and its registry, over a
// spread of arguments, written out as text: equal texts are equal answers.
auto every_answer(const diplo::timeline& t) -> std::string {
  std::string s;
  auto ids = [](const std::vector<diplo::event_ref>& v) {
    std::string o;
    for (const auto& e : v) o += id(e) + ' ';
    return o;
  };
  auto enc = [&](const std::optional<diplo::encounter>& e) {
    return e ? ids(e->events) + "> " + id(e->event) : std::string("-");
  };
  auto trips = [&](const std::vector<diplo::trip>& v) {
    std::string o;
    for (const auto& x : v) o += fmt::format("[{} {} {}]", x.guest, x.country, ids(x.events));
    return o;
  };
  const std::vector<actor_id> people{xi, putin, modi, lula, actor_id{"nobody"}};
  const std::vector<date::sys_days> days{2023_y / date::March / 21, 2024_y / date::October / 23,
                                         2025_y / date::May / 9, 2026_y / date::March / 1};
  for (const auto& a : people) {
    for (const auto& b : people) {
      for (const bool calls : {false, true}) {
        const diplo::meet_options o{.calls = calls, .planned = !calls};
        s += enc(diplo::last_meeting(t, a, b, o)) + enc(diplo::first_meeting(t, a, b, o));
        for (const auto d : days) s += enc(diplo::next_meeting(t, a, b, d, o));
        for (const auto& m : diplo::meetings(t, a, b, o)) s += enc(m);
        EXPECT_EQ(diplo::count_meetings(t, a, b, o), diplo::meetings(t, a, b, o).size());
        if (auto g = diplo::longest_gap(t, a, b, o)) {
          s += fmt::format("gap {} {} {}", enc(g->before), enc(g->after), g->length.count());
        }
      }
    }
    const diplo::visit_filter f{.guest = a, .planned = true};
    s += trips(diplo::visits(t, f)) + fmt::format("{}", diplo::count_visits(t, f));
    for (const auto d : days) {
      for (const auto& w : diplo::where(t, a, d, {.planned = true})) {
        s += fmt::format("{} {}", id(w.event), diplo::name(w.certainty));
      }
    }
    for (const auto& c : diplo::contacts(t, a, {.calls = true})) {
      s += fmt::format("{} {} {} {}", c.counterpart, c.count, enc(c.first), enc(c.last));
    }
    for (const auto& c : diplo::visited_countries(t, a, f)) s += fmt::format("{} {}", c.country, c.trips);
    if (auto g = diplo::longest_gap(t, f)) s += trips({g->before, g->after});
    for (const auto& j : diplo::journeys(t, f)) s += j.id + trips(j.stops);
    s += ids(t.events_of(a));
  }
  for (const auto d : days) {
    for (const auto& p : diplo::whereabouts_on(t, d, {.planned = true})) {
      s += p.actor.value();
      for (const auto& w : p.whereabouts) s += id(w.event);
    }
  }
  for (const diplo::event_ref e : t.events()) {
    s += fmt::format("{} {} {} {} {} {}", id(t.find(e.id())), e.parent() ? id(e.parent()) : "-",
                     ids(e.children()), id(e.root()), e, e.number());
  }
  s += fmt::format("{} {} {}", t.actors().resolve("Xi"), fmt::join(t.actors().suggestions("Pootin"), ","),
                   t.actors().candidates("Putin").size());
  return s;
}

TEST(Timeline, QueriesFromManyThreadsAgree) {
  // One built timeline, queried at once from many threads without locks (run under
  // ThreadSanitizer by `scripts/test --tsan`): every thread gets the answers one thread gets.
  const auto t = world();
  const std::string expected = every_answer(t);
  ASSERT_GT(expected.size(), 1000U);
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      for (int k = 0; k < 20; ++k) {
        if (every_answer(t) != expected) ++wrong;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong.load(), 0);
}

// --- visited_countries, longest_gap over trips, journeys, whereabouts_on -------------------

auto trip_visit(const char* id, const char* days, actor_id guest, country_code c, const char* journey = "")
    -> diplo::visit {
  auto v = make<diplo::visit>(id, days, c);
  v.guests = {std::move(guest)};
  v.host_country = c;
  v.journey = journey;
  return v;
}

// Xi abroad: two journeys of several stops, and stops that name no journey.
auto travels() -> diplo::timeline {
  diplo::timeline_builder b(registry());
  b.add(trip_visit("ru-1", "2023-03-20/2023-03-22", xi, country_code{"RU"}, "j-2023"));
  b.add(trip_visit("kz-1", "2023-03-22/2023-03-23", xi, country_code{"KZ"}, "j-2023"));
  b.add(trip_visit("ru-2", "2023-03-24", xi, country_code{"RU"}, "j-2023"));
  b.add(trip_visit("fr-1", "2024-05-05/2024-05-07", xi, country_code{"FR"}, "j-2024"));
  b.add(trip_visit("rs-1", "2024-05-07/2024-05-08", xi, country_code{"RS"}, "j-2024"));
  b.add(trip_visit("hu-1", "2024-05-08/2024-05-10", xi, country_code{"HU"}, "j-2024"));
  b.add(trip_visit("br-1", "2024-11-17/2024-11-21", xi, country_code{"BR"}));
  b.add(trip_visit("ru-3", "2025-05-07/2025-05-10", xi, country_code{"RU"}));
  auto planned = trip_visit("ru-4", "2026-05", xi, country_code{"RU"});
  planned.status = diplo::status::planned;
  b.add(planned);
  b.add(trip_visit("putin-cn", "2024-05-16/2024-05-17", putin, country_code{"CN"}));
  return std::move(b).freeze();
}

TEST(VisitedCountries, RanksCountriesByTrips) {
  const auto t = travels();
  const auto c = diplo::visited_countries(t, xi);
  // RU three times (ru-1, ru-2 are separate trips: KZ came between), then one each by code.
  ASSERT_EQ(c.size(), 6U);
  EXPECT_EQ(c[0].country, country_code{"RU"});
  EXPECT_EQ(c[0].trips, 3U);
  EXPECT_EQ(c[0].first.main().id().value(), "ru-1");
  EXPECT_EQ(c[0].last.main().id().value(), "ru-3");
  std::vector<std::string> rest;
  for (std::size_t i = 1; i < c.size(); ++i) rest.emplace_back(c[i].country.alpha2());
  EXPECT_EQ(rest, (std::vector<std::string>{"BR", "FR", "HU", "KZ", "RS"}));
  EXPECT_EQ(fmt::format("{}", c[0]), "Russia: 3 trips, first 20–22 March 2023, last 7–10 May 2025");
  EXPECT_EQ(fmt::format("{:>38}", c[1]), "   Brazil: 1 trip, 17–21 November 2024");
  // The filter applies; its guest is replaced; planned trips count when asked.
  EXPECT_EQ(diplo::visited_countries(t, xi, {.guest = putin, .from = 2024_y / date::January / 1}).size(), 5U);
  EXPECT_EQ(diplo::visited_countries(t, xi, {.planned = true})[0].trips, 4U);
  EXPECT_TRUE(diplo::visited_countries(t, actor_id{"nobody"}).empty());
  EXPECT_TRUE(diplo::visited_countries(t, modi).empty());
}

// Issue 19, item 14: a person with no known country (no `country`, no office covering the
// day) is abroad nowhere: their events are not counted as trips, rather than as trips
// everywhere.
TEST(VisitedCountries, AnUnknownHomeCountryCountsNoTrip) {
  auto reg = registry();
  const actor_id nomad{"nomad"};
  reg.add(diplo::person{
      .id = nomad, .name = "Nomad", .aliases = {}, .wikidata = {}, .country = {}, .offices = {}});
  diplo::timeline_builder b(std::move(reg));
  b.add(trip_visit("fr-1", "2021-05-01", nomad, country_code{"FR"}));
  b.add(trip_visit("de-1", "2021-06-01", nomad, country_code{"DE"}));
  b.add(trip_visit("fr-2", "2021-07-01", xi, country_code{"FR"}));
  const auto t = std::move(b).freeze();
  EXPECT_TRUE(diplo::visited_countries(t, nomad).empty());
  EXPECT_TRUE(diplo::visits(t, {.guest = nomad}).empty());
  EXPECT_EQ(diplo::count_visits(t, {.guest = nomad, .host_country = country_code{"FR"}}), 0U);
  EXPECT_EQ(diplo::visits(t, {}).size(), 1U);  // Xi's, whose country is known
}

TEST(LongestGapOverTrips, RunsFromTheLatestEndToTheNextStart) {
  const auto t = travels();
  const auto g = diplo::longest_gap(t, diplo::visit_filter{.guest = xi});
  ASSERT_TRUE(g);
  // The days with no trip: 25 March 2023 - 4 May 2024 (407 days, 2024 is a leap year),
  // 11 May - 16 November 2024 (190), 22 November 2024 - 6 May 2025 (166).
  EXPECT_EQ(g->before.main().id().value(), "ru-2");
  EXPECT_EQ(g->after.main().id().value(), "fr-1");
  EXPECT_EQ(g->length, date::sys_days{2024_y / date::May / 5} - date::sys_days{2023_y / date::March / 25});
  EXPECT_EQ(g->length.count(), 407);
  EXPECT_EQ(fmt::format("{}", *g), "407 days, between 24 March 2023 and 5 May 2024");
  EXPECT_FALSE(diplo::longest_gap(t, diplo::visit_filter{.guest = putin}));
  EXPECT_FALSE(diplo::longest_gap(t, diplo::visit_filter{.guest = modi}));
}

TEST(LongestGapOverTrips, TheTripBeforeTheGapIsTheOneThatEndsLast) {
  diplo::timeline_builder b(registry());
  b.add(trip_visit("long", "2024-01-01/2024-03-31", xi, country_code{"RU"}));
  b.add(trip_visit("short", "2024-02-01/2024-02-02", putin, country_code{"CN"}));
  b.add(trip_visit("next", "2024-06-01", modi, country_code{"US"}));
  const auto t = std::move(b).freeze();
  const auto g = diplo::longest_gap(t, diplo::visit_filter{});
  ASSERT_TRUE(g);
  EXPECT_EQ(g->before.main().id().value(), "long");
  EXPECT_EQ(g->after.main().id().value(), "next");
  EXPECT_EQ(g->length.count(), 61);  // 1 April .. 31 May
  // Trips that touch or overlap leave no gap.
  diplo::timeline_builder b2(registry());
  b2.add(trip_visit("a", "2024-01-01/2024-01-05", xi, country_code{"RU"}));
  b2.add(trip_visit("b", "2024-01-03/2024-01-04", putin, country_code{"CN"}));
  const auto t2 = std::move(b2).freeze();
  EXPECT_EQ(diplo::longest_gap(t2, diplo::visit_filter{})->length.count(), 0);
}

TEST(Journeys, GroupTripsByJourneyId) {
  const auto t = travels();
  const auto js = diplo::journeys(t, {.guest = xi});
  // j-2023 (RU, KZ, RU), j-2024 (FR, RS, HU), br-1 and ru-3 alone: 4 journeys, 8 trips.
  ASSERT_EQ(js.size(), 4U);
  EXPECT_EQ(diplo::visits(t, {.guest = xi}).size(), 8U);
  EXPECT_EQ(js[0].id, "j-2023");
  EXPECT_EQ(js[0].stops.size(), 3U);
  EXPECT_EQ(js[0].countries(), (std::vector<country_code>{country_code{"RU"}, country_code{"KZ"}}));
  EXPECT_EQ(js[0].when, diplo::period::parse("2023-03-20/2023-03-24"));
  EXPECT_EQ(js[1].id, "j-2024");
  EXPECT_EQ(js[2].id, "");
  EXPECT_EQ(js[2].stops.front().main().id().value(), "br-1");
  EXPECT_EQ(fmt::format("{}", js[1]), "Xi Jinping, 5–10 May 2024: France, Serbia, Hungary (3 stops)");
  EXPECT_EQ(fmt::format("{}", js[3]), "Xi Jinping, 7–10 May 2025: Russia");
  // host_country keeps whole journeys with a stop there; from/to bound the start.
  const auto serbia = diplo::journeys(t, {.guest = xi, .host_country = country_code{"RS"}});
  ASSERT_EQ(serbia.size(), 1U);
  EXPECT_EQ(serbia[0].stops.size(), 3U);
  EXPECT_EQ(diplo::journeys(t, {.guest = xi, .from = 2024_y / date::May / 6}).size(), 2U);
  EXPECT_EQ(diplo::journeys(t, {.guest = xi, .to = 2024_y / date::May / 5}).size(), 2U);
  EXPECT_EQ(diplo::journeys(t, {.guest = xi, .planned = true}).size(), 5U);
  EXPECT_EQ(diplo::journeys(t, {}).size(), 5U);  // everyone: Putin's one journey too
  EXPECT_TRUE(diplo::journeys(t, {.guest = modi}).empty());
}

TEST(WhereaboutsOn, EveryonePlacedOnADay) {
  const auto t = world();
  const auto all = diplo::whereabouts_on(t, 2024_y / date::October / 22);
  // The Kazan summit places all four; the talks inside it place Xi and Putin again.
  ASSERT_EQ(all.size(), 4U);
  std::vector<std::string> who;
  for (const auto& p : all) who.push_back(p.actor.value());
  EXPECT_EQ(who, (std::vector<std::string>{"lula", "modi", "putin", "xi"}));  // by name
  for (const auto& p : all) {
    EXPECT_EQ(p.whereabouts, diplo::where(t, p.actor, 2024_y / date::October / 22)) << p.actor.value();
  }
  EXPECT_EQ(all[3].whereabouts.size(), 2U);
  EXPECT_EQ(fmt::format("{}", all[1]), "Narendra Modi: 16th BRICS summit, Russia (City), 22–24 October 2024");
  EXPECT_TRUE(diplo::whereabouts_on(t, 2024_y / date::October / 22, {.country = country_code{"CN"}}).empty());
  // A video call places nobody; planned events only when asked, and only possibly.
  EXPECT_TRUE(diplo::whereabouts_on(t, 2025_y / date::January / 21).empty());
  // (The planned visit of "2026-01/2026-06" surely covers March, only possibly 15 January.)
  EXPECT_TRUE(diplo::whereabouts_on(t, 2026_y / date::January / 15).empty());
  const auto planned = diplo::whereabouts_on(t, 2026_y / date::January / 15, {.planned = true});
  ASSERT_EQ(planned.size(), 2U);
  EXPECT_EQ(planned[0].whereabouts.at(0).certainty, diplo::truth::possibly);
  EXPECT_EQ(
      diplo::whereabouts_on(t, 2026_y / date::March / 1, {.planned = true})[0].whereabouts.at(0).certainty,
      diplo::truth::certainly);
  EXPECT_TRUE(diplo::whereabouts_on(diplo::timeline{}, 2026_y / date::March / 1).empty());
}

// whereabouts_on, through the day index, against where() for every person and a brute force
// over every event, on every day of a random world with partial dates, long events and
// nested ones.
TEST(WhereaboutsOn, AgreesWithWhereAndABruteForceOnARandomWorld) {
  std::mt19937 rng(20090402);
  std::vector<actor_id> people{xi, putin, modi, lula};
  diplo::timeline_builder b(registry());
  for (int i = 0; i < 300; ++i) {
    const std::string id = fmt::format("e{}", i);
    const int year = 2020 + static_cast<int>(rng() % 3);
    const int month = 1 + static_cast<int>(rng() % 12);
    const int day = 1 + static_cast<int>(rng() % 28);
    std::string days;
    switch (rng() % 6) {
      case 0: days = fmt::format("{}-{:02}", year, month); break;  // a month
      case 1: days = fmt::format("{}-{:02}-{:02}/{}-12-31", year, month, day, year); break;
      default:
        days = fmt::format("{}-{:02}-{:02}/{}-{:02}-{:02}", year, month, day, year, month,
                           std::min(28, day + static_cast<int>(rng() % 5)));
    }
    std::shuffle(people.begin(), people.end(), rng);
    std::vector<actor_id> who(people.begin(), people.begin() + 2 + static_cast<int>(rng() % 3));
    const country_code c = rng() % 2 == 0 ? country_code{"RU"} : country_code{"CN"};
    if (rng() % 4 == 0) {
      auto m = talks(id.c_str(), "2020-01-01", who, c);
      m.when = diplo::period::parse(days);
      if (rng() % 3 == 0) m.mode = diplo::meeting_mode::phone;
      b.add(m);
    } else {
      auto s = summit(id.c_str(), days.c_str(), who, c, "S");
      if (rng() % 7 == 0) s.status = diplo::status::planned;
      b.add(s);
    }
  }
  const auto t = std::move(b).freeze();
  int placed = 0;
  for (auto d = date::sys_days{2019_y / date::December / 1}; d < date::sys_days{2023_y / date::February / 1};
       d += date::days{1}) {
    const auto all = diplo::whereabouts_on(t, d);
    const auto n = d.time_since_epoch().count();
    std::vector<actor_id> seen;
    for (const auto& p : all) {
      EXPECT_EQ(p.whereabouts, diplo::where(t, p.actor, d)) << p.actor.value() << " " << n;
      seen.push_back(p.actor);
      placed += static_cast<int>(p.whereabouts.size());
    }
    for (const auto& a : people) {
      const bool somewhere = !diplo::where(t, a, d).empty();
      EXPECT_EQ(somewhere, std::find(seen.begin(), seen.end(), a) != seen.end()) << a.value() << " " << n;
    }
    // The day index finds exactly the events that may cover the day.
    std::vector<std::uint32_t> stabbed;
    t.index().days.stab(static_cast<std::int32_t>(d.time_since_epoch().count()), t.index().facts,
                        [&](std::uint32_t i) { stabbed.push_back(i); });
    std::sort(stabbed.begin(), stabbed.end());
    std::vector<std::uint32_t> brute;
    for (std::uint32_t i = 0; i < t.size(); ++i) {
      if (t.at(i).when().covers(d) != diplo::truth::no) brute.push_back(i);
    }
    EXPECT_EQ(stabbed, brute) << n;
    const auto ru = diplo::whereabouts_on(t, d, {.country = country_code{"RU"}});
    for (const auto& p : ru) {
      for (const auto& w : p.whereabouts) EXPECT_EQ(diplo::country_of(w.event.value()), country_code{"RU"});
    }
  }
  EXPECT_GT(placed, 1000);
}

}  // namespace

// The indexed queries against brute force over every event, on a synthetic world dense
// enough that pairs meet at summits, on their sidelines and on visits, with partial dates.
TEST(Queries, AgreeWithBruteForceOnASyntheticWorld) {
  auto t = diplo::io::build(
      diplo::synthetic::generate({.events = 4000, .seed = 11, .countries = 12, .leaders_per_country = 3}));
  std::vector<diplo::event> all;  // the events as values, in timeline order
  for (const diplo::event_ref e : t.events()) all.push_back(e.value());
  std::vector<actor_id> people;
  for (const auto& a : t.actors().actors()) {
    if (std::holds_alternative<diplo::person>(a)) people.push_back(diplo::id_of(a));
  }
  ASSERT_GT(people.size(), 20u);
  std::vector<std::vector<actor_id>> parts;
  for (const auto& e : all) {
    parts.push_back(diplo::participants(e));
    std::sort(parts.back().begin(), parts.back().end());
  }
  auto has = [&](std::size_t i, const actor_id& a) {
    const auto& p = parts[i];
    return std::binary_search(p.begin(), p.end(), a);
  };
  auto counts = [&](std::size_t i) {
    return diplo::base(all[i]).status == diplo::status::occurred && diplo::in_person(all[i]);
  };
  std::mt19937 rng(7);
  auto day = [&]() { return date::sys_days{1950_y / 1 / 1} + date::days{static_cast<int>(rng() % 27000)}; };
  int met = 0;
  std::size_t trips = 0;
  for (int k = 0; k < 400; ++k) {
    const actor_id& a = people[rng() % people.size()];
    const actor_id& b = people[rng() % people.size()];
    if (a == b) continue;
    const auto before = day();
    const auto after = before - date::days{static_cast<int>(rng() % 8000)};
    // last_meeting: the latest shared event certainly starting before the bound is in it.
    std::optional<std::size_t> latest;
    std::vector<std::size_t> shared;
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (!has(i, a) || !has(i, b) || !counts(i)) continue;
      const auto& w = diplo::base(all[i]).when;
      if (w.latest_start() < before) latest = i;
      if (w.latest_start() < before && w.earliest_start() >= after) shared.push_back(i);
    }
    auto r = diplo::last_meeting(t, a, b, {.before = before});
    ASSERT_EQ(r.has_value(), latest.has_value()) << fmt::format("{} {} {}", a, b, date::format("%F", before));
    if (r) {
      ++met;
      EXPECT_NE(std::find(r->events.begin(), r->events.end(), t.at(*latest)), r->events.end())
          << fmt::format("{} {} {}", a, b, date::format("%F", before));
    }
    // meetings: the shared events in range without a shared ancestor.
    std::size_t roots = 0;
    for (auto i : shared) {
      bool inside = false;
      for (diplo::event_ref p = t.at(i).parent(); p && !inside; p = p.parent()) {
        inside = std::binary_search(shared.begin(), shared.end(), static_cast<std::size_t>(p.number()));
      }
      roots += inside ? 0 : 1;
    }
    EXPECT_EQ(diplo::meetings(t, a, b, {.before = before, .after = after}).size(), roots);
    EXPECT_EQ(diplo::count_meetings(t, a, b, {.before = before, .after = after}), roots);
    // count_visits (the trip index) against visits() (built trip by trip).
    // Bounds on the first days of a's events, where off-by-one errors would show.
    const auto mine = t.events_of(a);
    if (!mine.empty()) {
      const diplo::period w1 = mine[rng() % mine.size()].when();
      const diplo::period w2 = mine[rng() % mine.size()].when();
      const country_code c = mine[rng() % mine.size()].country();
      const date::sys_days d1 = w1.earliest_start();
      const date::sys_days d2 = w2.latest_start();
      const date::sys_days from = std::min(d1, d2);  // by value: std::minmax of temporaries dangles
      const date::sys_days to = std::max(d1, d2);
      const diplo::visit_filter f{.guest = a, .host_country = c, .from = from, .to = to};
      const auto n = diplo::visits(t, f).size();
      EXPECT_EQ(diplo::count_visits(t, f), n) << fmt::format("{} {}", a, c);
      trips += n;
    }
    // where: every in-person event of a's that may cover the day.
    const auto d = before - date::days{static_cast<int>(rng() % 400)};
    std::vector<diplo::event_ref> certain, possible;
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (!has(i, a) || !counts(i)) continue;
      auto cover = diplo::base(all[i]).when.covers(d);
      if (cover == diplo::truth::certainly) certain.push_back(t.at(i));
      if (cover == diplo::truth::possibly) possible.push_back(t.at(i));
    }
    certain.insert(certain.end(), possible.begin(), possible.end());
    std::vector<diplo::event_ref> got;
    for (const auto& w : diplo::where(t, a, d)) got.push_back(w.event);
    EXPECT_EQ(got, certain) << fmt::format("{} {}", a, date::format("%F", d));
  }
  EXPECT_GT(met, 50);
  EXPECT_GT(trips, 100u);
  // contacts: one per counterpart met, counted as meetings() counts.
  for (int k = 0; k < 20; ++k) {
    const actor_id& a = people[rng() % people.size()];
    std::size_t expected = 0;
    for (const auto& b : people) expected += (b != a && !diplo::meetings(t, a, b).empty()) ? 1 : 0;
    auto cs = diplo::contacts(t, a);
    EXPECT_EQ(cs.size(), expected);
    // Ranked: most frequent first, then by name.
    for (std::size_t k = 1; k < cs.size(); ++k) {
      const auto& x = cs[k - 1];
      const auto& y = cs[k];
      EXPECT_TRUE(x.count > y.count || (x.count == y.count && name_of(t.actors().get(x.counterpart)) <=
                                                                  name_of(t.actors().get(y.counterpart))));
    }
    for (const auto& c : cs) {
      auto m = diplo::meetings(t, a, c.counterpart);
      ASSERT_FALSE(m.empty());
      EXPECT_EQ(c.count, m.size());
      EXPECT_EQ(c.first.events, m.front().events);
      EXPECT_EQ(c.last.events, m.back().events);
    }
  }
}

// events_with against brute force: every event whose participants include all the actors
// asked for and that counts under the options, in timeline order.
TEST(Queries, EventsWithAgreesWithBruteForce) {
  auto t = diplo::io::build(
      diplo::synthetic::generate({.events = 3000, .seed = 5, .countries = 10, .leaders_per_country = 3}));
  std::vector<diplo::event> all;
  for (const diplo::event_ref e : t.events()) all.push_back(e.value());
  std::vector<actor_id> actors;
  for (const auto& a : t.actors().actors()) actors.push_back(diplo::id_of(a));
  std::mt19937 rng(3);
  auto day = [&]() { return date::sys_days{1950_y / 1 / 1} + date::days{static_cast<int>(rng() % 27000)}; };
  std::size_t found = 0;
  for (int k = 0; k < 300; ++k) {
    std::vector<actor_id> asked;
    for (unsigned n = rng() % 4; n > 0; --n) asked.push_back(actors[rng() % actors.size()]);
    if (k % 3 == 0 && !all.empty()) {  // a pair that took part together somewhere
      const auto p = diplo::participants(all[rng() % all.size()]);
      asked = {p.front(), p.back()};
    }
    diplo::meet_options o{.calls = rng() % 2 == 0,
                          .planned = rng() % 2 == 0,
                          .cancelled = rng() % 2 == 0,
                          .possibly = rng() % 2 == 0};
    if (rng() % 2 == 0) o.before = day();
    if (rng() % 2 == 0) o.after = day() - date::days{20000};
    std::vector<std::string> expected;
    for (const auto& e : all) {
      const auto& b = diplo::base(e);
      const auto p = diplo::participants(e);
      const bool everyone = std::all_of(asked.begin(), asked.end(), [&](const actor_id& a) {
        return std::find(p.begin(), p.end(), a) != p.end();
      });
      const bool status_ok = b.status == diplo::status::occurred ||
                             (o.cancelled && b.status == diplo::status::cancelled) ||
                             (o.planned && b.status != diplo::status::cancelled);
      const auto earliest = b.when.earliest_start();
      const auto latest = b.when.latest_start();
      const bool in_bounds = (!o.before || (o.possibly ? earliest : latest) < *o.before) &&
                             (!o.after || (o.possibly ? latest : earliest) >= *o.after);
      if (everyone && status_ok && (o.calls || diplo::in_person(e)) && in_bounds)
        expected.push_back(b.id.value());
    }
    std::vector<std::string> got;
    for (const diplo::event_ref& e : diplo::events_with(t, asked, o)) got.push_back(e.id().value());
    ASSERT_EQ(got, expected) << "case " << k;
    found += got.size();
  }
  EXPECT_GT(found, 1000U);  // the cases find events, not only empty answers
  EXPECT_TRUE(diplo::events_with(t, std::vector{actor_id("nobody-at-all")}).empty());
  EXPECT_EQ(diplo::events_with(t, {}, {.calls = true, .planned = true, .cancelled = true}).size(), t.size());
}

// Asked by key (looked up once) or by id, every pairwise query and `where` answer the same,
// on a synthetic world where pairs meet at summits, on their sidelines and on visits.
TEST(ActorKeys, AnswerAsIdsDo) {
  auto t = diplo::io::build(
      diplo::synthetic::generate({.events = 3000, .seed = 5, .countries = 10, .leaders_per_country = 3}));
  std::vector<actor_id> people;
  for (const auto& a : t.actors().actors()) {
    if (std::holds_alternative<diplo::person>(a)) people.push_back(diplo::id_of(a));
  }
  ASSERT_GT(people.size(), 20u);
  auto ids = [](const std::vector<diplo::event_ref>& v) {
    std::string o;
    for (const auto& e : v) o += fmt::format("{} ", e.number());
    return o;
  };
  auto text = [&](const std::optional<diplo::encounter>& e) { return e ? ids(e->events) : std::string("-"); };
  std::mt19937 rng(99);
  int met = 0;
  int placed = 0;
  for (int k = 0; k < 400; ++k) {
    const actor_id& x = people[rng() % people.size()];
    const actor_id& y = people[rng() % people.size()];
    const auto kx = t.key(x);
    const auto ky = t.key(y);
    ASSERT_TRUE(kx && ky);
    EXPECT_EQ(kx->number(), *t.actor_number(x));
    const auto day = date::sys_days{date::year{1960 + static_cast<int>(rng() % 66)} / 1 / 1};
    const diplo::meet_options o{.before = day + date::days{3650}, .after = day};
    const auto last = diplo::last_meeting(t, x, y, o);
    EXPECT_EQ(text(diplo::last_meeting(t, *kx, *ky, o)), text(last));
    EXPECT_EQ(text(diplo::first_meeting(t, *kx, *ky, o)), text(diplo::first_meeting(t, x, y, o)));
    EXPECT_EQ(diplo::count_meetings(t, *kx, *ky, o), diplo::count_meetings(t, x, y, o));
    std::string by_id;
    std::string by_key;
    for (const auto& e : diplo::meetings(t, x, y, o)) by_id += ids(e.events) + "| ";
    for (const auto& e : diplo::meetings(t, *kx, *ky, o)) by_key += ids(e.events) + "| ";
    EXPECT_EQ(by_key, by_id);
    const auto on = day + date::days{rng() % 3650};
    std::string where_id;
    std::string where_key;
    for (const auto& w : diplo::where(t, x, on)) where_id += ids({w.event});
    for (const auto& w : diplo::where(t, *kx, on)) where_key += ids({w.event});
    EXPECT_EQ(where_key, where_id);
    met += last ? 1 : 0;
    placed += where_id.empty() ? 0 : 1;
  }
  EXPECT_GT(met, 20);
  EXPECT_GT(placed, 5);
}

TEST(ActorKeys, BelongToTheirTimelineAndItsCopies) {
  diplo::timeline_builder b(registry());
  b.add(talks("t1", "2024-05-16", {xi, putin}));
  b.add(talks("t2", "2024-10-22", {xi, putin}));
  const auto t = std::move(b).freeze();
  EXPECT_FALSE(t.key(actor_id{"nobody"}));
  EXPECT_FALSE(diplo::timeline().key(xi));  // an empty timeline knows no one
  const auto kx = t.key(xi);
  const auto kp = t.key(putin);
  ASSERT_TRUE(kx && kp);
  EXPECT_NE(*kx, *kp);
  EXPECT_EQ(*t.key(xi), *kx);
  EXPECT_EQ(id(diplo::last_meeting(t, *kx, *kp)->event), "t2");
  const diplo::timeline copy = t;  // one store: its keys are the same
  EXPECT_EQ(id(diplo::first_meeting(copy, *kx, *kp)->event), "t1");
  EXPECT_EQ(diplo::count_meetings(t, *kx, *kx), 0u);  // one actor does not meet itself
  EXPECT_FALSE(diplo::last_meeting(t, *kx, *kx));
  // The same data frozen again is another timeline: its numbers may differ, so a key of
  // the first is refused, not read as whoever has its number there.
  diplo::timeline_builder again(registry());
  again.add(talks("t1", "2024-05-16", {xi, putin}));
  const auto other = std::move(again).freeze();
  EXPECT_EQ(other.key(xi)->number(), kx->number());
  EXPECT_NE(*other.key(xi), *kx);
  try {
    (void)diplo::last_meeting(other, *kx, *kp);
    ADD_FAILURE() << "a key of another timeline was accepted";
  } catch (const diplo::error& e) {
    EXPECT_STREQ(e.what(),
                 "[diplo.query] an actor key of another timeline: keys are valid with the timeline that "
                 "gave them (timeline::key) and its copies");
  }
  EXPECT_THROW((void)diplo::where(other, *kx, date::sys_days{2024_y / 5 / 16}), diplo::error);
  EXPECT_THROW((void)diplo::count_meetings(diplo::timeline(), *kx, *kp), diplo::error);
}
