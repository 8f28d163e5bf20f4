// SPDX-License-Identifier: MIT
// Must not compile: the span of declared coverage would point into a store that no handle
// keeps alive once the temporary timeline dies at the end of the line (LIFETIME in
// diplo/timeline.h).
// expect: coverage
#include <diplo/timeline.h>

auto make() -> diplo::timeline { return diplo::timeline_builder{}.freeze(); }

auto dangling() -> std::size_t {
  auto scopes = make().coverage();
  return scopes.size();
}
