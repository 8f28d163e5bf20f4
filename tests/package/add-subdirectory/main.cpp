// SPDX-License-Identifier: MIT
// A user who vendors diplo with add_subdirectory: one real query.
#include <diplo/diplo.h>

#include <utility>

int main() {
  using namespace date::literals;
  diplo::actor_registry actors;
  actors.add(diplo::person{.id = diplo::actor_id{"xi-jinping"}, .name = "Xi Jinping",
                           .country = diplo::country_code{"CN"}});
  actors.add(diplo::person{.id = diplo::actor_id{"vladimir-putin"}, .name = "Vladimir Putin",
                           .country = diplo::country_code{"RU"}});
  diplo::timeline_builder b(std::move(actors));

  diplo::meeting m;
  m.id = diplo::event_id{"kazan-talks"};
  m.when = diplo::period::days(date::sys_days{2024_y / date::October / 22},
                               date::sys_days{2024_y / date::October / 22});
  m.place.city = "Kazan";
  m.place.country = diplo::country_code{"RU"};
  m.participants = {diplo::actor_id{"xi-jinping"}, diplo::actor_id{"vladimir-putin"}};
  b.add(m);
  diplo::timeline t = std::move(b).freeze();

  auto r = diplo::last_meeting(t, diplo::actor_id{"xi-jinping"}, diplo::actor_id{"vladimir-putin"});
  if (!r) return 1;
  fmt::print("{}\n", *r);
  return 0;
}
