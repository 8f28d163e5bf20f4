// SPDX-License-Identifier: MIT
#include <diplo/import/historyatstate.h>

#include <diplo/answer.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <future>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include <date/date.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <diplo/detail/slug.h>
#include <diplo/error.h>
#include <diplo/io/document.h>
#include <diplo/io/jsonl.h>
#include <diplo/query.h>
#include <diplo/timeline.h>

// Expected answers: read off the XML by hand, or printed by tests/import/expected.py
// (/usr/bin/python3 tests/import/expected.py), which reads the XML with xml.etree and knows
// nothing of the importer. Each test names where its numbers come from.

namespace {

using diplo::import::dataset;

// One import and one timeline for the whole file (the import takes about a second).
struct imported {
  diplo::import::import_result result;
  diplo::timeline t;
  double import_ms = 0;
};

auto data() -> const imported& {
  static const imported d = [] {
    imported x;
    const auto t0 = std::chrono::steady_clock::now();
    x.result = diplo::import::import_historyatstate(DIPLO_SOURCE_DIR "/data/historyatstate");
    const auto t1 = std::chrono::steady_clock::now();
    x.import_ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
    x.t = diplo::io::build(x.result.doc);
    fmt::print("import of {} records: {:.0f} ms; build: {:.0f} ms; {} warnings\n",
               x.result.report.total().read, x.import_ms,
               std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t1).count(),
               x.t.warnings().size());
    return x;
  }();
  return d;
}

auto doc_event(const std::string& id) -> const diplo::event* {
  const auto& doc = data().result.doc;
  for (const auto& e : doc.events) {
    if (diplo::base(e).id.value() == id) return &e;
  }
  return nullptr;
}

auto visit_of(const std::string& id) -> const diplo::visit& {
  const diplo::event* e = doc_event(id);
  EXPECT_TRUE(e) << id;
  static const diplo::visit none;
  if (e == nullptr) return none;
  return std::get<diplo::visit>(*e);
}

auto day(int y, unsigned m, unsigned d) -> date::sys_days {
  return date::sys_days{date::year{y} / date::month{m} / date::day{d}};
}

// The actor of a person by canonical name (exact).
auto person_named(const std::string& name) -> diplo::actor_id {
  for (const auto& a : data().result.doc.actors.actors()) {
    if (diplo::name_of(a) == name) return diplo::id_of(a);
  }
  ADD_FAILURE() << "no actor named " << name;
  return {};
}

}  // namespace

TEST(HistoryAtState, RecordsReadPerDataset) {
  // expected.py: "records read: 3264 832 3439" (the README says the same).
  const auto& r = data().result.report;
  EXPECT_EQ(r.of(dataset::visits).read, 3264U);
  EXPECT_EQ(r.of(dataset::president_trips).read, 832U);
  EXPECT_EQ(r.of(dataset::secretary_trips).read, 3439U);
  EXPECT_EQ(r.total().read, 3264U + 832U + 3439U);
}

TEST(HistoryAtState, ReportAddsUp) {
  const auto& r = data().result.report;
  for (auto d : {dataset::visits, dataset::president_trips, dataset::secretary_trips}) {
    const auto& c = r.of(d);
    EXPECT_EQ(c.read, c.events + c.merged + c.rejected) << name(d);
  }
  const auto t = r.total();
  EXPECT_EQ(t.read, t.events + t.merged + t.rejected);
  EXPECT_EQ(t.events, data().result.doc.events.size());
  EXPECT_EQ(data().result.doc.origins.size(), data().result.doc.events.size());
  EXPECT_EQ(t.merged, r.duplicates.size());
  EXPECT_EQ(t.rejected, r.rejections.size());
  // The duplicates the README lists: Blinken 3992/4019 and 3993/4020 (exact), Biden 4118/4119
  // and Shultz 2121/2123 (same traveller, dates, country): 1 president + 3 secretary records.
  EXPECT_EQ(r.of(dataset::president_trips).merged, 1U);
  EXPECT_EQ(r.of(dataset::secretary_trips).merged, 3U);
  // Rejected: the three visits from the Kingdom of Hawaii (from id="hawaii": 1874, 1881,
  // 1898; grep -c 'id="hawaii"' data/historyatstate/visits/*.xml), which has no ISO code.
  ASSERT_EQ(r.rejections.size(), 3U);
  for (const auto& x : r.rejections) {
    EXPECT_NE(x.reason.find("hawaii"), std::string::npos) << x.reason;
  }
  const std::string text = fmt::format("{}", r);
  EXPECT_NE(text.find("7535 read"), std::string::npos) << text;
  EXPECT_EQ(text.find("DOES NOT ADD UP"), std::string::npos);
}

TEST(HistoryAtState, BlinkenExactDuplicateCitesBothRecords) {
  // secretary-travels/blinken-antony-j.xml: records 3992 and 4019 are identical but for the id.
  const auto& v = visit_of("hist-trip-secretary-3992");
  ASSERT_EQ(v.sources.size(), 2U);
  EXPECT_EQ(v.sources[0].title, "secretary travels record 3992");
  EXPECT_EQ(v.sources[1].title, "secretary travels record 4019");
  EXPECT_EQ(v.sources[0].publisher, "Office of the Historian");
  EXPECT_EQ(v.sources[0].url,
            "https://history.state.gov/departmenthistory/travels/secretary/blinken-antony-j");
  EXPECT_EQ(doc_event("hist-trip-secretary-4019"), nullptr);
  const auto& dups = data().result.report.duplicates;
  auto it = std::find_if(dups.begin(), dups.end(), [](const auto& d) { return d.merged.id == "4019"; });
  ASSERT_NE(it, dups.end());
  EXPECT_EQ(it->kept.id, "3992");
  EXPECT_EQ(it->kind, diplo::import::merge_kind::exact_copy);
  // Biden 4118/4119: same dates and country, different remarks: both remarks kept.
  const auto& b = visit_of("hist-trip-president-4118");
  EXPECT_EQ(b.sources.size(), 2U);
  EXPECT_NE(b.description.find(" / "), std::string::npos);
}

TEST(HistoryAtState, CountriesByDate) {
  // expected.py: secretary trips to `russia` 2008 (1985-03-12) and 637 (1995-05-09).
  EXPECT_EQ(visit_of("hist-trip-secretary-2008").host_country, diplo::country_code{"SU"});
  EXPECT_EQ(visit_of("hist-trip-secretary-637").host_country, diplo::country_code{"RU"});
  // visits 2240 (1945-04-26, Premier Soong, from china) and 3082 (1979-01-29, Vice Premier
  // Deng Xiaoping, from china): the guest's office is of TW and of CN.
  const auto& reg = data().result.doc.actors;
  const auto& soong = visit_of("hist-visit-2240");
  ASSERT_EQ(soong.guests.size(), 1U);
  EXPECT_EQ(reg.country_of(soong.guests[0], day(1945, 4, 26)), diplo::country_code{"TW"});
  const auto& deng = visit_of("hist-visit-3082");
  ASSERT_EQ(deng.guests.size(), 1U);
  EXPECT_EQ(reg.country_of(deng.guests[0], day(1979, 1, 29)), diplo::country_code{"CN"});
}

