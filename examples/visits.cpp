// SPDX-License-Identifier: MIT
// How many times has Xi Jinping visited Russia since the war began in February 2022?
// A summit abroad is a visit too, and the events of one stay make one trip.
#include <diplo/diplo.h>

#include "sample_timeline.h"

int main() {
  using namespace date::literals;
  const diplo::timeline t = sample::timeline();
  const diplo::actor_id xi = t.actors().resolve("Xi");

  auto trips = diplo::visits(t, {.guest = xi,
                                 .host_country = diplo::country_code{"RU"},
                                 .from = 2022_y / date::February / 24,
                                 .to = 2025_y / date::May / 10});
  fmt::print("Xi Jinping's visits to Russia, 24 February 2022 - 10 May 2025: {}\n", trips.size());
  for (const auto& trip : trips) {
    fmt::print("  {}\n", trip);
    for (const diplo::event_ref& e : trip.events) fmt::print("    - {}\n", e);
  }

  auto state = diplo::count_visits(
      t, {.guest = xi, .host_country = diplo::country_code{"RU"}, .level = diplo::visit_level::state});
  fmt::print("Of which state visits: {}\n", state);

  fmt::print("Vladimir Putin's trips abroad:\n");
  for (const auto& trip : diplo::visits(t, {.guest = t.actors().resolve("Putin")})) {
    fmt::print("  {}\n", trip);
  }
  return trips.size() == 3 ? 0 : 1;
}
