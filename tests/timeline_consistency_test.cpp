// SPDX-License-Identifier: MIT
// timeline_builder::check_consistency(): CONSISTENCY ACROSS RECORDS in diplo/timeline.h.
#include <diplo/timeline.h>

#include <cstddef>
#include <map>
#include <optional>
#include <random>
#include <regex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace {

using diplo::actor_id;
using diplo::country_code;
using diplo::event_id;

// A code, or none for "".
auto cc(const char* code) -> country_code {
  return *code == '\0' ? country_code{} : country_code::parse(code);
}

auto person(const char* id, std::vector<diplo::office> offices = {}) -> diplo::person {
  return diplo::person{.id = actor_id{id}, .name = id, .offices = std::move(offices)};
}

auto registry() -> diplo::actor_registry {
  diplo::actor_registry r;
  for (const char* id : {"lula", "chavez", "kirchner"}) r.add(person(id));
  return r;
}

auto trip(const char* id, const char* who, const char* country, const char* days) -> diplo::visit {
  diplo::visit v;
  v.id = event_id{id};
  v.when = diplo::period::parse(days);
  v.guests = {actor_id{who}};
  v.host_country = cc(country);
  return v;
}

auto talks(const char* id, std::vector<actor_id> who, const char* country, const char* days)
    -> diplo::meeting {
  diplo::meeting m;
  m.id = event_id{id};
  m.when = diplo::period::parse(days);
  m.participants = std::move(who);
  m.place.country = cc(country);
  return m;
}

// The builder's events, each read at "t.json", line = its position + 1.
auto build(const std::vector<diplo::event>& events, diplo::actor_registry r = registry())
    -> diplo::timeline_builder {
  diplo::timeline_builder b(std::move(r));
  for (std::size_t i = 0; i < events.size(); ++i) {
    b.add(events[i], diplo::origin{"t.json", static_cast<std::uint32_t>(i + 1), 1});
  }
  return b;
}

auto messages(const std::vector<diplo::diagnostic>& ds) -> std::vector<std::string> {
  std::vector<std::string> out;
  for (const auto& d : ds) out.push_back(fmt::format("{}", d));
  return out;
}

auto check(const std::vector<diplo::event>& events) -> std::vector<std::string> {
  return messages(build(events).check_consistency());
}

// --- two countries ---------------------------------------------------------------------------

TEST(TimelineConsistency, WarnsOfTwoCountriesOnTwoSharedDaysNamingBothRecords) {
  const auto w = build({trip("paris", "lula", "FR", "2003-06-01/2003-06-05"),
                        trip("berlin", "lula", "DE", "2003-06-04/2003-06-08")})
                     .check_consistency();
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].severity, diplo::severity::warning);
  EXPECT_EQ(w[0].where, "t.json");
  EXPECT_EQ(w[0].line, 2u);  // the later event
  EXPECT_EQ(w[0].message,
            "event \"berlin\": \"lula\" is placed in Germany on 4–8 June 2003 and in France on 1–5 June "
            "2003 by \"paris\" (t.json:1): two countries on the same days (4–5 June 2003 shared, 2 days)");
}

TEST(TimelineConsistency, OneSharedTravelDayIsNoConflict) {
  EXPECT_TRUE(check({trip("paris", "lula", "FR", "2003-06-01/2003-06-04"),
                     trip("berlin", "lula", "DE", "2003-06-04/2003-06-08")})
                  .empty());
  // A one-day visit on the first or last day of a longer one: a flight that day.
  EXPECT_TRUE(check({trip("paris", "lula", "FR", "2003-06-01/2003-06-04"),
                     trip("brussels", "lula", "BE", "2003-06-04")})
                  .empty());
  EXPECT_TRUE(check({trip("paris", "lula", "FR", "2003-06-01/2003-06-04"),
                     trip("brussels", "lula", "BE", "2003-06-01")})
                  .empty());
  // Two one-day events on one day: a morning here, an evening there.
  EXPECT_TRUE(check({trip("paris", "lula", "FR", "2003-06-01"), trip("brussels", "lula", "BE", "2003-06-01")})
                  .empty());
}

TEST(TimelineConsistency, WarnsOfOneDayStrictlyInsideAnotherEvent) {
  const auto w = check(
      {trip("paris", "lula", "FR", "2003-06-01/2003-06-05"), trip("brussels", "lula", "BE", "2003-06-03")});
  ASSERT_EQ(w.size(), 1u);
  EXPECT_NE(w[0].find("3 June 2003 shared, strictly inside one of the two"), std::string::npos) << w[0];
}

