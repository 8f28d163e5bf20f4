// SPDX-License-Identifier: MIT
#include <diplo/event.h>

#include <concepts>

#include <gtest/gtest.h>

namespace {

using diplo::actor_id;
using diplo::country_code;

static_assert(std::regular<diplo::visit>);
static_assert(std::regular<diplo::summit>);
static_assert(std::regular<diplo::meeting>);
static_assert(std::regular<diplo::ceremony>);
static_assert(std::regular<diplo::event>);
static_assert(std::variant_size_v<diplo::event> == 4);

auto xi_state_visit() -> diplo::visit {
  diplo::visit v;
  v.id = diplo::event_id{"2023-03-20-moscow-xi-state-visit"};
  v.when = diplo::period::parse("2023-03-20/2023-03-22");
  v.place = {.city = "Moscow", .country = country_code{"RU"}, .zone = "Europe/Moscow"};
  v.guests = {actor_id{"xi-jinping"}};
  v.host = actor_id{"vladimir-putin"};
  v.host_country = country_code{"RU"};
  v.level = diplo::visit_level::state;
  return v;
}

auto registry() -> diplo::actor_registry {
  diplo::actor_registry r;
  r.add(diplo::person{.id = actor_id{"xi-jinping"},
                      .name = "Xi Jinping",
                      .aliases = {},
                      .wikidata = {},
                      .country = country_code{"CN"},
                      .offices = {}});
  r.add(diplo::person{.id = actor_id{"vladimir-putin"},
                      .name = "Vladimir Putin",
                      .aliases = {},
                      .wikidata = {},
                      .country = country_code{"RU"},
                      .offices = {}});
  r.add(diplo::person{.id = actor_id{"ukhnaa-khurelsukh"},
                      .name = "Ukhnaagiin Khurelsukh",
                      .aliases = {},
                      .wikidata = {},
                      .country = country_code{"MN"},
                      .offices = {}});
  return r;
}

TEST(Event, KindsAreDistinctTypesSharingABase) {
  diplo::event e = xi_state_visit();
  EXPECT_TRUE(std::holds_alternative<diplo::visit>(e));
  EXPECT_EQ(diplo::kind_name(e), "visit");
  EXPECT_EQ(diplo::base(e).id.value(), "2023-03-20-moscow-xi-state-visit");
  EXPECT_EQ(diplo::base(e).status, diplo::status::occurred);
  diplo::base(e).notes = "changed";
  EXPECT_EQ(std::get<diplo::visit>(e).notes, "changed");
  EXPECT_EQ(diplo::kind_name(diplo::event{diplo::ceremony{}}), "ceremony");
}

TEST(Event, ParticipantsIncludeHostsWithoutRepeats) {
  diplo::event v = xi_state_visit();
  auto p = diplo::participants(v);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0], actor_id{"xi-jinping"});
  EXPECT_EQ(p[1], actor_id{"vladimir-putin"});

  diplo::summit s;
  s.host = actor_id{"vladimir-putin"};
  s.attendees = {actor_id{"xi-jinping"}, actor_id{"vladimir-putin"}};
  EXPECT_EQ(diplo::participants(s).size(), 2u);
}

TEST(Event, ParticipantsListEachActorOnceInTheOrderGiven) {
  auto ids = [](const diplo::event& e) {
    std::vector<std::string> out;
    diplo::for_each_participant(e, [&](const actor_id& a) { out.push_back(a.value()); });
    EXPECT_EQ(out.size(), diplo::participant_count(e));
    std::vector<std::string> copied;
    for (const auto& a : diplo::participants(e)) copied.push_back(a.value());
    EXPECT_EQ(out, copied);
    return out;
  };
  using v = std::vector<std::string>;
  diplo::visit visit;
  visit.guests = {actor_id{"a"}, actor_id{"b"}, actor_id{"a"}};
  visit.host = actor_id{"b"};
  EXPECT_EQ(ids(visit), (v{"a", "b"}));
  visit.host = actor_id{"c"};
  EXPECT_EQ(ids(visit), (v{"a", "b", "c"}));
  diplo::meeting m;
  m.participants = {actor_id{"c"}, actor_id{"a"}, actor_id{"c"}, actor_id{"b"}, actor_id{"a"}};
  EXPECT_EQ(ids(m), (v{"c", "a", "b"}));
  diplo::ceremony c;
  c.host = actor_id{"b"};
  c.attendees = {actor_id{"a"}, actor_id{"b"}, actor_id{"a"}, actor_id{"d"}};
  EXPECT_EQ(ids(c), (v{"b", "a", "d"}));
  c.host.reset();
  EXPECT_EQ(ids(c), (v{"a", "b", "d"}));
  EXPECT_EQ(ids(diplo::summit{}), v{});
}

