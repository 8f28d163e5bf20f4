// SPDX-License-Identifier: MIT
// When did Xi Jinping last meet Vladimir Putin — before his May 2025 visit, and at all?
#include <diplo/diplo.h>

#include "sample_timeline.h"

int main() {
  using namespace date::literals;
  const diplo::timeline t = sample::timeline();
  const diplo::actor_id xi = t.actors().resolve("Xi Jinping");
  const diplo::actor_id putin = t.actors().resolve("Путин");

  fmt::print("When did Xi Jinping last meet Vladimir Putin?\n");
  if (auto last = diplo::last_meeting(t, xi, putin)) {
    fmt::print("  {}\n", *last);
  }

  fmt::print("And before the state visit of 7 May 2025?\n");
  auto before = diplo::last_meeting(t, xi, putin, {.before = 2025_y / date::May / 7});
  if (!before) return 1;
  fmt::print("  {}\n", *before);
  for (const auto& s : before->event.sources()) fmt::print("  source: {}\n", s);

  fmt::print("Counting calls too?\n");
  auto call = diplo::last_meeting(t, xi, putin, {.before = 2025_y / date::May / 7, .calls = true});
  if (!call) return 1;
  fmt::print("  {}\n", *call);
}
