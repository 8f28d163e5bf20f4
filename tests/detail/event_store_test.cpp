// SPDX-License-Identifier: MIT
#include <diplo/detail/event_store.h>

#include <diplo/data.h>
#include <diplo/import/colt.h>
#include <diplo/import/historyatstate.h>
#include <diplo/io/document.h>
#include <diplo/synthetic.h>

#include <cstddef>
#include <cstdint>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace {

using diplo::detail::event_store;
using diplo::detail::string_pool;

// The oracle: every event comes back equal, and the store holds each distinct string once.
void expect_round_trip(std::span<const diplo::event> events, std::string_view what) {
  const event_store s = event_store::build(events);
  ASSERT_EQ(s.size(), events.size()) << what;
  std::size_t wrong = 0;
  for (std::uint32_t i = 0; i < events.size(); ++i) {
    if (s.materialize(i) != events[i]) {
      if (++wrong <= 3)
        ADD_FAILURE() << what << ": event " << i << " (" << diplo::base(events[i]).id.value() << ") differs";
    }
  }
  EXPECT_EQ(wrong, 0U) << what;
  std::set<std::string_view> distinct;
  for (std::uint32_t k = 0; k < s.strings().size(); ++k) distinct.insert(s.strings()[k]);
  EXPECT_EQ(distinct.size(), s.strings().size()) << what << ": a string stored twice";
  std::set<std::string> texts;
  for (std::uint32_t k = 0; k < s.prose().size(); ++k) texts.insert(s.prose(k));
  EXPECT_EQ(texts.size(), s.prose().size()) << what << ": a text stored twice";
  EXPECT_FALSE(s.prose().fault().has_value()) << what << ": " << s.prose().fault().value_or("");
}

auto edge_cases() -> std::vector<diplo::event> {
  using date::sys_days;
  using namespace date::literals;
  diplo::visit v;
  v.id = diplo::event_id{"v"};
  v.when = diplo::period::parse("2024-10-XX");
  v.starts_at = sys_days{2024_y / 10 / 22} + std::chrono::hours{9};  // a start without an end
  v.guests = {diplo::actor_id{"a"}, diplo::actor_id{"b"}};
  v.host = diplo::actor_id{};  // present but empty: not the same as absent
  v.host_country = "RU";
  v.level = diplo::visit_level::private_visit;
  v.cities = {"Kazan", "", "Moscow"};
  v.place = {.city = "Kazan", .country = "RU", .zone = "Europe/Moscow"};
  v.sources = {
      {.url = "u", .publisher = "", .title = "t", .published = diplo::partial_date::parse("2024-10")},
      {.url = "u", .publisher = "p", .title = "", .published = std::nullopt}};
  v.parent = diplo::event_id{""};
  v.journey = "j";
  diplo::summit s;
  s.id = diplo::event_id{"s"};
  s.when = diplo::period::parse("2024-10-22/..");
  s.ends_at = sys_days{2024_y / 10 / 24};  // an end without a start
  s.name = "BRICS";
  s.series = "BRICS";
  s.host_country = "RU";
  s.attendees = {diplo::actor_id{"b"}};
  s.status = diplo::status::postponed;
  s.description = "d";
  s.notes = "n";
  diplo::meeting m;
  m.id = diplo::event_id{"m"};
  m.when = diplo::period::parse("../2024-10-22");
  m.mode = diplo::meeting_mode::video;
  m.participants = {diplo::actor_id{"a"}, diplo::actor_id{"b"}};
  m.parent = diplo::event_id{"s"};
  m.starts_at = sys_days{2024_y / 10 / 22};
  m.ends_at = sys_days{2024_y / 10 / 22} + std::chrono::hours{1};
  diplo::ceremony c;
  c.id = diplo::event_id{"c"};
  c.when = diplo::period::parse("2024-21");
  c.name = "";
  c.host = diplo::actor_id{"a"};
  return {v, s, m, c, diplo::meeting{}};
}