TEST(TimelineConsistency, AnOccasionOfSeveralDaysPlacesItsPeopleOnSomeOfThem) {
  // Talks recorded over 2-4 June: on one of those days. Inside a stay in Paris from the 1st
  // to the 5th, every one of them is taken.
  const auto w =
      check({trip("paris", "lula", "FR", "2003-06-01/2003-06-05"),
             talks("talks", {actor_id{"lula"}, actor_id{"chavez"}}, "DE", "2003-06-02/2003-06-04")});
  ASSERT_EQ(w.size(), 1u);
  EXPECT_NE(w[0].find("in Germany on some day of 2–4 June 2003"), std::string::npos) << w[0];
  EXPECT_NE(w[0].find("every day of 2–4 June 2003 lies inside the other's days"), std::string::npos) << w[0];
  // Over 1-3 June: the talks may have been on the 1st, before the flight to Paris.
  EXPECT_TRUE(check({trip("paris", "lula", "FR", "2003-06-01/2003-06-05"),
                     talks("talks", {actor_id{"lula"}, actor_id{"chavez"}}, "DE", "2003-06-01/2003-06-03")})
                  .empty());
  // Two occasions of several days each: no telling.
  EXPECT_TRUE(check({talks("a", {actor_id{"lula"}, actor_id{"chavez"}}, "FR", "2003-06-01/2003-06-05"),
                     talks("b", {actor_id{"lula"}, actor_id{"kirchner"}}, "DE", "2003-06-02/2003-06-04")})
                  .empty());
}

TEST(TimelineConsistency, EventsNestedOrInOneJourneyAreNoConflict) {
  auto inner = talks("talks", {actor_id{"lula"}, actor_id{"chavez"}}, "DE", "2003-06-03");
  inner.parent = event_id{"paris"};
  auto sibling = trip("side", "lula", "BE", "2003-06-02/2003-06-04");
  sibling.parent = event_id{"summit-trip"};
  auto summit_trip = trip("summit-trip", "lula", "FR", "2003-06-01/2003-06-05");
  EXPECT_TRUE(check({trip("paris", "lula", "FR", "2003-06-01/2003-06-05"), inner}).empty());
  EXPECT_TRUE(check({summit_trip, sibling}).empty());
  auto a = trip("a", "lula", "FR", "2003-06-01/2003-06-05");
  auto b = trip("b", "lula", "DE", "2003-06-03/2003-06-07");
  a.journey = b.journey = "lula-2003-06";
  EXPECT_TRUE(check({a, b}).empty());
  b.journey = "another";
  EXPECT_EQ(check({a, b}).size(), 1u);
}

TEST(TimelineConsistency, DifferentPeopleHostsCallsAndPlansAreNoConflict) {
  EXPECT_TRUE(check({trip("paris", "lula", "FR", "2003-06-01/2003-06-05"),
                     trip("berlin", "chavez", "DE", "2003-06-02/2003-06-04")})
                  .empty());
  // A host need not be there all along: only guests are placed by a visit.
  auto hosted = trip("caracas", "kirchner", "VE", "2003-06-01/2003-06-05");
  hosted.host = actor_id{"chavez"};
  EXPECT_TRUE(check({hosted, trip("berlin", "chavez", "DE", "2003-06-02/2003-06-04")}).empty());
  auto call = talks("call", {actor_id{"lula"}, actor_id{"chavez"}}, "DE", "2003-06-03");
  call.mode = diplo::meeting_mode::phone;
  EXPECT_TRUE(check({trip("paris", "lula", "FR", "2003-06-01/2003-06-05"), call}).empty());
  auto planned = trip("berlin", "lula", "DE", "2003-06-02/2003-06-04");
  planned.status = diplo::status::cancelled;
  EXPECT_TRUE(check({trip("paris", "lula", "FR", "2003-06-01/2003-06-05"), planned}).empty());
  // No country known: placed nowhere.
  EXPECT_TRUE(check({trip("paris", "lula", "FR", "2003-06-01/2003-06-05"),
                     talks("talks", {actor_id{"lula"}, actor_id{"chavez"}}, "", "2003-06-03")})
                  .empty());
  // The Holy See inside Rome.
  EXPECT_TRUE(
      check({trip("rome", "lula", "IT", "2003-06-01/2003-06-05"), trip("pope", "lula", "VA", "2003-06-03")})
          .empty());
}

