// SPDX-License-Identifier: MIT
// What a user's file costs to compile (scripts/bench times it; the target is at most 8 s at
// -O2 on 2 cores): it includes the umbrella header, builds and freezes a timeline, asks
// last_meeting and prints the answer.
#include <diplo/diplo.h>

auto main() -> int {
  using namespace date::literals;
  diplo::timeline_builder b;
  b.actors().add(
      diplo::person{.id = diplo::actor_id{"xi"}, .name = "Xi Jinping", .country = diplo::country_code{"CN"}});
  b.actors().add(diplo::person{
      .id = diplo::actor_id{"putin"}, .name = "Vladimir Putin", .country = diplo::country_code{"RU"}});
  diplo::meeting talks;
  talks.id = diplo::event_id{"kazan-talks"};
  talks.when = diplo::period::parse("2024-10-22");
  talks.place = {.city = "Kazan", .country = diplo::country_code{"RU"}};
  talks.participants = {diplo::actor_id{"xi"}, diplo::actor_id{"putin"}};
  b.add(talks);
  const diplo::timeline t = std::move(b).freeze();
  if (auto r = diplo::last_meeting(t, t.actors().resolve("Xi"), t.actors().resolve("Putin"),
                                   {.before = 2025_y / date::May / 7})) {
    fmt::print("{}\n", *r);
    return 0;
  }
  return 1;
}
