// SPDX-License-Identifier: MIT
// Where was Xi Jinping on 9 May 2025? And who did he meet most often?
#include <diplo/diplo.h>

#include "sample_timeline.h"

int main() {
  using namespace date::literals;
  const diplo::timeline t = sample::timeline();
  const diplo::actor_id xi = t.actors().resolve("习近平");

  for (date::year_month_day day :
       {2025_y / date::May / 9, 2024_y / date::October / 23, 2025_y / date::January / 21}) {
    auto places = diplo::where(t, xi, day);
    fmt::print("Xi Jinping on {}:{}\n", diplo::partial_date(day),
               places.empty() ? " no event on record" : "");
    for (const auto& w : places) fmt::print("  {}\n", w);
  }

  fmt::print("Xi Jinping's contacts (in person):\n");
  for (const auto& c : diplo::contacts(t, xi)) fmt::print("  {}\n", c);

  auto gap = diplo::longest_gap(t, xi, t.actors().resolve("Putin"));
  if (!gap) return 1;
  fmt::print("Longest time between two meetings with Putin: {}\n", *gap);
}