TEST(TimelineConsistency, PartialDatesThatOnlyPossiblyOverlapAreNoConflict) {
  EXPECT_TRUE(
      check({trip("paris", "lula", "FR", "2003-06"), trip("berlin", "lula", "DE", "2003-06-10/2003-06-12")})
          .empty());
  // From 1 June to some day in June: certainly there on the 1st only.
  EXPECT_TRUE(check({trip("paris", "lula", "FR", "2003-06-01/2003-06"),
                     trip("berlin", "lula", "DE", "2003-06-05/2003-06-12")})
                  .empty());
  // Certainly there 1-10 June: a conflict, whatever the later days.
  EXPECT_EQ(check({trip("paris", "lula", "FR", "2003-06-01/2003-06-10"),
                   trip("berlin", "lula", "DE", "2003-06-05/2003-06")})
                .size(),
            1u);
}

TEST(TimelineConsistency, ReportsAConflictBetweenTwoTripsOnce) {
  // Talks inside the Berlin trip conflict with Paris as the trip does: one warning.
  auto in_berlin = talks("talks", {actor_id{"lula"}, actor_id{"chavez"}}, "DE", "2003-06-03");
  in_berlin.parent = event_id{"berlin"};
  const auto w = check({trip("paris", "lula", "FR", "2003-06-01/2003-06-05"),
                        trip("berlin", "lula", "DE", "2003-06-02/2003-06-04"), in_berlin});
  ASSERT_EQ(w.size(), 1u);
  EXPECT_NE(w[0].find("event \"berlin\""), std::string::npos) << w[0];
}

TEST(TimelineConsistency, FreezeDoesNotMakeTheseChecks) {
  auto b = build({trip("paris", "lula", "FR", "2003-06-01/2003-06-05"),
                  trip("berlin", "lula", "DE", "2003-06-02/2003-06-04")});
  EXPECT_EQ(b.check_consistency().size(), 1u);
  EXPECT_TRUE(b.validate().empty());
  const diplo::timeline t = std::move(b).freeze();
  EXPECT_TRUE(t.warnings().empty());
}

TEST(TimelineConsistency, StaysBoundedOnManyOverlappingStaysOfOnePerson) {
  // 5,000 stays of one person on the same days, in France and Germany by turns: the sweep
  // keeps a window of them, and each event gets max_conflict_warnings (8) at most; the first
  // 16 have fewer earlier ones in the other country (0, 1, 1, 2, 2, ... 8: 64 in all).
  std::vector<diplo::event> events;
  for (int i = 0; i < 5000; ++i) {
    const std::string id = fmt::format("t{}", i);
    events.push_back(trip(id.c_str(), "lula", i % 2 == 0 ? "FR" : "DE", "2003-06-01/2003-06-30"));
  }
  const auto w = build(events).check_consistency();
  EXPECT_EQ(diplo::diagnostic_count(w, diplo::severity::warning),
            (5000u - 16u) * diplo::detail::max_conflict_warnings + 64u);
}

// The brute-force oracle: every pair of events, every person, from the rule's statement in
// days (sets of days, not the sweep's intervals).
struct oracle_stay {
  std::set<int> days;  // the days placed on: all of them, or (some_day) one of them
  bool some_day = false;
};

auto day_of(date::sys_days d) -> int { return d.time_since_epoch().count(); }

auto stay_of(const diplo::event& e, const actor_id& who) -> std::optional<oracle_stay> {
  const diplo::event_base& b = diplo::base(e);
  if (b.status != diplo::status::occurred || !diplo::in_person(e) || diplo::country_of(e).empty()) return {};
  bool listed = false;
  bool occasion = !std::holds_alternative<diplo::visit>(e);
  diplo::for_each_participant(e, [&](const actor_id& a) { listed = listed || a == who; });
  if (const auto* v = std::get_if<diplo::visit>(&e); v != nullptr && v->host == who) {
    listed = std::find(v->guests.begin(), v->guests.end(), who) != v->guests.end();
  }
  if (!listed) return {};
  oracle_stay s;
  const int possible_first = day_of(b.when.earliest_start());
  const int possible_stop = day_of(b.when.latest_end());
  if (occasion && possible_stop - possible_first > 1) {
    s.some_day = true;
    for (int d = possible_first; d < possible_stop; ++d) s.days.insert(d);
  } else {
    for (int d = day_of(b.when.latest_start()); d < day_of(b.when.earliest_end()); ++d) s.days.insert(d);
  }
  if (s.days.empty()) return {};
  return s;
}

auto interior(const oracle_stay& s, int d) -> bool {
  return s.days.count(d) != 0 && d != *s.days.begin() && d != *s.days.rbegin();
}

