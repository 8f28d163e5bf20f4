// SPDX-License-Identifier: MIT
// Answers with their coverage (diplo/answer.h) under the rules of diplo/coverage.h: each kind
// of question complete, partial and outside on small hand-built timelines, and the verdicts
// of the interval machinery against a day-by-day oracle on random ones.
#include <diplo/answer.h>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace {

using diplo::actor_id;
using diplo::country_code;
using diplo::coverage_scope;
using diplo::coverage_status;
using diplo::coverage_subject;
using diplo::event_id;

auto cc(const char* code) -> country_code { return country_code::parse(code); }
auto day(int y, unsigned m, unsigned d) -> date::sys_days {
  return date::sys_days{date::year{y} / date::month{m} / date::day{d}};
}

auto leader(const char* id, const char* country, const char* term) -> diplo::person {
  return diplo::person{
      .id = actor_id{id},
      .name = id,
      .country = cc(country),
      .offices = {{.title = "President", .country = cc(country), .term = diplo::period::parse(term)}}};
}

// ann leads AA from 2010, bob BB 2012-2016, cat CC always, dan AA (no office).
auto registry() -> diplo::actor_registry {
  diplo::actor_registry r;
  r.add(leader("ann", "AR", "2010-01-01/.."));
  r.add(leader("bob", "BR", "2012-01-01/2016-12-31"));
  r.add(leader("cat", "CL", "1990-01-01/.."));
  r.add(diplo::person{.id = actor_id{"dan"}, .name = "dan", .country = cc("AR")});
  return r;
}

auto talks(const char* id, const char* a, const char* b, const char* country, const char* days)
    -> diplo::meeting {
  diplo::meeting m;
  m.id = event_id{id};
  m.when = diplo::period::parse(days);
  m.participants = {actor_id{a}, actor_id{b}};
  m.place.country = cc(country);
  return m;
}

auto trip(const char* id, const char* who, const char* country, const char* days) -> diplo::visit {
  diplo::visit v;
  v.id = event_id{id};
  v.when = diplo::period::parse(days);
  v.guests = {actor_id{who}};
  v.host_country = cc(country);
  v.place.country = cc(country);
  return v;
}

auto scope(coverage_subject s, std::vector<actor_id> actors, std::vector<country_code> countries = {},
           const char* when = "2013-01-01/2020-12-31") -> coverage_scope {
  return {.subject = s,
          .actors = std::move(actors),
          .countries = std::move(countries),
          .when = diplo::period::parse(when),
          .source = "test"};
}

auto build(std::vector<coverage_scope> scopes, std::vector<diplo::event> events = {}) -> diplo::timeline {
  diplo::timeline_builder b(registry());
  for (auto& e : events) b.add(std::move(e));
  for (auto& s : scopes) b.declare(std::move(s));
  return std::move(b).freeze();
}

const actor_id ann{"ann"}, bob{"bob"}, cat{"cat"}, dan{"dan"};

auto meetings_in_2014_15(const diplo::timeline& t, const actor_id& a, const actor_id& b)
    -> diplo::coverage_verdict {
  return diplo::meetings_coverage(t, a, b, day(2014, 1, 1), day(2015, 12, 31));
}

// --- meetings ------------------------------------------------------------------------------

TEST(Coverage, EventsBetweenTwoCoverTheirMeetingsAndPartOfEachOnesOthers) {
  const auto t = build({scope(coverage_subject::events_between, {ann, bob})});
  EXPECT_EQ(meetings_in_2014_15(t, ann, bob).status, coverage_status::complete);
  EXPECT_EQ(meetings_in_2014_15(t, bob, ann).status, coverage_status::complete);
  const auto partial = meetings_in_2014_15(t, ann, cat);
  EXPECT_EQ(partial.status, coverage_status::partial);
  EXPECT_EQ(
      partial.reason,
      "This data records every event of ann with bob (1 January 2013 to 31 December 2020) only; ann and "
      "cat may have met between 1 January 2014 and 31 December 2015.");
  const auto outside = meetings_in_2014_15(t, cat, dan);
  EXPECT_EQ(outside.status, coverage_status::outside);
  EXPECT_EQ(
      outside.reason,
      "This data records every event of ann with bob (1 January 2013 to 31 December 2020): none of it covers "
      "this question; cat and dan may have met between 1 January 2014 and 31 December 2015.");
}

