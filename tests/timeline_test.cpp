// SPDX-License-Identifier: MIT
#include <diplo/timeline.h>

#include <algorithm>
#include <chrono>
#include <cstdint>

#include <gtest/gtest.h>

namespace {

using diplo::actor_id;
using diplo::country_code;
using diplo::event_id;

auto registry() -> diplo::actor_registry {
  diplo::actor_registry r;
  r.add(diplo::person{.id = actor_id{"xi"},
                      .name = "Xi Jinping",
                      .aliases = {},
                      .wikidata = {},
                      .country = country_code{"CN"},
                      .offices = {}});
  r.add(diplo::person{.id = actor_id{"putin"},
                      .name = "Vladimir Putin",
                      .aliases = {},
                      .wikidata = {},
                      .country = country_code{"RU"},
                      .offices = {}});
  return r;
}

auto talks(const char* id, const char* days, const char* parent = nullptr) -> diplo::meeting {
  diplo::meeting m;
  m.id = event_id{id};
  m.when = diplo::period::parse(days);
  m.participants = {actor_id{"xi"}, actor_id{"putin"}};
  if (parent != nullptr) m.parent = event_id{parent};
  return m;
}

auto summit(const char* id, const char* days) -> diplo::summit {
  diplo::summit s;
  s.id = event_id{id};
  s.when = diplo::period::parse(days);
  s.name = "Summit";
  s.attendees = {actor_id{"xi"}, actor_id{"putin"}};
  return s;
}

auto messages(const std::vector<diplo::diagnostic>& ds) -> std::vector<std::string> {
  std::vector<std::string> out;
  for (const auto& d : ds) out.push_back(fmt::format("{}", d));
  return out;
}

auto freeze_error(diplo::timeline_builder b) -> std::vector<std::string> {
  try {
    (void)std::move(b).freeze();
  } catch (const diplo::validation_error& e) {
    return messages(e.diagnostics());
  }
  return {};
}

TEST(Timeline, KeepsEventsInStartOrderLongerFirst) {
  diplo::timeline_builder b(registry());
  b.add(talks("talks", "2024-10-22", "summit"));
  b.add(summit("summit", "2024-10-22/2024-10-24"));
  b.add(talks("earlier", "2023-03-21"));
  b.add(talks("month", "2024-10"));
  auto t = std::move(b).freeze();
  ASSERT_EQ(t.size(), 4u);
  std::vector<std::string> ids;
  for (const diplo::event_ref e : t.events()) ids.push_back(e.id().value());
  EXPECT_EQ(ids, (std::vector<std::string>{"earlier", "month", "summit", "talks"}));
  EXPECT_EQ(fmt::format("{}", t), "timeline of 4 events, 2 actors");
}

TEST(Timeline, PutsAParentBeforeItsChildOnTheSameDays) {
  diplo::timeline_builder b(registry());
  auto forum = summit("a-forum", "2023-10-17/2023-10-18");  // first by id, but inside
  forum.parent = event_id{"b-visit"};
  b.add(forum);
  b.add(summit("b-visit", "2023-10-17/2023-10-18"));
  auto t = std::move(b).freeze();
  EXPECT_EQ(t.events()[0].id().value(), "b-visit");
  EXPECT_EQ(t.events()[1].id().value(), "a-forum");
}

TEST(Timeline, FindsEveryEventByIdAmongThousands) {
  // Enough ids to fill the id table's slots and make its probe runs collide.
  diplo::timeline_builder b(registry());
  const int n = 5000;
  for (int i = 0; i < n; ++i) {
    const std::string id = fmt::format("talks-{}", i);
    b.add(talks(id.c_str(), fmt::format("{}-01-01", 1950 + i % 70).c_str()));
  }
  auto t = std::move(b).freeze();
  ASSERT_EQ(t.size(), static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    const std::string id = fmt::format("talks-{}", i);
    const diplo::event_ref e = t.find(event_id{id});
    ASSERT_TRUE(e) << id;
    EXPECT_EQ(diplo::base(e.value()).id.value(), id);
    EXPECT_FALSE(t.find(event_id{fmt::format("talks-{}", n + i)}));
  }
  EXPECT_FALSE(t.find(event_id{""}));
  const diplo::timeline empty;
  EXPECT_FALSE(empty.find(event_id{"talks-1"}));
}

TEST(Timeline, AddsManyEventsAtOnceWithTheirOrigins) {
  diplo::timeline_builder b(registry());
  b.add(std::vector<diplo::event>{summit("summit", "2024-10-22/2024-10-24")},
        std::vector<diplo::origin>{{"a.json", 3, 1}});
  b.add(
      std::vector<diplo::event>{talks("talks", "2024-10-22", "summit"), talks("gone", "2024-10-23", "nope")},
      std::vector<diplo::origin>{{"b.json", 7, 2}});  // the second comes from nowhere known
  ASSERT_EQ(b.events().size(), 3u);
  EXPECT_EQ(b.origin_of(0), (diplo::origin{"a.json", 3, 1}));
  EXPECT_EQ(b.origin_of(1), (diplo::origin{"b.json", 7, 2}));
  EXPECT_EQ(b.origin_of(2), diplo::origin{});
  EXPECT_EQ(freeze_error(std::move(b)),
            (std::vector<std::string>{"event \"gone\": error: unknown parent \"nope\""}));
}

TEST(Timeline, FindsEventsParentsChildrenAndRoots) {
  diplo::timeline_builder b(registry());
  b.add(summit("summit", "2024-10-22/2024-10-24"));
  b.add(talks("talks", "2024-10-22", "summit"));
  b.add(talks("inner", "2024-10-22", "talks"));
  auto t = std::move(b).freeze();
  const diplo::event_ref talks_e = t.find(event_id{"talks"});
  ASSERT_TRUE(talks_e);
  EXPECT_FALSE(t.find(event_id{"nope"}));
  ASSERT_TRUE(talks_e.parent());
  EXPECT_EQ(talks_e.parent().id().value(), "summit");
  EXPECT_EQ(t.find(event_id{"summit"}).children().size(), 1u);
  EXPECT_EQ(t.find(event_id{"inner"}).root().id().value(), "summit");
  EXPECT_EQ(t.find(event_id{"summit"}).root(), t.find(event_id{"summit"}));
  EXPECT_FALSE(t.find(event_id{"summit"}).parent());
  EXPECT_EQ(t.events_of(actor_id{"xi"}).size(), 3u);
  EXPECT_TRUE(t.events_of(actor_id{"nobody"}).empty());
}

TEST(TimelineValidation, ReportsEveryErrorAtOnce) {
  diplo::timeline_builder b(registry());
  b.add(talks("a", "2024-01-01"));
  b.add(talks("a", "2024-01-02"));  // duplicate id
  auto m = talks("b", "2024-01-03");
  m.participants = {actor_id{"xi"}, actor_id{"puttin"}};  // unknown actor
  b.add(m);
  b.add(talks("c", "2024-01-04", "missing"));  // unknown parent
  diplo::visit v;
  v.id = event_id{"v"};
  v.when = diplo::period::parse("2024-02-01");
  b.add(v);  // no guest, no country
  auto msgs = freeze_error(std::move(b));
  EXPECT_EQ(msgs, (std::vector<std::string>{
                      "event \"a\": error: duplicate id",
                      "event \"b\": error: unknown actor \"puttin\" (did you mean Vladimir Putin?)",
                      "event \"c\": error: unknown parent \"missing\"",
                      "event \"v\": error: a visit needs at least one guest",
                      "event \"v\": error: a visit needs a host country",
                  }));
}

// Found by the json and jsonl fuzzers (tests/fuzz/regressions/json*/unknown-actor-hint-*):
// the "did you mean" of each unknown name is computed once and kept, and it was kept under
// a view of a temporary; asking again for a name (or for another one in the same bucket)
// read freed memory. Under ASan (scripts/test --sanitize) this test would report it.
TEST(TimelineValidation, TheSameUnknownActorTwiceGetsTheSameHint) {
  diplo::timeline_builder b(registry());
  for (const char* id : {"b1", "b2", "b3"}) {
    auto m = talks(id, fmt::format("2024-01-0{}", id[1]).c_str());
    m.participants = {actor_id{"xi"}, actor_id{"puttin"}, actor_id{"pootin"}};
    b.add(m);
  }
  auto msgs = freeze_error(std::move(b));
  ASSERT_EQ(msgs.size(), 6u);
  for (std::size_t i = 0; i < msgs.size(); i += 2) {
    EXPECT_EQ(msgs[i],
              fmt::format("event \"b{}\": error: unknown actor \"puttin\" (did you mean Vladimir Putin?)",
                          i / 2 + 1));
    EXPECT_EQ(msgs[i + 1],
              fmt::format("event \"b{}\": error: unknown actor \"pootin\" (did you mean Vladimir Putin?)",
                          i / 2 + 1));
  }
}

TEST(TimelineValidation, ErrorMessageListsTheDiagnostics) {
  diplo::timeline_builder b(registry());
  b.add(talks("a", "2024-01-01"));
  b.add(talks("a", "2024-01-02"));
  try {
    (void)std::move(b).freeze();
    FAIL() << "expected a validation_error";
  } catch (const diplo::error& e) {
    EXPECT_STREQ(e.what(), "[diplo.timeline] 1 error\n  event \"a\": error: duplicate id");
  }
}

TEST(TimelineValidation, ParentCyclesAndChildrenOutsideTheirParent) {
  diplo::timeline_builder b(registry());
  b.add(talks("x", "2024-01-01", "y"));
  b.add(talks("y", "2024-01-01", "x"));
  b.add(summit("s", "2024-10-22/2024-10-24"));
  b.add(talks("late", "2024-10-26", "s"));
  auto msgs = freeze_error(std::move(b));
  EXPECT_EQ(msgs, (std::vector<std::string>{
                      "event \"late\": error: lies outside its parent \"s\" (26 October 2024 is "
                      "not within 22–24 October 2024)",
                      "event \"x\": error: its parent chain makes a cycle",
                      "event \"y\": error: its parent chain makes a cycle",
                  }));
}

TEST(TimelineValidation, OtherStructuralErrors) {
  diplo::timeline_builder b(registry());
  auto lonely = talks("lonely", "2024-01-01");
  lonely.participants = {actor_id{"xi"}};
  b.add(lonely);
  auto timed = talks("timed", "2024-01-02");
  timed.starts_at = date::sys_days{date::year{2024} / 1 / 2} + std::chrono::hours{12};
  timed.ends_at = date::sys_days{date::year{2024} / 1 / 2} + std::chrono::hours{11};
  b.add(timed);
  auto bad_text = talks("bad-text", "2024-01-03");
  bad_text.notes = "caf\xC3";
  b.add(bad_text);
  diplo::meeting no_id;
  no_id.participants = {actor_id{"xi"}, actor_id{"putin"}};
  b.add(no_id);
  auto msgs = freeze_error(std::move(b));
  EXPECT_EQ(msgs, (std::vector<std::string>{
                      "event #4: error: empty id",
                      "event \"lonely\": error: a meeting needs at least two participants",
                      "event \"timed\": error: ends_at is before starts_at",
                      "event \"bad-text\": error: notes: invalid UTF-8",
                  }));
}

// Issue 19, items 16 and 22: what contradicts itself is an error, with the right message.
TEST(TimelineValidation, ParticipantsListedTwiceAreErrorsThatSaySo) {
  diplo::actor_registry r = registry();
  r.add(diplo::person{.id = actor_id{"ann"},
                      .name = "Ann",
                      .aliases = {},
                      .wikidata = {},
                      .country = country_code{"GB"},
                      .offices = {}});
  diplo::timeline_builder b(std::move(r));
  auto three = talks("three", "2024-01-01");  // "Xi, Putin and Putin": not a trilateral
  three.participants = {actor_id{"xi"}, actor_id{"putin"}, actor_id{"putin"}};
  b.add(three);
  auto twice = talks("twice", "2024-01-02");  // one person twice: not a meeting, and not "fewer than two"
  twice.participants = {actor_id{"xi"}, actor_id{"xi"}};
  b.add(twice);
  auto s = summit("s", "2024-01-03");
  s.attendees = {actor_id{"xi"}, actor_id{"ann"}, actor_id{"xi"}, actor_id{"xi"}};
  b.add(s);
  auto big = summit("big", "2024-01-05");  // a long list: counted through a hash table
  big.attendees = {actor_id{"xi"}, actor_id{"ann"}, actor_id{"putin"}};
  for (int k = 0; k < 10; ++k) big.attendees.push_back(actor_id{k % 2 == 0 ? "ann" : "putin"});
  b.add(big);
  diplo::visit v;
  v.id = event_id{"v"};
  v.when = diplo::period::parse("2024-01-04");
  v.host_country = country_code{"RU"};
  v.guests = {actor_id{"xi"}, actor_id{"xi"}};
  b.add(v);
  EXPECT_EQ(freeze_error(std::move(b)),
            (std::vector<std::string>{
                "event \"three\": error: participant \"putin\" is listed twice",
                "event \"twice\": error: participant \"xi\" is listed twice",
                "event \"twice\": error: a meeting needs at least two different participants",
                "event \"s\": error: attendee \"xi\" is listed 3 times",
                "event \"big\": error: attendee \"ann\" is listed 6 times",
                "event \"big\": error: attendee \"putin\" is listed 6 times",
                "event \"v\": error: guest \"xi\" is listed twice",
            }));
}

TEST(TimelineValidation, AVisitIsHeldInItsHostCountry) {
  diplo::timeline_builder b(registry());
  diplo::visit v;
  v.id = event_id{"v"};
  v.when = diplo::period::parse("2024-05-16");
  v.guests = {actor_id{"putin"}};
  v.host_country = country_code{"CN"};
  v.place.country = country_code{"RU"};
  b.add(v);
  auto s = summit("s", "2024-10-22");
  s.host_country = country_code{"RU"};
  s.place.country = country_code{"CN"};
  b.add(s);
  EXPECT_EQ(messages(b.validate()),
            (std::vector<std::string>{
                "event \"v\": error: host_country CN (China) differs from place.country RU "
                "(Russia): a visit is held in the country it visits",
                "event \"s\": warning: host_country RU (Russia) differs from place.country CN "
                "(China); the summit counts as held in China",
            }));
  v.place.country = country_code{"CN"};
  diplo::timeline_builder ok(registry());
  ok.add(v);
  EXPECT_TRUE(ok.validate().empty());
}

TEST(TimelineValidation, AnInstantMustFallOnTheEventsDays) {
  using namespace std::chrono_literals;
  const auto may9 = date::sys_days{date::year{2025} / 5 / 9};
  auto at = [&](const char* id, date::sys_seconds start, std::optional<date::sys_seconds> end = {}) {
    auto m = talks(id, "2025-05-09");
    m.starts_at = start;
    m.ends_at = end;
    return m;
  };
  diplo::timeline_builder b(registry());
  b.add(at("days-later", may9 + date::days{3} + 7h));
  b.add(at("day-before-utc", may9 - 2h));                      // 22:00 UTC on 8 May: 9 May east of UTC
  b.add(at("day-after-utc", may9 + 24h + 3h));                 // 10 May 03:00 UTC: 9 May west of UTC
  b.add(at("ends-at-midnight", may9 + 7h, may9 + 24h + 24h));  // 11 May 00:00: 10 May
  b.add(at("two-days-before", may9 - 24h - 2h));
  std::vector<diplo::diagnostic> errors = b.validate();  // the rest: likely duplicates
  std::erase_if(errors, [](const auto& d) { return d.severity != diplo::severity::error; });
  EXPECT_EQ(messages(errors),
            (std::vector<std::string>{
                "event \"days-later\": error: starts_at 2025-05-12T07:00:00Z is outside the "
                "event's days (9 May 2025) in every time zone",
                "event \"two-days-before\": error: starts_at 2025-05-07T22:00:00Z is outside the "
                "event's days (9 May 2025) in every time zone",
            }));
}

TEST(TimelineValidation, AJourneyIsOneTravellersConsecutiveStops) {
  auto stop = [](const char* id, const char* days, const char* guest, country_code country) {
    diplo::visit v;
    v.id = event_id{id};
    v.when = diplo::period::parse(days);
    v.guests = {actor_id{guest}};
    v.host_country = country;
    v.journey = "j";
    return v;
  };
  diplo::timeline_builder b(registry());
  b.add(stop("gb", "2009-03-31/2009-04-03", "xi", country_code{"GB"}));
  b.add(stop("fr", "2009-04-03/2009-04-04", "xi", country_code{"FR"}));  // overlapping: fine
  b.add(stop("cz", "2009-04-11/2009-04-12", "xi", country_code{"CZ"}));  // 7 days after 4 April: fine
  b.add(stop("tr", "2013-05-06/2013-05-07", "xi", country_code{"TR"}));  // four years later
  b.add(stop("de", "2009-04-05", "putin", country_code{"DE"}));          // someone else
  EXPECT_EQ(messages(b.validate()),
            (std::vector<std::string>{
                "event \"de\": warning: journey \"j\": this stop's travellers (putin) are not "
                "those of \"gb\" (xi); a journey is one traveller's",
                "event \"tr\": warning: journey \"j\": this stop starts 1485 days after \"cz\" "
                "(11–12 April 2009) ends; a journey's stops follow each other (at most 7 days apart)",
            }));
  diplo::timeline_builder ok(registry());
  ok.add(stop("gb", "2009-03-31/2009-04-03", "xi", country_code{"GB"}));
  ok.add(stop("cz", "2009-04-10/2009-04-12", "xi", country_code{"CZ"}));  // 7 days after 3 April: the most
  EXPECT_TRUE(ok.validate().empty());
}

TEST(TimelineValidation, WarningsDoNotStopTheFreeze) {
  diplo::timeline_builder b(registry());
  b.add(talks("one", "2024-05-16"));
  b.add(talks("two", "2024-05-16"));  // likely duplicate
  b.add(summit("s", "2024-10-22/2024-10-24"));
  b.add(talks("maybe", "2024-10", "s"));  // possibly outside its parent
  diplo::ceremony empty;
  empty.id = event_id{"empty"};
  empty.when = diplo::period::parse("2024-12-01");
  b.add(empty);  // no attendees
  b.add(talks("eve", "2024-10-21", "s"));
  auto t = std::move(b).freeze();
  EXPECT_EQ(messages(t.warnings()),
            (std::vector<std::string>{
                "event \"maybe\": warning: may lie outside its parent \"s\" (October 2024 vs "
                "22–24 October 2024)",
                "event \"empty\": warning: a ceremony without attendees",
                "event \"eve\": warning: lies a day outside its parent \"s\" (21 October 2024 vs "
                "22–24 October 2024)",
                "event \"two\": warning: likely duplicate of \"one\" (same kind, same people, "
                "overlapping days)",
            }));
  EXPECT_EQ(t.size(), 6u);
}

TEST(TimelineValidation, OriginsPointBackIntoTheFile) {
  diplo::timeline_builder b(registry());
  b.add(talks("a", "2024-01-01"), {.file = "events.json", .line = 3, .column = 5});
  b.add(talks("a", "2024-01-05"), {.file = "events.json", .line = 12, .column = 5});
  diplo::meeting no_id = talks("", "2024-01-06");
  b.add(no_id, {.file = "events.jsonl", .line = 7, .column = 1});
  EXPECT_EQ(b.origin_of(1).line, 12u);
  EXPECT_EQ(messages(b.validate()), (std::vector<std::string>{
                                        "events.json:12:5: error: event \"a\": duplicate id",
                                        "events.jsonl:7:1: error: event #3: empty id",
                                    }));
}

TEST(TimelineValidation, AFloodOfErrorsIsCappedPerFile) {
  // 10,000 copies of one event: 9,999 duplicate ids, each copy a likely duplicate of others.
  constexpr std::uint32_t n = 10'000;
  diplo::timeline_builder b(registry());
  for (std::uint32_t i = 0; i < n; ++i)
    b.add(talks("a", "2024-01-01"), {.file = "a.json", .line = i + 1, .column = 5});
  const auto found = b.validate();
  const auto errors = std::count_if(found.begin(), found.end(), [](const diplo::diagnostic& d) {
    return d.severity == diplo::severity::error;
  });
  EXPECT_EQ(errors, 101);  // 100 and "... and 9899 more errors"
  EXPECT_LE(found.size(), 202U);
  EXPECT_EQ(fmt::format("{}", found[100]), "a.json: error: ... and 9899 more errors");
  EXPECT_EQ(diplo::diagnostic_count(found, diplo::severity::error), n - 1);
  EXPECT_EQ(diplo::omitted(found.back()) + 100, diplo::diagnostic_count(found, diplo::severity::warning));
  // freeze() throws the same, its header counting every error.
  try {
    (void)std::move(b).freeze();
    ADD_FAILURE() << "no error";
  } catch (const diplo::validation_error& e) {
    EXPECT_EQ(e.diagnostics(), found);
    EXPECT_TRUE(std::string(e.what()).starts_with("[diplo.timeline] 9999 errors\n"));
  }
  // Events of no known origin count as one input.
  diplo::timeline_builder c(registry());
  for (std::uint32_t i = 0; i < 300; ++i) c.add(talks("b", "2024-01-01"));
  const auto loose = c.validate();
  EXPECT_EQ(diplo::diagnostic_count(loose, diplo::severity::error), 299U);
  EXPECT_EQ(fmt::format("{}", loose[100]), "error: ... and 199 more errors");
}

TEST(TimelineValidation, OverlappingEventsInDifferentCountriesAreNotDuplicates) {
  diplo::timeline_builder b(registry());
  auto one = talks("one", "2024-05-16");
  one.place.country = country_code{"CN"};
  auto two = talks("two", "2024-05-16");
  two.place.country = country_code{"RU"};
  b.add(one);
  b.add(two);
  EXPECT_TRUE(b.validate().empty());
  auto three = talks("three", "2024-05-16");  // no country: could be either
  b.add(three);
  EXPECT_EQ(b.validate().size(), 2u);
}

TEST(TimelineValidation, ValidateListsWithoutFreezing) {
  diplo::timeline_builder b(registry());
  b.add(talks("a", "2024-01-01"));
  EXPECT_TRUE(b.validate().empty());
  b.add(talks("a", "2024-01-05"));
  EXPECT_EQ(b.validate().size(), 1u);
  EXPECT_EQ(b.events().size(), 2u);
}

TEST(Timeline, AddsActorsThroughTheBuilder) {
  diplo::timeline_builder b;
  b.actors().add(diplo::person{.id = actor_id{"xi"},
                               .name = "Xi Jinping",
                               .aliases = {},
                               .wikidata = {},
                               .country = country_code{"CN"},
                               .offices = {}});
  b.actors().add(diplo::organisation{
      .id = actor_id{"un"}, .name = "United Nations", .aliases = {"UN"}, .wikidata = "Q1065"});
  diplo::meeting m = talks("m", "2024-01-01");
  m.participants = {actor_id{"xi"}, actor_id{"un"}};
  b.add(m);
  auto t = std::move(b).freeze();
  EXPECT_EQ(t.events_of(actor_id{"un"}).size(), 1u);
}

TEST(Timeline, EmptyTimeline) {
  auto t = diplo::timeline_builder{}.freeze();
  EXPECT_TRUE(t.empty());
  EXPECT_TRUE(t.events().empty());
}

}  // namespace