TEST(HistoryAtState, TwoPersonVisitorIsTwoGuests) {
  // visits/1990.xml record 855: "President Francesco Cossiga and Prime Minister Giulio Andreotti".
  const auto& v = visit_of("hist-visit-855");
  ASSERT_EQ(v.guests.size(), 2U);
  EXPECT_EQ(v.guests[0], person_named("Francesco Cossiga"));
  EXPECT_EQ(v.guests[1], person_named("Giulio Andreotti"));
  // Cossiga also visited as Prime Minister (1979-80); on 7 May 1991 he was President.
  const auto offices = data().result.doc.actors.offices_on(v.guests[0], day(1991, 5, 7));
  ASSERT_EQ(offices.size(), 1U);
  EXPECT_EQ(offices[0]->title, "President");
  EXPECT_EQ(offices[0]->country, diplo::country_code{"IT"});
}

TEST(HistoryAtState, OfficialWorkingVisitIsWorking) {
  // visits/2020.xml record 2991: description "Official Working Visit.".
  const auto& v = visit_of("hist-visit-2991");
  EXPECT_EQ(v.level, diplo::visit_level::working);
  EXPECT_EQ(v.description, "Official Working Visit.");
  EXPECT_EQ(v.host_country, diplo::country_code{"US"});
  EXPECT_EQ(v.place.city, "Washington");
  EXPECT_EQ(v.guests.at(0), person_named("Kyriakos Mitsotakis"));
  EXPECT_EQ(v.sources.at(0).url, "https://history.state.gov/departmenthistory/visits/2020");
}

TEST(HistoryAtState, NetanyahuSpellingsAreOneActor) {
  // expected.py: 1205 "Binyamin", 1293 "Benyamin", 2025 "Benjamin Netanyahu".
  const auto a = visit_of("hist-visit-1205").guests.at(0);
  EXPECT_EQ(visit_of("hist-visit-1293").guests.at(0), a);
  EXPECT_EQ(visit_of("hist-visit-2025").guests.at(0), a);
  EXPECT_EQ(a, person_named("Benjamin Netanyahu"));
  EXPECT_EQ(data().t.actors().resolve("Binyamin Netanyahu"), a);
}

TEST(HistoryAtState, BuildSucceeds) {
  // build() throws on any error; the warnings (likely duplicates) are reported, not asserted.
  const auto& t = data().t;
  EXPECT_EQ(t.size(), data().result.report.total().events);
  fmt::print("timeline: {}; {} warnings\n", t, t.warnings().size());
  for (std::size_t i = 0; i < t.warnings().size() && i < 5; ++i) {
    fmt::print("  {}\n", t.warnings()[i]);
  }
}

TEST(HistoryAtState, DeclaresWhatItRecordsCompletely) {
  // Trips of the President and the Secretary of State, visits of foreign leaders to the US;
  // no meetings (the records do not name whom the traveller met).
  const auto& t = data().t;
  ASSERT_EQ(t.coverage().size(), 2U);
  EXPECT_EQ(t.coverage()[0].subject, diplo::coverage_subject::trips_by);
  EXPECT_EQ(t.coverage()[0].offices, (std::vector<std::string>{"President", "Secretary of State"}));
  EXPECT_EQ(t.coverage()[1].subject, diplo::coverage_subject::visits_to);
  EXPECT_FALSE(t.coverage()[0].counterparts || t.coverage()[1].counterparts);
  const auto obama = person_named("Barack Obama");
  // Obama's trips to the UK while President: complete; from 2000 on: he may have gone before.
  const auto in_office = diplo::answer_count_visits(
      t, {.guest = obama, .host_country = "GB", .from = day(2009, 1, 20), .to = day(2017, 1, 19)});
  EXPECT_EQ(in_office.coverage.status, diplo::coverage_status::complete) << in_office.coverage.reason;
  const auto since_2000 = diplo::answer_count_visits(
      t, {.guest = obama, .host_country = "GB", .from = day(2000, 1, 1), .to = day(2017, 1, 19)});
  EXPECT_EQ(since_2000.coverage.status, diplo::coverage_status::partial);
  EXPECT_NE(
      since_2000.coverage.reason.find("Barack Obama may have visited the United Kingdom between 1 January "
                                      "2000 and 19 January 2009"),
      std::string::npos)
      << since_2000.coverage.reason;
  // Meetings: a list of trips holds none.
  const auto met = diplo::answer_last_meeting(t, obama, person_named("Angela Merkel"));
  EXPECT_EQ(met.coverage.status, diplo::coverage_status::outside) << met.coverage.reason;
}

TEST(HistoryAtState, LastGermanLeaderVisitBefore2020) {
  // expected.py: "last German visit before 2020: 2967 2018-04-27 Chancellor Angela Merkel".
  const auto trips = diplo::visits(data().t, {.guest_country = "DE", .to = day(2019, 12, 31)});
  ASSERT_FALSE(trips.empty());
  EXPECT_EQ(trips.back().main().id().value(), "hist-visit-2967");
  EXPECT_EQ(trips.back().guest, person_named("Angela Merkel"));
}

TEST(HistoryAtState, FrenchVisitsInThe1990s) {
  // expected.py: "French visits in the 1990s: 11", one guest each, none adjacent.
  EXPECT_EQ(
      diplo::count_visits(
          data().t,
          {.guest_country = "FR", .host_country = "US", .from = day(1990, 1, 1), .to = day(1999, 12, 31)}),
      11U);
}

TEST(HistoryAtState, ObamasLastTripToTheUnitedKingdom) {
  // expected.py: "Obama last in UK: 3620 2016-04-21 2016-04-24".
  const auto trips = diplo::visits(data().t, {.guest = person_named("Barack Obama"), .host_country = "GB"});
  ASSERT_FALSE(trips.empty());
  EXPECT_EQ(trips.back().main().id().value(), "hist-trip-president-3620");
  EXPECT_EQ(trips.back().when.earliest_start(), day(2016, 4, 21));
}