TEST(Coverage, EventsOfOneCoverAllTheirMeetings) {
  const auto t = build({scope(coverage_subject::events_of, {cat})});
  EXPECT_EQ(meetings_in_2014_15(t, ann, cat).status, coverage_status::complete);
  EXPECT_EQ(meetings_in_2014_15(t, cat, dan).status, coverage_status::complete);
  EXPECT_EQ(meetings_in_2014_15(t, ann, bob).status, coverage_status::outside);
}

TEST(Coverage, NoDeclaredCoverageIsOutsideAndSaysSo) {
  const auto t = build({});
  const auto v = meetings_in_2014_15(t, ann, bob);
  EXPECT_EQ(v.status, coverage_status::outside);
  EXPECT_EQ(
      v.reason.rfind("The data loaded does not say what it records completely; ann and bob may have met", 0),
      0U)
      << v.reason;
}

TEST(Coverage, TripsOfBothLeadersWithCounterpartsCoverTheirMeetingsWhileBothLead) {
  auto trips = scope(coverage_subject::trips_by, {}, {cc("AR"), cc("BR")});
  trips.counterparts = true;
  const auto t = build({trips});
  EXPECT_EQ(meetings_in_2014_15(t, ann, bob).status, coverage_status::complete);
  // bob leads until 2016: after it, a meeting of his at home is no trip of ann's... but at
  // ann's home it is no trip of anyone the data records.
  const auto later = diplo::meetings_coverage(t, ann, bob, day(2016, 6, 1), day(2018, 1, 1));
  EXPECT_EQ(later.status, coverage_status::partial);
  EXPECT_NE(later.reason.find("may have met between 1 January 2017 and 1 January 2018"), std::string::npos)
      << later.reason;
  // cat leads CL, which the scope does not name: only ann's trips abroad are recorded.
  EXPECT_EQ(meetings_in_2014_15(t, ann, cat).status, coverage_status::partial);
}

TEST(Coverage, TripsWithoutCounterpartsRecordNoMeetings) {
  const auto t = build({scope(coverage_subject::trips_by, {}, {cc("AR"), cc("BR")})});
  EXPECT_EQ(meetings_in_2014_15(t, ann, bob).status, coverage_status::outside);
  // ... but every trip of ann's.
  diplo::visit_filter f{
      .guest = ann, .host_country = cc("BR"), .from = day(2014, 1, 1), .to = day(2015, 1, 1)};
  EXPECT_EQ(diplo::visits_coverage(t, f).status, coverage_status::complete);
}

TEST(Coverage, VisitsToAHostCoverTheMeetingsThereOfItsLeaderWithForeignLeaders) {
  auto trips = scope(coverage_subject::trips_by, {}, {cc("AR")});
  trips.counterparts = true;
  auto visits = scope(coverage_subject::visits_to, {}, {cc("AR")});
  visits.counterparts = true;
  // ann's trips: at bob's home and elsewhere; the visits to AR: at ann's home.
  EXPECT_EQ(meetings_in_2014_15(build({trips}), ann, bob).status, coverage_status::partial);
  EXPECT_EQ(meetings_in_2014_15(build({trips, visits}), ann, bob).status, coverage_status::complete);
}

TEST(Coverage, CallsNeedAScopeThatRecordsCalls) {
  auto s = scope(coverage_subject::events_between, {ann, bob});
  const auto without = build({s});
  const auto v = diplo::meetings_coverage(without, ann, bob, day(2014, 1, 1), day(2015, 1, 1), true);
  EXPECT_EQ(v.status, coverage_status::partial);
  EXPECT_NE(v.reason.find("not calls"), std::string::npos) << v.reason;
  s.calls = true;
  EXPECT_EQ(diplo::meetings_coverage(build({s}), ann, bob, day(2014, 1, 1), day(2015, 1, 1), true).status,
            coverage_status::complete);
}