auto oracle_conflict(const oracle_stay& x, const oracle_stay& y) -> bool {
  if (x.some_day && y.some_day) return false;
  if (x.some_day || y.some_day) {
    const oracle_stay& o = x.some_day ? x : y;
    const oracle_stay& w = x.some_day ? y : x;
    return std::all_of(o.days.begin(), o.days.end(), [&](int d) { return interior(w, d); });
  }
  std::vector<int> shared;
  std::set_intersection(x.days.begin(), x.days.end(), y.days.begin(), y.days.end(),
                        std::back_inserter(shared));
  if (shared.size() >= 2) return true;
  return shared.size() == 1 && (interior(x, shared[0]) || interior(y, shared[0]));
}

TEST(TimelineConsistency, AgreesWithBruteForceOnRandomSmallTimelines) {
  std::mt19937 rng(20261203);
  const std::vector<actor_id> people = {actor_id{"lula"}, actor_id{"chavez"}, actor_id{"kirchner"}};
  const std::vector<const char*> countries = {"FR", "DE", "IT", "VA", "FR", "DE", ""};
  const std::regex said(R"re(^event "([^"]+)": "([^"]+)" is placed .* by "([^"]+)")re");
  std::size_t conflicts_seen = 0;
  for (int round = 0; round < 3000; ++round) {
    auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    const std::size_t n = 2 + pick(7);  // at most 8 events: an event has fewer than 8 conflicts
    std::vector<diplo::event> events;
    for (std::size_t i = 0; i < n; ++i) {
      const int first = 1 + static_cast<int>(pick(6));
      const int last = first + static_cast<int>(pick(5));
      std::string days = pick(6) == 0   ? "2003-06"
                         : pick(6) == 0 ? fmt::format("2003-06-{:02}/2003-06", first)
                         : pick(6) == 0 ? fmt::format("2003-06/2003-06-{:02}", last)
                                        : fmt::format("2003-06-{:02}/2003-06-{:02}", first, last);
      const std::string id = fmt::format("e{}", i);
      const char* country = countries[pick(countries.size())];
      diplo::event e;
      if (pick(2) == 0) {
        auto v = trip(id.c_str(), "lula", country, days.c_str());
        v.guests = {people[pick(2)]};
        if (pick(3) == 0) v.host = people[pick(3)];
        e = v;
      } else {
        std::vector<actor_id> who = {people[0], people[1], people[2]};
        who.erase(who.begin() + static_cast<std::ptrdiff_t>(pick(3)));
        auto m = talks(id.c_str(), who, country, days.c_str());
        if (pick(8) == 0) m.mode = diplo::meeting_mode::video;
        e = m;
      }
      diplo::event_base& b = diplo::base(e);
      if (i > 0 && pick(6) == 0) b.parent = event_id{fmt::format("e{}", pick(i))};
      if (pick(6) == 0) b.journey = "j";
      if (pick(10) == 0) b.status = diplo::status::planned;
      events.push_back(std::move(e));
    }
    // The oracle's answer: per person, the pairs of roots with a conflicting pair of events.
    auto root = [&](std::size_t i) {
      while (diplo::base(events[i]).parent) i = std::stoul(diplo::base(events[i]).parent->value().substr(1));
      return i;
    };
    auto in_conflict = [&](std::size_t i, std::size_t j, const actor_id& who) {
      const auto x = stay_of(events[i], who);
      const auto y = stay_of(events[j], who);
      if (!x || !y || root(i) == root(j)) return false;
      const auto cx = diplo::country_of(events[i]);
      const auto cy = diplo::country_of(events[j]);
      if (cx == cy || (std::set<std::string>{std::string(cx.alpha2()), std::string(cy.alpha2())} ==
                       std::set<std::string>{"IT", "VA"})) {
        return false;
      }
      const auto& jx = diplo::base(events[i]).journey;
      if (!jx.empty() && jx == diplo::base(events[j]).journey) return false;
      return oracle_conflict(*x, *y);
    };
    std::set<std::tuple<std::string, std::size_t, std::size_t>> expected;
    for (const actor_id& who : people) {
      for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = i + 1; j < n; ++j) {
          if (in_conflict(i, j, who))
            expected.insert({who.value(), std::min(root(i), root(j)), std::max(root(i), root(j))});
        }
      }
    }
    std::set<std::tuple<std::string, std::size_t, std::size_t>> got;
    for (const diplo::diagnostic& d : build(events).check_consistency()) {
      std::smatch m;
      ASSERT_TRUE(std::regex_search(d.message, m, said)) << d.message;
      const std::size_t i = std::stoul(m[1].str().substr(1));
      const std::size_t j = std::stoul(m[3].str().substr(1));
      const actor_id who{m[2].str()};
      EXPECT_TRUE(in_conflict(i, j, who)) << d.message;
      const bool fresh =
          got.insert({who.value(), std::min(root(i), root(j)), std::max(root(i), root(j))}).second;
      EXPECT_TRUE(fresh) << "reported twice: " << d.message;
    }
    EXPECT_EQ(got, expected) << "round " << round;
    conflicts_seen += expected.size();
    if (HasFailure()) break;
  }
  EXPECT_GT(conflicts_seen, 200u)
      << conflicts_seen;  // 344 with this seed  // the random timelines do exercise the rule
}

