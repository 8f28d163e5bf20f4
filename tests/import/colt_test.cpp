// SPDX-License-Identifier: MIT
#include <diplo/import/colt.h>

#include <diplo/answer.h>

#include <algorithm>
#include <string>
#include <vector>

#include <date/date.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>

#include <diplo/error.h>
#include <diplo/io/document.h>
#include <diplo/query.h>
#include <diplo/timeline.h>

// The fixture tests/import/data/colt-sample.csv is 42 real rows of COLT (Country-Organization-
// Leader Travel, Diplometrics, Pardee Institute, University of Denver; doi:10.7910/DVN/87YG4K),
// drawn from the South American extract of aromanolopez-research/PE-Latam (MIT), chosen for its
// quirks: rows that end before they start, an unknown country code (XXX), Excel serial days,
// ISO days with and without a time, a duplicate row, a row without LeaderID, one summit named
// three ways, names with titles and in "Name (Country)" form, hedged names.
// Expected answers: printed by tests/import/colt_expected.py, which reads the CSV with Python's
// csv module, independently of the importer.

namespace {

using namespace date::literals;
using diplo::import::colt_result;

auto fixture() -> const colt_result& {
  static const colt_result r =
      diplo::import::import_colt(DIPLO_SOURCE_DIR "/tests/import/data/colt-sample.csv");
  return r;
}

auto timeline_of(const colt_result& r) -> diplo::timeline {
  diplo::io::document d = r.doc;
  return diplo::io::build(std::move(d));
}

auto id_named(const diplo::timeline& t, const std::string& name) -> diplo::actor_id {
  return t.actors().resolve(name);
}

// A COLT header and rows built from cells; the columns not given are empty.
auto colt_text(const std::vector<std::vector<std::pair<std::string, std::string>>>& rows) -> std::string {
  const std::vector<std::string> columns{"TripID",
                                         "LeaderID",
                                         "LeaderFullName",
                                         "LeaderTitle",
                                         "LeaderCountryISO",
                                         "CountryVisitedISO",
                                         "CityVisited",
                                         "TripStartDate",
                                         "TripEndDate",
                                         "TripDuration",
                                         "MetHostHoGS",
                                         "HostHOGSName",
                                         "NameMultilatEvent",
                                         "NonhostHOGSNames",
                                         "Notes",
                                         "Confidence(1-5)",
                                         "SourceLink1",
                                         "SourceLink2"};
  std::string s = fmt::format("{}\n", fmt::join(columns, ","));
  for (const auto& row : rows) {
    std::vector<std::string> cells(columns.size());
    for (const auto& [k, v] : row) {
      const auto at = std::find(columns.begin(), columns.end(), k) - columns.begin();
      cells[static_cast<std::size_t>(at)] = fmt::format("\"{}\"", v);
    }
    s += fmt::format("{}\n", fmt::join(cells, ","));
  }
  return s;
}

auto trip(std::string id, std::string who, std::string home, std::string host, std::string from,
          std::string to) -> std::vector<std::pair<std::string, std::string>> {
  return {{"TripID", std::move(id)},
          {"LeaderFullName", std::move(who)},
          {"LeaderTitle", "President"},
          {"LeaderCountryISO", std::move(home)},
          {"CountryVisitedISO", std::move(host)},
          {"TripStartDate", std::move(from)},
          {"TripEndDate", std::move(to)}};
}

TEST(Colt, AccountsForEveryRowOfTheFixture) {
  // colt_expected.py: "rows read: 42 rejected: 5 merged: 1 events: 36"
  const auto& r = fixture().report;
  EXPECT_EQ(r.read, 42U);
  EXPECT_EQ(r.rejected, 5U);
  EXPECT_EQ(r.merged, 1U);
  EXPECT_EQ(r.events, 36U);
  EXPECT_EQ(r.read, r.events + r.merged + r.rejected);
  ASSERT_EQ(r.rejections.size(), 5U);
  std::vector<std::string> ids;
  for (const auto& x : r.rejections) ids.push_back(x.row.trip_id);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"1516-CHL-CHN-37185", "1516-CHL-ECU-37462", "2652-BRA-VEN-41340",
                                           "3169-ARG-COL-42640", "4217-URY-XXX-46018"}));
  const auto xxx = std::find_if(r.rejections.begin(), r.rejections.end(),
                                [](const auto& x) { return x.row.trip_id == "4217-URY-XXX-46018"; });
  EXPECT_NE(xxx->text.find("CountryVisitedISO \"XXX\""), std::string::npos) << xxx->text;
  EXPECT_NE(xxx->row.where.file.find("colt-sample.csv"), std::string::npos);
  EXPECT_GT(xxx->row.where.line, 1U);
}