TEST(Coverage, AScopeOfSomeKindsOnlyCoversNoMeetingQuestion) {
  auto s = scope(coverage_subject::events_between, {ann, bob});
  s.kinds.summits = false;
  const auto v = meetings_in_2014_15(build({s}), ann, bob);
  EXPECT_EQ(v.status, coverage_status::partial);
  EXPECT_NE(v.reason.find("(visits, meetings and ceremonies only)"), std::string::npos) << v.reason;
}

TEST(Coverage, AnOpenEndStopsAtTheDataAsOfDay) {
  auto s = scope(coverage_subject::events_between, {ann, bob}, {}, "2013-01-01/..");
  s.as_of = day(2020, 6, 30);
  const auto t = build({s});
  const auto open = diplo::meetings_coverage(t, ann, bob, day(2014, 1, 1), std::nullopt);
  EXPECT_EQ(open.status, coverage_status::complete);
  ASSERT_TRUE(open.as_of);
  EXPECT_EQ(*open.as_of, day(2020, 6, 30));
  // Asked explicitly beyond it: the data cannot know.
  const auto beyond = diplo::meetings_coverage(t, ann, bob, day(2014, 1, 1), day(2021, 1, 1));
  EXPECT_EQ(beyond.status, coverage_status::partial);
  EXPECT_NE(beyond.reason.find("may have met between 1 July 2020 and 1 January 2021"), std::string::npos)
      << beyond.reason;
}

TEST(Coverage, AnOpenEndStopsAtTheAsOfDayOfTheScopesThatSpeakOfTheQuestion) {
  auto between = scope(coverage_subject::events_between, {ann, bob}, {}, "2013-01-01/..");
  between.as_of = day(2020, 6, 30);
  auto others = scope(coverage_subject::trips_by, {}, {cc("CL")}, "2000-01-01/..");
  others.as_of = day(2023, 1, 1);  // a later source about other people
  const auto t = build({between, others});
  const auto v = diplo::meetings_coverage(t, ann, bob, day(2014, 1, 1), std::nullopt);
  EXPECT_EQ(v.status, coverage_status::complete) << v.reason;
  EXPECT_EQ(v.as_of, day(2020, 6, 30));
  // cat leads CL: the later source speaks of him, so the question runs to its day.
  const auto c = diplo::meetings_coverage(t, ann, cat, day(2014, 1, 1), std::nullopt);
  EXPECT_EQ(c.as_of, day(2023, 1, 1));
}

TEST(Coverage, AnOpenStartIsNotCoveredBeforeTheScope) {
  const auto t = build({scope(coverage_subject::events_between, {ann, bob})});
  const auto v = diplo::meetings_coverage(t, ann, bob, std::nullopt, day(2015, 1, 1));
  EXPECT_EQ(v.status, coverage_status::partial);
  EXPECT_NE(v.reason.find("may have met before 1 January 2013"), std::string::npos) << v.reason;
}

TEST(Coverage, LastAndFirstMeetingAskForTheDaysAfterAndBeforeTheirAnswer) {
  const auto t =
      build({scope(coverage_subject::events_between, {ann, bob}, {}, "2014-01-01/2020-12-31")},
            {talks("m1", "ann", "bob", "AR", "2015-03-01"), talks("m2", "ann", "bob", "BR", "2016-05-01")});
  const auto last = diplo::answer_last_meeting(t, ann, bob);
  ASSERT_TRUE(last.value);
  EXPECT_EQ(diplo::base(last.value->event.value()).id.value(), "m2");
  EXPECT_EQ(last.coverage.status, coverage_status::complete);
  const auto first = diplo::answer_first_meeting(t, ann, bob);
  ASSERT_TRUE(first.value);
  EXPECT_EQ(first.coverage.status, coverage_status::partial);  // before 2014: not recorded
  const auto first_since = diplo::answer_first_meeting(t, ann, bob, {.after = day(2014, 1, 1)});
  EXPECT_EQ(first_since.coverage.status, coverage_status::complete);
  const auto count =
      diplo::answer_count_meetings(t, ann, bob, {.before = day(2021, 1, 1), .after = day(2014, 1, 1)});
  EXPECT_EQ(count.value, 2U);
  EXPECT_EQ(count.coverage.status, coverage_status::complete);
}

// --- trips ------------------------------------------------------------------------------

