// SPDX-License-Identifier: MIT
// Must not compile: the reference to the warnings would outlive every handle to the
// timeline's store once the temporary dies at the end of the line (LIFETIME in
// diplo/timeline.h). Events are safe here: an event_ref keeps its store.
// expect: warnings
#include <diplo/timeline.h>

auto make() -> diplo::timeline { return diplo::timeline_builder{}.freeze(); }

auto dangling() -> std::size_t {
  const auto& all = make().warnings();
  return all.size();
}
