// SPDX-License-Identifier: MIT
// Must not compile: the registry reference would outlive every handle to the timeline's
// store (LIFETIME in diplo/timeline.h).
// expect: actors
#include <diplo/timeline.h>

auto make() -> diplo::timeline { return diplo::timeline_builder{}.freeze(); }

auto dangling() -> std::size_t {
  const diplo::actor_registry& actors = make().actors();
  return actors.size();
}