TEST(Coverage, TripsByLeadersCoverTheirTripsOnlyWhileTheyHoldOffice) {
  const auto t = build({scope(coverage_subject::trips_by, {}, {cc("BR")}, "2000-01-01/2020-12-31")});
  diplo::visit_filter f{
      .guest = bob, .host_country = cc("AR"), .from = day(2012, 1, 1), .to = day(2016, 12, 31)};
  EXPECT_EQ(diplo::visits_coverage(t, f).status, coverage_status::complete);
  f.to = day(2018, 12, 31);
  const auto v = diplo::visits_coverage(t, f);
  EXPECT_EQ(v.status, coverage_status::partial);
  EXPECT_NE(
      v.reason.find("bob may have visited Argentina between 1 January 2017 and 31 December 2018 (it knows no "
                    "office of bob on 1 January 2017)"),
      std::string::npos)
      << v.reason;
  f.guest = ann;  // not a leader of Brazil
  EXPECT_EQ(diplo::visits_coverage(t, f).status, coverage_status::outside);
}

TEST(Coverage, TripsByCanBeLimitedToSomeOffices) {
  auto s = scope(coverage_subject::trips_by, {}, {cc("BR")});
  s.offices = {"Secretary of State"};
  diplo::visit_filter f{
      .guest = bob, .host_country = cc("AR"), .from = day(2013, 1, 1), .to = day(2014, 1, 1)};
  EXPECT_EQ(diplo::visits_coverage(build({s}), f).status, coverage_status::outside);
  s.offices = {"President"};
  EXPECT_EQ(diplo::visits_coverage(build({s}), f).status, coverage_status::complete);
}

TEST(Coverage, VisitsToACountryCoverForeignLeadersAndNamedGuests) {
  const auto t = build({scope(coverage_subject::visits_to, {}, {cc("AR")})});
  diplo::visit_filter f{
      .guest = bob, .host_country = cc("AR"), .from = day(2013, 1, 1), .to = day(2014, 1, 1)};
  EXPECT_EQ(diplo::visits_coverage(t, f).status, coverage_status::complete);
  f.guest.reset();  // every visit to AR
  EXPECT_EQ(diplo::visits_coverage(t, f).status, coverage_status::complete);
  f.guest = bob;
  f.host_country = cc("CL");
  EXPECT_EQ(diplo::visits_coverage(t, f).status, coverage_status::outside);

  // dan holds no office: only a scope naming him as a guest covers his trips.
  diplo::visit_filter d{
      .guest = dan, .host_country = cc("CL"), .from = day(2013, 1, 1), .to = day(2014, 1, 1)};
  EXPECT_EQ(diplo::visits_coverage(build({scope(coverage_subject::visits_to, {}, {cc("CL")})}), d).status,
            coverage_status::partial);
  EXPECT_EQ(diplo::visits_coverage(build({scope(coverage_subject::visits_to, {dan}, {cc("CL")})}), d).status,
            coverage_status::complete);
}

TEST(Coverage, LastVisitAsksForTheTripsFromItsAnswerOn) {
  const auto t = build({scope(coverage_subject::visits_to, {bob}, {cc("AR")}, "2014-01-01/2020-12-31")},
                       {trip("v1", "bob", "AR", "2015-02-01/2015-02-03")});
  const auto all = diplo::answer_visits(t, {.guest = bob, .host_country = cc("AR")});
  EXPECT_EQ(all.value.size(), 1U);
  EXPECT_EQ(all.coverage.status, coverage_status::partial);  // before 2014
  EXPECT_EQ(diplo::answer_count_visits(t, {.guest = bob, .host_country = cc("AR"), .from = day(2014, 1, 1)})
                .coverage.status,
            coverage_status::complete);
}

// --- where, contacts, everyone ---------------------------------------------------------------

TEST(Coverage, WhereNeedsTheEventsAtHomeAndAbroad) {
  auto trips = scope(coverage_subject::trips_by, {}, {cc("AR")});
  const auto d = day(2015, 5, 9);
  EXPECT_EQ(diplo::answer_where(build({trips}), ann, d).coverage.status, coverage_status::partial);
  const auto both = build({trips, scope(coverage_subject::visits_to, {}, {cc("AR")})});
  EXPECT_EQ(diplo::answer_where(both, ann, d).coverage.status, coverage_status::complete);
  EXPECT_EQ(diplo::answer_where(build({scope(coverage_subject::events_of, {ann})}), ann, d).coverage.status,
            coverage_status::complete);
  EXPECT_EQ(diplo::answer_where(build({}), ann, d).coverage.status, coverage_status::outside);
}

