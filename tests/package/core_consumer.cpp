// SPDX-License-Identifier: MIT
// A user of diplo's core alone (diplo::diplo; pkg-config diplo): its own timeline and one
// query, with nothing of the readers, the bundled dataset or time zones.
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

  // A name folded through utf8proc (the core's compiled part): "PUTIN" finds Putin.
  auto r = diplo::last_meeting(t, t.actors().resolve("XI JINPING"), t.actors().resolve("putin"));
  if (!r) return 1;
  fmt::print("core: {}\n", *r);

  // Errors are diplo::error, thrown in the library and caught here.
  try {
    (void)t.actors().resolve("Pootin");
    return 1;
  } catch (const diplo::lookup_error& e) {
    fmt::print("{}\n", e.what());
  }
  return 0;
}