TEST(Colt, ReadsExcelSerialDaysAndIsoDays) {
  // colt_expected.py: "serial days: [('2320-ARG-KWT-40196', '40559', '2011-01-16'), ...]"
  const diplo::timeline t = timeline_of(fixture());
  const diplo::event_ref e = t.find(diplo::event_id{"colt-2320-ARG-KWT-40196"});
  ASSERT_TRUE(e);
  EXPECT_EQ(diplo::base(e.value()).when.to_edtf(), "2011-01-16/2011-01-17");
  // "2000-09-06T00:00:00" to "2000-09-08"
  EXPECT_EQ(diplo::base(t.find(diplo::event_id{"colt-1473-ARG-USA-36775"}).value()).when.to_edtf(),
            "2000-09-06/2000-09-08");
}

TEST(Colt, WarnsWhenTripDurationDisagreesWithTheDates) {
  const auto r = diplo::import::import_colt_text(
      colt_text({trip("1-ARG-BRA-1", "Ana Uno", "ARG", "BRA", "2001-01-01", "2001-01-03")}), "t.csv");
  EXPECT_TRUE(r.report.warnings.empty());
  auto row = trip("1-ARG-BRA-1", "Ana Uno", "ARG", "BRA", "2001-01-01", "2001-01-03");
  row.emplace_back("TripDuration", "2");
  const auto w = diplo::import::import_colt_text(colt_text({row}), "t.csv");
  ASSERT_EQ(w.report.warnings.size(), 1U);
  EXPECT_NE(
      w.report.warnings[0].text.find("TripDuration is 2, but the dates 2001-01-01 to 2001-01-03 are 3 days"),
      std::string::npos);
  EXPECT_EQ(w.report.events, 1U);
}

TEST(Colt, RejectsBadDaysNamingTheCell) {
  const auto r = diplo::import::import_colt_text(
      colt_text({trip("1-ARG-BRA-1", "Ana Uno", "ARG", "BRA", "", "2001-01-03"),
                 trip("1-ARG-BRA-2", "Ana Uno", "ARG", "BRA", "2023-02-30", "2023-03-01"),
                 trip("1-ARG-BRA-3", "Ana Uno", "ARG", "BRA", "2001-01-01", "soon"),
                 trip("1-ARG-BRA-4", "Ana Uno", "ARG", "BRA", "2001-01-01", "2001-01-01")}),
      "t.csv");
  EXPECT_EQ(r.report.read, 4U);
  EXPECT_EQ(r.report.events, 1U);
  ASSERT_EQ(r.report.rejections.size(), 3U);
  EXPECT_EQ(r.report.rejections[0].text, "TripStartDate: empty");
  EXPECT_NE(r.report.rejections[1].text.find("\"2023-02-30\" is not a day"), std::string::npos);
  EXPECT_NE(r.report.rejections[2].text.find("TripEndDate: \"soon\""), std::string::npos);
  EXPECT_EQ(r.report.rejections[2].row.where, (diplo::origin{"t.csv", 4, 1}));
}

TEST(Colt, RefusesAFileThatIsNotColt) {
  try {
    (void)diplo::import::import_colt_text("id,name\n1,x\n", "t.csv");
    FAIL() << "no error";
  } catch (const diplo::error& e) {
    EXPECT_STREQ(e.what(), "[diplo.import] t.csv:1:1: not a COLT file: no column \"TripID\"");
  }
  EXPECT_FALSE(diplo::import::is_colt_header({"id", "name"}));
  EXPECT_TRUE(diplo::import::is_colt_file(DIPLO_SOURCE_DIR "/tests/import/data/colt-sample.csv"));
  EXPECT_FALSE(diplo::import::is_colt_file(DIPLO_SOURCE_DIR "/data/xi-putin.json"));
}