TEST(Event, InPersonUnlessACall) {
  diplo::meeting m;
  EXPECT_TRUE(diplo::in_person(m));
  m.mode = diplo::meeting_mode::video;
  EXPECT_FALSE(diplo::in_person(m));
  EXPECT_TRUE(diplo::in_person(xi_state_visit()));
}

TEST(Event, CountryFallsBackToTheHostCountry) {
  diplo::visit v = xi_state_visit();
  v.place.country = {};
  EXPECT_EQ(diplo::country_of(v), country_code{"RU"});
  diplo::meeting call;
  EXPECT_TRUE(diplo::country_of(call).empty());
}

TEST(Event, KindLabels) {
  EXPECT_EQ(diplo::kind_label(xi_state_visit()), "state visit");
  diplo::meeting m;
  m.participants = {actor_id{"a"}, actor_id{"b"}, actor_id{"c"}};
  EXPECT_EQ(diplo::kind_label(m), "trilateral meeting");
  m.participants.pop_back();
  EXPECT_EQ(diplo::kind_label(m), "bilateral meeting");
  m.mode = diplo::meeting_mode::phone;
  EXPECT_EQ(diplo::kind_label(m), "phone call");
  EXPECT_EQ(diplo::kind_label(diplo::summit{}), "summit");
}

TEST(Event, TitleOrKindNamesWhatHasANameAndTheKindOfTheRest) {
  diplo::summit s;
  s.name = "16th BRICS summit";
  EXPECT_EQ(diplo::title_or_kind(s), "16th BRICS summit");
  EXPECT_EQ(diplo::title_or_kind(diplo::summit{}), "summit");
  EXPECT_EQ(diplo::title_or_kind(xi_state_visit()), "state visit");
  diplo::ceremony c;
  c.name = "Victory Day parade";
  EXPECT_EQ(diplo::title_or_kind(c), "Victory Day parade");
}

TEST(EventFormat, HumanWithNamesOrIds) {
  diplo::event v = xi_state_visit();
  EXPECT_EQ(fmt::format("{}", v), "xi-jinping — state visit to Russia (Moscow), 20–22 March 2023");
  auto r = registry();
  EXPECT_EQ(fmt::format("{}", diplo::named(v, r)),
            "Xi Jinping — state visit to Russia (Moscow), 20–22 March 2023");
  EXPECT_EQ(fmt::format("{}", std::get<diplo::visit>(v)),
            "xi-jinping — state visit to Russia (Moscow), 20–22 March 2023");
}

// Issue 19, item 15: a visit to several cities with no city of its own names them all, not
// the first alone as if it were the place of every day.
TEST(EventFormat, AVisitToSeveralCitiesNamesThemAll) {
  diplo::visit v = xi_state_visit();
  v.place.city.clear();
  v.cities = {"Moscow", "Kazan", "Sochi"};
  EXPECT_EQ(fmt::format("{}", v),
            "xi-jinping — state visit to Russia (Moscow, Kazan and Sochi), 20–22 March 2023");
  v.cities = {"Moscow", "Kazan"};
  EXPECT_EQ(fmt::format("{}", v), "xi-jinping — state visit to Russia (Moscow and Kazan), 20–22 March 2023");
  EXPECT_EQ(diplo::detail::cities_text({"Moscow", "Kazan", "Sochi"}, "or"), "Moscow, Kazan or Sochi");
}

