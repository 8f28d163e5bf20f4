// SPDX-License-Identifier: MIT
// Must not compile: the span would point into a store that no handle keeps alive once the
// temporary timeline dies at the end of the line (LIFETIME in diplo/timeline.h).
// expect: events
#include <diplo/timeline.h>

auto make() -> diplo::timeline { return diplo::timeline_builder{}.freeze(); }

auto dangling() -> std::size_t {
  auto all = make().events();
  return all.size();
}