TEST(Coverage, ContactsNeedEveryEventOfThePerson) {
  const auto t =
      build({scope(coverage_subject::events_of, {ann}), scope(coverage_subject::events_between, {bob, cat})});
  const diplo::meet_options opt{.before = day(2016, 1, 1), .after = day(2014, 1, 1)};
  EXPECT_EQ(diplo::answer_contacts(t, ann, opt).coverage.status, coverage_status::complete);
  const auto bobs = diplo::answer_contacts(t, bob, opt).coverage;
  EXPECT_EQ(bobs.status, coverage_status::partial);
  EXPECT_NE(bobs.reason.find("bob may have met others"), std::string::npos) << bobs.reason;
  EXPECT_EQ(diplo::answer_contacts(t, dan, opt).coverage.status, coverage_status::outside);
}

TEST(Coverage, EveryoneOnADayIsNeverComplete) {
  const auto t = build({scope(coverage_subject::events_of, {ann})});
  EXPECT_EQ(diplo::day_coverage(t, day(2015, 1, 1)).status, coverage_status::partial);
  EXPECT_EQ(diplo::day_coverage(t, day(2025, 1, 1)).status, coverage_status::outside);
}

TEST(Coverage, AScopeNamingAnUnknownActorIsAnError) {
  diplo::timeline_builder b(registry());
  b.declare(scope(coverage_subject::events_of, {actor_id{"nobody"}}));
  b.declare(coverage_scope{.subject = coverage_subject::trips_by, .source = "test"});
  const auto diags = b.validate();
  ASSERT_EQ(diags.size(), 2U);
  EXPECT_EQ(fmt::format("{}", diags[0]),
            "test: error: coverage record (events_of): unknown actor \"nobody\"");
  EXPECT_EQ(fmt::format("{}", diags[1]), "test: error: coverage record (trips_by): names no country");
}

TEST(Coverage, TheVerdictFormatsAsStatusAndReason) {
  const diplo::coverage_verdict v{.status = coverage_status::partial, .reason = "Why."};
  EXPECT_EQ(fmt::format("{}", v), "partial: Why.");
  EXPECT_EQ(diplo::name(coverage_status::outside), "outside");
  EXPECT_EQ(diplo::name(coverage_subject::visits_to), "visits_to");
}

// --- the oracle ------------------------------------------------------------------------------

// The rules of diplo/coverage.h for meetings, day by day: on each day of the window, each of
// the three places (a's home, b's home, elsewhere) must be covered by some scope.
struct oracle {
  const diplo::timeline& t;

