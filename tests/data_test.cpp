// SPDX-License-Identifier: MIT
#include <diplo/data.h>

#include <diplo/answer.h>
#include <diplo/io/file.h>
#include <diplo/query.h>

#include <chrono>
#include <string>

#include <gtest/gtest.h>

namespace {

TEST(Data, EmbedsTheFileAsItIs) {
  const std::string on_disk =
      diplo::io::read_text_file(std::string(DIPLO_SOURCE_DIR) + "/data/xi-putin.json");
  EXPECT_EQ(diplo::data::xi_putin_json(), on_disk);
}

TEST(Data, LoadsOnceWithItsDescription) {
  const diplo::timeline& t = diplo::data::xi_putin();
  EXPECT_EQ(&t, &diplo::data::xi_putin());
  EXPECT_EQ(t.size(), 95u);
  EXPECT_EQ(t.actors().size(), 27u);
  const auto& info = diplo::data::xi_putin_info();
  EXPECT_EQ(info.coverage, "2013-03-22/2026-06");
  EXPECT_EQ(info.as_of, "2026-02-04");
  EXPECT_EQ(info.license, "CC0-1.0");
  // The one warning: the Fortaleza talks of 14 July 2014, on the eve of their summit.
  ASSERT_EQ(t.warnings().size(), 1u);
  EXPECT_NE(t.warnings()[0].message.find("2014-07-14-fortaleza-brics-bilateral"), std::string::npos);
}

TEST(Data, EveryEventCitesASource) {
  for (const diplo::event_ref e : diplo::data::xi_putin().events()) {
    EXPECT_FALSE(e.sources().empty()) << e.id().value();
  }
}

TEST(Data, AnswersTheFlagshipQuestion) {
  using namespace date::literals;
  const diplo::timeline& t = diplo::data::xi_putin();
  auto r = diplo::last_meeting(t, t.actors().resolve("Xi"), t.actors().resolve("Путин"),
                               {.before = 2025_y / date::May / 7});
  ASSERT_TRUE(r);
  EXPECT_EQ(diplo::base(r->event.value()).id.value(), "2024-10-22-kazan-brics-bilateral");
  ASSERT_TRUE(r->context());
  EXPECT_EQ(diplo::title_of(r->context().value()), "16th BRICS summit");
}

TEST(Data, DeclaresWhatItRecordsCompletely) {
  const diplo::timeline& t = diplo::data::xi_putin();
  ASSERT_EQ(t.coverage().size(), 3u);
  EXPECT_EQ(t.coverage()[0].subject, diplo::coverage_subject::events_between);
  EXPECT_EQ(t.coverage()[0].when, diplo::period::parse("2013-03-22/2026-06"));
  EXPECT_EQ(t.coverage()[0].as_of, date::sys_days{date::year{2026} / date::February / 4});
  EXPECT_FALSE(t.coverage()[0].calls);  // phone calls are left out
  EXPECT_EQ(t.coverage()[1].subject, diplo::coverage_subject::visits_to);
  EXPECT_EQ(diplo::data::xi_putin_info().records.size(), 3u);
}

// Each kind of question, complete, partial and outside, on the bundled data.
TEST(Data, AnswersSayWhetherTheyAreComplete) {
  using namespace date::literals;
  using diplo::coverage_status;
  const diplo::timeline& t = diplo::data::xi_putin();
  const auto xi = t.actors().resolve("Xi Jinping");
  const auto putin = t.actors().resolve("Vladimir Putin");
  const auto modi = t.actors().resolve("Narendra Modi");
  const auto zuma = t.actors().resolve("Jacob Zuma");
  const diplo::country_code ru{"RU"}, br{"BR"};

  EXPECT_EQ(diplo::answer_last_meeting(t, xi, putin).coverage.status, coverage_status::complete);
  EXPECT_EQ(diplo::answer_last_meeting(t, xi, modi).coverage.status, coverage_status::partial);
  EXPECT_EQ(diplo::answer_last_meeting(t, modi, zuma).coverage.status, coverage_status::outside);
  // With calls: the phone calls are not recorded.
  EXPECT_EQ(diplo::answer_last_meeting(t, xi, putin, {.calls = true}).coverage.status,
            coverage_status::partial);

  const diplo::visit_filter since_war{.guest = xi, .host_country = ru, .from = 2022_y / date::February / 24};
  const auto visits = diplo::answer_count_visits(t, since_war);
  EXPECT_EQ(visits.value, 3u);
  EXPECT_EQ(visits.coverage.status, coverage_status::complete);
  EXPECT_EQ(diplo::answer_count_visits(t, {.guest = xi, .host_country = br}).coverage.status,
            coverage_status::partial);
  EXPECT_EQ(diplo::answer_count_visits(t, {.guest = modi}).coverage.status, coverage_status::outside);

  EXPECT_EQ(diplo::answer_where(t, xi, 2025_y / date::May / 9).coverage.status, coverage_status::partial);
  EXPECT_EQ(diplo::answer_where(t, zuma, 2025_y / date::May / 9).coverage.status, coverage_status::outside);
  EXPECT_EQ(diplo::answer_contacts(t, putin).coverage.status, coverage_status::partial);
  EXPECT_EQ(diplo::answer_whereabouts_on(t, 2025_y / date::May / 9).coverage.status,
            coverage_status::partial);
}

TEST(Data, ParadeStartsAtTenMoscowTime) {
  const diplo::event_ref parade =
      diplo::data::xi_putin().find(diplo::event_id{"2025-05-09-moscow-victory-day-parade"});
  ASSERT_TRUE(parade);
  ASSERT_TRUE(diplo::base(parade.value()).starts_at);
  EXPECT_EQ(*diplo::base(parade.value()).starts_at,
            date::sys_days{date::year{2025} / date::May / 9} + std::chrono::hours{7});
  EXPECT_EQ(diplo::base(parade.value()).place.zone, "Europe/Moscow");
}

}  // namespace