// --- off term --------------------------------------------------------------------------------

auto president(const char* country, const char* term) -> diplo::office {
  return diplo::office{"President", cc(country), diplo::period::parse(term)};
}

auto check_terms(diplo::person p, const char* days) -> std::vector<std::string> {
  diplo::actor_registry r;
  r.add(std::move(p));
  auto b = build({trip("trip", "menem", "US", days)}, std::move(r));
  const std::vector<diplo::origin> actor_origins = {{"people.json", 7, 3}};
  return messages(b.check_consistency(actor_origins));
}

TEST(TimelineConsistency, WarnsOfATripFarFromEveryOfficeOfItsGuest) {
  const auto w =
      check_terms(person("menem", {president("AR", "1989-07-08/1999-12-10")}), "2003-05-01/2003-05-03");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(
      w[0],
      "t.json:1:1: warning: event \"trip\": guest \"menem\" held none of their recorded offices within 90 "
      "days of this visit (1–3 May 2003): President of Argentina (8 July 1989 – 10 December 1999) (the "
      "actor is recorded at people.json:7); a trip outside the known terms, a wrong date, or another "
      "person of that name");
}

TEST(TimelineConsistency, ATripNearOrInsideAnOfficeIsNoConflict) {
  const auto menem = person("menem", {president("AR", "1989-07-08/1999-12-10")});
  EXPECT_TRUE(check_terms(menem, "1995-05-01").empty());
  // Within the margin: a president-elect's trip, a farewell visit.
  EXPECT_TRUE(check_terms(menem, "1989-05-01").empty());
  EXPECT_TRUE(check_terms(menem, "2000-02-20").empty());
  EXPECT_EQ(check_terms(menem, "2000-03-20").size(), 1u);  // 101 days after
  // A partial date that may fall within the margin.
  EXPECT_TRUE(check_terms(menem, "2000").empty());
  // Another office covers the trip.
  auto senator = menem;
  senator.offices.push_back({"Senator", country_code{"AR"}, diplo::period::parse("2005-12-10/2021-12-10")});
  EXPECT_TRUE(check_terms(senator, "2010-06-01").empty());
  // An open term.
  EXPECT_TRUE(check_terms(person("menem", {president("AR", "1989-07-08/..")}), "2010-06-01").empty());
}

TEST(TimelineConsistency, OnlyATermOfAHeadOfStateOrGovernmentCounts) {
  EXPECT_TRUE(check_terms(person("menem"), "2010-06-01").empty());
  EXPECT_TRUE(check_terms(person("menem", {{"Secretary of State", country_code{"US"},
                                            diplo::period::parse("1989-01-01/1992-01-01")}}),
                          "2010-06-01")
                  .empty());
  EXPECT_TRUE(check_terms(person("menem", {{"Vice President", country_code{"AR"},
                                            diplo::period::parse("1989-01-01/1992-01-01")}}),
                          "2010-06-01")
                  .empty());
  EXPECT_TRUE(check_terms(person("menem", {{"President-elect", country_code{"AR"},
                                            diplo::period::parse("1989-01-01/1992-01-01")}}),
                          "2010-06-01")
                  .empty());
  // Offices for the days of single visits (the Office of the Historian's) are no terms.
  EXPECT_TRUE(check_terms(person("menem", {president("AR", "1990-04-01/1990-04-03"),
                                           president("AR", "1995-06-01/1995-06-02")}),
                          "2010-06-01")
                  .empty());
  for (const char* title : {"Prime Minister", "King", "Chancellor", "Premier", "Supreme Leader", "Emir"}) {
    EXPECT_EQ(check_terms(person("menem", {{title, country_code{"AR"}, diplo::period::parse("1989/1992")}}),
                          "2010-06-01")
                  .size(),
              1u)
        << title;
  }
}

}  // namespace