TEST(Colt, CitesTheDatasetAndMarksPaywalledLinks) {
  auto row = trip("1-ARG-BRA-1", "Ana Uno", "ARG", "BRA", "2001-01-01", "2001-01-03");
  row.emplace_back("SourceLink1",
                   "http://du.idm.oclc.org/login?url=https://search-proquest-com.du.idm.oclc.org/docview/1");
  row.emplace_back("SourceLink2", "https://www.reuters.com/world/x");
  row.emplace_back("Confidence(1-5)", "2");
  row.emplace_back("Notes", "Met the press");
  const auto r = diplo::import::import_colt_text(colt_text({row}), "t.csv");
  const auto& v = std::get<diplo::visit>(r.doc.events.at(0));
  ASSERT_EQ(v.sources.size(), 3U);
  EXPECT_EQ(v.sources[0].title, "COLT, TripID 1-ARG-BRA-1");
  EXPECT_EQ(v.sources[0].url, "https://doi.org/10.7910/DVN/87YG4K");
  EXPECT_EQ(v.sources[1].publisher, "ProQuest");
  EXPECT_EQ(v.sources[1].title, "ProQuest (paywalled database, through a library proxy)");
  EXPECT_EQ(v.sources[2].publisher, "reuters.com");
  EXPECT_EQ(v.notes, "Met the press COLT confidence 2 (1-5).");
}

TEST(Colt, MergesDuplicateRowsCitingBoth) {
  const diplo::timeline t = timeline_of(fixture());
  const diplo::event_ref e = t.find(diplo::event_id{"colt-2320-ARG-CAN-40354"});
  ASSERT_TRUE(e);
  EXPECT_FALSE(t.find(diplo::event_id{"colt-2320-ARG-CAN-40355"}));
  const auto s = e.sources();
  EXPECT_TRUE(std::any_of(s.begin(), s.end(),
                          [](const auto& x) { return x.title == "COLT, TripID 2320-ARG-CAN-40355"; }));
}

TEST(Colt, OneSummitFromRowsNamingItDifferently) {
  // colt_expected.py: "UNASUR Guyana 2010 attendees: 7" (rows name it "Union of South American
  // Nations (UNASUR) Summit", "Union of South AmericanNations (UNASUR)" and "UNASUR Summit").
  const diplo::timeline t = timeline_of(fixture());
  std::vector<diplo::summit> guyana;
  for (const diplo::event_ref& e_ref : t.events()) {
    const diplo::event e = e_ref.value();
    if (const auto* s = std::get_if<diplo::summit>(&e); s != nullptr && s->host_country == "GY")
      guyana.push_back(*s);
  }
  ASSERT_EQ(guyana.size(), 1U);
  EXPECT_EQ(guyana[0].attendees.size(), 7U);
  EXPECT_EQ(guyana[0].series, "UNASUR");
  // colt_expected.py: "UNASUR Argentina 2010 rows": one named with its acronym, one spelled out.
  std::size_t argentina = 0;
  for (const auto& e_ref : t.events()) {
    const auto e = e_ref.value();
    if (const auto* s = std::get_if<diplo::summit>(&e);
        s != nullptr && s->host_country == "AR" &&
        s->when.earliest_start() == date::sys_days{2010_y / 5 / 4}) {
      ++argentina;
      EXPECT_EQ(s->attendees.size(), 2U);
    }
  }
  EXPECT_EQ(argentina, 1U);
}

TEST(Colt, KeepsApartGatheringsOfOneRow) {
  // One row naming two gatherings says they are two; two rows in one country on the same days
  // naming unrelated gatherings are listed for review, not merged.
  auto a = trip("1-ARG-BRA-1", "Ana Uno", "ARG", "BRA", "2001-01-01", "2001-01-02");
  a.emplace_back("NameMultilatEvent", "G20 Summit;Brazil-Russia-India-China-South Africa (BRICS) Summit");
  auto b = trip("2-CHL-BRA-1", "Bea Dos", "CHL", "BRA", "2001-01-01", "2001-01-02");
  b.emplace_back("NameMultilatEvent", "Cumbre de la UNASUR");
  auto c = trip("3-PER-BRA-1", "Cy Tres", "PER", "BRA", "2001-01-02", "2001-01-02");
  c.emplace_back("NameMultilatEvent", "Union of South American Nations (UNASUR) Summit");
  const auto r = diplo::import::import_colt_text(colt_text({a, b, c}), "t.csv");
  EXPECT_EQ(r.report.summit_events, 3U);  // G20, BRICS, UNASUR (of b and c)
  ASSERT_EQ(r.report.summits.size(), 1U);
  EXPECT_EQ(r.report.summits[0].rows.size(), 2U);
  EXPECT_EQ(fmt::format("{}", r.report.summits[0]),
            "Cumbre de la UNASUR (BR, 2 January 2001): 2 rows; named Cumbre de la UNASUR | Union of South "
            "American Nations (UNASUR) Summit");
  // G20/BRICS against UNASUR: listed; G20 against BRICS: not (one row names both).
  EXPECT_EQ(r.report.similar_summits.size(), 2U);
}