  static auto in(const diplo::period& p, date::sys_days d) -> bool {
    return p.covers(d) == diplo::truth::certainly;
  }
  auto holds(const actor_id& who, date::sys_days d, const coverage_scope* s) const -> bool {
    const auto* p = t.actors().person_of(who);
    if (p == nullptr) return false;
    for (const auto& o : p->offices) {
      if (!in(o.term, d)) continue;
      if (s == nullptr) return true;
      for (auto c : s->countries) {
        if (c == o.country) return true;
      }
    }
    return false;
  }
  auto home(const actor_id& who, date::sys_days d) const -> country_code {
    return t.actors().country_of(who, d);
  }
  auto scope_on(const coverage_scope& s, date::sys_days d) const -> bool {
    return (!s.when || in(*s.when, d)) && (!s.as_of || d <= *s.as_of);
  }
  // place: 0 a's home, 1 b's home, 2 elsewhere
  auto covers(const coverage_scope& s, const actor_id& a, const actor_id& b, int place,
              date::sys_days d) const -> bool {
    if (!scope_on(s, d)) return false;
    auto named = [&](const actor_id& x) {
      return std::find(s.actors.begin(), s.actors.end(), x) != s.actors.end();
    };
    const country_code at = place == 0 ? home(a, d) : place == 1 ? home(b, d) : country_code{};
    auto abroad = [&](const actor_id& x) { return place == 2 || (!at.empty() && at != home(x, d)); };
    switch (s.subject) {
      case coverage_subject::events_of: return named(a) || named(b);
      case coverage_subject::events_between:
        return std::all_of(s.actors.begin(), s.actors.end(),
                           [&](const actor_id& x) { return x == a || x == b; });
      case coverage_subject::trips_by:
        return s.counterparts && ((abroad(a) && holds(a, d, &s)) || (abroad(b) && holds(b, d, &s)));
      case coverage_subject::visits_to: {
        if (!s.counterparts || at.empty() ||
            std::find(s.countries.begin(), s.countries.end(), at) == s.countries.end()) {
          return false;
        }
        auto foreign = [&](const actor_id& x) {
          const auto* p = t.actors().person_of(x);
          if (p == nullptr) return false;
          for (const auto& o : p->offices) {
            if (in(o.term, d) && !o.country.empty() &&
                std::find(s.countries.begin(), s.countries.end(), o.country) == s.countries.end()) {
              return true;
            }
          }
          return false;
        };
        return (abroad(a) && foreign(a)) || (abroad(b) && foreign(b));
      }
    }
    return false;
  }
  auto complete(const actor_id& a, const actor_id& b, date::sys_days from, date::sys_days to) const -> bool {
    for (auto d = from; d <= to; d += date::days{1}) {
      for (int place = 0; place < 3; ++place) {
        bool any = false;
        for (const auto& s : t.coverage()) any = any || covers(s, a, b, place, d);
        if (!any) return false;
      }
    }
    return true;
  }
};

TEST(Coverage, AgreesWithADayByDayOracleOnRandomTimelines) {
  std::mt19937 rng(20261203);
  const char* countries[] = {"AR", "BR", "CL"};
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  auto random_period = [&](int from_year) {
    const int y = from_year + pick(6);
    const auto a = day(y, 1 + static_cast<unsigned>(pick(12)), 1 + static_cast<unsigned>(pick(28)));
    const auto b = a + date::days{pick(900)};
    return diplo::period::days(a, b);
  };
  int complete = 0, not_complete = 0;
  for (int round = 0; round < 300; ++round) {
    diplo::actor_registry r;
    for (const char* id : {"p0", "p1", "p2"}) {
      diplo::person p{.id = actor_id{id}, .name = id, .country = cc(countries[pick(3)])};
      for (int k = pick(3); k > 0; --k) {
        p.offices.push_back(
            {.title = "President", .country = cc(countries[pick(3)]), .term = random_period(2010)});
      }
      r.add(std::move(p));
    }
    diplo::timeline_builder b(std::move(r));
    for (int k = 1 + pick(3); k > 0; --k) {
      coverage_scope s{.subject = static_cast<coverage_subject>(pick(4)), .source = "random"};
      if (s.subject == coverage_subject::events_of || s.subject == coverage_subject::events_between) {
        s.actors.push_back(actor_id{fmt::format("p{}", pick(3))});
        if (s.subject == coverage_subject::events_between)
          s.actors.push_back(actor_id{fmt::format("p{}", pick(3))});
      } else {
        s.countries.push_back(cc(countries[pick(3)]));
        if (pick(2) == 0) s.countries.push_back(cc(countries[pick(3)]));
        s.counterparts = pick(4) != 0;
      }
      if (pick(4) != 0) s.when = random_period(2009);
      b.declare(std::move(s));
    }
    const diplo::timeline t = std::move(b).freeze();
    const actor_id a{"p0"}, c{"p1"};
    const auto from = day(2011 + pick(4), 1 + static_cast<unsigned>(pick(12)), 1);
    const auto to = from + date::days{pick(700)};
    const bool expected = oracle{t}.complete(a, c, from, to);
    const auto v = diplo::meetings_coverage(t, a, c, from, to);
    EXPECT_EQ(v.complete(), expected) << "round " << round << ": " << v.reason;
    (expected ? complete : not_complete)++;
  }
  // Both outcomes occur, so the comparison means something.
  EXPECT_GT(complete, 10);
  EXPECT_GT(not_complete, 10);
}

}  // namespace
