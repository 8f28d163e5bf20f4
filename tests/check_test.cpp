// SPDX-License-Identifier: MIT
// Checking claims (diplo/check.h): every kind of claim against verdicts computed by hand on a
// small world (with a partial date, as_of and a world without coverage), the article's five
// claims on the bundled data, and claims on the Office of the Historian's data.
#include <diplo/check.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <diplo/data.h>
#include <diplo/import/historyatstate.h>
#include <diplo/io/document.h>
#include <gtest/gtest.h>

namespace {

using diplo::actor_id;
using diplo::claimed_place;
using diplo::country_code;
using diplo::event_id;
using diplo::period;
using diplo::rating;

auto cc(const char* code) -> country_code { return country_code::parse(code); }
auto day(int y, unsigned m, unsigned d) -> date::sys_days {
  return date::sys_days{date::year{y} / date::month{m} / date::day{d}};
}
auto when(const char* edtf) -> period { return period::parse(edtf); }
auto on(const char* edtf) -> diplo::partial_date { return diplo::partial_date::parse(edtf); }
auto at(const char* text) -> claimed_place { return claimed_place::parse(text); }

auto leader(const char* id, const char* country, const char* term) -> diplo::person {
  return diplo::person{
      .id = actor_id{id},
      .name = id,
      .country = cc(country),
      .offices = {{.title = "President", .country = cc(country), .term = period::parse(term)}}};
}

auto visit(const char* id, const char* days, const char* city, diplo::visit_level level) -> diplo::visit {
  diplo::visit v;
  v.id = event_id{id};
  v.when = period::parse(days);
  v.guests = {actor_id{"ann"}};
  v.host = actor_id{"bob"};
  v.host_country = cc("BR");
  v.place = {city, cc("BR"), ""};
  v.level = level;
  return v;
}

// ann (president of Argentina from 2010) and bob (of Brazil, 2012-2016). ann's trips to Brazil:
// Brasilia 10-12 March 2014 (state visit), some days of June 2015 (a partial date), the 8th
// BRICS summit in Rio, 5-7 October 2016. They also met in Santiago, Chile on 1 May 2013. So
// their encounters are 1 May 2013, March 2014, June 2015 and October 2016.
auto world(bool covered) -> diplo::timeline {
  diplo::actor_registry r;
  r.add(leader("ann", "AR", "2010-01-01/.."));
  r.add(leader("bob", "BR", "2012-01-01/2016-12-31"));
  diplo::timeline_builder b(std::move(r));
  b.add(visit("v1", "2014-03-10/2014-03-12", "Brasilia", diplo::visit_level::state));
  b.add(visit("v2", "2015-06", "Brasilia", diplo::visit_level::working));
  diplo::summit s;
  s.id = event_id{"v3"};
  s.when = period::parse("2016-10-05/2016-10-07");
  s.name = "8th BRICS summit";
  s.series = "BRICS";
  s.host_country = cc("BR");
  s.host = actor_id{"bob"};
  s.attendees = {actor_id{"ann"}};
  s.place = {"Rio de Janeiro", cc("BR"), ""};
  b.add(std::move(s));
  diplo::meeting m;
  m.id = event_id{"m1"};
  m.when = period::parse("2013-05-01");
  m.participants = {actor_id{"ann"}, actor_id{"bob"}};
  m.place = {"Santiago", cc("CL"), ""};
  b.add(std::move(m));
  if (covered) {
    b.declare({.subject = diplo::coverage_subject::events_of,
               .actors = {actor_id{"ann"}},
               .when = period::parse("../2020-12-31"),
               .source = "test"});
  }
  return std::move(b).freeze();
}

auto covered() -> const diplo::timeline& {
  static const diplo::timeline t = world(true);
  return t;
}
auto uncovered() -> const diplo::timeline& {
  static const diplo::timeline t = world(false);
  return t;
}

const actor_id ann{"ann"}, bob{"bob"};
const std::optional<date::sys_days> in_2017 = day(2017, 1, 1);

auto ids(const diplo::verdict& v) -> std::vector<std::string> {
  std::vector<std::string> out;
  for (const auto& e : v.evidence) out.push_back(e.id().value());
  return out;
}

auto check(const diplo::claim& c, std::optional<date::sys_days> as_of = std::nullopt,
           const diplo::timeline& t = covered()) -> diplo::verdict {
  return diplo::check(t, c, as_of);
}

// --- last_visit ----------------------------------------------------------------------------

TEST(LastVisit, TrueWhenTheLastVisitBeforeAsOfIsInTheWindowForTheOccasion) {
  const auto v = check(diplo::last_visit_claim{ann, cc("BR"), when("2016-10"), "a BRICS summit"}, in_2017);
  EXPECT_EQ(v.rating, rating::true_) << v.explanation;
  EXPECT_EQ(v.correction, "");
  EXPECT_EQ(ids(v), std::vector<std::string>{"v3"});
  EXPECT_TRUE(v.coverage.complete());
}

TEST(LastVisit, PartlyTrueWhenTheMonthHoldsAndTheOccasionDoesNot) {
  const auto v = check(diplo::last_visit_claim{ann, cc("BR"), when("2016-10"), "state visit"}, in_2017);
  EXPECT_EQ(v.rating, rating::partly_true);
  EXPECT_EQ(v.correction, "for the 8th BRICS summit, not for state visit");
}

TEST(LastVisit, FalseWithTheRightMonthAsTheCorrection) {
  const auto v = check(diplo::last_visit_claim{ann, cc("BR"), when("2016-09"), "BRICS"}, in_2017);
  EXPECT_EQ(v.rating, rating::false_);
  EXPECT_EQ(v.correction, "October 2016, not September 2016");
  EXPECT_NE(v.explanation.find("The rest holds"), std::string::npos) << v.explanation;
  // At day precision, the days.
  EXPECT_EQ(check(diplo::last_visit_claim{ann, cc("BR"), when("2016-10-04"), ""}, in_2017).correction,
            "5–7 October 2016, not 4 October 2016");
}

TEST(LastVisit, MisleadingWhenTheClaimedVisitHappenedButALaterOneCameBeforeAsOf) {
  const auto v = check(diplo::last_visit_claim{ann, cc("BR"), when("2014-03"), ""}, in_2017);
  EXPECT_EQ(v.rating, rating::misleading);
  EXPECT_EQ(v.correction,
            "the last visit before 1 January 2017 was 5–7 October 2016 (8th BRICS summit, Rio de Janeiro)");
  EXPECT_EQ(ids(v), (std::vector<std::string>{"v1", "v3"}));
}

TEST(LastVisit, AsOfLeavesLaterVisitsOut) {
  // Made on 1 January 2016, "last visited in 2015" is true: the October 2016 summit came later.
  EXPECT_EQ(check(diplo::last_visit_claim{ann, cc("BR"), when("2015"), ""}, day(2016, 1, 1)).rating,
            rating::true_);
  // Without as_of, the data's last visit counts.
  EXPECT_EQ(check(diplo::last_visit_claim{ann, cc("BR"), when("2015"), ""}).rating, rating::misleading);
}

TEST(LastVisit, PartialDatesThatCannotDecideAreUnverifiable) {
  // The June 2015 visit may or may not have been on 10 June.
  const auto v = check(diplo::last_visit_claim{ann, cc("BR"), when("2015-06-10"), ""}, day(2016, 1, 1));
  EXPECT_EQ(v.rating, rating::unverifiable);
  EXPECT_NE(v.explanation.find("Partial dates"), std::string::npos) << v.explanation;
  // Made on 15 June 2015, the June visit may have come before it or not.
  EXPECT_EQ(check(diplo::last_visit_claim{ann, cc("BR"), when("2014-03"), ""}, day(2015, 6, 15)).rating,
            rating::unverifiable);
}

TEST(LastVisit, WithoutCoverageATrueLastIsUnverifiableButALaterVisitStillProvesItFalse) {
  const auto v = check(diplo::last_visit_claim{ann, cc("BR"), when("2016-10"), ""}, in_2017, uncovered());
  EXPECT_EQ(v.rating, rating::unverifiable);
  EXPECT_FALSE(v.coverage.complete());
  EXPECT_EQ(check(diplo::last_visit_claim{ann, cc("BR"), when("2016-09"), ""}, in_2017, uncovered()).rating,
            rating::false_);
  // A claimed visit later than any found needs coverage to be false.
  EXPECT_EQ(check(diplo::last_visit_claim{ann, cc("BR"), when("2016-12"), ""}, in_2017).rating,
            rating::false_);
  EXPECT_EQ(check(diplo::last_visit_claim{ann, cc("BR"), when("2016-12"), ""}, in_2017, uncovered()).rating,
            rating::unverifiable);
}

TEST(LastVisit, NoVisitAtAll) {
  const auto v = check(diplo::last_visit_claim{ann, cc("PE"), when("2016"), ""}, in_2017);
  EXPECT_EQ(v.rating, rating::false_);
  EXPECT_EQ(v.correction, "no visit before 1 January 2017");
  EXPECT_EQ(check(diplo::last_visit_claim{ann, cc("PE"), when("2016"), ""}, in_2017, uncovered()).rating,
            rating::unverifiable);
  // A meeting abroad is a visit: ann was in Chile for the talks of May 2013.
  EXPECT_EQ(check(diplo::last_visit_claim{ann, cc("CL"), when("2016"), ""}, in_2017).correction,
            "2013, not 2016");
}

// --- visited_in ----------------------------------------------------------------------------

TEST(VisitedIn, EachRating) {
  EXPECT_EQ(check(diplo::visited_in_claim{ann, cc("BR"), when("2014-03"), "state visit"}).rating,
            rating::true_);
  EXPECT_EQ(check(diplo::visited_in_claim{ann, cc("BR"), when("2015"), ""}).rating, rating::true_);
  const auto partly = check(diplo::visited_in_claim{ann, cc("BR"), when("2014"), "BRICS"});
  EXPECT_EQ(partly.rating, rating::partly_true);
  EXPECT_EQ(partly.correction, "for the state visit, not for BRICS");
  const auto wrong = check(diplo::visited_in_claim{ann, cc("BR"), when("2017"), ""});
  EXPECT_EQ(wrong.rating, rating::false_);
  EXPECT_EQ(wrong.correction, "2016, not 2017");
  // The nearest visit for the occasion, when one was for it.
  EXPECT_EQ(check(diplo::visited_in_claim{ann, cc("BR"), when("2014-04"), "BRICS"}).correction,
            "October 2016, not April 2014");
  EXPECT_EQ(check(diplo::visited_in_claim{ann, cc("BR"), when("2015-06-15"), ""}).rating,
            rating::unverifiable);
  EXPECT_EQ(check(diplo::visited_in_claim{ann, cc("BR"), when("2017"), ""}, std::nullopt, uncovered()).rating,
            rating::unverifiable);
}

TEST(VisitedIn, AVisitOverlappingTheWindowIsInIt) {
  // 5-7 October 2016 shares days with "2016-10-07/2016-10-20".
  EXPECT_EQ(check(diplo::visited_in_claim{ann, cc("BR"), when("2016-10-07/2016-10-20"), ""}).rating,
            rating::true_);
}

// --- visit_ordinal -------------------------------------------------------------------------

TEST(VisitOrdinal, CountsTheVisitsSinceAndNumbersTheNextOne) {
  const diplo::visit_ordinal_claim third{ann, cc("BR"), on("2014"), 3};
  const auto v = check(third, day(2016, 1, 1));
  EXPECT_EQ(v.rating, rating::true_) << v.explanation;
  EXPECT_EQ(ids(v), (std::vector<std::string>{"v1", "v2", "v3"}));
  const auto second = check(diplo::visit_ordinal_claim{ann, cc("BR"), on("2014"), 2}, day(2016, 1, 1));
  EXPECT_EQ(second.rating, rating::false_);
  EXPECT_EQ(second.correction, "the third visit, not the second visit");
  EXPECT_EQ(check(diplo::visit_ordinal_claim{ann, cc("BR"), on("2015"), 2}, day(2016, 1, 1)).rating,
            rating::true_);
}

TEST(VisitOrdinal, PartialDatesAndMissingVisits) {
  // On 15 June 2015 the June visit may be before or after: the next is the second or third.
  EXPECT_EQ(check(diplo::visit_ordinal_claim{ann, cc("BR"), on("2014"), 2}, day(2015, 6, 15)).rating,
            rating::unverifiable);
  EXPECT_EQ(check(diplo::visit_ordinal_claim{ann, cc("BR"), on("2014"), 1}, day(2015, 6, 15)).rating,
            rating::false_);
  // No visit after as_of: the visit the claim speaks of is not in the data.
  EXPECT_EQ(check(diplo::visit_ordinal_claim{ann, cc("BR"), on("2014"), 4}, in_2017).rating,
            rating::unverifiable);
  // Without coverage, a count that the data does not reach cannot be refuted.
  EXPECT_EQ(
      check(diplo::visit_ordinal_claim{ann, cc("BR"), on("2014"), 5}, day(2016, 1, 1), uncovered()).rating,
      rating::unverifiable);
  EXPECT_EQ(check(diplo::visit_ordinal_claim{ann, cc("BR"), on("2014"), 5}, day(2016, 1, 1)).rating,
            rating::false_);
}

TEST(VisitOrdinal, NeedsAsOf) {
  EXPECT_THROW((void)check(diplo::visit_ordinal_claim{ann, cc("BR"), on("2014"), 3}), diplo::error);
}

// --- visit_count ---------------------------------------------------------------------------

TEST(VisitCount, EachRating) {
  EXPECT_EQ(check(diplo::visit_count_claim{ann, cc("BR"), on("2014"), on("2016"), 3}).rating, rating::true_);
  const auto two = check(diplo::visit_count_claim{ann, cc("BR"), on("2014"), on("2016"), 2});
  EXPECT_EQ(two.rating, rating::false_);
  EXPECT_EQ(two.correction, "3 visits, not 2 visits");
  EXPECT_EQ(check(diplo::visit_count_claim{ann, cc("BR"), on("2014"), on("2016"), 4}).rating, rating::false_);
  EXPECT_EQ(
      check(diplo::visit_count_claim{ann, cc("BR"), on("2014"), on("2016"), 4}, std::nullopt, uncovered())
          .rating,
      rating::unverifiable);
  // From 10 June 2015 the June visit may count or not: 1 or 2.
  EXPECT_EQ(check(diplo::visit_count_claim{ann, cc("BR"), on("2015-06-10"), std::nullopt, 2}).rating,
            rating::unverifiable);
  EXPECT_EQ(check(diplo::visit_count_claim{ann, cc("BR"), on("2015-06-10"), std::nullopt, 0}).correction,
            "at least 1 visit, not 0 visits");
  // as_of ends the count the day before.
  EXPECT_EQ(
      check(diplo::visit_count_claim{ann, cc("BR"), std::nullopt, std::nullopt, 2}, day(2016, 1, 1)).rating,
      rating::true_);
  EXPECT_THROW((void)check(diplo::visit_count_claim{ann, cc("BR"), on("2016"), on("2014"), 2}), diplo::error);
}

// --- meetings ------------------------------------------------------------------------------

TEST(LastMeeting, EachRating) {
  EXPECT_EQ(check(diplo::last_meeting_claim{ann, bob, when("2016-10"), at("Rio de Janeiro")}, in_2017).rating,
            rating::true_);
  const auto partly = check(diplo::last_meeting_claim{ann, bob, when("2016-10"), at("Brasilia")}, in_2017);
  EXPECT_EQ(partly.rating, rating::partly_true);
  EXPECT_EQ(partly.correction, "in Rio de Janeiro, Brazil, not in Brasilia");
  const auto misleading = check(diplo::last_meeting_claim{ann, bob, when("2014"), {}}, in_2017);
  EXPECT_EQ(misleading.rating, rating::misleading);
  EXPECT_EQ(misleading.correction,
            "the last meeting before 1 January 2017 was 5–7 October 2016 in Rio de Janeiro, Brazil");
  EXPECT_EQ(check(diplo::last_meeting_claim{ann, bob, when("2016-09"), {}}, in_2017).correction,
            "October 2016, not September 2016");
  // Made on 1 June 2014: the March 2014 visit was their last meeting.
  EXPECT_EQ(check(diplo::last_meeting_claim{ann, bob, when("2014-03"), at("Brazil")}, day(2014, 6, 1)).rating,
            rating::true_);
}

TEST(FirstMeeting, EachRating) {
  EXPECT_EQ(check(diplo::first_meeting_claim{ann, bob, when("2013-05"), at("Santiago, Chile")}).rating,
            rating::true_);
  EXPECT_EQ(check(diplo::first_meeting_claim{ann, bob, when("2013-05"), at("Brazil")}).rating,
            rating::partly_true);
  const auto later = check(diplo::first_meeting_claim{ann, bob, when("2014-03"), {}});
  EXPECT_EQ(later.rating, rating::misleading);
  EXPECT_EQ(later.correction, "the first meeting was 1 May 2013 in Santiago, Chile");
  EXPECT_EQ(check(diplo::first_meeting_claim{ann, bob, when("2013-08"), {}}).rating, rating::false_);
  // Earlier than the first found: only data that records that time can say they did not meet.
  EXPECT_EQ(check(diplo::first_meeting_claim{ann, bob, when("2012"), {}}).rating, rating::false_);
  EXPECT_EQ(check(diplo::first_meeting_claim{ann, bob, when("2012"), {}}, std::nullopt, uncovered()).rating,
            rating::unverifiable);
  // And a true first meeting needs every earlier day recorded.
  EXPECT_EQ(
      check(diplo::first_meeting_claim{ann, bob, when("2013-05"), {}}, std::nullopt, uncovered()).rating,
      rating::unverifiable);
  EXPECT_EQ(check(diplo::first_meeting_claim{ann, bob, when("2013-03"), {}}).rating, rating::false_);
}

TEST(MeetingCount, EachRating) {
  EXPECT_EQ(check(diplo::meeting_count_claim{ann, bob, on("2013"), std::nullopt, 4}).rating, rating::true_);
  const auto five = check(diplo::meeting_count_claim{ann, bob, on("2013"), std::nullopt, 5});
  EXPECT_EQ(five.rating, rating::false_);
  EXPECT_EQ(five.correction, "4 meetings, not 5 meetings");
  EXPECT_EQ(check(diplo::meeting_count_claim{ann, bob, on("2013"), std::nullopt, 2}, day(2015, 1, 1)).rating,
            rating::true_);
  EXPECT_EQ(check(diplo::meeting_count_claim{ann, bob, on("2013"), on("2013"), 1}).rating, rating::true_);
}

TEST(MetIn, EachRating) {
  EXPECT_EQ(check(diplo::met_in_claim{ann, bob, when("2013-05-01"), at("Santiago, Chile")}).rating,
            rating::true_);
  const auto lima = check(diplo::met_in_claim{ann, bob, when("2013-05-01"), at("Lima")});
  EXPECT_EQ(lima.rating, rating::partly_true);
  EXPECT_EQ(lima.correction, "in Santiago, Chile, not in Lima");
  const auto june = check(diplo::met_in_claim{ann, bob, when("2013-06"), {}});
  EXPECT_EQ(june.rating, rating::false_);
  EXPECT_EQ(june.correction, "May 2013, not June 2013");
  EXPECT_EQ(check(diplo::met_in_claim{ann, bob, when("2015-06-20"), {}}).rating, rating::unverifiable);
}

// --- where ---------------------------------------------------------------------------------

TEST(Where, EachRating) {
  const auto d = on("2014-03-11");
  EXPECT_EQ(check(diplo::where_claim{ann, d, at("Brasilia")}).rating, rating::true_);
  EXPECT_EQ(check(diplo::where_claim{ann, d, at("Brazil")}).rating, rating::true_);
  const auto rio = check(diplo::where_claim{ann, d, at("Rio de Janeiro, Brazil")});
  EXPECT_EQ(rio.rating, rating::partly_true);
  EXPECT_EQ(rio.correction, "in Brasilia, Brazil, not Rio de Janeiro, Brazil");
  EXPECT_EQ(check(diplo::where_claim{ann, d, at("Chile")}).rating, rating::false_);
  // No event that day: every event of ann is recorded, so she was at home.
  EXPECT_EQ(check(diplo::where_claim{ann, on("2014-04-01"), at("Argentina")}).rating, rating::true_);
  EXPECT_EQ(check(diplo::where_claim{ann, on("2014-04-01"), at("Chile")}).rating, rating::false_);
  EXPECT_EQ(check(diplo::where_claim{ann, on("2014-04-01"), at("Buenos Aires")}).rating,
            rating::unverifiable);
  EXPECT_EQ(check(diplo::where_claim{ann, on("2014-04-01"), at("Chile")}, std::nullopt, uncovered()).rating,
            rating::unverifiable);
  EXPECT_EQ(check(diplo::where_claim{ann, on("2015-06-10"), at("Brazil")}).rating, rating::unverifiable);
  EXPECT_THROW((void)check(diplo::where_claim{ann, on("2014-03"), at("Brazil")}), diplo::error);
}

TEST(Check, AWhenWithAnOpenEndIsRefused) {
  EXPECT_THROW((void)check(diplo::met_in_claim{ann, bob, when("2014/.."), {}}), diplo::error);
  EXPECT_THROW((void)check(diplo::last_visit_claim{ann, cc("BR"), when("../2014"), ""}), diplo::error);
}

TEST(Check, AnActorTheDataDoesNotKnowIsUnverifiable) {
  const auto v = check(diplo::met_in_claim{ann, actor_id{"zed"}, when("2014"), {}});
  EXPECT_EQ(v.rating, rating::unverifiable);
  EXPECT_EQ(v.explanation, "\"zed\" is not in this data.");
}

// --- places --------------------------------------------------------------------------------

TEST(ClaimedPlace, ReadsACityACountryOrBoth) {
  EXPECT_EQ(at("Kazakhstan"), (claimed_place{"", cc("KZ")}));
  EXPECT_EQ(at("KZ"), (claimed_place{"", cc("KZ")}));
  EXPECT_EQ(at(" Astana "), (claimed_place{"Astana", {}}));
  EXPECT_EQ(at("Kazan, Russia"), (claimed_place{"Kazan", cc("RU")}));
  EXPECT_THROW((void)at(""), diplo::parse_error);
  EXPECT_THROW((void)at("Kazan, Narnia"), diplo::parse_error);
  EXPECT_THROW((void)at("Kazan,"), diplo::parse_error);
}

TEST(ClaimedPlace, MatchesFoldedCitiesAndEveryCityOfAVisit) {
  diplo::visit v;
  v.place = {"Moscow", cc("RU"), ""};
  v.cities = {"Moscow", "Kazan"};
  EXPECT_TRUE(diplo::held_in(v, at("moscow")));
  EXPECT_TRUE(diplo::held_in(v, at("KAZAN, Russia")));
  EXPECT_FALSE(diplo::held_in(v, at("Kazan, China")));
  EXPECT_FALSE(diplo::held_in(v, at("Sochi")));
  EXPECT_TRUE(diplo::held_in(v, {}));
}

TEST(VerdictFormat, RatingExplanationAndCorrection) {
  const auto v = check(diplo::last_visit_claim{ann, cc("BR"), when("2016-09"), ""}, in_2017);
  EXPECT_EQ(
      fmt::format("{}", v),
      "false: The last visit of ann to Brazil before 1 January 2017 was 5–7 October 2016 (8th BRICS summit, "
      "Rio de Janeiro), not in September 2016. (correction: October 2016, not September 2016)");
  const auto t = check(diplo::visited_in_claim{ann, cc("BR"), when("2015"), ""});
  EXPECT_EQ(fmt::format("{}", t), "true: ann visited Brazil: June 2015 (working visit, Brasilia).");
  EXPECT_EQ(fmt::format("{}", diplo::rating::partly_true), "partly_true");
  EXPECT_EQ(fmt::format("{}", at("Kazan, Russia")), "Kazan, Russia");
}

TEST(Describe, EachKindInEnglish) {
  const auto& reg = covered().actors();
  EXPECT_EQ(diplo::describe(diplo::last_visit_claim{ann, cc("BR"), when("2016-10"), "BRICS"}, &reg),
            "ann last visited Brazil in October 2016 (for BRICS)");
  EXPECT_EQ(diplo::describe(diplo::visit_ordinal_claim{ann, cc("BR"), on("2014"), 3}, &reg),
            "This is ann's third visit to Brazil since 2014");
  EXPECT_EQ(diplo::describe(diplo::meeting_count_claim{ann, bob, on("2013"), std::nullopt, 1}, nullptr),
            "ann and bob met 1 time since 2013");
  EXPECT_EQ(diplo::describe(diplo::where_claim{ann, on("2014-03-11"), at("Brasilia")}, &reg),
            "ann was in Brasilia on 11 March 2014");
}

// --- the article's claims on the bundled data ----------------------------------------------

TEST(Article, ThreeTrueOneFalseOneMisleading) {
  const diplo::timeline& t = diplo::data::xi_putin();
  const actor_id xi = t.actors().resolve("Xi Jinping");
  const actor_id putin = t.actors().resolve("Vladimir Putin");
  const std::optional<date::sys_days> article = day(2025, 5, 4);
  EXPECT_EQ(diplo::check(t, diplo::visit_ordinal_claim{xi, cc("RU"), on("2022-02-24"), 3}, article).rating,
            rating::true_);
  const auto c2 =
      diplo::check(t, diplo::last_visit_claim{xi, cc("RU"), when("2024-09"), "BRICS summit"}, article);
  EXPECT_EQ(c2.rating, rating::false_);
  EXPECT_EQ(c2.correction, "October 2024, not September 2024");
  EXPECT_EQ(
      diplo::check(t, diplo::visited_in_claim{xi, cc("RU"), when("2023-03"), "state visit"}, article).rating,
      rating::true_);
  EXPECT_EQ(diplo::check(t, diplo::visited_in_claim{putin, cc("CN"), when("2023-10"), ""}, article).rating,
            rating::true_);
  const auto c5 =
      diplo::check(t, diplo::last_meeting_claim{xi, putin, when("2024-07"), at("Kazakhstan")}, article);
  EXPECT_EQ(c5.rating, rating::misleading);
  EXPECT_EQ(c5.correction, "the last meeting before 4 May 2025 was 22 October 2024 in Kazan, Russia");
  // As of the data (February 2026) the AP's count would no longer hold for "this" visit: there is none after.
  EXPECT_EQ(
      diplo::check(t, diplo::visit_ordinal_claim{xi, cc("RU"), on("2022-02-24"), 3}, day(2026, 1, 1)).rating,
      rating::unverifiable);
}

// --- the Office of the Historian's data ------------------------------------------------------

auto historian() -> const diplo::timeline& {
  static const diplo::timeline t =
      diplo::io::build(diplo::import::import_historyatstate(DIPLO_SOURCE_DIR "/data/historyatstate").doc);
  return t;
}

TEST(Historian, TripsOfThePresidentAreRecordedWhileInOffice) {
  const diplo::timeline& t = historian();
  const actor_id obama = t.actors().resolve("Barack Obama");
  const std::optional<date::sys_days> end_2016 = day(2016, 12, 31);
  // His visits to the United Kingdom: 2009, 2011, 2013, 2014, April 2016.
  EXPECT_EQ(diplo::check(t, diplo::last_visit_claim{obama, cc("GB"), when("2016-04"), ""}, end_2016).rating,
            rating::true_);
  EXPECT_EQ(diplo::check(t, diplo::last_visit_claim{obama, cc("GB"), when("2014-09"), ""}, end_2016).rating,
            rating::misleading);
  EXPECT_EQ(diplo::check(t, diplo::visit_count_claim{obama, cc("GB"), on("2009-01-20"), on("2017-01-19"), 5})
                .rating,
            rating::true_);
  EXPECT_EQ(diplo::check(t, diplo::visit_count_claim{obama, cc("GB"), on("2009-01-20"), on("2017-01-19"), 4})
                .correction,
            "5 visits, not 4 visits");
  // Before and after his presidency the data does not record his trips.
  EXPECT_EQ(diplo::check(t, diplo::visit_count_claim{obama, cc("GB"), std::nullopt, std::nullopt, 5}).rating,
            rating::unverifiable);
  EXPECT_EQ(diplo::check(t, diplo::where_claim{obama, on("2009-04-02"), at("London")}).rating, rating::true_);
}

TEST(Historian, MeetingsAreNotRecordedSoMeetingClaimsAreUnverifiable) {
  const diplo::timeline& t = historian();
  const actor_id obama = t.actors().resolve("Barack Obama");
  const actor_id brown = t.actors().resolve("Gordon Brown");
  const auto v = diplo::check(t, diplo::met_in_claim{obama, brown, when("2009-04"), at("London")});
  EXPECT_EQ(v.rating, rating::unverifiable);
  EXPECT_FALSE(v.coverage.complete());
}

}  // namespace