TEST(Colt, OnePersonPerLeaderAcrossSpellings) {
  const diplo::timeline t = timeline_of(fixture());
  // "Hugo Chavez" (traveller), "President Hugo Chavez" (host): one actor.
  const auto chavez = id_named(t, "Hugo Chavez");
  const auto lula = id_named(t, "Lula");
  EXPECT_EQ(fmt::format("{}", chavez), "hugo-chavez");
  // The row without LeaderID ("Fernando de la Rúa", PELATAM-ARG-83) is the traveller "Fernando de la Rua".
  const auto rua = id_named(t, "Fernando de la Rua");
  EXPECT_EQ(rua, id_named(t, "Fernando de la Rúa"));
  // Lula met as a host of Chávez's visits: the host is the traveller Lula.
  const diplo::event_ref v = t.find(diplo::event_id{"colt-1383-VEN-BRA-37622"});
  ASSERT_TRUE(v);
  EXPECT_EQ(std::get<diplo::visit>(v.value()).host, lula);
}

TEST(Colt, AnswersFromTheFixture) {
  const diplo::timeline t = timeline_of(fixture());
  const auto lula = id_named(t, "Lula");
  const auto chavez = id_named(t, "Hugo Chavez");
  // colt_expected.py: "last before 2011: 2010-11-26"
  const auto last = diplo::last_meeting(t, lula, chavez, {.before = 2011_y / 1 / 1});
  ASSERT_TRUE(last.has_value());
  EXPECT_EQ(diplo::base(last->event.value()).when.to_edtf(), "2010-11-26");
  // colt_expected.py: 7 days met
  EXPECT_EQ(diplo::count_meetings(t, lula, chavez), 7U);
  // colt_expected.py: "in Russia on 2025-05-09: ['Lula da Silva', 'Maduro']"
  std::vector<std::string> in_russia;
  for (const auto& p : diplo::whereabouts_on(t, 2025_y / 5 / 9, {.country = "RU"})) {
    if (std::any_of(p.whereabouts.begin(), p.whereabouts.end(), [&](const auto& w) {
          return std::holds_alternative<diplo::visit>(w.event.value()) &&
                 std::get<diplo::visit>(w.event.value()).guests.front() == p.actor;
        })) {
      in_russia.push_back(fmt::format("{}", p.actor));
    }
  }
  std::sort(in_russia.begin(), in_russia.end());
  EXPECT_EQ(in_russia, (std::vector<std::string>{"luiz-inacio-lula-da-silva", "nicolas-maduro"}));
}

TEST(Colt, DeclaresTheTripsOfItsLeadersWithTheirCounterparts) {
  const diplo::timeline t = timeline_of(fixture());
  ASSERT_EQ(t.coverage().size(), 1U);
  const auto& s = t.coverage()[0];
  EXPECT_EQ(s.subject, diplo::coverage_subject::trips_by);
  EXPECT_TRUE(s.counterparts);
  EXPECT_NE(std::find(s.countries.begin(), s.countries.end(), diplo::country_code::parse("BR")),
            s.countries.end());
  ASSERT_TRUE(s.as_of);
  // Lula and Chavez both lead countries of the file: while both are in office, their every
  // meeting involves a trip of one of them.
  const auto lula = id_named(t, "Lula");
  const auto chavez = id_named(t, "Hugo Chavez");
  const auto last = diplo::answer_last_meeting(t, lula, chavez, {.before = 2011_y / 1 / 1});
  EXPECT_NE(last.coverage.status, diplo::coverage_status::outside) << last.coverage.reason;
  EXPECT_NE(last.coverage.reason.find("every trip abroad of the leaders of Argentina, Bolivia, Brazil and"),
            std::string::npos)
      << last.coverage.reason;
}