TEST(EventStore, EdgeCasesComeBackEqual) {
  const auto events = edge_cases();
  expect_round_trip(events, "edge cases");
  const event_store s = event_store::build(events);
  // Absent and empty are told apart.
  ASSERT_NE(s.record(0).host, string_pool::absent);
  EXPECT_EQ(s.actor(s.record(0).host), "");
  EXPECT_EQ(s.record(2).host, string_pool::absent);
  EXPECT_EQ(s.record(0).parent, 0U);
  EXPECT_EQ(s.record(3).parent, string_pool::absent);
  EXPECT_TRUE(s.starts_at(0).has_value());
  EXPECT_FALSE(s.ends_at(0).has_value());
  EXPECT_FALSE(s.starts_at(1).has_value());
  EXPECT_TRUE(s.ends_at(1).has_value());
  EXPECT_FALSE(s.starts_at(3).has_value());
  // One source URL cited twice is one string; "b" is one string for the guest and the attendee.
  EXPECT_EQ(s.sources(0)[0].url, s.sources(0)[1].url);
  EXPECT_EQ(s.actors(0)[1], s.actors(1)[0]);
  EXPECT_EQ(s.prose(s.record(2).parent), "s");
  EXPECT_EQ(s.record(2).parent, s.record(1).id);
}

TEST(EventStore, NumbersActorsAsTheListGivenThenByFirstMention) {
  // freeze() passes its registry's ids: the store's actor numbers are then the registry's.
  const auto events = edge_cases();
  const std::vector<std::string_view> known{"b", "nobody"};
  const event_store s = event_store::build(events, known);
  ASSERT_EQ(s.actor_count(), 4U);  // b, nobody, then a and "" as first mentioned
  EXPECT_EQ(s.actor(0), "b");
  EXPECT_EQ(s.actor(1), "nobody");
  EXPECT_EQ(s.actor(2), "a");
  EXPECT_EQ(s.actor(3), "");
  EXPECT_EQ(std::vector<std::uint32_t>(s.actors(0).begin(), s.actors(0).end()),
            (std::vector<std::uint32_t>{2, 0}));
  EXPECT_EQ(s.record(0).host, 3U);
  // Everyone taking part: the listed actors, then the host unless listed (each once).
  const std::vector<std::uint32_t> all(s.everyone(0).begin(), s.everyone(0).end());
  EXPECT_EQ(all, (std::vector<std::uint32_t>{2, 0, 3}));
  EXPECT_TRUE(s.takes_part(0, 3));
  EXPECT_TRUE(s.takes_part(0, 0));
  EXPECT_FALSE(s.takes_part(0, 1));
  for (std::uint32_t i = 0; i < events.size(); ++i) EXPECT_EQ(s.materialize(i), events[i]) << i;
}

TEST(EventStore, EmptyStore) {
  const event_store s = event_store::build({});
  EXPECT_EQ(s.size(), 0U);
  EXPECT_EQ(s.strings().size(), 1U);  // the empty string
}

TEST(EventStore, BundledXiPutinComesBackEqual) {
  const diplo::io::document doc = diplo::io::to_document(diplo::data::xi_putin());
  expect_round_trip(doc.events, "xi-putin");
}

TEST(EventStore, OfficeOfTheHistorianComesBackEqual) {
  const auto r = diplo::import::import_historyatstate(DIPLO_SOURCE_DIR "/data/historyatstate");
  ASSERT_GT(r.doc.events.size(), 1000U);
  expect_round_trip(r.doc.events, "historyatstate");
}

TEST(EventStore, ColtSampleComesBackEqual) {
  const auto r = diplo::import::import_colt(DIPLO_SOURCE_DIR "/tests/import/data/colt-sample.csv");
  ASSERT_FALSE(r.doc.events.empty());
  expect_round_trip(r.doc.events, "colt sample");
}

TEST(EventStore, SyntheticWorldComesBackEqualAndSmaller) {
  const auto doc = diplo::synthetic::generate({.events = 20'000, .seed = 5});
  expect_round_trip(doc.events, "synthetic");
  const event_store s = event_store::build(doc.events);
  // Repeated strings are stored once: far fewer strings than string fields.
  std::size_t fields = 0;
  for (const auto& e : doc.events)
    fields += 2 + diplo::participant_count(e) + 3 * diplo::base(e).sources.size();
  EXPECT_LT(s.strings().size(), fields / 2);
  EXPECT_GT(s.bytes().total(), 0U);
  EXPECT_EQ(sizeof(diplo::detail::event_record), 40U);  // the layout essay's figure
  EXPECT_EQ(sizeof(diplo::detail::source_record), 16U);
  // Most events have no description, notes, name, series, zone or journey: no extras record.
  EXPECT_LT(s.all_extras().size(), s.size() / 2);
  EXPECT_GT(s.all_extras().size(), 0U);
}

}  // namespace