TEST(HistoryAtState, CountryWarrenChristopherVisitedMost) {
  // expected.py: "Christopher most visited: [('israel', 32), ('syria', 27), ('egypt', 14)]"
  // (consecutive stops in one country, each starting at most a day after, are one visit).
  std::map<diplo::country_code, int> n;
  for (const auto& tr : diplo::visits(data().t, {.guest = person_named("Warren Minor Christopher")})) {
    ++n[tr.country];
  }
  auto best =
      std::max_element(n.begin(), n.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  ASSERT_NE(best, n.end());
  EXPECT_EQ(best->first, diplo::country_code{"IL"});
  EXPECT_EQ(best->second, 32);
  EXPECT_EQ(n[diplo::country_code{"SY"}], 27);
}

TEST(HistoryAtState, WhereWasObamaOnTheSecondOfApril2009) {
  // expected.py: "Obama on 2009-04-02: [('2961', 'united-kingdom', 'London')]".
  const auto w = diplo::where(data().t, person_named("Barack Obama"), day(2009, 4, 2));
  ASSERT_EQ(w.size(), 1U);
  EXPECT_EQ(diplo::base(w[0].event.value()).id.value(), "hist-trip-president-2961");
  EXPECT_EQ(w[0].place().city, "London");
  EXPECT_EQ(w[0].place().country, diplo::country_code{"GB"});
}

TEST(HistoryAtState, LongestGapBetweenDanishVisits) {
  // expected.py: "longest Danish gap: (2578, '2869', '3160', '2016-05-13', '2023-06-05')":
  // 2,578 days between the end of visit 2869 and the start of 3160.
  const auto trips = diplo::visits(data().t, {.guest_country = "DK", .host_country = "US"});
  ASSERT_GE(trips.size(), 2U);
  date::days best{-1};
  std::string before, after;
  date::sys_days end = trips.front().when.latest_end();
  for (std::size_t i = 0; i + 1 < trips.size(); ++i) {
    end = std::max(end, trips[i].when.latest_end());
    const auto gap = trips[i + 1].when.earliest_start() - end;
    if (gap > best) {
      best = gap;
      before = trips[i].main().id().value();
      after = trips[i + 1].main().id().value();
    }
  }
  EXPECT_EQ(best.count(), 2578);
  EXPECT_EQ(before, "hist-visit-2869");
  EXPECT_EQ(after, "hist-visit-3160");
}

TEST(HistoryAtState, JourneysGroupConsecutiveStops) {
  // president-travels/obama-barack.xml: 2961 London 2009-03-31..04-03, then 2962 France
  // 04-03..04-04, Germany, Czech Republic, Turkey to 04-07: one journey of several stops.
  const diplo::event* e = doc_event("hist-trip-president-2961");
  ASSERT_TRUE(e);
  const std::string j = diplo::base(*e).journey;
  EXPECT_EQ(j, "hist-journey-president-obama-barack-2009-03-31");
  const auto& js = data().result.journeys;
  auto it = std::find_if(js.begin(), js.end(), [&](const auto& x) { return x.id == j; });
  ASSERT_NE(it, js.end());
  EXPECT_GE(it->stops.size(), 4U);
  EXPECT_EQ(it->stops.front().value(), "hist-trip-president-2961");
  EXPECT_EQ(data().result.report.journeys, js.size());
}

TEST(HistoryAtState, VisitedCountriesOfWarrenChristopher) {
  // expected.py: "Christopher most visited: [('israel', 32), ('syria', 27), ('egypt', 14)]".
  const auto c = diplo::visited_countries(data().t, person_named("Warren Minor Christopher"));
  ASSERT_GE(c.size(), 3U);
  EXPECT_EQ(c[0].country, diplo::country_code{"IL"});
  EXPECT_EQ(c[0].trips, 32U);
  EXPECT_EQ(c[1].country, diplo::country_code{"SY"});
  EXPECT_EQ(c[1].trips, 27U);
  EXPECT_EQ(c[2].country, diplo::country_code{"EG"});
  EXPECT_EQ(c[2].trips, 14U);
}

TEST(HistoryAtState, LongestGapQueryBetweenDanishVisits) {
  // expected.py: "longest Danish gap: (2578, '2869', '3160', '2016-05-13', '2023-06-05')".
  const auto g =
      diplo::longest_gap(data().t, diplo::visit_filter{.guest_country = "DK", .host_country = "US"});
  ASSERT_TRUE(g);
  EXPECT_EQ(g->length.count(), 2578);
  EXPECT_EQ(g->before.main().id().value(), "hist-visit-2869");
  EXPECT_EQ(g->after.main().id().value(), "hist-visit-3160");
}

TEST(HistoryAtState, ObamasJourneysAndTrips) {
  // expected.py: "Obama journeys: 52 in 2009: 10 stops in 2009: 25 first of spring 2009:
  // ['united-kingdom', 'france', 'germany', 'czech-republic', 'turkey', 'iraq']".
  const auto obama = person_named("Barack Obama");
  EXPECT_EQ(diplo::journeys(data().t, {.guest = obama}).size(), 52U);
  const auto in2009 =
      diplo::journeys(data().t, {.guest = obama, .from = day(2009, 1, 1), .to = day(2009, 12, 31)});
  ASSERT_EQ(in2009.size(), 10U);
  std::size_t stops = 0;
  for (const auto& j : in2009) stops += j.stops.size();
  EXPECT_EQ(stops, 25U);
  EXPECT_EQ(diplo::count_visits(data().t, {.guest = obama, .from = day(2009, 1, 1), .to = day(2009, 12, 31)}),
            25U);
  EXPECT_EQ(in2009[1].id, "hist-journey-president-obama-barack-2009-03-31");
  EXPECT_EQ(in2009[1].countries(),
            (std::vector<diplo::country_code>{diplo::country_code{"GB"}, diplo::country_code{"FR"},
                                              diplo::country_code{"DE"}, diplo::country_code{"CZ"},
                                              diplo::country_code{"TR"}, diplo::country_code{"IQ"}}));
}

TEST(HistoryAtState, WhoWasWhereOnADay) {
  // expected.py: "on 2009-04-02 : 0 visits ... trips: [('2961', 'obama-barack', 'united-kingdom'),
  // ('2997', 'clinton-hillary-rodham', 'united-kingdom')]".
  const auto april = diplo::whereabouts_on(data().t, day(2009, 4, 2));
  ASSERT_EQ(april.size(), 2U);
  EXPECT_EQ(april[0].actor, person_named("Barack Obama"));
  EXPECT_EQ(diplo::base(april[0].whereabouts.at(0).event.value()).id.value(), "hist-trip-president-2961");
  EXPECT_EQ(diplo::base(april[1].whereabouts.at(0).event.value()).id.value(), "hist-trip-secretary-2997");
  // expected.py: "on 2010-04-12 : 36 visits ... two-person records: 0 | trips: []" (the
  // Nuclear Security Summit in Washington).
  const auto summit = diplo::whereabouts_on(data().t, day(2010, 4, 12), {.country = "US"});
  EXPECT_EQ(summit.size(), 36U);
  for (const auto& p : summit) {
    EXPECT_EQ(p.whereabouts, diplo::where(data().t, p.actor, day(2010, 4, 12))) << p.actor.value();
  }
}

TEST(HistoryAtState, ShortFormsOfLongServingLeadersAreJoinedByCuratedRows) {
  // curation/aliases.csv, each row with its evidence: visits 2405 (1960, "President Tito") and
  // 174 (1971, "President Josip Broz Tito"); 2397 (1960, "President de Gaulle") and 80 (1969).
  EXPECT_EQ(visit_of("hist-visit-2405").guests.at(0), person_named("Josip Broz Tito"));
  EXPECT_EQ(visit_of("hist-visit-2397").guests.at(0), person_named("Charles de Gaulle"));
  EXPECT_EQ(visit_of("hist-visit-2490").guests.at(0), person_named("Julius K. Nyerere"));
  EXPECT_EQ(visit_of("hist-visit-2431").guests.at(0), person_named("Habib Bourguiba"));
  // De Gaulle in 1945 stays apart (President Auriol, visit 2278 in 1951, comes between), and
  // the documented non-aliases stay apart: visit 2396 (1960, "President Lleras") is not
  // Carlos Lleras Restrepo (visit 99), 2732 (2014, "Idriss Deby") not his son (3110).
  EXPECT_NE(visit_of("hist-visit-2243").guests.at(0), person_named("Charles de Gaulle"));
  EXPECT_NE(visit_of("hist-visit-2396").guests.at(0), visit_of("hist-visit-99").guests.at(0));
  EXPECT_NE(visit_of("hist-visit-2732").guests.at(0), visit_of("hist-visit-3110").guests.at(0));
  // 50 names were unresolved before these rows; 22 are now joined (de Gaulle 1945 and
  // President-elect Tubman 1943 keep theirs).
  EXPECT_EQ(data().result.report.unresolved_names.size(), 28U);
}

TEST(HistoryAtState, TripsMadeAsPresidentElect) {
  // expected.py: "President-elect trips: 17"; Eisenhower's record 2739 (Korea, 2-5 December
  // 1952) says "[Visit made as President-elect.]". Counted as the presidents' trips whose
  // traveller held the office of President-elect of US on the first day.
  std::size_t n = 0;
  const auto& reg = data().result.doc.actors;
  for (const auto& e : data().result.doc.events) {
    if (!diplo::base(e).id.value().starts_with("hist-trip-president-")) continue;
    const auto& v = std::get<diplo::visit>(e);
    for (const auto* o : reg.offices_on(v.guests.at(0), v.when.earliest_start())) {
      n += o->title == "President-elect" && o->country == diplo::country_code{"US"};
    }
  }
  EXPECT_EQ(n, 17U);
  const auto ike = visit_of("hist-trip-president-2739").guests.at(0);
  const auto offices = data().result.doc.actors.offices_on(ike, day(1952, 12, 3));
  ASSERT_EQ(offices.size(), 1U);
  EXPECT_EQ(offices[0]->title, "President-elect");
  EXPECT_EQ(offices[0]->country, diplo::country_code{"US"});
}

TEST(HistoryAtState, ReportsTimeAndPrints) {
  fmt::print("import time: {:.0f} ms\n{}\n", data().import_ms, data().result.report);
}

namespace {
TEST(HistoryAtStateFormat, ReportParts) {
  using diplo::import::dataset;
  using diplo::import::record_ref;
  const record_ref a{dataset::secretary_trips, "3992", {}};
  const record_ref b{
      dataset::secretary_trips, "4019", {"travels/secretary-travels/blinken-antony-j.xml", 17, 5}};
  EXPECT_EQ(fmt::format("{}", diplo::import::merged{a, b, diplo::import::merge_kind::exact_copy, ""}),
            "secretary travels record 4019 (travels/secretary-travels/blinken-antony-j.xml:17:5) "
            "into secretary travels record 3992 [exact copy]");
  EXPECT_EQ(fmt::format("{}", diplo::import::rejected{{dataset::visits, "2138", {}}, "no ISO code"}),
            "visits record 2138: no ISO code");
  EXPECT_EQ(fmt::format("{}", diplo::import::overlap{a, a, date::days{1}}),
            "secretary travels record 3992 and secretary travels record 3992: 1 day");
  EXPECT_EQ(fmt::format("{}", diplo::import::dataset_count{3264, 3261, 0, 3}),
            "3264 read = 3261 events + 0 merged + 3 rejected");
  EXPECT_EQ(fmt::format("{:>16}", diplo::import::merge_kind::exact_copy), "      exact copy");
}
}  // namespace

// --- files in memory (import_historyatstate(files)), and what the fuzzer found ---------------

namespace {

// The curated tables and presidents.xml of the repository, plus `xml` as visits/test.xml
// and travels/president-travels/test.xml.
auto files_with(const std::string& xml) -> diplo::import::historyatstate_files {
  diplo::import::historyatstate_files files;
  for (const char* rel : {"curation/countries.csv", "curation/titles.csv", "curation/levels.csv",
                          "curation/aliases.csv", "travels/presidents/presidents.xml"}) {
    std::ifstream in(std::string(DIPLO_SOURCE_DIR "/data/historyatstate/") + rel, std::ios::binary);
    files[rel] = std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    EXPECT_FALSE(files[rel].empty()) << rel;
  }
  files["visits/test.xml"] = xml;
  files["travels/president-travels/test.xml"] = xml;
  return files;
}

auto import_error(const std::string& xml) -> std::string {
  try {
    (void)diplo::import::import_historyatstate(files_with(xml));
  } catch (const diplo::error& e) {
    return e.what();
  }
  return "no error";
}

TEST(HistoryAtStateInMemory, ImportsRecordsHeldInMemory) {
  const auto r = diplo::import::import_historyatstate(
      files_with("<visits><visit><id>751</id><start-date>1990-01-10</start-date>"
                 "<end-date>1990-01-12</end-date><visitor>Prime Minister Anibal Cavaco Silva</visitor>"
                 "<from id=\"portugal\">Portugal</from><description>Official working visit.</description>"
                 "</visit></visits>"));
  EXPECT_EQ(r.report.of(dataset::visits), (diplo::import::dataset_count{1, 1, 0, 0}));
  EXPECT_EQ(r.report.of(dataset::president_trips), (diplo::import::dataset_count{}));
  ASSERT_EQ(r.doc.events.size(), 1U);
  EXPECT_EQ(diplo::base(r.doc.events[0]).id.value(), "hist-visit-751");
  EXPECT_EQ(r.doc.origins[0].file, "visits/test.xml");
  EXPECT_EQ(diplo::io::build(r.doc).size(), 1U);
}

// Visits and trips are checked alike: their dates (two exact days, in order) and then their
// country (mapped by curation/countries.csv on the first day); a trip also needs its @who,
// checked after its dates.
TEST(HistoryAtStateInMemory, RejectsBadDatesAndUnmappedCountriesOfVisitsAndTrips) {
  auto visit = [](const char* id, const char* start, const char* end, const char* slug) {
    return fmt::format(
        "<visit><id>{}</id><start-date>{}</start-date><end-date>{}</end-date>"
        "<visitor>Prime Minister Anibal Cavaco Silva</visitor><from id=\"{}\">Somewhere</from></visit>",
        id, start, end, slug);
  };
  auto trip = [](const char* id, const char* who, const char* start, const char* end, const char* slug) {
    return fmt::format(
        "<trip role=\"president\" who=\"{}\"><id>{}</id><name>Joseph R. Biden</name>"
        "<start-date>{}</start-date><end-date>{}</end-date><country id=\"{}\">Somewhere</country></trip>",
        who, id, start, end, slug);
  };
  auto files = files_with(fmt::format(
      "<visits>{}{}{}{}</visits>", visit("1", "1990-01-12", "1990-01-10", "portugal"),
      visit("2", "1990-01", "1990-01-10", "portugal"), visit("3", "1990-01-10", "1990-01-12", "atlantis"),
      visit("4", "1990-01-10", "1990-01-12", "portugal")));
  files["travels/president-travels/test.xml"] = fmt::format(
      "<trips>{}{}{}{}{}</trips>", trip("11", "biden-joseph-r", "2021-06-13", "2021-06-09", "portugal"),
      trip("12", "", "2021-06-09", "2021-06-13", "portugal"), trip("13", "", "2021-06-13", "x", "portugal"),
      trip("14", "biden-joseph-r", "2021-06-09", "2021-06-13", "atlantis"),
      trip("15", "biden-joseph-r", "2021-06-09", "2021-06-13", "portugal"));
  const auto r = diplo::import::import_historyatstate(files);
  std::vector<std::string> rejections;
  for (const auto& x : r.report.rejections) rejections.push_back(fmt::format("{}", x));
  EXPECT_EQ(rejections,
            (std::vector<std::string>{
                "visits record 1 (visits/test.xml:1:9): bad dates \"1990-01-12\" .. \"1990-01-10\"",
                "visits record 2 (visits/test.xml:1:189): bad dates \"1990-01\" .. \"1990-01-10\"",
                "visits record 3 (visits/test.xml:1:366): country slug \"atlantis\" is not in "
                "curation/countries.csv",
                "president travels record 11 (travels/president-travels/test.xml:1:8): bad dates "
                "\"2021-06-13\" .. \"2021-06-09\"",
                "president travels record 12 (travels/president-travels/test.xml:1:206): no traveller (@who)",
                "president travels record 13 (travels/president-travels/test.xml:1:390): bad dates "
                "\"2021-06-13\" .. \"x\"",
                "president travels record 14 (travels/president-travels/test.xml:1:565): country slug "
                "\"atlantis\" is not in curation/countries.csv"}));
  EXPECT_EQ(r.report.of(dataset::visits), (diplo::import::dataset_count{4, 1, 0, 3}));
  EXPECT_EQ(r.report.of(dataset::president_trips), (diplo::import::dataset_count{5, 1, 0, 4}));
}

// The tables are embedded: a map without them imports as well (the level, the country and
// the title below come from the embedded levels.csv, countries.csv and titles.csv).
TEST(HistoryAtStateInMemory, AMissingTableIsTheEmbeddedOne) {
  auto files = files_with(
      "<visits><visit><id>751</id><start-date>1990-01-10</start-date>"
      "<end-date>1990-01-12</end-date><visitor>Prime Minister Anibal Cavaco Silva</visitor>"
      "<from id=\"portugal\">Portugal</from><description>Official working visit.</description>"
      "</visit></visits>");
  for (const char* rel :
       {"curation/countries.csv", "curation/titles.csv", "curation/levels.csv", "curation/aliases.csv"}) {
    files.erase(rel);
  }
  const auto r = diplo::import::import_historyatstate(files);
  ASSERT_EQ(r.doc.events.size(), 1U);
  const auto& v = std::get<diplo::visit>(r.doc.events[0]);
  EXPECT_EQ(v.level, diplo::visit_level::working);
  EXPECT_EQ(v.host_country, diplo::country_code("US"));
  const diplo::person* p = r.doc.actors.person_of(v.guests.at(0));
  ASSERT_TRUE(p);
  EXPECT_EQ(p->name, "Anibal Cavaco Silva");
  ASSERT_EQ(p->offices.size(), 1U);
  EXPECT_EQ(p->offices[0].title, "Prime Minister");
  EXPECT_EQ(p->offices[0].country, diplo::country_code("PT"));
  // presidents.xml is the Office's data, not diplo's: it must be there.
  files.erase("travels/presidents/presidents.xml");
  EXPECT_THROW(
      {
        try {
          (void)diplo::import::import_historyatstate(files);
        } catch (const diplo::error& e) {
          EXPECT_STREQ(e.what(), "[diplo.import] travels/presidents/presidents.xml: cannot open the file");
          throw;
        }
      },
      diplo::error);
}

// Found by the fuzzer (tests/fuzz/regressions/historyatstate/): a name that is not UTF-8
// threw "[diplo.name] invalid UTF-8 in name (421 bytes)", with no file or line.
TEST(HistoryAtStateInMemory, InvalidUtf8IsAnImportErrorWithItsPlace) {
  EXPECT_EQ(import_error("<visits>\n  <visit>\n    <id>1</id>\n    <start-date>1990-01-10</start-date>\n"
                         "    <end-date>1990-01-12</end-date>\n    <visitor>Prime Minister \xff</visitor>\n"
                         "    <from id=\"portugal\">Portugal</from>\n  </visit>\n</visits>\n"),
            "[diplo.import] visits/test.xml:6:5: the text of <visitor> is not valid UTF-8");
  // A character reference to a lone surrogate is valid XML, but pugixml makes invalid UTF-8 of it.
  EXPECT_EQ(import_error("<trips>\n<trip role=\"president\" who=\"obama-&#xD800;\"><id>1</id>"
                         "<name>Barack Obama</name><start-date>2009-02-19</start-date>"
                         "<end-date>2009-02-19</end-date><country id=\"canada\">Canada</country>"
                         "</trip></trips>"),
            "[diplo.import] travels/president-travels/test.xml:2:1: the text of <trip> @who is not "
            "valid UTF-8");
}

// XML ends a line at a CR alone too (XML 1.0, section 2.11), and so do the positions of
// diplo's other readers (diplo/detail/text.h): an error is placed on the line an editor shows.
TEST(HistoryAtStateInMemory, PlacesErrorsOnLinesEndedByACarriageReturn) {
  EXPECT_EQ(import_error("<visits>\r  <visit>\r    <id>1</id>\r    <start-date>1990-01-10</start-date>\r"
                         "    <end-date>1990-01-12</end-date>\r    <visitor>Prime Minister \xff</visitor>\r"
                         "    <from id=\"portugal\">Portugal</from>\r  </visit>\r</visits>\r"),
            "[diplo.import] visits/test.xml:6:5: the text of <visitor> is not valid UTF-8");
}

// The error of importing `files` (with the test visit of `files_with`), or "no error".
auto tables_error(const diplo::import::historyatstate_files& files) -> std::string {
  try {
    (void)diplo::import::import_historyatstate(files);
  } catch (const diplo::error& e) {
    return e.what();
  }
  return "no error";
}

// The person that the test visit's guest became.
auto guest_of_test_visit(const diplo::import::import_result& r) -> const diplo::person& {
  const auto& v = std::get<diplo::visit>(r.doc.events.at(0));
  const diplo::person* p = r.doc.actors.person_of(v.guests.at(0));
  EXPECT_TRUE(p);
  static const diplo::person none;
  return p == nullptr ? none : *p;
}

const std::string cavaco_silva_visit =
    "<visits><visit><id>751</id><start-date>1990-01-10</start-date>"
    "<end-date>1990-01-12</end-date><visitor>Prime Minister Anibal Cavaco Silva</visitor>"
    "<from id=\"portugal\">Portugal</from></visit></visits>";

// The curated tables are read by diplo's CSV lexer (diplo/detail/csv_lexer.h). Before, a
// line-based reader threw "unterminated quote" at a line break inside a quoted cell.
TEST(HistoryAtStateTables, AQuotedCellMayHoldALineBreak) {
  auto files = files_with(cavaco_silva_visit);
  files["curation/aliases.csv"] +=
      "Anibal Cavaco Silva,Aníbal Cavaco Silva,portugal,,,,\"a note, on\ntwo lines\"\n"
      "# a comment line, with \"quotes\"\r\n"
      "Mario Soares,Mário Soares,portugal,,,,\"\"\n";
  const auto r = diplo::import::import_historyatstate(files);
  EXPECT_EQ(guest_of_test_visit(r).name, "Aníbal Cavaco Silva");
}

TEST(HistoryAtStateTables, ErrorsNameFileLineAndColumn) {
  auto files = files_with("<visits/>");
  files["curation/levels.csv"] += "State Visit,\"state\"x,note\n";  // line 17
  EXPECT_EQ(tables_error(files),
            "[diplo.import] curation/levels.csv:17:20: expected ',' or the end of the line after the "
            "closing '\"' of the field at column 13");
  files = files_with("<visits/>");
  files["curation/levels.csv"] += "Visit,\"state\n";
  EXPECT_EQ(tables_error(files),
            "[diplo.import] curation/levels.csv:17:7: unterminated quoted field: no closing '\"'");
  files = files_with("<visits/>");
  files["curation/levels.csv"] += "State Visit,grand\n";
  EXPECT_EQ(tables_error(files), "[diplo.import] curation/levels.csv:17:13: unknown level \"grand\"");
  files = files_with("<visits/>");
  files["curation/aliases.csv"] += "A B,C D,,,1990-02-30,,\n";
  EXPECT_EQ(tables_error(files),
            "[diplo.import] curation/aliases.csv:119:11: \"1990-02-30\" is not a YYYY-MM-DD date");
}

// One slug rule for every reader (diplo/detail/slug.h): the CSV reader makes the same ids.
TEST(HistoryAtStateIds, PersonIdsAreSlugsOfTheirNames) {
  auto visitor = [](const std::string& name, const char* from, const char* day) {
    return diplo::import::import_historyatstate(
        files_with(fmt::format("<visits><visit><id>1</id><start-date>{0}</start-date><end-date>{0}</end-date>"
                               "<visitor>President {1}</visitor><from id=\"{2}\">X</from></visit></visits>",
                               day, name, from)));
  };
  EXPECT_EQ(guest_of_test_visit(visitor("Владимир Путин", "russia", "2000-01-10")).id.value(),
            "владимир-путин");
  EXPECT_EQ(guest_of_test_visit(visitor("Jonas Gahr Støre", "norway", "2022-01-10")).id.value(),
            "jonas-gahr-støre");
  // No letter at all: a hash, as the CSV reader gives. Before, the importer kept the bytes
  // of every character that was not ASCII, punctuation too, and made an id of "★".
  EXPECT_EQ(guest_of_test_visit(visitor("★", "norway", "2022-01-10")).id.value(), diplo::detail::slug("★"));
  EXPECT_TRUE(diplo::detail::slug("★").starts_with("person-"));
}

}  // namespace

// --- files that are not regular files, or too large --------------------------------------

namespace {

namespace fs = std::filesystem;

// A folder to import from: the repository's curated tables and presidents.xml (linked,
// which the importer follows to regular files), and empty dataset folders.
auto import_dir(const char* name) -> fs::path {
  const fs::path dir = fs::path(DIPLO_TEST_TMPDIR) / "historyatstate_test" / name;
  const fs::path repo = DIPLO_SOURCE_DIR "/data/historyatstate";
  fs::remove_all(dir);
  for (const char* sub : {"curation", "visits", "travels/presidents", "travels/president-travels",
                          "travels/secretary-travels"}) {
    fs::create_directories(dir / sub);
  }
  for (const char* rel : {"curation/countries.csv", "curation/titles.csv", "curation/levels.csv",
                          "curation/aliases.csv", "travels/presidents/presidents.xml"}) {
    fs::create_symlink(repo / rel, dir / rel);
  }
  return dir;
}

// The error of importing `dir`, read on another thread: an import still blocked after 10 s
// (on a FIFO) is a failure, and the FIFO `fifo` is then opened and closed to end it.
auto import_dir_error(const fs::path& dir, const fs::path& fifo, const diplo::io::read_limits& limits = {})
    -> std::string {
  auto f = std::async(std::launch::async, [&]() -> std::string {
    try {
      (void)diplo::import::import_historyatstate(dir, {.limits = limits});
    } catch (const diplo::error& e) {
      return e.what();
    }
    return "no error";
  });
  if (f.wait_for(std::chrono::seconds(10)) == std::future_status::ready) return f.get();
  const int fd = ::open(fifo.c_str(), O_RDWR | O_NONBLOCK);
  if (fd >= 0) ::close(fd);
  return "(blocked) " + f.get();
}

}  // namespace

// The tables as symbolic links: before, their names in the import were made relative
// through the links ("../../../data/...") and then not found.
TEST(HistoryAtStateFiles, ImportsAFolderOfLinkedTables) {
  const fs::path dir = import_dir("ok");
  const auto r = diplo::import::import_historyatstate(dir);
  EXPECT_EQ(r.report.total(), (diplo::import::dataset_count{}));
}

TEST(HistoryAtStateFiles, AFifoIsRefusedNotWaitedOn) {
  const fs::path dir = import_dir("fifo");
  fs::remove(dir / "curation/titles.csv");
  ASSERT_EQ(::mkfifo((dir / "curation/titles.csv").c_str(), 0600), 0);
  EXPECT_EQ(import_dir_error(dir, dir / "curation/titles.csv"),
            fmt::format("[diplo.io] cannot read \"{}\": not a regular file (a FIFO)",
                        (dir / "curation/titles.csv").string()));
  // A FIFO among the XML files is refused too, not skipped.
  const fs::path dir2 = import_dir("fifo-xml");
  ASSERT_EQ(::mkfifo((dir2 / "visits/2020.xml").c_str(), 0600), 0);
  EXPECT_EQ(import_dir_error(dir2, dir2 / "visits/2020.xml"),
            fmt::format("[diplo.io] cannot read \"{}\": not a regular file (a FIFO)",
                        (dir2 / "visits/2020.xml").string()));
}

TEST(HistoryAtStateFiles, ALinkToDevZeroIsRefusedBeforeItIsRead) {
  const fs::path dir = import_dir("zero");
  fs::remove(dir / "curation/aliases.csv");
  fs::create_symlink("/dev/zero", dir / "curation/aliases.csv");
  EXPECT_EQ(import_dir_error(dir, {}, {.max_file_size = 1 << 20}),
            fmt::format("[diplo.io] cannot read \"{}\": not a regular file (a character device)",
                        (dir / "curation/aliases.csv").string()));
  const fs::path dir2 = import_dir("zero-xml");
  fs::create_symlink("/dev/zero", dir2 / "travels/secretary-travels/x.xml");
  EXPECT_EQ(import_dir_error(dir2, {}, {.max_file_size = 1 << 20}),
            fmt::format("[diplo.io] cannot read \"{}\": not a regular file (a character device)",
                        (dir2 / "travels/secretary-travels/x.xml").string()));
}

TEST(HistoryAtStateFiles, ASparseXmlOverTheLimitIsRefusedBySize) {
  // 1 GiB and one byte of holes: no disk used; refused by its size under the default limits.
  const fs::path dir = import_dir("sparse");
  const fs::path big = dir / "visits/big.xml";
  std::ofstream(big).close();
  fs::resize_file(big, diplo::io::read_limits{}.max_file_size + 1);
  EXPECT_EQ(import_dir_error(dir, {}),
            fmt::format("[diplo.io] cannot read \"{}\": the file is larger than the limit of "
                        "1073741824 bytes (read_limits::max_file_size)",
                        big.string()));
  // A smaller limit, given (larger than every table).
  fs::resize_file(big, (std::uint64_t{1} << 21) + 1);
  EXPECT_EQ(import_dir_error(dir, {}, {.max_file_size = std::uint64_t{1} << 21}),
            fmt::format("[diplo.io] cannot read \"{}\": the file is larger than the limit of "
                        "2097152 bytes (read_limits::max_file_size)",
                        big.string()));
}

// --- the curated tables ship inside diplo -----------------------------------------------------

namespace {

auto file_text(const fs::path& p) -> std::string {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// FNV-1a, 64 bits: a digest of an import's output.
auto digest(std::string_view s) -> std::uint64_t {
  std::uint64_t h = 14695981039346656037ULL;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

// The header of the embedded table `file` ("countries.csv"): its first line not a comment.
auto header_of(const std::string& file) -> std::string {
  const std::string& text = diplo::import::historyatstate_curation().at("curation/" + file);
  std::size_t at = 0;
  while (text.compare(at, 1, "#") == 0) at = text.find('\n', at) + 1;
  return text.substr(at, text.find('\n', at) - at);
}

// A copy of the repository's data/historyatstate as the Office publishes it: visits/ and
// travels/, no curation/.
auto published_dir() -> const fs::path& {
  static const fs::path dir = [] {
    const fs::path d = fs::path(DIPLO_TEST_TMPDIR) / "historyatstate_test" / "published";
    fs::remove_all(d);
    fs::create_directories(d);
    for (const char* sub : {"visits", "travels"}) {
      fs::copy(fs::path(DIPLO_SOURCE_DIR "/data/historyatstate") / sub, d / sub, fs::copy_options::recursive);
    }
    return d;
  }();
  return dir;
}

// A folder `name` holding user tables: file name -> rows (the embedded header is put first).
auto table_dir(const std::string& name, const std::map<std::string, std::string>& tables) -> fs::path {
  const fs::path dir = fs::path(DIPLO_TEST_TMPDIR) / "historyatstate_test" / "tables" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const auto& [file, rows] : tables) std::ofstream(dir / file) << header_of(file) << '\n' << rows;
  return dir;
}

// `files_with(xml)` without the tables, plus `tables` (file name -> rows after the embedded
// header) as the user's tables in memory.
auto published_files(const std::string& xml, const std::map<std::string, std::string>& tables = {})
    -> diplo::import::historyatstate_files {
  auto files = files_with(xml);
  for (const char* rel :
       {"curation/countries.csv", "curation/titles.csv", "curation/levels.csv", "curation/aliases.csv"}) {
    files.erase(rel);
  }
  for (const auto& [file, rows] : tables) files["curation/" + file] = header_of(file) + "\n" + rows;
  return files;
}

// One visit of `visitor` from country slug `from` on 1997-06-10, described as `description`.
auto one_visit(const std::string& visitor, const std::string& from, const std::string& description = "")
    -> std::string {
  return fmt::format(
      "<visits><visit><id>9</id><start-date>1997-06-10</start-date><end-date>1997-06-11</end-date>"
      "<visitor>{}</visitor><from id=\"{}\">X</from><description>{}</description></visit></visits>",
      visitor, from, description);
}

auto import_error_of(const fs::path& dir, const diplo::import::historyatstate_options& options)
    -> std::string {
  try {
    (void)diplo::import::import_historyatstate(dir, options);
  } catch (const diplo::error& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST(HistoryAtStateCuration, TheEmbeddedTablesAreTheRepositorysFiles) {
  const auto& tables = diplo::import::historyatstate_curation();
  ASSERT_EQ(tables.size(), 4U);
  for (const char* rel :
       {"curation/countries.csv", "curation/titles.csv", "curation/levels.csv", "curation/aliases.csv"}) {
    ASSERT_TRUE(tables.contains(rel)) << rel;
    EXPECT_EQ(tables.at(rel), file_text(fs::path(DIPLO_SOURCE_DIR "/data/historyatstate") / rel)) << rel;
  }
  EXPECT_EQ(header_of("countries.csv"), "slug,name,from,to,code,note");
}

// The folder as the Office publishes it (no curation/) imports as data/historyatstate does
// (whose curation/ holds the same rows as the embedded tables): the same counts, the same
// output to the byte.
TEST(HistoryAtStateCuration, ImportsTheFolderAsPublished) {
  ASSERT_FALSE(fs::exists(published_dir() / "curation"));
  const auto r = diplo::import::import_historyatstate(published_dir());
  const auto& today = data().result;
  for (auto d : {dataset::visits, dataset::president_trips, dataset::secretary_trips}) {
    EXPECT_EQ(r.report.of(d), today.report.of(d)) << name(d);
  }
  EXPECT_EQ(r.report.total(), (diplo::import::dataset_count{7535, 7528, 4, 3}));
  EXPECT_EQ(r.report.actors, today.report.actors);
  EXPECT_EQ(r.report.journeys, today.report.journeys);
  EXPECT_EQ(r.report.unresolved_names.size(), today.report.unresolved_names.size());
  EXPECT_EQ(r.report.resolved_names.size(), today.report.resolved_names.size());
  const std::string out = diplo::io::to_jsonl(diplo::io::build(r.doc), r.doc.info);
  const std::string expected = diplo::io::to_jsonl(data().t, today.doc.info);
  EXPECT_EQ(out.size(), expected.size());
  EXPECT_EQ(digest(out), digest(expected));
}

// A user's row comes before the embedded rows: it overrides them where both match, and adds
// what they do not match (the rules of each table in the header essay).
TEST(HistoryAtStateCuration, AUserRowOverridesOrAddsToTheEmbeddedTables) {
  // countries.csv: the embedded row rejects the Kingdom of Hawaii; a user's row maps it.
  const std::string hawaii = one_visit("King Kalakaua", "hawaii");
  auto r = diplo::import::import_historyatstate(published_files(hawaii));
  ASSERT_EQ(r.report.rejections.size(), 1U);
  EXPECT_TRUE(r.report.rejections[0].reason.starts_with("no ISO 3166 code for hawaii: the Kingdom"))
      << r.report.rejections[0].reason;
  r = diplo::import::import_historyatstate(
      published_files(hawaii, {{"countries.csv", "hawaii,,,,US,mine\n"}}));
  EXPECT_EQ(r.report.of(dataset::visits), (diplo::import::dataset_count{1, 1, 0, 0}));
  EXPECT_EQ(guest_of_test_visit(r).offices.at(0).country, diplo::country_code{"US"});

  // aliases.csv: an embedded row joins "Binyamin" to "Benjamin Netanyahu"; a user's row with
  // no canonical keeps the variant apart. A row for a name no embedded row names adds to it.
  const std::string bibi = one_visit("Prime Minister Binyamin Netanyahu", "israel");
  EXPECT_EQ(guest_of_test_visit(diplo::import::import_historyatstate(published_files(bibi))).name,
            "Benjamin Netanyahu");
  EXPECT_EQ(guest_of_test_visit(diplo::import::import_historyatstate(published_files(
                                    bibi, {{"aliases.csv", "Binyamin Netanyahu,,israel,,,,kept apart\n"}})))
                .name,
            "Binyamin Netanyahu");
  const std::string cavaco = one_visit("Prime Minister Anibal Cavaco Silva", "portugal");
  EXPECT_EQ(guest_of_test_visit(diplo::import::import_historyatstate(published_files(cavaco))).name,
            "Anibal Cavaco Silva");
  EXPECT_EQ(
      guest_of_test_visit(diplo::import::import_historyatstate(published_files(
                              cavaco, {{"aliases.csv", "Anibal Cavaco Silva,Aníbal Cavaco Silva,,,,,\n"}})))
          .name,
      "Aníbal Cavaco Silva");

  // titles.csv: the same prefix with another office.
  const std::string chirac = one_visit("President Jacques Chirac", "france");
  EXPECT_EQ(
      guest_of_test_visit(diplo::import::import_historyatstate(published_files(chirac))).offices.at(0).title,
      "President");
  EXPECT_EQ(guest_of_test_visit(diplo::import::import_historyatstate(
                                    published_files(chirac, {{"titles.csv", "President,Head of State,\n"}})))
                .offices.at(0)
                .title,
            "Head of State");

  // levels.csv: the same phrase with another level.
  const std::string working = one_visit("President Jacques Chirac", "france", "Official Working Visit.");
  auto level = [](const diplo::import::import_result& x) {
    return std::get<diplo::visit>(x.doc.events.at(0)).level;
  };
  EXPECT_EQ(level(diplo::import::import_historyatstate(published_files(working))),
            diplo::visit_level::working);
  EXPECT_EQ(level(diplo::import::import_historyatstate(
                published_files(working, {{"levels.csv", "official working visit,official,\n"}}))),
            diplo::visit_level::official);
}

// options.curation comes first, then dir/curation/, then the embedded tables.
TEST(HistoryAtStateCuration, TheOptionsFolderComesBeforeTheImportFolders) {
  const fs::path dir = import_dir("precedence");
  std::ofstream(dir / "visits/test.xml")
      << one_visit("President Jacques Chirac", "france", "Official Working Visit.");
  auto level = [&](const diplo::import::historyatstate_options& options) {
    const auto r = diplo::import::import_historyatstate(dir, options);
    return std::get<diplo::visit>(r.doc.events.at(0)).level;
  };
  fs::remove(dir / "curation/levels.csv");
  std::ofstream(dir / "curation/levels.csv")
      << header_of("levels.csv") << "\nofficial working visit,private,\n";
  const fs::path mine = table_dir("precedence", {{"levels.csv", "official working visit,state,\n"}});
  EXPECT_EQ(level({}), diplo::visit_level::private_visit);
  EXPECT_EQ(level({.curation = mine}), diplo::visit_level::state);
  fs::remove_all(dir / "curation");
  EXPECT_EQ(level({}), diplo::visit_level::working);
  EXPECT_EQ(level({.curation = mine}), diplo::visit_level::state);
}

TEST(HistoryAtStateCuration, ErrorsOfAUserTableNameItsFile) {
  const fs::path dir = import_dir("user-errors");
  fs::path mine = table_dir("bad-level", {{"levels.csv", "State Visit,grand\n"}});
  EXPECT_EQ(import_error_of(dir, {.curation = mine}),
            fmt::format("[diplo.import] {}:2:13: unknown level \"grand\"", (mine / "levels.csv").string()));
  // Another header: the columns could be swapped.
  mine = table_dir("bad-header", {});
  std::ofstream(mine / "countries.csv") << "# mine\nslug,code\nhawaii,US\n";
  EXPECT_EQ(
      import_error_of(dir, {.curation = mine}),
      fmt::format("[diplo.import] {}:2:1: the header is \"slug,code\"; the columns of countries.csv are "
                  "\"slug,name,from,to,code,note\"",
                  (mine / "countries.csv").string()));
  // A misspelt table is not ignored, in the options' folder or in dir/curation/.
  mine = table_dir("misspelt", {});
  std::ofstream(mine / "alias.csv") << "variant,canonical\n";
  EXPECT_EQ(import_error_of(dir, {.curation = mine}),
            fmt::format("[diplo.import] {}: not a curated table (they are countries.csv, titles.csv, "
                        "levels.csv and aliases.csv)",
                        (mine / "alias.csv").string()));
  std::ofstream(dir / "curation/level.csv") << "phrase,level,note\n";
  EXPECT_EQ(import_error_of(dir, {}),
            fmt::format("[diplo.import] {}: not a curated table (they are countries.csv, titles.csv, "
                        "levels.csv and aliases.csv)",
                        (dir / "curation/level.csv").string()));
  fs::remove(dir / "curation/level.csv");
  // The options' folder must be a folder of tables.
  EXPECT_EQ(import_error_of(dir, {.curation = dir / "nowhere"}),
            fmt::format("[diplo.import] {}: not a directory of curated tables", (dir / "nowhere").string()));
  mine = table_dir("empty", {});
  EXPECT_EQ(import_error_of(dir, {.curation = mine}),
            fmt::format("[diplo.import] {}: holds no curated table (countries.csv, titles.csv, levels.csv or "
                        "aliases.csv)",
                        mine.string()));
  EXPECT_EQ(import_error_of(dir, {}), "no error");
  // In memory, errors name the table by its key.
  auto files = published_files("<visits/>", {{"titles.csv", "\"President,x\n"}});
  EXPECT_EQ(tables_error(files),
            "[diplo.import] curation/titles.csv:2:1: unterminated quoted field: no closing '\"'");
  files = published_files("<visits/>");
  files["curation/title.csv"] = "prefix,office,note\n";
  EXPECT_EQ(tables_error(files),
            "[diplo.import] curation/title.csv: not a curated table (they are countries.csv, titles.csv, "
            "levels.csv and aliases.csv)");
}
