// SPDX-License-Identifier: MIT
// The timeline both package consumers build by hand: Xi and Putin, talks in Kazan on
// 22 October 2024. Only the core (diplo::diplo) is needed.
#pragma once

#include <diplo/diplo.h>

#include <utility>

inline auto kazan_timeline() -> diplo::timeline {
  using namespace date::literals;
  diplo::actor_registry actors;
  actors.add(diplo::person{
      .id = diplo::actor_id{"xi-jinping"}, .name = "Xi Jinping", .country = diplo::country_code{"CN"}});
  actors.add(diplo::person{.id = diplo::actor_id{"vladimir-putin"},
                           .name = "Vladimir Putin",
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
  return std::move(b).freeze();
}