TEST(EventFormat, MeetingsSummitsCeremoniesAndStatus) {
  auto r = registry();
  diplo::meeting m;
  m.when = diplo::period::parse("2025-09-02");
  m.place = {.city = "Beijing", .country = country_code{"CN"}, .zone = {}};
  m.participants = {actor_id{"xi-jinping"}, actor_id{"vladimir-putin"}, actor_id{"ukhnaa-khurelsukh"}};
  EXPECT_EQ(fmt::format("{}", diplo::named(m, r)),
            "Xi Jinping, Vladimir Putin and Ukhnaagiin Khurelsukh — trilateral meeting in China "
            "(Beijing), 2 September 2025");

  diplo::summit s;
  s.name = "16th BRICS summit";
  s.when = diplo::period::parse("2024-10-22/2024-10-24");
  s.place = {.city = "Kazan", .country = country_code{"RU"}, .zone = {}};
  EXPECT_EQ(fmt::format("{}", diplo::event{s}), "16th BRICS summit, Russia (Kazan), 22–24 October 2024");

  diplo::visit planned = xi_state_visit();
  planned.when = diplo::period::parse("2026-01/2026-06");
  planned.status = diplo::status::planned;
  planned.level = diplo::visit_level::official;
  EXPECT_EQ(fmt::format("{}", diplo::named(planned, r)),
            "Xi Jinping — official visit to Russia (Moscow), January 2026 – June 2026 [planned]");
}

TEST(EventFormat, EnumsPlacesSourcesAndWidth) {
  EXPECT_EQ(fmt::format("{}", diplo::status::cancelled), "cancelled");
  EXPECT_EQ(fmt::format("{}", diplo::visit_level::private_visit), "private");
  EXPECT_EQ(fmt::format("{:>10}", diplo::meeting_mode::video), "     video");
  diplo::place p{.city = "Kazan", .country = country_code{"RU"}, .zone = "Europe/Moscow"};
  EXPECT_EQ(fmt::format("{}", p), "Kazan, Russia");
  EXPECT_EQ(fmt::format("[{:<15}]", p), "[Kazan, Russia  ]");
  diplo::source s{.url = "https://tass.com/politics/1953857",
                  .publisher = "TASS",
                  .title = {},
                  .published = diplo::partial_date::parse("2025-05-07")};
  EXPECT_EQ(fmt::format("{}", s), "TASS <https://tass.com/politics/1953857> (7 May 2025)");
}

// name() and try_parse_*() are one table read both ways: parsing every enumerator's name
// gives it back, and the enumerator past the last has no name (so `Count` is right).
template <class Enum, std::size_t Count, class Parse>
void expect_names_read_back(Parse parse) {
  for (std::size_t i = 0; i < Count; ++i) {
    const auto e = static_cast<Enum>(i);
    EXPECT_NE(diplo::name(e), "?");
    EXPECT_EQ(parse(diplo::name(e)), e) << diplo::name(e);
    for (std::size_t j = 0; j < Count; ++j) {
      if (j != i) {
        EXPECT_NE(diplo::name(e), diplo::name(static_cast<Enum>(j)));
      }
    }
  }
  EXPECT_EQ(diplo::name(static_cast<Enum>(Count)), "?");
  EXPECT_EQ(parse("?"), std::nullopt);
  EXPECT_EQ(parse(""), std::nullopt);
}

TEST(EventNames, ParseIsTheInverseOfName) {
  expect_names_read_back<diplo::status, 5>(diplo::try_parse_status);
  expect_names_read_back<diplo::visit_level, 5>(diplo::try_parse_visit_level);
  expect_names_read_back<diplo::meeting_mode, 3>(diplo::try_parse_meeting_mode);
  static_assert(diplo::try_parse_status("postponed") == diplo::status::postponed);
  static_assert(diplo::try_parse_visit_level("private") == diplo::visit_level::private_visit);
  static_assert(diplo::try_parse_meeting_mode("phone") == diplo::meeting_mode::phone);
}

TEST(EventNames, AreTheDataFilesSpellings) {
  // The JSON formats and the tool's --json write "in_person"; name() said "in person".
  EXPECT_EQ(diplo::name(diplo::meeting_mode::in_person), "in_person");
  EXPECT_EQ(fmt::format("{}", diplo::meeting_mode::in_person), "in_person");
  EXPECT_EQ(diplo::try_parse_meeting_mode("in person"), std::nullopt);
  EXPECT_EQ(diplo::try_parse_visit_level("private_visit"), std::nullopt);
  EXPECT_EQ(diplo::try_parse_status("Planned"), std::nullopt);
  EXPECT_EQ(diplo::try_parse_status(" planned"), std::nullopt);
}

}  // namespace
