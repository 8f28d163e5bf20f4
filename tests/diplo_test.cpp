// SPDX-License-Identifier: MIT
// The umbrella header and the version: <diplo/diplo.h> alone is enough for the
// flagship question.
#include <diplo/diplo.h>

#include <gtest/gtest.h>

#ifndef DIPLO_TEST_PROJECT_VERSION
#error "tests/CMakeLists.txt passes the CMake project version"
#endif

namespace {

TEST(Diplo, VersionMatchesTheBuild) {
  EXPECT_STREQ(diplo::version, DIPLO_TEST_PROJECT_VERSION);
  EXPECT_EQ(fmt::format("{}.{}.{}", DIPLO_VERSION_MAJOR, DIPLO_VERSION_MINOR, DIPLO_VERSION_PATCH),
            diplo::version);
}

TEST(Diplo, UmbrellaHeaderAnswersTheFlagshipQuestion) {
  using namespace date::literals;
  diplo::actor_registry actors;
  actors.add(diplo::person{.id = diplo::actor_id{"xi-jinping"},
                           .name = "Xi Jinping",
                           .aliases = {"习近平"},
                           .country = diplo::country_code{"CN"}});
  actors.add(diplo::person{.id = diplo::actor_id{"vladimir-putin"},
                           .name = "Vladimir Putin",
                           .aliases = {"Путин"},
                           .country = diplo::country_code{"RU"}});
  diplo::timeline_builder b(std::move(actors));
  diplo::meeting m;
  m.id = diplo::event_id{"kazan"};
  m.when = diplo::period::parse("2024-10-22");
  m.place = {.city = "Kazan", .country = diplo::country_code{"RU"}, .zone = "Europe/Moscow"};
  m.participants = {diplo::actor_id{"xi-jinping"}, diplo::actor_id{"vladimir-putin"}};
  b.add(m);
  const diplo::timeline t = std::move(b).freeze();
  auto r = diplo::last_meeting(t, t.actors().resolve("习近平"), t.actors().resolve("Путин"),
                               {.before = 2025_y / date::May / 7});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->when().first(), diplo::partial_date(2024_y / date::October / 22));
}

}  // namespace