// The meetings of an import, as "participants: TripIDs cited".
auto meetings_of(const colt_result& r) -> std::vector<std::string> {
  std::vector<std::string> out;
  for (const auto& e : r.doc.events) {
    if (const auto* m = std::get_if<diplo::meeting>(&e)) {
      std::string cited;
      for (const auto& s : m->sources) cited += " " + s.title;
      out.push_back(fmt::format("{}:{}", fmt::join(m->participants, "+"), cited));
    }
  }
  return out;
}

TEST(Colt, AMeetingBothLeadersRowsTellIsOneMeetingCitingBoth) {
  auto a = trip("1-ARG-COL-1", "Ana Uno", "ARG", "COL", "2001-03-01", "2001-03-02");
  a.emplace_back("NonhostHOGSNames", "Bruno Dos (Brasil)");
  auto b = trip("2-BRA-COL-2", "Bruno Dos", "BRA", "COL", "2001-03-02", "2001-03-03");
  b.emplace_back("NonhostHOGSNames", "Presidenta Ana Uno");
  auto later = trip("2-BRA-COL-3", "Bruno Dos", "BRA", "COL", "2001-09-02", "2001-09-03");
  later.emplace_back("NonhostHOGSNames", "Ana Uno (Argentina)");
  const auto r = diplo::import::import_colt_text(colt_text({a, b, later}), "t.csv");
  EXPECT_EQ(meetings_of(r),
            (std::vector<std::string>{"ana-uno+bruno-dos: COLT, TripID 1-ARG-COL-1 COLT, TripID 2-BRA-COL-2",
                                      "bruno-dos+ana-uno: COLT, TripID 2-BRA-COL-3"}));
  EXPECT_EQ(r.report.meeting_events, 2U);
  EXPECT_EQ(r.report.meetings_told, 1U);
}

TEST(Colt, LeadersWhoMetAtASummitBothAttendedMakeNoMeetingBesideIt) {
  auto a = trip("1-ARG-COL-1", "Ana Uno", "ARG", "COL", "2001-03-01", "2001-03-02");
  a.emplace_back("NameMultilatEvent", "Rio Group Summit");
  a.emplace_back("NonhostHOGSNames", "Bruno Dos (Brasil)");
  auto b = trip("2-BRA-COL-2", "Bruno Dos", "BRA", "COL", "2001-03-02", "2001-03-02");
  b.emplace_back("NameMultilatEvent", "Rio Group summit");
  auto elsewhere = trip("1-ARG-PER-3", "Ana Uno", "ARG", "PER", "2001-03-02", "2001-03-02");
  elsewhere.emplace_back("NonhostHOGSNames", "Bruno Dos (Brasil)");  // another country: its own
  const auto r = diplo::import::import_colt_text(colt_text({a, b, elsewhere}), "t.csv");
  EXPECT_EQ(meetings_of(r), (std::vector<std::string>{"ana-uno+bruno-dos: COLT, TripID 1-ARG-PER-3"}));
  EXPECT_EQ(r.report.meetings_told, 1U);
}

TEST(Colt, ListsPiecesOfNamesThatAreNoLeader) {
  auto row = trip("1-ARG-BRA-1", "Ana Uno", "ARG", "BRA", "2001-01-01", "2001-01-02");
  row.emplace_back(
      "NonhostHOGSNames",
      "Entre los 17 jefes de Estado presentes: Gustavo Petro (Colombia), Rey Felipe VI (España), "
      "entre otros; posiblemente Ricardo Lagos (Chile)");
  const auto r = diplo::import::import_colt_text(colt_text({row}), "t.csv");
  EXPECT_EQ(r.report.meeting_events, 2U);    // Petro, Felipe VI
  EXPECT_EQ(r.report.not_names.size(), 3U);  // the remark, "entre otros", the hedged name
  bool felipe_in_spain = false;
  for (const auto& a : r.doc.actors.actors()) {
    if (const auto* p = std::get_if<diplo::person>(&a); p != nullptr && p->name == "Felipe VI") {
      felipe_in_spain = p->country == "ES" && !p->offices.empty() && p->offices[0].title == "King";
    }
  }
  EXPECT_TRUE(felipe_in_spain);
}

}  // namespace
